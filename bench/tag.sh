#!/usr/bin/env bash
# Entity tagging tokens/s on one core: newsdesk's Tokenize + Gazetteers::Match
# + NerTagger::TagDocument (bench/tag_bench.cc), and the JavaScript library
# compromise (people, organisations, places) as the peer, on the same article
# texts (../shared/data/wikinews/docs.jsonl: title, blank line, text).
# Usage: bench/tag.sh BUILD_DIR   (TAG_BENCH_SECONDS, default 5; the peer is
# skipped when node/npm are missing or NEWSDESK_TAG_PEER=0)
set -euo pipefail
build=${1:-build-release}
corpus=${NEWSDESK_TAG_CORPUS:-../shared/data/wikinews/docs.jsonl}
seconds=${TAG_BENCH_SECONDS:-5}
source "$(dirname "$0")/lib.sh"
if [[ ! -f $corpus ]]; then
  echo "tag bench: skipped, no articles at $corpus"
  exit 0
fi
texts=$(mktemp)
rss=$(mktemp)
trap 'rm -f "$texts" "$rss"' EXIT
ours=$(peak_run "$rss" "$build/tag_bench" "$corpus" --seconds "$seconds" --dump "$texts")
echo "$ours"
ours_tps=$(field tokens_per_s "$(grep '^newsdesk RecognizeEntities' <<<"$ours")")
corpus_text="$(field docs "$(head -n 1 <<<"$ours")") Wikinews articles"
if [[ ${NEWSDESK_TAG_PEER:-1} == 0 ]] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compromise: skipped (no node/npm, or NEWSDESK_TAG_PEER=0)"
  bench_row "entity tagging" "$corpus_text" "$ours_tps" "tokens/s" "-" "-" "$(cat "$rss")" "-" \
    "one thread; peer skipped"
  exit 0
fi
# compromise from the npm registry into a cache folder, once.
peer_dir=${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk-bench/compromise
if [[ ! -d $peer_dir/node_modules/compromise ]]; then
  mkdir -p "$peer_dir"
  npm install --silent --no-audit --no-fund --prefix "$peer_dir" compromise@14 >/dev/null
fi
peer=$(NODE_PATH=$peer_dir/node_modules node - "$texts" "$seconds" <<'JS'
const fs = require('fs');
const nlp = require('compromise');
const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const seconds = Number(process.argv[3]);
let tokens = 0, spans = 0, done = 0;
const start = process.hrtime.bigint();
let secs = 0;
// Article by article until the time is up (one round takes longer than the budget).
for (let i = 0; secs < seconds; i = (i + 1) % docs.length) {
  const doc = nlp(docs[i]);
  tokens += doc.terms().length;
  spans += doc.people().length + doc.organizations().length + doc.places().length;
  done++;
  secs = Number(process.hrtime.bigint() - start) / 1e9;
}
const peak = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`compromise ${nlp.version} (people+organizations+places): docs=${done} ` +
            `tokens=${tokens} seconds=${secs.toFixed(2)} peak_mb=${peak} ` +
            `tokens_per_s=${Math.round(tokens / secs)}`);
JS
)
echo "$peer"
peer_tps=$(field tokens_per_s "$peer")
peer_peak=$(field peak_mb "$peer")
awk -v a="$ours_tps" -v b="$peer_tps" \
  'BEGIN { printf "ratio (newsdesk RecognizeEntities / compromise): %.1fx\n", a / b }'
bench_row "entity tagging" "$corpus_text" "$ours_tps" "tokens/s" "compromise (npm)" "$peer_tps" \
  "$(cat "$rss")" "$peer_peak" "one thread each; newsdesk: whole RecognizeEntities"
