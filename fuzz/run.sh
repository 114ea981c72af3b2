#!/usr/bin/env bash
# Runs every libFuzzer target of BUILD_DIR (configured with NEWSDESK_FUZZ=ON)
# for SECONDS each, one after another, seeded from fixtures/ and from the
# reproducers kept in fixtures/fuzz/TARGET/. Inputs that add coverage are
# kept in BUILD_DIR/fuzz-corpus/TARGET (reused by the next run); a crash,
# timeout or out-of-memory input is written to BUILD_DIR/fuzz-artifacts/TARGET/.
# Exits 1 when any target failed. Usage: fuzz/run.sh BUILD_DIR [SECONDS]
# FUZZ_TARGETS="feed dates" runs only those (names without fuzz_).
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
cd "$(dirname "$0")/.."

html_len=262144  # pages: the dev pages average 170 KB
other_len=65536

# target → max_len and seed folders under fixtures/ (missing ones are skipped).
declare -A max_len=(
  [extract_html]=$html_len [extract_text]=$other_len [feed]=$other_len [sitemap]=$other_len
  [sources]=$other_len [dates]=256 [charset]=$other_len [entities]=$other_len [facts]=$other_len
  [records]=$other_len
)
declare -A seeds=(
  [extract_html]="news news-update extract bad http"
  [extract_text]="news news-update bad"
  [feed]="feeds"
  [sitemap]="sitemaps"
  [sources]="opml"
  [dates]=""
  [charset]="feeds extract http bad"
  [entities]="entities news news-update"
  [facts]="facts entities"
  [records]=""
)
targets=(extract_html extract_text feed sitemap sources dates charset entities facts records)
if [[ -n ${FUZZ_TARGETS:-} ]]; then read -r -a targets <<<"$FUZZ_TARGETS"; fi

# ParseDateTime's seeds: every date written in the fixtures, one a file.
date_seeds="$build/fuzz-seeds/dates"
rm -rf "$date_seeds"
mkdir -p "$date_seeds"
grep -rhoP '<(pubDate|lastmod|updated|published|dc:date|modified|issued|created|news:publication_date)>\K[^<]{1,80}(?=<)|datetime="\K[^"]{1,80}|"(datePublished|dateModified|published|date_published|date_modified)":\s*"\K[^"]{1,80}|content="\K[0-9]{4}-[^"]{0,60}' \
  fixtures | sort -u | split -l 1 -a 4 - "$date_seeds/date-"
for f in "$date_seeds"/date-*; do truncate -s -1 "$f"; done  # no trailing newline

failed=()
printf '%-13s %-8s %12s %8s %8s %8s\n' target result executions cov ft corpus
for t in "${targets[@]}"; do
  exe="$build/fuzz_$t"
  [[ -x $exe ]] || { echo "fuzz: $exe is missing; build the newsdesk_fuzz target first" >&2; exit 2; }
  corpus="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t/"
  log="$build/fuzz-logs/$t.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  dirs=("$corpus")
  for s in ${seeds[$t]}; do [[ -d fixtures/$s ]] && dirs+=("fixtures/$s"); done
  [[ $t == dates ]] && dirs+=("$date_seeds")
  [[ -d fixtures/fuzz/$t ]] && dirs+=("fixtures/fuzz/$t")
  status=0
  "$exe" -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${dirs[@]}" >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  runs=$(grep -oP '^stat::number_of_executed_units:\s*\K[0-9]+' "$log" || echo "?")
  cov=$(grep -oP 'cov: \K[0-9]+' <<<"$last" || echo "?")
  ft=$(grep -oP 'ft: \K[0-9]+' <<<"$last" || echo "?")
  corp=$(grep -oP 'corp: \K[0-9]+' <<<"$last" || echo "?")
  if [[ $status -eq 0 ]]; then
    result=ok
  else
    result=FAILED
    failed+=("$t")
  fi
  printf '%-13s %-8s %12s %8s %8s %8s\n' "$t" "$result" "$runs" "$cov" "$ft" "$corp"
  if [[ $status -ne 0 ]]; then
    # What went wrong and the frames of newsdesk and its libraries (not libFuzzer's or libc's).
    grep -E 'ERROR: |SUMMARY: |contract broken|^ +#[0-9]+ ' "$log" |
      grep -vE 'fuzzer::|__sanitizer_print_stack_trace|libc\.so|libc_start|pthread_kill|raise\.c|abort\.c| in _start | in main ' |
      head -n 20 | sed 's/^/    /' || true  # head closing the pipe early is no failure
    echo "    input: $(grep -oP 'Test unit written to \K\S+' "$log" || echo "see $log")"
    echo "    log: $log; keep the input as fixtures/fuzz/$t/NAME so every run replays it"
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
