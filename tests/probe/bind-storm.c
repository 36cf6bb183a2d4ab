/* A hostile container process for tests/port_handoff.rs: bind() with bad pointers,
 * lengths, descriptors and families, and a sockaddr rewritten by a second thread while
 * the call waits for the shim (the TOCTOU the shim guards against), many times over.
 * Then it serves: binds [::]:PORT and answers "alive\n" to every connection, so the test
 * sees the shim still hands the port over afterwards.
 * Usage: bind-storm PORT ROUNDS. Built static (gcc -static -pthread). */
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in6 shared;
static volatile int running = 1;

/* Flips the shared sockaddr between a published wildcard and garbage, all the time. */
static void *flipper(void *arg) {
    unsigned port = *(unsigned *)arg;
    unsigned n = 0;
    while (running) {
        if (n++ & 1) {
            memset(&shared, 0xa5, sizeof shared);
        } else {
            memset(&shared, 0, sizeof shared);
            shared.sin6_family = AF_INET6;
            shared.sin6_port = htons(port);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    unsigned port = (unsigned)atoi(argv[1]);
    long rounds = atol(argv[2]);
    pthread_t t;
    pthread_create(&t, NULL, flipper, &port);
    /* A page that is unmapped again: a pointer into nothing. */
    void *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(gone, 4096);
    srand(42);
    for (long i = 0; i < rounds; i++) {
        int s = socket(i % 3 ? AF_INET6 : AF_INET, i % 5 ? SOCK_STREAM : SOCK_DGRAM, 0);
        void *ptrs[] = {NULL, (void *)1, gone, (void *)-1L, (void *)0x7ffffffff000L, &shared};
        socklen_t lens[] = {0, 1, 2, 15, 16, 23, 24, 28, 128, 0x7fffffff, (socklen_t)-1};
        int fds[] = {s, -1, 0, 1, 9999, s};
        void *p = ptrs[rand() % 6];
        socklen_t l = lens[rand() % 11];
        int fd = fds[rand() % 6];
        (void)bind(fd, (struct sockaddr *)p, l);
        close(s);
    }
    running = 0;
    pthread_join(t, NULL);
    int s = socket(AF_INET6, SOCK_STREAM, 0), off = 0;
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(port)};
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 64) < 0) {
        perror("bind-storm: serving");
        return 1;
    }
    printf("storm over, serving\n");
    fflush(stdout);
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) continue;
        (void)write(c, "alive\n", 6);
        close(c);
    }
}
