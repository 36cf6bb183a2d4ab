/* udp-echo PORT: answers each datagram with "ADDR PAYLOAD", ADDR being the sender's address
 * as the container sees it. Built static in setup (busybox's nc has no UDP mode) and put
 * into the cove-test/web image, for the UDP forwarding tests and the client-address check. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: udp-echo PORT\n");
        return 2;
    }
    int s = socket(AF_INET6, SOCK_DGRAM, 0);
    int off = 0;
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(atoi(argv[1]))};
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("udp-echo: bind");
        return 1;
    }
    for (;;) {
        char in[1024], out[1200], host[INET6_ADDRSTRLEN];
        struct sockaddr_in6 peer;
        socklen_t len = sizeof peer;
        ssize_t n = recvfrom(s, in, sizeof in - 1, 0, (struct sockaddr *)&peer, &len);
        if (n < 0)
            continue;
        in[n] = 0;
        inet_ntop(AF_INET6, &peer.sin6_addr, host, sizeof host);
        /* A v4 client arrives as ::ffff:a.b.c.d on the dual-stack socket. */
        const char *h = strncmp(host, "::ffff:", 7) == 0 ? host + 7 : host;
        int m = snprintf(out, sizeof out, "%s %s", h, in);
        sendto(s, out, m, 0, (struct sockaddr *)&peer, len);
    }
}
