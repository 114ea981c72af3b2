#!/usr/bin/env bash
# Story clustering speed and quality on real news: tools/story_eval commits
# the 772 stories-dev articles (entities recognized first, outside the timing)
# to a fresh RocksDB store in shuffled arrival order and prints B-cubed
# scores, whole-commit throughput and the story-assignment share of it, in
# CPU seconds of the committing thread (one core). Three runs: this machine's
# figures vary by ~15% from run to run.
# Usage: bench/stories.sh BUILD_DIR   (skipped without ../shared/data)
set -euo pipefail
build=${1:-build-release}
data=${NEWSDESK_BENCH_DATA:-../shared/data}
corpus=$data/stories-dev/ecbplus-dev.jsonl
if [[ ! -f $corpus ]]; then
  echo "stories bench: skipped, no $corpus"
  exit 0
fi
echo "stories bench: $(nproc) cores, $(wc -l <"$corpus") articles, story_eval, one thread"
for seed in 1 2 3; do
  "$build/story_eval" "$corpus" --seed "$seed" | sed "s/^/  seed $seed: /"
done
