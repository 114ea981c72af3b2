# Sourced by the bench scripts. Each stage prints its own lines and, when
# BENCH_RESULTS names a file (make bench sets it), adds one row for the
# report table (bench/report.py) with bench_row.

# bench_row STAGE CORPUS FIGURE UNIT PEER PEER_FIGURE PEAK_MB PEER_PEAK_MB NOTE
# ("-" for what a row has not; a lower-is-better UNIT is "ms").
bench_row() {
  [[ -n ${BENCH_RESULTS:-} ]] || return 0
  local IFS=$'\t'
  echo "$*" >>"$BENCH_RESULTS"
}

# field KEY TEXT: VALUE of the last " KEY=VALUE" (or one at the start) in TEXT.
field() {
  grep -oE "(^| )$1=[^ ]*" <<<"$2" | tail -n 1 | cut -d= -f2
}

# thousands N: 100000 → 100,000.
thousands() {
  sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"
}

# peak_run FILE CMD...: runs CMD (its output passes through) and writes its
# peak resident memory in MB to FILE (GNU time, Debian's `time`).
peak_run() {
  local file=$1
  shift
  local kb
  kb=$(mktemp)
  /usr/bin/time -f %M -o "$kb" "$@"
  local status=$?
  echo $(($(tail -n 1 "$kb") / 1024)) >"$file"
  rm -f "$kb"
  return $status
}
