#!/usr/bin/python3
"""Build cove's test images from /bin/busybox and push them to the test registries.

Python stdlib only (plus the `zstd` CLI for the zstd layer), so it runs on a fresh
Debian 12 machine. Everything is deterministic (fixed mtimes, uid/gid, gzip mtime 0,
sorted JSON), so re-running produces the same digests and the registry upload is a no-op.

Usage:
  build-test-images.py --registry 127.0.0.1:PORT [--auth-registry 127.0.0.1:PORT2
      --auth-user U --auth-pass P] [--storage /var/lib/cove-test/registry/data]

stdout: KEY=VALUE lines (shell-sourceable) with the digests the tests need;
stderr: progress. --storage is the first registry's filesystem root, needed for the
`baddigest` image whose blob has to be planted behind the registry's back.

Images (all under the repository prefix cove-test/, all tagged latest):

  one        Docker schema 2, 1 gzip layer: the busybox base (see base_entries()).
  busybox    OCI, 1 gzip layer: every busybox applet, /etc/passwd with user web, /var/www.
  web        busybox's layer + /bin/udp-echo and /var/www/cgi-bin/addr (prints REMOTE_ADDR);
             EXPOSE 80/tcp 7/udp; CMD httpd -f -p 80 -h /var/www.
  healthy    busybox's layer; HEALTHCHECK test -f /tmp/ready every 0.5 s; CMD creates it.
  multi      OCI, 3 gzip layers:
               L1 busybox base
               L2 /data/ (0755)
                  /data/a "a1" (0644)          /data/b "b1" (0644)
                  /data/dir/ (0755)            /data/dir/x "x" (0644)
                  /data/keep "keep" (0640)     /data/hl  hardlink -> data/keep
                  /data/sl symlink -> keep     /data/owned "owned" (0600, uid 1000 gid 1000)
                  /data/gone/ (0755)           /data/gone/f "f" (0644)
               L3 /data/ (0755)
                  /data/.wh.a                  (whiteout: a is deleted)
                  /data/b "b2" (0644)          (replaces b)
                  /data/dir/ (0755)
                  /data/dir/.wh..wh..opq       (opaque: x disappears)
                  /data/dir/y "y" (0644)
                  /data/.wh.gone               (whiteout of a whole directory)
             Expected merged /data (file contents have no trailing newline):
               /data/b      "b2"
               /data/dir/   containing only y ("y")
               /data/keep   "keep", mode 0640, mtime MTIME
               /data/hl     "keep", same inode as /data/keep (nlink 2)
               /data/sl     symlink -> "keep"
               /data/owned  "owned", mode 0600, uid 1000 gid 1000 (as seen in the container)
               absent:      /data/a, /data/dir/x, /data/gone
  zstd       OCI, 1 layer tar+zstd: busybox base + /zstd-marker "zstd".
  multiarch  OCI image index: linux/amd64 and linux/arm64 (variant v8); each a 1-layer
             image = busybox base (amd64 binary in both) + /arch "amd64" / "arm64".
  evil-*     Docker schema 2, 1 layer each, every one trying to write into /tmp/cove-evil:
               evil-dotdot        regular file ../../../../../../../../tmp/cove-evil/dotdot
               evil-abs           regular file /tmp/cove-evil/abs
               evil-symlink       symlink esc -> /tmp/cove-evil, then file esc/pwned
               evil-symlink-rel   symlink esc -> ../../../../../../../tmp/cove-evil, then esc/pwned
               evil-hardlink      hardlink hl -> ../../../../../../tmp/cove-evil/canary,
                                  then regular file hl "pwned"
               evil-hardlink-abs  hardlink hl -> /tmp/cove-evil/canary, then regular file hl "pwned"
             Each layer starts with a harmless file /ok "ok".
  baddigest  Docker schema 2, 1 gzip layer whose served bytes do not match the digest in the
             manifest (same length, valid gzip+tar, different content: /f "evil" instead of
             "good"), planted directly into the registry's storage.
"""

import argparse
import base64
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request

MTIME = 1700000000  # 2023-11-14T22:13:20Z, fixed so digests are reproducible
BUSYBOX = "/bin/busybox"
APPLETS = ["sh", "ls", "cat", "echo", "true", "false", "sleep", "id", "env"]
PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
CREATED = "2023-11-14T22:13:20Z"

DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def canonical_json(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


# ---------------------------------------------------------------- tar building


def _info(name, kind=tarfile.REGTYPE, mode=0o644, uid=0, gid=0, linkname="", size=0):
    ti = tarfile.TarInfo(name)
    ti.type = kind
    ti.mode = mode
    ti.uid = uid
    ti.gid = gid
    ti.uname = ""
    ti.gname = ""
    ti.mtime = MTIME
    ti.linkname = linkname
    ti.size = size
    return ti


def d(name, mode=0o755, uid=0, gid=0):
    """Directory entry."""
    return (_info(name, tarfile.DIRTYPE, mode, uid, gid), None)


def f(name, content, mode=0o644, uid=0, gid=0):
    """Regular file entry. `name` is written verbatim: tarfile does not sanitise
    names passed through addfile(), which is exactly what the evil images need."""
    if isinstance(content, str):
        content = content.encode()
    return (_info(name, tarfile.REGTYPE, mode, uid, gid, size=len(content)), content)


def sym(name, target):
    return (_info(name, tarfile.SYMTYPE, 0o777, linkname=target), None)


def hard(name, target, mode=0o644):
    """Hardlink entry. Extractors may apply its mode to the shared inode, so it must
    repeat the target's mode (Docker's tars do the same)."""
    return (_info(name, tarfile.LNKTYPE, mode, linkname=target), None)


def make_tar(entries):
    buf = io.BytesIO()
    # PAX only adds extended headers when a field does not fit, so plain entries stay
    # plain ustar and the output is stable.
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for ti, content in entries:
            tar.addfile(ti, io.BytesIO(content) if content is not None else None)
    return buf.getvalue()


def base_entries():
    with open(BUSYBOX, "rb") as fh:
        busybox = fh.read()
    entries = [d("bin/"), f("bin/busybox", busybox, 0o755)]
    entries += [sym("bin/" + a, "busybox") for a in APPLETS]
    entries += [
        d("etc/"),
        f("etc/group", "root:x:0:\nnogroup:x:65534:\n"),
        f(
            "etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\n"
            "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        ),
        d("root/", 0o700),
        d("tmp/", 0o1777),
    ]
    return entries


# ------------------------------------------------------------- compression


def gz(data, level=9):
    # mtime=0 and no file name: byte-identical output on every run.
    return gzip.compress(data, compresslevel=level, mtime=0)


def zst(data):
    return subprocess.run(
        ["zstd", "-q", "-c", "-3", "--no-progress"], input=data, check=True, stdout=subprocess.PIPE
    ).stdout


class Layer:
    def __init__(self, tar_bytes, media_type, compress):
        self.diff_id = sha256(tar_bytes)
        self.blob = compress(tar_bytes)
        self.digest = sha256(self.blob)
        self.media_type = media_type

    def descriptor(self):
        return {"mediaType": self.media_type, "digest": self.digest, "size": len(self.blob)}


class Image:
    """A manifest + config + layers, ready to push."""

    def __init__(self, layers, oci, arch="amd64", extra_config=None, variant=None, history=None):
        self.layers = layers
        self.oci = oci
        config = {
            "architecture": arch,
            "os": "linux",
            "created": CREATED,
            "config": {"Env": [PATH_ENV], "Cmd": ["sh"], "WorkingDir": "/"},
            "rootfs": {"type": "layers", "diff_ids": [l.diff_id for l in layers]},
            "history": history
            or [{"created": CREATED, "created_by": "cove-test layer %d" % i} for i in range(len(layers))],
        }
        if variant:
            config["variant"] = variant
        if extra_config:
            config["config"].update(extra_config)
        self.config = canonical_json(config)
        self.config_digest = sha256(self.config)
        manifest = {
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST if oci else DOCKER_MANIFEST,
            "config": {
                "mediaType": OCI_CONFIG if oci else DOCKER_CONFIG,
                "digest": self.config_digest,
                "size": len(self.config),
            },
            "layers": [l.descriptor() for l in layers],
        }
        self.manifest = canonical_json(manifest)
        self.manifest_type = manifest["mediaType"]
        self.digest = sha256(self.manifest)


# ------------------------------------------------------------ registry client


class Registry:
    def __init__(self, host, user=None, password=None):
        self.base = "http://" + host
        self.auth = None
        if user is not None:
            token = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
            self.auth = "Basic " + token

    def request(self, method, url, data=None, headers=None, ok=(200,)):
        if not url.startswith("http"):
            url = self.base + url
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        if self.auth:
            req.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            body = e.read()
            if e.code in ok:
                return e.code, e.headers, body
            raise RuntimeError("%s %s -> %d %s" % (method, url, e.code, body[:500].decode(errors="replace")))

    def has_blob(self, repo, digest):
        status, _, _ = self.request("HEAD", "/v2/%s/blobs/%s" % (repo, digest), ok=(200, 404))
        return status == 200

    def push_blob(self, repo, data, digest=None):
        digest = digest or sha256(data)
        if self.has_blob(repo, digest):
            return digest
        status, headers, _ = self.request("POST", "/v2/%s/blobs/uploads/" % repo, data=b"", ok=(202,))
        location = headers["Location"]
        if location.startswith("/"):
            location = self.base + location
        sep = "&" if "?" in location else "?"
        self.request(
            "PUT",
            location + sep + "digest=" + digest,
            data=data,
            headers={"Content-Type": "application/octet-stream", "Content-Length": str(len(data))},
            ok=(201,),
        )
        return digest

    def push_manifest(self, repo, ref, body, media_type):
        _, headers, _ = self.request(
            "PUT", "/v2/%s/manifests/%s" % (repo, ref), data=body, headers={"Content-Type": media_type}, ok=(201,)
        )
        served = headers.get("Docker-Content-Digest")
        if served and served != sha256(body):
            raise RuntimeError("registry computed %s for manifest %s, expected %s" % (served, repo, sha256(body)))
        return sha256(body)

    def push_image(self, repo, image, tag="latest"):
        for layer in image.layers:
            self.push_blob(repo, layer.blob, layer.digest)
        self.push_blob(repo, image.config, image.config_digest)
        return self.push_manifest(repo, tag, image.manifest, image.manifest_type)


# ------------------------------------------------------------------- images


def build_one():
    return Image([Layer(make_tar(base_entries()), DOCKER_LAYER_GZIP, gz)], oci=False)


def busybox_applets():
    out = subprocess.run([BUSYBOX, "--list"], capture_output=True, text=True, check=True).stdout
    return sorted(set(a for a in out.split() if a and a != "busybox"))


def build_busybox():
    """The image container tests run: every busybox applet, mount points, and a user."""
    entries = [d("bin/"), f("bin/busybox", open(BUSYBOX, "rb").read(), 0o755)]
    entries += [sym("bin/" + a, "busybox") for a in busybox_applets()]
    entries += [
        d("etc/"),
        f("etc/group", "root:x:0:\nweb:x:1000:\naudio:x:29:web\nnogroup:x:65534:\n"),
        f(
            "etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\n"
            "web:x:1000:1000:web:/home/web:/bin/sh\n"
            "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        ),
        d("home/"),
        d("home/web/", uid=1000, gid=1000),
        d("root/", 0o700),
        d("tmp/", 0o1777),
        d("proc/"),
        d("sys/"),
        d("dev/"),
        d("var/"),
        d("var/www/"),
        f("var/www/index.html", "hello from cove\n"),
    ]
    cfg = {"Labels": {"org.cove.test": "busybox"}, "StopSignal": "SIGTERM"}
    return Image([Layer(make_tar(entries), OCI_LAYER_GZIP, gz)], oci=True, extra_config=cfg)


CGI_ADDR = "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n%s\\n' \"$REMOTE_ADDR\"\n"


def build_web(bb, udp_echo):
    """The busybox image's layer plus a second one (a CGI that prints the client's address,
    a UDP echo server), configured as a web server that EXPOSEs ports (for -P)."""
    extra = Layer(
        make_tar(
            [
                d("bin/"),
                f("bin/udp-echo", open(udp_echo, "rb").read(), 0o755),
                d("var/"),
                d("var/www/"),
                d("var/www/cgi-bin/"),
                f("var/www/cgi-bin/addr", CGI_ADDR, 0o755),
            ]
        ),
        OCI_LAYER_GZIP,
        gz,
    )
    cfg = {
        "Labels": {"org.cove.test": "web"},
        "ExposedPorts": {"80/tcp": {}, "7/udp": {}},
        "Cmd": ["httpd", "-f", "-p", "80", "-h", "/var/www"],
    }
    return Image(bb.layers + [extra], oci=True, extra_config=cfg)


def build_healthy(bb):
    """busybox with a HEALTHCHECK in its config: healthy once /tmp/ready exists, which its
    command creates."""
    cfg = {
        "Labels": {"org.cove.test": "healthy"},
        "Healthcheck": {
            "Test": ["CMD-SHELL", "test -f /tmp/ready"],
            "Interval": 500 * 1000 * 1000,
            "Retries": 1,
        },
        "Cmd": ["sh", "-c", "touch /tmp/ready; exec sleep 1000"],
    }
    return Image(bb.layers, oci=True, extra_config=cfg)


def build_multi():
    l1 = Layer(make_tar(base_entries()), OCI_LAYER_GZIP, gz)
    l2 = Layer(
        make_tar(
            [
                d("data/"),
                f("data/a", "a1"),
                f("data/b", "b1"),
                d("data/dir/"),
                f("data/dir/x", "x"),
                d("data/gone/"),
                f("data/gone/f", "f"),
                f("data/keep", "keep", 0o640),
                hard("data/hl", "data/keep", 0o640),
                f("data/owned", "owned", 0o600, uid=1000, gid=1000),
                sym("data/sl", "keep"),
            ]
        ),
        OCI_LAYER_GZIP,
        gz,
    )
    l3 = Layer(
        make_tar(
            [
                d("data/"),
                f("data/.wh.a", ""),
                f("data/b", "b2"),
                d("data/dir/"),
                # The opaque marker comes before the directory's new content, as Docker and
                # Podman write it; an extractor applying it later would delete y.
                f("data/dir/.wh..wh..opq", ""),
                f("data/dir/y", "y"),
                f("data/.wh.gone", ""),
            ]
        ),
        OCI_LAYER_GZIP,
        gz,
    )
    return Image([l1, l2, l3], oci=True, extra_config={"Labels": {"org.cove.test": "multi"}})


def build_zstd():
    tar = make_tar(base_entries() + [f("zstd-marker", "zstd")])
    return Image([Layer(tar, OCI_LAYER_ZSTD, zst)], oci=True)


def build_arch(arch, variant=None):
    tar = make_tar(base_entries() + [f("arch", arch)])
    return Image([Layer(tar, OCI_LAYER_GZIP, gz)], oci=True, arch=arch, variant=variant)


def build_index(images):
    manifests = []
    for img, arch, variant in images:
        platform = {"architecture": arch, "os": "linux"}
        if variant:
            platform["variant"] = variant
        manifests.append(
            {"mediaType": OCI_MANIFEST, "digest": img.digest, "size": len(img.manifest), "platform": platform}
        )
    return canonical_json({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests})


EVIL = "/tmp/cove-evil"


def evil_images():
    ok = f("ok", "ok")
    layers = {
        "evil-dotdot": [ok, f("../../../../../../../../tmp/cove-evil/dotdot", "pwned")],
        "evil-abs": [ok, f(EVIL + "/abs", "pwned")],
        "evil-symlink": [ok, sym("esc", EVIL), f("esc/pwned", "pwned")],
        "evil-symlink-rel": [ok, sym("esc", "../../../../../../../tmp/cove-evil"), f("esc/pwned", "pwned")],
        "evil-hardlink": [ok, hard("hl", "../../../../../../tmp/cove-evil/canary"), f("hl", "pwned")],
        "evil-hardlink-abs": [ok, hard("hl", EVIL + "/canary"), f("hl", "pwned")],
    }
    return {name: Image([Layer(make_tar(e), DOCKER_LAYER_GZIP, gz)], oci=False) for name, e in layers.items()}


def push_baddigest(reg, storage):
    """Manifest + config are honest; the layer bytes in storage are not."""
    repo = "cove-test/baddigest"
    # Level 0 (stored deflate) keeps both blobs the same length, so only the digest check
    # can tell them apart: size checks and gzip/tar parsing all pass.
    good = gz(make_tar([f("f", "good")]), level=0)
    bad = gz(make_tar([f("f", "evil")]), level=0)
    assert len(good) == len(bad) and good != bad
    img = Image([Layer(make_tar([f("f", "good")]), DOCKER_LAYER_GZIP, lambda t: good)], oci=False)
    hexd = img.layers[0].digest.split(":", 1)[1]
    v2 = os.path.join(storage, "docker/registry/v2")
    blob_dir = os.path.join(v2, "blobs/sha256", hexd[:2], hexd)
    link_dir = os.path.join(v2, "repositories", repo, "_layers/sha256", hexd)
    os.makedirs(blob_dir, exist_ok=True)
    os.makedirs(link_dir, exist_ok=True)
    with open(os.path.join(blob_dir, "data"), "wb") as fh:
        fh.write(bad)
    with open(os.path.join(link_dir, "link"), "w") as fh:
        fh.write("sha256:" + hexd)
    reg.push_blob(repo, img.config, img.config_digest)
    digest = reg.push_manifest(repo, "latest", img.manifest, img.manifest_type)
    _, _, served = reg.request("GET", "/v2/%s/blobs/%s" % (repo, img.layers[0].digest))
    if sha256(served) == img.layers[0].digest:
        raise RuntimeError("baddigest: registry served bytes matching the digest; the plant failed")
    if served != bad:
        raise RuntimeError("baddigest: registry served unexpected bytes (%d bytes)" % len(served))
    log("baddigest: registry serves %d bytes with sha256 %s for %s (mismatch, as intended)"
        % (len(served), sha256(served), img.layers[0].digest))
    return img


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--registry", required=True)
    ap.add_argument("--auth-registry")
    ap.add_argument("--auth-user")
    ap.add_argument("--auth-pass")
    ap.add_argument("--udp-echo", required=True, help="static udp-echo binary for the web image")
    ap.add_argument("--storage", help="filesystem root of --registry, for the baddigest image")
    args = ap.parse_args()

    reg = Registry(args.registry)
    out = {}

    one = build_one()
    out["ONE"] = (reg.push_image("cove-test/one", one), one.config_digest)
    log("pushed cove-test/one %s" % one.digest)
    if args.auth_registry:
        auth = Registry(args.auth_registry, args.auth_user, args.auth_pass)
        auth.push_image("cove-test/one", one)
        log("pushed cove-test/one to auth registry %s" % args.auth_registry)

    bb = build_busybox()
    out["BUSYBOX"] = (reg.push_image("cove-test/busybox", bb), bb.config_digest)
    log("pushed cove-test/busybox %s" % bb.digest)

    web = build_web(bb, args.udp_echo)
    out["WEB"] = (reg.push_image("cove-test/web", web), web.config_digest)
    log("pushed cove-test/web %s" % web.digest)

    healthy = build_healthy(bb)
    out["HEALTHY"] = (reg.push_image("cove-test/healthy", healthy), healthy.config_digest)
    log("pushed cove-test/healthy %s" % healthy.digest)

    multi = build_multi()
    out["MULTI"] = (reg.push_image("cove-test/multi", multi), multi.config_digest)
    log("pushed cove-test/multi %s" % multi.digest)

    zs = build_zstd()
    out["ZSTD"] = (reg.push_image("cove-test/zstd", zs), zs.config_digest)
    log("pushed cove-test/zstd %s" % zs.digest)

    amd = build_arch("amd64")
    arm = build_arch("arm64", "v8")
    for img in (amd, arm):
        for layer in img.layers:
            reg.push_blob("cove-test/multiarch", layer.blob, layer.digest)
        reg.push_blob("cove-test/multiarch", img.config, img.config_digest)
        reg.push_manifest("cove-test/multiarch", img.digest, img.manifest, img.manifest_type)
    index = build_index([(amd, "amd64", None), (arm, "arm64", "v8")])
    index_digest = reg.push_manifest("cove-test/multiarch", "latest", index, OCI_INDEX)
    out["MULTIARCH_AMD64"] = (amd.digest, amd.config_digest)
    out["MULTIARCH_ARM64"] = (arm.digest, arm.config_digest)
    log("pushed cove-test/multiarch index %s" % index_digest)

    for name, img in evil_images().items():
        out[name.upper().replace("-", "_")] = (reg.push_image("cove-test/" + name, img), img.config_digest)
    log("pushed cove-test/evil-*")

    if args.storage:
        bad = push_baddigest(reg, args.storage)
        out["BADDIGEST"] = (bad.digest, bad.config_digest)
        print("COVE_TEST_BADDIGEST_LAYER=%s" % bad.layers[0].digest)
    else:
        log("no --storage: skipping cove-test/baddigest")

    for key, (digest, config) in out.items():
        print("COVE_TEST_DIGEST_%s=%s" % (key, digest))
        print("COVE_TEST_CONFIG_%s=%s" % (key, config))
    print("COVE_TEST_DIGEST_MULTIARCH=%s" % index_digest)
    print("COVE_TEST_LAYERS_MULTI=%s" % ",".join(l.digest for l in multi.layers))
    print("COVE_TEST_DIFFIDS_MULTI=%s" % ",".join(l.diff_id for l in multi.layers))
    print("COVE_TEST_EVIL_DIR=%s" % EVIL)


if __name__ == "__main__":
    main()
