/* tcp-echo: a TCP echo server for the port-forwarding tests, and a client for the bench.
 *
 *   tcp-echo PORT
 *       Listens on every address (IPv4 and IPv6), a process per connection: sends back
 *       every byte received and, after the client's EOF, its own EOF.
 *   tcp-echo -c HOST PORT CONNS BYTES
 *       Opens CONNS connections at once, sends BYTES of a pattern that differs per
 *       connection on each while reading the echo back, checks every byte, and prints
 *       "CONNS BYTES SECONDS MB/s" (MB/s counts both directions). Exit 1 on any error.
 *
 * Static, libc only: the web test image has no compiler and busybox's nc -ll has a listen
 * backlog of 2. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int serve(int port) {
    int s = socket(AF_INET6, SOCK_STREAM, 0), off = 0, on = 1;
    struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(port)};
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 1024) < 0) {
        perror("tcp-echo: listen");
        return 1;
    }
    signal(SIGCHLD, SIG_IGN); /* children are reaped by the kernel */
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0)
            continue;
        if (fork() == 0) {
            static char buf[65536];
            ssize_t n;
            close(s);
            while ((n = read(c, buf, sizeof buf)) > 0)
                for (ssize_t w = 0, m; w < n; w += m)
                    if ((m = write(c, buf + w, n - w)) <= 0)
                        _exit(1);
            shutdown(c, SHUT_WR);
            _exit(0);
        }
        close(c);
    }
}

/* The stream of connection k is a 64 KiB pseudo-random block repeated, starting at an
 * offset of its own; stored twice over so any window of up to 64 KiB is contiguous, and
 * sending or checking costs no more than a memcmp. */
#define BLOCK 65536
static unsigned char pattern[2 * BLOCK];
static const unsigned char *pat(long k, long i) { return pattern + (i + k * 4099) % BLOCK; }

struct conn { int fd; long sent, got; };

static int client(const char *host, int port, long conns, long bytes) {
    struct conn *c = calloc(conns, sizeof *c);
    struct pollfd *p = calloc(conns, sizeof *p);
    static unsigned char buf[65536];
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    struct timespec t0, t1;
    long left = conns;
    unsigned x = 2463534242u;
    for (int i = 0; i < BLOCK; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        pattern[i] = pattern[i + BLOCK] = (unsigned char)x;
    }
    inet_pton(AF_INET, host, &a.sin_addr);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long k = 0; k < conns; k++) {
        c[k].fd = socket(AF_INET, SOCK_STREAM, 0);
        if (c[k].fd < 0 || connect(c[k].fd, (struct sockaddr *)&a, sizeof a) < 0) {
            perror("tcp-echo: connect");
            return 1;
        }
        fcntl(c[k].fd, F_SETFL, O_NONBLOCK);
    }
    while (left > 0) {
        for (long k = 0; k < conns; k++) {
            p[k].fd = c[k].got <= bytes ? c[k].fd : -1;
            p[k].events = (c[k].got <= bytes ? POLLIN : 0) | (c[k].sent < bytes ? POLLOUT : 0);
        }
        if (poll(p, conns, -1) < 0 && errno != EINTR)
            return perror("tcp-echo: poll"), 1;
        for (long k = 0; k < conns; k++) {
            struct conn *x = &c[k];
            if (p[k].fd < 0 || !p[k].revents)
                continue;
            if (x->sent < bytes && (p[k].revents & (POLLOUT | POLLERR | POLLHUP))) {
                long n = bytes - x->sent < (long)sizeof buf ? bytes - x->sent : (long)sizeof buf;
                ssize_t m = send(x->fd, pat(k, x->sent), n, MSG_NOSIGNAL);
                if (m < 0 && errno != EAGAIN)
                    return fprintf(stderr, "tcp-echo: connection %ld: send: %s\n", k, strerror(errno)), 1;
                if (m > 0 && (x->sent += m) == bytes)
                    shutdown(x->fd, SHUT_WR);
            }
            if (p[k].revents & (POLLIN | POLLERR | POLLHUP)) {
                ssize_t m = recv(x->fd, buf, sizeof buf, 0);
                if (m < 0 && errno != EAGAIN)
                    return fprintf(stderr, "tcp-echo: connection %ld: recv: %s\n", k, strerror(errno)), 1;
                if (m == 0) {
                    if (x->got != bytes)
                        return fprintf(stderr, "tcp-echo: connection %ld: EOF after %ld bytes\n", k, x->got), 1;
                    x->got++; /* past the end: done */
                    close(x->fd);
                    left--;
                    continue;
                }
                if (m > 0 && (x->got + m > bytes || memcmp(buf, pat(k, x->got), m)))
                    return fprintf(stderr, "tcp-echo: connection %ld: wrong bytes after %ld\n", k, x->got), 1;
                if (m > 0)
                    x->got += m;
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%ld %ld %.3f %.1f\n", conns, bytes, s, 2.0 * conns * bytes / s / 1e6);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2)
        return serve(atoi(argv[1]));
    if (argc == 6 && !strcmp(argv[1], "-c"))
        return client(argv[2], atoi(argv[3]), atol(argv[4]), atol(argv[5]));
    fprintf(stderr, "usage: tcp-echo PORT | tcp-echo -c HOST PORT CONNS BYTES\n");
    return 2;
}
