#!/usr/bin/env bash
# Search latency at growing corpus sizes (bench/search_bench.cc): builds each
# corpus once through Store::Commit into BUILD_DIR/bench-search-<size> (later
# runs reuse it), then runs the same reproducible query workload, warm, on
# every size and prints p50/p99/max (wall and CPU time), queries/s, peak RSS
# and the growth. Usage: bench/search.sh BUILD_DIR   (SEARCH_BENCH_SIZES,
# default "100000 300000"; SEARCH_BENCH_QUERIES, default 2000; skipped
# without ../shared/data). On 2 cores, one busy: 100k builds in ~4.5 min
# (0.6 GB), 300k in ~17 min (1.7 GB), 1000000 in ~60 min (5.4 GB); the
# queries then take 1–3 min per size (the Stats call before them decodes
# every story, ~100 s at 1M).
set -euo pipefail
build=${1:-build-release}
source "$(dirname "$0")/lib.sh"
data=${NEWSDESK_BENCH_DATA:-../shared/data}
sizes=${SEARCH_BENCH_SIZES:-"100000 300000"}
queries=${SEARCH_BENCH_QUERIES:-2000}
if [[ ! -f $data/wikinews/docs.jsonl || ! -f $data/stories-dev/ecbplus-dev.jsonl ]]; then
  echo "search bench: skipped, no sentences at $data/wikinews and $data/stories-dev"
  exit 0
fi
dirs=()
for n in $sizes; do
  dir=$build/bench-search-$((n / 1000))k
  "$build/search_bench" build --data "$data" --articles "$n" --db "$dir" | grep -v '^cores:\|^source:'
  dirs+=("$dir")
done
out=$("$build/search_bench" query --data "$data" --queries "$queries" "${dirs[@]}")
echo "$out"
# "100000 articles (612 MB on disk): p50 3.62 ms, p99 9.42 ms, ... peak RSS 120 MB"
while read -r line; do
  articles=${line%% articles*}
  disk=${line#*(}
  disk=${disk%% on disk*}
  p50=${line#*p50 }
  p50=${p50%% ms*}
  p99=${line#*p99 }
  p99=${p99%% ms*}
  peak=${line##*peak RSS }
  peak=${peak%% MB*}
  bench_row "search, p99 (warm, one thread)" \
    "$(thousands "$articles") generated articles, $disk" "$p99" "ms" "-" "-" "$peak" "-" \
    "p50 $p50 ms; $queries queries (words, phrases, date and outlet filters); target p99 < 20 ms"
done < <(grep -E '^[0-9]+ articles \(' <<<"$out")
