#!/usr/bin/env python3
"""Build the pull benchmark's images and push them to the test registry, once.

Usage: pull-images.py BUILD_TEST_IMAGES_PY REGISTRY REBUILD(0|1)

cove-bench/big:  1 busybox layer + 6 layers of 50 MiB (25 files of 2 MiB each) of seeded
                 pseudo-random 7-bit bytes: transfer, hashing and inflate dominate.
cove-bench/real: shaped like a language runtime image, where creating files dominates:
                 busybox, ~18,000 documentation files, a ~30,000-file Python-like stdlib
                 (.py text and .pyc), site-packages with ~6,000 files and 250 shared
                 objects; ~54,000 files in 4 layers.

Every byte comes from fixed seeds, so the digests are the same on every machine.
"""
import importlib.util
import random
import sys

spec = importlib.util.spec_from_file_location("bti", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
reg = m.Registry(sys.argv[2])
rebuild = sys.argv[3] == "1"

SEVEN_BITS = bytes(b & 0x7F for b in range(256))


def present(repo):
    status, _, _ = reg.request(
        "HEAD", "/v2/%s/manifests/latest" % repo, headers={"Accept": m.DOCKER_MANIFEST}, ok=(200, 404)
    )
    if status == 200 and not rebuild:
        m.log("bench image %s already in the registry (REBUILD=1 to rebuild)" % repo)
        return True
    m.log("building %s (takes a minute)..." % repo)
    return False


def push(repo, layers):
    img = m.Image(layers, oci=False)
    reg.push_image(repo, img)
    m.log("pushed %s %s, %d MB compressed" % (repo, img.digest, sum(len(l.blob) for l in layers) >> 20))


def gz6(t):
    return m.gz(t, level=6)


def build_big():
    repo = "cove-bench/big"
    if present(repo):
        return
    rng = random.Random(20240601)
    layers = [m.Layer(m.make_tar(m.base_entries()), m.DOCKER_LAYER_GZIP, m.gz)]
    for i in range(6):
        entries = [m.d("big%d/" % i)]
        for j in range(25):
            entries.append(m.f("big%d/f%02d" % (i, j), rng.randbytes(2 << 20).translate(SEVEN_BITS)))
        layers.append(m.Layer(m.make_tar(entries), m.DOCKER_LAYER_GZIP, gz6))
        m.log("  layer %d: %d bytes compressed" % (i + 1, len(layers[-1].blob)))
    push(repo, layers)


class Text:
    """Word salad from a fixed vocabulary: compresses about as well as prose and code."""

    def __init__(self, rng):
        self.rng = rng
        alpha = "abcdefghijklmnopqrstuvwxyz_"
        self.words = ["".join(rng.choices(alpha, k=rng.randint(2, 11))) for _ in range(30000)]

    def __call__(self, size):
        ws = self.rng.choices(self.words, k=max(1, size // 7))
        return ("\n".join(" ".join(ws[i : i + 9]) for i in range(0, len(ws), 9)) + "\n").encode()


def sizes(rng, lo, hi):
    # Log-uniform: many small files, a few large ones, as real trees have.
    return int(lo * (hi / lo) ** rng.random())


def build_real():
    repo = "cove-bench/real"
    if present(repo):
        return
    rng = random.Random(20261203)
    text = Text(rng)
    layers = [m.Layer(m.make_tar(m.base_entries()), m.DOCKER_LAYER_GZIP, m.gz)]

    docs = [m.d("usr/"), m.d("usr/share/"), m.d("usr/share/doc/")]
    for p in range(1500):
        base = "usr/share/doc/pkg%04d/" % p
        docs.append(m.d(base))
        for name in ["copyright", "changelog", "README", "NEWS", "TODO", "AUTHORS"]:
            docs.append(m.f(base + name, text(sizes(rng, 200, 16000))))
        docs.append(m.d(base + "examples/"))
        for e in range(6):
            docs.append(m.f(base + "examples/ex%d.txt" % e, text(sizes(rng, 200, 8000))))
    layers.append(m.Layer(m.make_tar(docs), m.DOCKER_LAYER_GZIP, gz6))
    m.log("  docs: %d entries, %d bytes compressed" % (len(docs), len(layers[-1].blob)))

    lib = [m.d("usr/lib/"), m.d("usr/lib/python3.11/")]
    for p in range(600):
        base = "usr/lib/python3.11/mod%03d/" % p
        lib += [m.d(base), m.d(base + "__pycache__/")]
        for f in range(25):
            size = sizes(rng, 300, 40000)
            lib.append(m.f(base + "f%02d.py" % f, text(size)))
            pyc = rng.randbytes(size // 6).translate(SEVEN_BITS) + text(size // 3)
            lib.append(m.f(base + "__pycache__/f%02d.cpython-311.pyc" % f, pyc))
    layers.append(m.Layer(m.make_tar(lib), m.DOCKER_LAYER_GZIP, gz6))
    m.log("  stdlib: %d entries, %d bytes compressed" % (len(lib), len(layers[-1].blob)))

    site = [m.d("usr/lib/python3.11/site-packages/")]
    for p in range(300):
        base = "usr/lib/python3.11/site-packages/pkg%03d/" % p
        site.append(m.d(base))
        for f in range(20):
            site.append(m.f(base + "m%02d.py" % f, text(sizes(rng, 300, 20000))))
        if p < 250:
            so = rng.randbytes(sizes(rng, 100000, 900000)).translate(SEVEN_BITS)
            site.append(m.f(base + "_native.cpython-311-x86_64-linux-gnu.so", so, 0o755))
    layers.append(m.Layer(m.make_tar(site), m.DOCKER_LAYER_GZIP, gz6))
    m.log("  site-packages: %d entries, %d bytes compressed" % (len(site), len(layers[-1].blob)))
    push(repo, layers)


build_big()
build_real()
