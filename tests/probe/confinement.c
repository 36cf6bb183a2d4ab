/* Confinement probe, run inside containers by tests/confinement.rs under cove and Podman.
 *
 * Each probe tries one thing a container should not be able to do, crafted so that it
 * succeeds (or fails only with a "the kernel looked at it" error such as EINVAL) when
 * nothing stops it. It prints one line per probe:
 *     NAME allowed|denied|absent DETAIL
 * "denied" means the call was refused (EPERM, EACCES, ENOSYS, EROFS, or the errno a
 * seccomp rule is known to return for it), "absent" that the file a path probe needs does
 * not exist on this kernel; DETAIL is the errno name or "ok". Probes
 * that change the calling process run in a forked child. No probe has an effect outside
 * the container: the kernel calls that could (reboot, kexec, swapon, module loading) are
 * given arguments the kernel rejects after its permission checks, and the probe refuses
 * to run in the host's own user namespace.
 *
 * Usage: confinement-probe [NAME...]   (no names: every probe)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/bpf.h>
#include <linux/netlink.h>
#include <linux/perf_event.h>
#include <linux/reboot.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425
#endif
#ifndef SYS_userfaultfd
#define SYS_userfaultfd 323
#endif

/* Result of one probe: 0 = succeeded, else the errno. */
typedef int (*probe_fn)(void);

static int err(long r) { return r < 0 ? errno : 0; }

/* Run fn in a child so whatever it changes (namespaces, personality) dies with it. */
static int in_child(probe_fn fn) {
    int p[2];
    if (pipe(p) < 0) return errno;
    pid_t pid = fork();
    if (pid < 0) return errno;
    if (pid == 0) {
        int e = fn();
        (void)!write(p[1], &e, sizeof e);
        _exit(0);
    }
    close(p[1]);
    int e = EIO;
    if (read(p[0], &e, sizeof e) != sizeof e) e = EIO;
    close(p[0]);
    waitpid(pid, NULL, 0);
    return e;
}

static int clone_flags(unsigned long flags) {
    long r = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
    if (r == 0) _exit(0);
    if (r < 0) return errno;
    waitpid((pid_t)r, NULL, 0);
    return 0;
}
static int p_clone_newuser(void) { return clone_flags(CLONE_NEWUSER); }
static int p_clone_newns(void) { return clone_flags(CLONE_NEWNS); }
static int p_clone_newnet(void) { return clone_flags(CLONE_NEWNET); }

struct clone_args_v0 {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};
static int p_clone3_newuser(void) {
    struct clone_args_v0 a;
    memset(&a, 0, sizeof a);
    a.flags = CLONE_NEWUSER;
    a.exit_signal = SIGCHLD;
    long r = syscall(SYS_clone3, &a, sizeof a);
    if (r == 0) _exit(0);
    if (r < 0) return errno;
    waitpid((pid_t)r, NULL, 0);
    return 0;
}

static int unshare_child_newuser(void) { return err(unshare(CLONE_NEWUSER)); }
static int unshare_child_newns(void) { return err(unshare(CLONE_NEWNS)); }
static int unshare_child_newnet(void) { return err(unshare(CLONE_NEWNET)); }
static int p_unshare_newuser(void) { return in_child(unshare_child_newuser); }
static int p_unshare_newns(void) { return in_child(unshare_child_newns); }
static int p_unshare_newnet(void) { return in_child(unshare_child_newnet); }

static int mount_child(void) {
    mkdir("/tmp/.probe-mnt", 0700);
    int e = err(mount("probe", "/tmp/.probe-mnt", "tmpfs", 0, NULL));
    if (e == 0) umount("/tmp/.probe-mnt");
    rmdir("/tmp/.probe-mnt");
    return e;
}
static int p_mount(void) { return in_child(mount_child); }

/* KEYCTL_GET_KEYRING_ID of the process keyring without creating it: ENOKEY if allowed. */
static int p_keyctl(void) { return err(syscall(SYS_keyctl, 0, -2, 0)); }
/* An unknown key type: ENODEV once the kernel looks at it. */
static int p_add_key(void) {
    return err(syscall(SYS_add_key, "probe-no-such-type", "probe", "x", 1, -2));
}
static int p_bpf(void) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.map_type = BPF_MAP_TYPE_ARRAY;
    attr.key_size = 4;
    attr.value_size = 4;
    attr.max_entries = 1;
    long fd = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
    if (fd >= 0) close((int)fd);
    return err(fd);
}
static int p_perf_event_open(void) {
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.type = PERF_TYPE_SOFTWARE;
    a.size = sizeof a;
    a.config = PERF_COUNT_SW_TASK_CLOCK;
    a.disabled = 1;
    a.exclude_kernel = 1;
    a.exclude_hv = 1;
    long fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
    if (fd >= 0) close((int)fd);
    return err(fd);
}
static int p_userfaultfd(void) {
    long fd = syscall(SYS_userfaultfd, O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */);
    if (fd >= 0) close((int)fd);
    return err(fd);
}
static int p_io_uring_setup(void) {
    unsigned char params[120];
    memset(params, 0, sizeof params);
    long fd = syscall(SYS_io_uring_setup, 1, params);
    if (fd >= 0) close((int)fd);
    return err(fd);
}
static int p_ptrace_attach(void) {
    pid_t pid = fork();
    if (pid < 0) return errno;
    if (pid == 0) {
        for (;;) pause();
    }
    int e = err(ptrace(PTRACE_ATTACH, pid, 0, 0));
    if (e == 0) {
        waitpid(pid, NULL, 0);
        ptrace(PTRACE_DETACH, pid, 0, 0);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return e;
}
static int personality_child(void) { return err(personality(ADDR_NO_RANDOMIZE)); }
static int p_personality(void) { return in_child(personality_child); }
static int p_socket_vsock(void) {
    int fd = socket(AF_VSOCK, SOCK_STREAM, 0);
    if (fd >= 0) close(fd);
    return err(fd);
}
static int p_socket_audit(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT);
    if (fd >= 0) close(fd);
    return err(fd);
}
/* Allowed everywhere; tests/confinement.rs's own profiles refuse them by argument value. */
static int p_personality_query(void) { return err(personality(0xffffffff)); }
static int socket_dgram(int domain) {
    int fd = socket(domain, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd >= 0) close(fd);
    return err(fd);
}
static int p_socket_inet_dgram(void) { return socket_dgram(AF_INET); }
static int p_socket_unix_dgram(void) { return socket_dgram(AF_UNIX); }
/* A null segment list: EINVAL or EFAULT after the permission checks. */
static int p_kexec_load(void) { return err(syscall(SYS_kexec_load, 0, 1, NULL, 0)); }
static int p_init_module(void) { return err(syscall(SYS_init_module, NULL, 0, "")); }
static int p_open_by_handle_at(void) {
    struct { unsigned int bytes; int type; unsigned char h[8]; } fh = { 8, 1, {0} };
    long fd = syscall(SYS_open_by_handle_at, AT_FDCWD, &fh, O_RDONLY);
    if (fd >= 0) close((int)fd);
    return err(fd);
}
static int p_setns(void) {
    int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    int e = err(setns(fd, CLONE_NEWNET));
    close(fd);
    return e;
}
static int p_pivot_root(void) {
    return err(syscall(SYS_pivot_root, "/nonexistent-probe", "/nonexistent-probe"));
}
static int p_swapon(void) { return err(syscall(SYS_swapon, "/nonexistent-probe", 0)); }
static int p_acct(void) { return err(syscall(SYS_acct, "/nonexistent-probe")); }
/* In a pid namespace other than the host's, an unknown reboot command is EINVAL. */
static int p_reboot(void) {
    return err(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
                       LINUX_REBOOT_CMD_CAD_OFF, NULL));
}
static int p_syslog(void) { return err(syscall(SYS_syslog, 10 /* SIZE_BUFFER */, NULL, 0)); }
static int p_mknod_char(void) {
    int e = err(mknod("/tmp/.probe-null", S_IFCHR | 0600, makedev(1, 3)));
    unlink("/tmp/.probe-null");
    return e;
}
static int write_file(const char *path) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    close(fd);
    return 0;
}
static int p_write_proc_sys(void) { return write_file("/proc/sys/kernel/core_pattern"); }
static int p_write_proc_sysrq(void) { return write_file("/proc/sysrq-trigger"); }
static int p_write_sys(void) { return write_file("/sys/kernel/mm/ksm/run"); }
/* A masked file reads as empty (/dev/null bound over it) or cannot be opened. */
static int read_file(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    char b[64];
    ssize_t n = read(fd, b, sizeof b);
    int e = n < 0 ? errno : (n == 0 ? EACCES : 0);
    close(fd);
    return e;
}
static int p_read_kcore(void) { return read_file("/proc/kcore"); }
static int p_read_keys(void) { return read_file("/proc/keys"); }
static int p_read_timer_list(void) { return read_file("/proc/timer_list"); }

struct probe {
    const char *name;
    probe_fn fn;
    int refused_errno; /* besides EPERM/EACCES/ENOSYS/EROFS, e.g. the audit rule's EINVAL */
};

static const struct probe PROBES[] = {
    {"clone-newuser", p_clone_newuser, 0},
    {"clone-newns", p_clone_newns, 0},
    {"clone-newnet", p_clone_newnet, 0},
    {"clone3-newuser", p_clone3_newuser, 0},
    {"unshare-newuser", p_unshare_newuser, 0},
    {"unshare-newns", p_unshare_newns, 0},
    {"unshare-newnet", p_unshare_newnet, 0},
    {"mount", p_mount, 0},
    {"keyctl", p_keyctl, 0},
    {"add_key", p_add_key, 0},
    {"bpf", p_bpf, 0},
    {"perf_event_open", p_perf_event_open, 0},
    {"userfaultfd", p_userfaultfd, 0},
    {"io_uring_setup", p_io_uring_setup, 0},
    {"ptrace-attach", p_ptrace_attach, 0},
    {"personality-addr-no-randomize", p_personality, 0},
    {"socket-af-vsock", p_socket_vsock, 0},
    {"socket-netlink-audit", p_socket_audit, EINVAL},
    {"kexec_load", p_kexec_load, 0},
    {"init_module", p_init_module, 0},
    {"open_by_handle_at", p_open_by_handle_at, 0},
    {"setns", p_setns, 0},
    {"pivot_root", p_pivot_root, 0},
    {"swapon", p_swapon, 0},
    {"acct", p_acct, 0},
    {"reboot", p_reboot, 0},
    {"syslog", p_syslog, 0},
    {"mknod-char", p_mknod_char, 0},
    {"write-proc-sys", p_write_proc_sys, 0},
    {"write-proc-sysrq-trigger", p_write_proc_sysrq, 0},
    {"write-sys", p_write_sys, 0},
    {"read-proc-kcore", p_read_kcore, 0},
    {"read-proc-keys", p_read_keys, 0},
    {"read-proc-timer_list", p_read_timer_list, 0},
    {"personality-query", p_personality_query, 0},
    {"socket-inet-dgram", p_socket_inet_dgram, 0},
    {"socket-unix-dgram", p_socket_unix_dgram, 0},
};

static const char *errname(int e) {
    const char *n = strerrorname_np(e);
    return n ? n : "E?";
}

/* The initial user namespace's inode (PROC_USER_INIT_INO): outside any container. */
#define INIT_USER_NS_INO 0xEFFFFFFDu

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct stat ns;
    if (stat("/proc/self/ns/user", &ns) < 0 || ns.st_ino == INIT_USER_NS_INO) {
        fprintf(stderr, "confinement-probe: refusing to run outside a user namespace\n");
        return 2;
    }
    size_t count = sizeof PROBES / sizeof PROBES[0];
    for (size_t i = 0; i < count; i++) {
        const struct probe *p = &PROBES[i];
        if (argc > 1) {
            int wanted = 0;
            for (int a = 1; a < argc; a++) wanted |= strcmp(argv[a], p->name) == 0;
            if (!wanted) continue;
        }
        int e = p->fn();
        int refused = e == EPERM || e == EACCES || e == ENOSYS || e == EROFS ||
                      (p->refused_errno && e == p->refused_errno);
        /* A path probe whose file this kernel does not have proves nothing either way. */
        const char *verdict = refused ? "denied" : "allowed";
        if (e == ENOENT && (strncmp(p->name, "write-", 6) == 0 || strncmp(p->name, "read-", 5) == 0))
            verdict = "absent";
        printf("%s %s %s\n", p->name, verdict, e ? errname(e) : "ok");
    }
    return 0;
}
