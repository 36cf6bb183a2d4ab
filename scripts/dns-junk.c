/* dns-junk SERVER [COUNT]: sends malformed DNS queries to SERVER port 53, as any container
 * could, and prints what comes back. Built static in setup and bind-mounted into a test
 * container (busybox's nc has no UDP mode): tests/dns.rs checks that the responder of
 * user networks answers FORMERR where it can and keeps resolving names afterwards.
 *
 * First the crafted cases, one line each, "NAME rcode=N id=ok|bad" or "NAME none" when
 * nothing came back within a second; then COUNT (default 1000) datagrams of random bytes
 * and lengths from a fixed seed, without waiting for answers; then "sent N". */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

static int sock;
static struct sockaddr_in server;

/* The 12-byte header of a standard query with recursion desired. */
static int header(unsigned char *p, unsigned id, unsigned qd, unsigned an) {
    unsigned char h[12] = {id >> 8, id & 0xff, 0x01, 0, qd >> 8, qd & 0xff, an >> 8, an & 0xff};
    memcpy(p, h, 12);
    return 12;
}

static void send_one(const unsigned char *p, int n) {
    sendto(sock, p, n, 0, (struct sockaddr *)&server, sizeof server);
}

/* Send, then wait for the answer with the same id (other answers are drained). */
static void probe(const char *name, const unsigned char *p, int n) {
    send_one(p, n);
    for (;;) {
        unsigned char r[4096];
        ssize_t got = recv(sock, r, sizeof r, 0);
        if (got < 0) {
            printf("%s none\n", name);
            return;
        }
        if (got >= 4 && n >= 2 && r[0] == p[0] && r[1] == p[1]) {
            printf("%s rcode=%d id=ok\n", name, r[3] & 0x0f);
            return;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: dns-junk SERVER [COUNT]\n");
        return 2;
    }
    int count = argc == 3 ? atoi(argv[2]) : 1000;
    sock = socket(AF_INET, SOCK_DGRAM, 0);
    server.sin_family = AF_INET;
    server.sin_port = htons(53);
    if (sock < 0 || inet_pton(AF_INET, argv[1], &server.sin_addr) != 1) {
        fprintf(stderr, "dns-junk: bad server %s\n", argv[1]);
        return 1;
    }
    struct timeval tv = {.tv_sec = 1};
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

    unsigned char p[600];
    int n;

    /* The datagram of the issue: "a" IN A, cut to 17 bytes (type and class incomplete). */
    n = header(p, 0x1701, 1, 0);
    memcpy(p + n, "\x01" "a" "\x00" "\x00\x01" "\x00\x01", 7);
    probe("truncated", p, 17);

    /* A label of 63 bytes announced, 2 present. */
    n = header(p, 0x1702, 1, 0);
    memcpy(p + n, "\x3f" "ab", 3);
    probe("label-past-end", p, n + 3);

    /* A name that is a compression pointer to itself. */
    n = header(p, 0x1703, 1, 0);
    memcpy(p + n, "\xc0\x0c" "\x00\x01" "\x00\x01", 6);
    probe("pointer-loop", p, n + 6);

    /* 65535 questions and answers announced, one empty question present. */
    n = header(p, 0x1704, 0xffff, 0xffff);
    memcpy(p + n, "\x00" "\x00\x01" "\x00\x01", 5);
    probe("huge-counts", p, n + 5);

    /* Shorter than a header: nothing to answer to. */
    probe("short", (const unsigned char *)"\x17\x05\x01\x00\x00", 5);

    /* xorshift32 from a fixed seed: the same datagrams on every run. */
    unsigned x = 0x2545f491;
    for (int i = 0; i < count; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        int len = x % sizeof p;
        for (int j = 0; j < len; j++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            p[j] = x & 0xff;
        }
        /* Every fourth one a plausible query header with garbage after it, so the
         * parser gets past the header, not only the header check. */
        if (i % 4 == 0 && len >= 12) {
            p[2] = 0x01, p[3] = 0, p[4] = 0, p[5] = 1;
        }
        send_one(p, len);
    }
    printf("sent %d\n", count);
    return 0;
}
