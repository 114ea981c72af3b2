#!/usr/bin/env bash
# Main-text extraction pages/s on one core: newsdesk's ExtractHtmlArticle and
# Debian's python3-readability (readability-lxml) on the same decompressed
# pages (../shared/data/extraction-dev/html), in one command, with the ratio;
# libxml2's parse alone is printed as the floor extraction builds on.
# Usage: bench/extract.sh BUILD_DIR   (EXTRACT_BENCH_SECONDS, default 5)
set -euo pipefail
build=${1:-build-release}
corpus=${NEWSDESK_EXTRACT_CORPUS:-../shared/data/extraction-dev/html}
seconds=${EXTRACT_BENCH_SECONDS:-5}
source "$(dirname "$0")/lib.sh"
if ! compgen -G "$corpus/*.html.gz" >/dev/null; then
  echo "extract bench: skipped, no *.html.gz pages at $corpus"
  exit 0
fi
pages=$(mktemp -d)
rss=$(mktemp)
trap 'rm -rf "$pages" "$rss"' EXIT
# Both sides are single-threaded; the C++ bench dumps the pages it decompressed
# so the peer reads exactly the same bytes.
ours=$(peak_run "$rss" "$build/extract_bench" "$corpus" --seconds "$seconds" --dump "$pages")
# /usr/bin/python3: Debian's, which has python3-readability (a pyenv python
# first on PATH would not).
peer=$(/usr/bin/python3 - "$pages" "$seconds" <<'PY'
import glob, logging, os, resource, sys, time
from readability import Document
logging.disable(logging.CRITICAL)  # readability logs every page it gives up on
paths = sorted(glob.glob(os.path.join(sys.argv[1], "*.html")))
docs = [open(p, "rb").read() for p in paths]
total = sum(len(d) for d in docs)
start = time.perf_counter(); rounds = 0
while True:
    for d in docs:
        try:
            Document(d).summary()
        except Exception:
            pass  # counted as done, like a page newsdesk finds no text in
    rounds += 1
    secs = time.perf_counter() - start
    if secs >= float(sys.argv[2]):
        break
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"pages={len(docs)} mb={total / 1e6:.1f} rounds={rounds} seconds={secs:.2f} peak_mb={peak} "
      f"mb_per_s={total * rounds / 1e6 / secs:.1f} pages_per_s={len(docs) * rounds / secs:.0f}")
PY
)
ours_pps=$(field pages_per_s "$(grep '^newsdesk' <<<"$ours")")
peer_pps=$(field pages_per_s "$peer")
echo "cores: $(nproc) (each side runs on one thread)"
echo "$ours"
echo "readability-lxml Document.summary(): $peer"
awk -v a="$ours_pps" -v b="$peer_pps" \
  'BEGIN { printf "ratio (newsdesk / readability-lxml): %.1fx\n", a / b }'
bench_row "main-text extraction" \
  "$(field pages "$peer") real news pages (extraction-dev), $(field mb "$peer") MB" \
  "$ours_pps" "pages/s" "python3-readability" "$peer_pps" "$(cat "$rss")" \
  "$(field peak_mb "$peer")" "one thread each"
