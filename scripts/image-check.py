#!/usr/bin/env python3
"""Reads Cascade's image tarball (Jib's OCI layout) and checks it; with --run DIR, also runs it the way a
container runtime would, without one: the layers unpacked in order into DIR, then the entrypoint and command
started chrooted in DIR as the image's user, in its working directory, with its environment.

  scripts/image-check.py app/target/jib-image.tar                 # the configuration and the layers
  scripts/image-check.py app/target/jib-image.tar --run DIR       # as root, in a namespace: see check-image.sh
"""
import json, os, signal, subprocess, sys, tarfile, tempfile, time, urllib.request

EXPECTED = {
    "User": "10001:10001",
    "ExposedPorts": {"8080/tcp": {}},
    "Volumes": {"/var/lib/cascade": {}},
    "WorkingDir": "/var/lib/cascade",
    "Entrypoint": ["java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file", "dev.cascade.app.Main"],
    "Cmd": ["live", "--serve", "--bind", "0.0.0.0", "--store", "/var/lib/cascade"],
}
ENV = ["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8"]
HEALTH = "http://127.0.0.1:8080/api/v1/health"
STARTUP_LIMIT_S = 180


def fail(message):
    sys.exit(f"image-check: {message}")


def read_image(tar):
    blob = lambda digest: tar.extractfile("blobs/sha256/" + digest.split(":")[1])
    index = json.load(tar.extractfile("index.json"))
    manifest = json.load(blob(index["manifests"][0]["digest"]))
    return manifest, json.load(blob(manifest["config"]["digest"])), blob


def check_config(manifest, config, quiet):
    settings = config["config"]
    for key, value in EXPECTED.items():
        if settings.get(key) != value:
            fail(f"{key} is {settings.get(key)!r}, expected {value!r}")
    if settings.get("Env") != ENV:
        fail(f"Env is {settings.get('Env')!r}, expected {ENV!r}")
    if config["os"] != "linux" or len(config["rootfs"]["diff_ids"]) != len(manifest["layers"]):
        fail("the configuration does not match the manifest's layers")
    if quiet:
        return
    print(f"image-check: configuration as expected: user {settings['User']}, port 8080, volume /var/lib/cascade,"
          f" entrypoint {' '.join(settings['Entrypoint'])}, command {' '.join(settings['Cmd'])}")
    created = [h.get("comment") or h["created_by"] for h in config["history"] if not h.get("empty_layer")]
    for layer, name in zip(manifest["layers"], created):
        print(f"  layer {layer['size'] / 1e6:7.1f} MB  {name}")
    print(f"  total {sum(l['size'] for l in manifest['layers']) / 1e6:7.1f} MB compressed")


def unpack(manifest, blob, root):
    for layer in manifest["layers"]:
        with tarfile.open(fileobj=blob(layer["digest"]), mode="r:gz") as layer_tar:
            members = layer_tar.getmembers()
            if any(os.path.basename(m.name).startswith(".wh.") for m in members):
                fail("whiteouts are not handled here, and this image should have none")
            # the layers are ours, links leaving the tree included (Python 3.14 refuses those by default)
            trusted = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
            layer_tar.extractall(root, members, numeric_owner=True, **trusted)


def start(root, settings, args, extra_env, output):
    """The process a runtime would start: argv[0] looked up on the image's PATH, inside the image."""
    env = dict(e.split("=", 1) for e in settings["Env"]) | extra_env
    argv = settings["Entrypoint"] + args
    program = next((os.path.join(d, argv[0]) for d in env["PATH"].split(":")
                    if os.access(root + os.path.join(d, argv[0]), os.X_OK)), None) or fail(f"no {argv[0]} on PATH")
    uid, gid = (int(n) for n in settings["User"].split(":"))

    def enter():
        os.chroot(root)
        os.chdir(settings["WorkingDir"])
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    return subprocess.Popen([program] + argv[1:], env=env, preexec_fn=enter, stdout=output,
                            stderr=subprocess.STDOUT, text=True)


def run(root, settings):
    helped = start(root, settings, ["--help"], {}, subprocess.PIPE)
    out = helped.communicate(timeout=120)[0]
    if helped.returncode != 0 or "Usage: cascade" not in out:
        fail(f"--help exited {helped.returncode}: {out[:400]}")
    print(f"image-check: `{' '.join(settings['Entrypoint'])} --help` in the image as {settings['User']}: exit 0")

    # the image's own command, fed by the built-in simulator since no venue is reachable from here
    args = settings["Cmd"] + ["--simulator"]
    log = tempfile.TemporaryFile("w+")  # the screen it draws would fill a pipe nobody reads
    token = "image-check-token-0123456789"
    monitor = start(root, settings, args, {"CASCADE_TOKEN": token}, log)
    tail = lambda: log.seek(0) or log.read()[-3000:]
    began, body = time.monotonic(), None
    while body is None:
        if monitor.poll() is not None:
            fail(f"the monitor exited {monitor.returncode}: {tail()}")
        if time.monotonic() - began > STARTUP_LIMIT_S:
            monitor.kill()
            fail(f"{HEALTH} did not answer within {STARTUP_LIMIT_S} s: {tail()}")
        try:
            with urllib.request.urlopen(HEALTH, timeout=2) as response:
                body = response.read().decode()
        except OSError:
            time.sleep(0.5)
    print(f"image-check: `{' '.join(args)}`: {HEALTH} answered after {time.monotonic() - began:.1f} s: {body}")
    while json.loads(body)["events"] == 0:  # the simulator's events through the whole pipeline
        if time.monotonic() - began > STARTUP_LIMIT_S:
            fail(f"no event counted within {STARTUP_LIMIT_S} s: {body}")
        time.sleep(0.5)
        with urllib.request.urlopen(HEALTH, timeout=2) as response:
            body = response.read().decode()
    print(f"image-check: events counted after {time.monotonic() - began:.1f} s: {body}")
    # events count trades and prices too; the export below needs a liquidation the pipeline has accepted
    liquidations = urllib.request.Request(HEALTH.replace("/health", "/liquidations?limit=1"),
                                          headers={"Authorization": f"Bearer {token}"})
    while True:
        with urllib.request.urlopen(liquidations, timeout=2) as response:
            listed = json.loads(response.read().decode())
        if listed["items"]:
            break
        if time.monotonic() - began > STARTUP_LIMIT_S:
            fail(f"no liquidation accepted within {STARTUP_LIMIT_S} s: {listed}")
        time.sleep(0.5)
    print(f"image-check: a liquidation accepted after {time.monotonic() - began:.1f} s: {listed['items'][0]}")

    store = root + settings["WorkingDir"]
    while not os.listdir(store):
        if time.monotonic() - began > STARTUP_LIMIT_S:
            fail(f"nothing written to {settings['WorkingDir']}")
        time.sleep(0.5)
    owners = {os.lstat(os.path.join(d, f)).st_uid for d, dirs, files in os.walk(store) for f in dirs + files}
    if owners != {int(settings["User"].split(":")[0])}:
        fail(f"the store's files belong to {owners}")
    print(f"image-check: the store in {settings['WorkingDir']}: {sum(len(f) for _, _, f in os.walk(store))} files,"
          f" all owned by {owners.pop()}")
    # what `docker stop` sends, and it waits 10 s before it kills
    stopping = time.monotonic()
    monitor.send_signal(signal.SIGTERM)
    try:
        monitor.wait(timeout=10)
    except subprocess.TimeoutExpired:
        monitor.kill()
        fail(f"the monitor did not stop within 10 s of SIGTERM: {tail()}")
    print(f"image-check: stopped by SIGTERM in {time.monotonic() - stopping:.1f} s: exit {monitor.returncode}")

    # the volume outlives the container: the next one, the same user, reads what this one stored
    exported = start(root, settings, ["export", "--store", settings["WorkingDir"], "--what", "liquidations",
                                      "--format", "jsonl"], {}, subprocess.PIPE)
    out = exported.communicate(timeout=120)[0]
    if exported.returncode != 0:
        fail(f"export from the stopped monitor's store exited {exported.returncode}: {out[-2000:]}")
    rows = [line for line in out.splitlines() if line.startswith("{")]
    if not rows:
        fail(f"the stopped monitor's store holds no liquidation: {out[-2000:]}")
    print(f"image-check: `export --store {settings['WorkingDir']} --what liquidations` afterwards: exit 0,"
          f" {len(rows)} rows, the first {rows[0]}")
    # Parquet goes through DuckDB, whose native library is unpacked into the image's /tmp at each start
    parquet = "/tmp/liquidations.parquet"  # not inside the store, which export only reads
    exported = start(root, settings, ["export", "--store", settings["WorkingDir"], "--what", "liquidations",
                                      "--format", "parquet", "--out", parquet], {}, subprocess.PIPE)
    out = exported.communicate(timeout=120)[0]
    if exported.returncode != 0:
        fail(f"export as Parquet exited {exported.returncode}: {out[-2000:]}")
    with open(root + parquet, "rb") as f:
        data = f.read()
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        fail(f"{parquet} is not a Parquet file ({len(data)} bytes)")
    print(f"image-check: `export ... --format parquet --out {parquet}`: exit 0, {len(data):,} bytes of Parquet")


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--run"):
        fail(f"usage: {sys.argv[0]} IMAGE.tar [--run DIR]")
    with tarfile.open(sys.argv[1]) as tar:
        manifest, config, blob = read_image(tar)
        check_config(manifest, config, quiet=len(sys.argv) == 4)
        if len(sys.argv) == 4:
            unpack(manifest, blob, sys.argv[3])
            run(sys.argv[3], config["config"])


if __name__ == "__main__":
    main()
