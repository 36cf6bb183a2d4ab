"""The common docker-py calls against cove's API service (DOCKER_HOST is set by the test).

Usage: python3 dockerpy.py IMAGE
Prints one line per step and exits non-zero at the first failure.
"""
import io
import sys
import tarfile

import docker

image = sys.argv[1]
client = docker.from_env()
assert client.ping()
print("version", client.version()["ApiVersion"])

client.images.pull(image)
img = client.images.get(image)
assert img.id.startswith("sha256:"), img.id
print("pulled", img.id[:19])

out = client.containers.run(image, ["sh", "-c", "echo out; echo err >&2"], remove=True,
                            stdout=True, stderr=True)
assert out == b"out\nerr\n", out
print("run ok")

net = client.networks.create("pynet", labels={"made.by": "docker-py"})
vol = client.volumes.create("pyvol", labels={"made.by": "docker-py"})
server = client.containers.run(image, ["sh", "-c", "echo ready; exec sleep 1000"],
                               detach=True, name="pyserver", network="pynet",
                               volumes={"pyvol": {"bind": "/data", "mode": "rw"}},
                               labels={"role": "server"})
server.reload()
assert server.status == "running", server.status
assert server.labels["role"] == "server"
assert client.containers.list(filters={"label": "role=server"})[0].id == server.id

code, output = server.exec_run(["sh", "-c", "echo kept > /data/f; cat /data/f"])
assert (code, output) == (0, b"kept\n"), (code, output)
code, output = server.exec_run(["sh", "-c", "exit 4"])
assert code == 4, code
print("exec ok")

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as tar:
    data = b"from python\n"
    info = tarfile.TarInfo("put.txt")
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
assert server.put_archive("/tmp", buf.getvalue())
stream, stat = server.get_archive("/tmp/put.txt")
assert stat["name"] == "put.txt", stat
with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
    assert tar.extractfile("put.txt").read() == b"from python\n"
print("archive ok")

logs = server.logs()
assert logs == b"ready\n", logs

peer = client.containers.run(image, ["cat", "/data/f"], detach=True, network="pynet",
                             volumes={"pyvol": {"bind": "/data", "mode": "ro"}})
assert peer.wait()["StatusCode"] == 0
assert peer.logs() == b"kept\n", peer.logs()
peer.remove()

server.stop(timeout=1)
server.wait()
server.remove()
net.remove()
vol.remove()
assert not client.containers.list(all=True)
print("docker-py ok")
