#!/usr/bin/env bash
# Replay throughput against gunzip on the same file (BENCHMARKS.md, "Replay").
#
#   scripts/bench-replay.sh [ROWS]        default 10,000,000 rows
#
# Generates a Tardis-format trades CSV.gz (binance-futures, four symbols, rising ids and times) under
# bench-data/, then times `gzip -dc FILE > /dev/null` and
# `cascade replay --format json FILE` (JVM start included), best of three each, and prints rows/s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-10000000}"
data="$root/bench-data"
file="$data/tardis-trades-$rows.csv.gz"
mkdir -p "$data"

if [ ! -f "$file" ]; then
  echo "generating $file ..." >&2
  awk -v rows="$rows" 'BEGIN {
    srand(20250605);
    print "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";
    split("BTCUSDT ETHUSDT SOLUSDT DOGEUSDT", sym, " ");
    split("103000 2480 150 0.19", base, " ");
    split("1 2 2 5", decimals, " ");
    t = 1749081600000000; id[1] = 5200000000; id[2] = 4100000000; id[3] = 1900000000; id[4] = 990000000;
    for (i = 0; i < rows; i++) {
      s = (i % 10 < 5) ? 1 : (i % 10 < 8) ? 2 : (i % 10 < 9) ? 3 : 4;
      t += int(rand() * 17000);
      id[s]++;
      p = base[s] * (1 + (rand() - 0.5) * 0.002);
      printf "binance-futures,%s,%.0f,%.0f,%.0f,%s,%.*f,%.3f\n", sym[s], t, t + 1000 + int(rand() * 90000), id[s],
             (rand() < 0.5 ? "buy" : "sell"), decimals[s], p, rand() * 2 + 0.001;
    }
  }' | gzip -6 > "$file.tmp"
  mv "$file.tmp" "$file"
fi

"$root/cascade" --version >/dev/null   # build first, outside the timing

best() { # best wall time in seconds of three runs of "$@"
  local best=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    best=$(echo "$s $e ${best:-999999}" | awk '{ d = $2 - $1; print (d < $3 ? d : $3) }')
  done
  echo "$best"
}

size=$(stat -c %s "$file")
raw=$(gzip -dc "$file" | wc -c)
gunzip_s=$(best gzip -dc "$file")
replay_s=$(best "$root/cascade" replay --format json "$file")
"$root/cascade" replay --format json "$file" | python3 -c 'import json,sys; j=json.load(sys.stdin); print("replay read", j["input"]["frames"], "rows:", j["events"]["trades"], "trades,", j["duplicates"]["trades"], "duplicates,", j["rejected"]["count"], "rejected", file=sys.stderr)'
awk -v rows="$rows" -v size="$size" -v raw="$raw" -v g="$gunzip_s" -v r="$replay_s" 'BEGIN {
  printf "file: %d rows, %.0f MB gzip, %.0f MB csv\n", rows, size / 1e6, raw / 1e6;
  printf "gzip -dc > /dev/null : %6.2f s  %10.0f rows/s  %6.0f MB/s of csv\n", g, rows / g, raw / 1e6 / g;
  printf "cascade replay       : %6.2f s  %10.0f rows/s  %6.0f MB/s of csv\n", r, rows / r, raw / 1e6 / r;
  printf "replay / gunzip speed: %.2fx\n", g / r;
}'
