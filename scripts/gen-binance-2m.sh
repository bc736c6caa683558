#!/usr/bin/env bash
# Writes the recording the replay benchmark reads (BENCHMARKS.md, issue 17): Binance USDⓈ-M combined-stream
# frames in Cascade's envelope, 95 % aggTrade and 5 % forceOrder on four symbols, about 240 bytes a line,
# with rising receive times, exchange times and aggregate ids. Prints the two paths it wrote.
#
#   scripts/gen-binance-2m.sh [FRAMES]     default 2,000,000 frames
#
# bench-data/binance-usdm-FRAMES.jsonl     the plain recording
# bench-data/binance-usdm-FRAMES.jsonl.gz  the same bytes, gzip -6
# Both are made once and kept; delete them to make them again. The content is fixed by the seed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
frames="${1:-2000000}"
data="$root/bench-data"
file="$data/binance-usdm-$frames.jsonl"
mkdir -p "$data"

if [ ! -f "$file" ]; then
  echo "generating $file ..." >&2
  awk -v frames="$frames" 'BEGIN {
    srand(20250605);
    split("BTCUSDT ETHUSDT SOLUSDT DOGEUSDT", sym, " ");
    split("btcusdt ethusdt solusdt dogeusdt", low, " ");
    split("105600 2585 152 0.19", base, " ");
    split("1 2 2 5", decimals, " ");
    split("3 2 1 0", qdecimals, " ");
    t = 1749130200000000;                        # receive time, µs (2025-06-05)
    agg[1] = 5203100000; agg[2] = 3911400000; agg[3] = 1900000000; agg[4] = 990000000;
    fid[1] = 10406200000; fid[2] = 7822800000; fid[3] = 3800000000; fid[4] = 1980000000;
    for (i = 0; i < frames; i++) {
      s = (i % 10 < 5) ? 1 : (i % 10 < 8) ? 2 : (i % 10 < 9) ? 3 : 4;
      t += 1 + int(rand() * 2000);
      e = int(t / 1000) - 40 - int(rand() * 30);  # exchange time, ms: before the receive time
      p = base[s] * (1 + (rand() - 0.5) * 0.004);
      q = (rand() * 3 + 0.001) * (s == 4 ? 10000 : s == 3 ? 100 : s == 2 ? 10 : 1);
      if (rand() < 0.05) {
        printf "{\"ts\":%.0f,\"venue\":\"binance-usdm\",\"frame\":{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":%.0f,\"o\":{\"s\":\"%s\",\"S\":\"%s\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"%.*f\",\"p\":\"%.*f\",\"ap\":\"%.*f\",\"X\":\"FILLED\",\"l\":\"%.*f\",\"z\":\"%.*f\",\"T\":%.0f}}}}\n",
          t, e, sym[s], (rand() < 0.5 ? "BUY" : "SELL"), qdecimals[s], q, decimals[s], p * 1.002, decimals[s], p,
          qdecimals[s], q, qdecimals[s], q, e - 3;
      } else {
        agg[s]++;
        n = 1 + int(rand() * 4);
        printf "{\"ts\":%.0f,\"venue\":\"binance-usdm\",\"frame\":{\"stream\":\"%s@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":%.0f,\"a\":%.0f,\"s\":\"%s\",\"p\":\"%.*f\",\"q\":\"%.*f\",\"f\":%.0f,\"l\":%.0f,\"T\":%.0f,\"m\":%s}}}\n",
          t, low[s], e, agg[s], sym[s], decimals[s], p, qdecimals[s], q, fid[s] + 1, fid[s] + n, e - 4,
          (rand() < 0.5 ? "true" : "false");
        fid[s] += n;
      }
    }
  }' > "$file.tmp"
  mv "$file.tmp" "$file"
fi
if [ ! -f "$file.gz" ] || [ "$file.gz" -ot "$file" ]; then
  echo "compressing $file.gz ..." >&2
  gzip -6 -c "$file" > "$file.gz.tmp"
  mv "$file.gz.tmp" "$file.gz"
fi
echo "$file"
echo "$file.gz"
