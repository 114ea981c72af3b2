#!/usr/bin/env bash
# Feed parsing MB/s: newsdesk's parser and Debian's python3-feedparser on the
# same files (the core-tier feeds of ../shared/data/feeds-conformance), in
# one command, with the ratio. Usage: bench/feeds.sh BUILD_DIR
set -euo pipefail
build=${1:-build-release}
source "$(dirname "$0")/lib.sh"
corpus=${NEWSDESK_FEEDS_CORPUS:-../shared/data/feeds-conformance}
if [[ ! -d $corpus ]]; then
  echo "feeds bench: skipped, no corpus at $corpus"
  exit 0
fi
list=$(mktemp)
rss=$(mktemp)
trap 'rm -f "$list" "$rss"' EXIT
python3 - "$corpus" >"$list" <<'PY'
import json, os, sys
corpus = sys.argv[1]
manifest = json.load(open(os.path.join(corpus, "manifest.json")))
for case in manifest["cases"]:
    if case["tier"] == "core":
        print(os.path.join(corpus, case["input"]))
PY
ours=$(peak_run "$rss" "$build/feed_bench" --seconds 3 <"$list")
peer=$(/usr/bin/python3 - "$list" <<'PY'
import resource, sys, time, feedparser
paths = [l.strip() for l in open(sys.argv[1]) if l.strip()]
docs = [open(p, "rb").read() for p in paths]
total = sum(len(d) for d in docs)
start = time.perf_counter(); rounds = 0
while True:
    for d in docs:
        feedparser.parse(d)
    rounds += 1
    secs = time.perf_counter() - start
    if secs >= 3:
        break
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"files={len(docs)} bytes={total} rounds={rounds} seconds={secs:.2f} peak_mb={peak} mb_per_s={total * rounds / 1e6 / secs:.2f}")
PY
)
ours_mbs=$(field mb_per_s "$ours")
peer_mbs=$(field mb_per_s "$peer")
echo "cores: $(nproc)"
echo "newsdesk ParseFeed:  $ours"
echo "python3-feedparser:  $peer"
awk -v a="$ours_mbs" -v b="$peer_mbs" 'BEGIN { printf "ratio (newsdesk / feedparser): %.1fx\n", a / b }'
bytes=$(field bytes "$peer")
bench_row "feed parsing" "$(field files "$peer") core-tier conformance feeds, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB" \
  "$ours_mbs" "MB/s" "python3-feedparser" "$peer_mbs" "$(cat "$rss")" "$(field peak_mb "$peer")" "one thread each"
