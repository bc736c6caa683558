#!/usr/bin/env bash
# The base of Cascade's container image, made the way Google's distroless images are: Debian 12 packages
# unpacked (no shell, no package manager) plus a Java runtime, written as a `docker save` tarball that Jib
# builds on (`tar://`). No registry is involved: the packages come from the mirror the build machine's apt
# is set up for (Debian 12 here and in CI), the runtime is jlink'd from the JDK that builds Cascade; the two
# match, since that JDK runs on that machine's libc. Needs apt-get and dpkg-deb.
#
#   scripts/image-base.sh JAVA_HOME JAR OUT.tar       # the image profile runs it: mvn -Pimage -pl app -am package
#
# Two layers, the one that changes least first:
#   1. debian  libc6, libgcc-s1, libstdc++6, zlib1g (what the runtime and QuestDB's native library link),
#              the C.UTF-8 locale of libc-bin, the os-release of base-files, /etc/passwd and /etc/group with the user 10001, an empty /tmp,
#              the store's directory /var/lib/cascade, empty and the user's (a new volume takes both), and a record of each package in /var/lib/dpkg/status.d/ for vulnerability scanners
#   2. java    /opt/java/openjdk: the modules jdeps finds in JAR, plus those loaded only as services
#
# The layers are written with fixed owners, times and order, so the same JDK and packages give the same
# digests and Jib's cache keeps them. The base is built for this machine's architecture.
set -euo pipefail
[ $# = 3 ] || { echo "usage: $0 JAVA_HOME JAR OUT.tar" >&2; exit 1; }
java_home=$1 jar=$2 out=$(realpath -m "$3")
packages=(libc6 libgcc-s1 libstdc++6 zlib1g libc-bin base-files)
# loaded as services, which jdeps cannot see: the elliptic-curve TLS the venues' wss:// need, and the zip file
# system Jetty opens jars with to serve the dashboard and the webjars from the classpath
extra_modules=jdk.crypto.ec,jdk.zipfs

work=${out%.tar}
rm -rf "$work" && mkdir -p "$work/debs" "$work/debian" "$work/java/opt/java" "$work/image"

# --- layer 1: Debian packages, unpacked ---
download() { (cd "$work/debs" && apt-get download "${packages[@]}" > apt.log 2>&1); }
# a fresh machine (a CI container) has no package lists, and old lists name versions the mirror has dropped
download || { [ "$(id -u)" = 0 ] && apt-get update -qq && download; } || {
    echo "image-base: apt-get download failed (see $work/debs/apt.log); run apt-get update" >&2; exit 1; }
root=$work/debian
for deb in "$work"/debs/*.deb; do
    name=$(dpkg-deb -f "$deb" Package)
    if [ "$name" = base-files ]; then    # its os-release only: scanners read the distribution from it
        dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root" ./usr/lib/os-release ./etc/os-release
    elif [ "$name" = libc-bin ]; then    # its C.UTF-8 locale only: without it Java 17 reads and writes ASCII
        dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root" --wildcards './usr/lib/locale/C.utf8/*'
    else
        dpkg-deb -x "$deb" "$root"
    fi
    mkdir -p "$root/var/lib/dpkg/status.d"
    { dpkg-deb -f "$deb"; echo "Status: install ok installed"; } > "$root/var/lib/dpkg/status.d/$name"
done
# documentation (the copyright files stay: they are the licences), and glibc's charset converters for iconv,
# which Java does not call (8 MB)
find "$root/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$root/usr/share/lintian" "$root/usr/share/man" "$root/usr/share/gdb" "$root"/usr/lib/*-linux-gnu/gconv
mkdir -p "$root/etc" "$root/tmp" "$root/var/lib/cascade" && chmod 1777 "$root/tmp" && chmod 755 "$root/var/lib/cascade"
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
cascade:x:10001:10001:Cascade:/var/lib/cascade:/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
cascade:x:10001:
EOF
# without it glibc asks DNS before /etc/hosts
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"

# --- layer 2: the Java runtime ---
modules=$("$java_home/bin/jdeps" --multi-release 17 --print-module-deps --ignore-missing-deps "$jar")
"$java_home/bin/jlink" --add-modules "$modules,$extra_modules" --strip-debug --no-header-files --no-man-pages \
    --output "$work/java/opt/java/openjdk"
echo "image-base: runtime modules $modules,$extra_modules" >&2

# --- the tarball: docker save's layout (manifest.json, config, one uncompressed tar a layer) ---
layer() {  # DIR NAME [USERS_DIR]: a reproducible tar of DIR, USERS_DIR owned by 10001; prints its sha256 (its diff id)
    local fixed=(--sort=name --mtime=@0 --numeric-owner --format=posix
                 --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
    tar -C "$1" "${fixed[@]}" --owner=0 --group=0 ${3:+--exclude=./$3} -cf "$work/image/$2.tar" .
    [ -z "${3:-}" ] || tar -C "$1" "${fixed[@]}" --owner=10001 --group=10001 --no-recursion -rf "$work/image/$2.tar" "./$3"
    sha256sum "$work/image/$2.tar" | cut -d' ' -f1
}
debian_id=$(layer "$work/debian" debian var/lib/cascade)
java_id=$(layer "$work/java" java)
arch=$(dpkg --print-architecture)
cat > "$work/image/config.json" <<EOF
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$debian_id","sha256:$java_id"]},
 "history":[{"created_by":"scripts/image-base.sh: ${packages[*]}"},{"created_by":"scripts/image-base.sh: jlink $modules,$extra_modules"}]}
EOF
echo '[{"Config":"config.json","RepoTags":["cascade-base:local"],"Layers":["debian.tar","java.tar"]}]' \
    > "$work/image/manifest.json"
tar -C "$work/image" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$out" \
    manifest.json config.json debian.tar java.tar
echo "image-base: $out ($(du -m "$out" | cut -f1) MB: debian $(du -sm "$work/debian" | cut -f1) MB, java $(du -sm "$work/java" | cut -f1) MB)" >&2
