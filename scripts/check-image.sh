#!/usr/bin/env bash
# Builds Cascade's container image and checks it: its configuration always; as root, also the image running,
# without Docker: its layers unpacked, the entrypoint started chrooted as the image's user in fresh mount, PID
# and network namespaces (so its port 8080 on 0.0.0.0 is its own), /api/v1/health probed, the store's owner read.
#
#   scripts/check-image.sh               # mvn -Pimage package first (reaches Maven Central and Debian's mirror)
#   scripts/check-image.sh --no-build    # the app/target/jib-image.tar already built
# Needs python3; running the image needs root, util-linux's unshare and iproute2's ip.
set -euo pipefail
cd "$(dirname "$0")/.."
image=app/target/jib-image.tar
if [ "${1:-}" != --no-build ]; then
    mvn -B -q -Pimage -pl app -am package -DskipTests "$@"
fi
python3 -u scripts/image-check.py "$image"

if [ "$(id -u)" != 0 ] || ! command -v ip > /dev/null || ! unshare --mount --net --pid --fork true 2> /dev/null; then
    echo "check-image: not root, no ip (iproute2) or no namespaces here: the image was not run" >&2
    exit 0
fi
root=$(mktemp -d /tmp/cascade-image.XXXXXX)
# the mounts live and die with the namespace; /dev is a tmpfs of its own, so removing the tree never reaches the host's
trap 'mountpoint -q "$root/dev" || rm -rf "$root"' EXIT
unshare --mount --net --pid --fork bash -euo pipefail -c '
    root=$1 image=$2
    mount --make-rprivate /
    mkdir -p "$root/proc" "$root/dev" "$root/etc"
    mount -t tmpfs -o mode=755 dev "$root/dev"
    for node in null:1:3 zero:1:5 random:1:8 urandom:1:9; do
        IFS=: read -r name major minor <<< "$node"
        mknod -m 666 "$root/dev/$name" c "$major" "$minor"
    done
    mount -t proc proc "$root/proc"
    echo "127.0.0.1 localhost $(hostname)" > "$root/etc/hosts"   # as a runtime writes it
    ip link set lo up
    python3 -u scripts/image-check.py "$image" --run "$root"
' check-image "$root" "$image"
