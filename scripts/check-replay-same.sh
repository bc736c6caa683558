#!/usr/bin/env bash
# Checks that a change to the replay path changed no figure: `cascade replay --format json` (with and without
# --bars) of the sample, of its .gz and of any extra FILEs must be byte-identical between a reference jar
# (the release, built before the change) and this checkout's ./cascade. Exit 0 when every output is identical.
#
#   scripts/check-replay-same.sh REFERENCE_JAR [FILE...]
#
# Make the reference before changing anything, e.g.:
#   git stash; ./cascade --version; mkdir -p bench-data/release; cp app/target/cascade.jar bench-data/release/
# The reference outputs are kept beside the jar (REFERENCE_JAR.out/), so the old jar runs once per input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:?usage: check-replay-same.sh REFERENCE_JAR [FILE...]}"
shift
[ -f "$ref" ] || { echo "no reference jar: $ref" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
saved="$ref.out"
mkdir -p "$saved"

inputs=("$root"/samples/*.jsonl)
for f in "$root"/samples/*.jsonl; do # the same recording gzipped: the compressed path must agree too
  gzip -c "$f" > "$work/$(basename "$f").gz"
  inputs+=("$work/$(basename "$f").gz")
done
inputs+=("$@")

"$root/cascade" --version >/dev/null # build first
failed=0
for f in "${inputs[@]}"; do
  for bars in "" "--bars"; do
    key="$(basename "$f")-$(stat -c %s "$f")${bars:+-bars}.json"
    if [ ! -f "$saved/$key" ]; then
      java -jar "$ref" replay --quiet --format json $bars "$f" > "$saved/$key.tmp" || true
      mv "$saved/$key.tmp" "$saved/$key"
    fi
    "$root/cascade" replay --quiet --format json $bars "$f" > "$work/now.json" || true
    if cmp -s "$saved/$key" "$work/now.json"; then
      echo "same     $(basename "$f") ${bars:-(no --bars)} ($(stat -c %s "$work/now.json") bytes)"
    else
      echo "DIFFERS  $(basename "$f") ${bars:-(no --bars)}"
      cmp "$saved/$key" "$work/now.json" | head -1 || true
      failed=1
    fi
  done
done
exit "$failed"
