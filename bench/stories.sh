#!/usr/bin/env bash
# Story clustering speed and quality on real news: tools/story_eval commits
# the 772 stories-dev articles (entities recognized first, outside the timing)
# to a fresh RocksDB store in shuffled arrival order and prints B-cubed
# scores, whole-commit throughput and the story-assignment share of it, in
# CPU seconds of the committing thread (one core). Three runs: this machine's
# figures vary by ~15% from run to run; the report row has their median.
# Usage: bench/stories.sh BUILD_DIR   (skipped without ../shared/data)
set -euo pipefail
build=${1:-build-release}
source "$(dirname "$0")/lib.sh"
data=${NEWSDESK_BENCH_DATA:-../shared/data}
corpus=$data/stories-dev/ecbplus-dev.jsonl
if [[ ! -f $corpus ]]; then
  echo "stories bench: skipped, no $corpus"
  exit 0
fi
rss=$(mktemp)
trap 'rm -f "$rss"' EXIT
n=$(wc -l <"$corpus")
echo "stories bench: $(nproc) cores, $n articles, story_eval, one thread"
rates=() f1=""
for seed in 1 2 3; do
  out=$(peak_run "$rss" "$build/story_eval" "$corpus" --seed "$seed")
  sed "s/^/  seed $seed: /" <<<"$out"
  rate=$(grep -o 'clustered [0-9]* articles per CPU second' <<<"$out" | grep -o '[0-9]*')
  rates+=("$rate")
  f1=$(grep -o 'F1 [0-9.]*' <<<"$out" | head -n 1)
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
bench_row "story assignment" "stories-dev, $n real articles" "$median" "articles/CPU s" "-" "-" \
  "$(cat "$rss")" "-" "median of 3 orders; B-cubed $f1 (seed 3)"
