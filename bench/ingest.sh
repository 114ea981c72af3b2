#!/usr/bin/env bash
# End-to-end ingest from local files, all extraction on: `newsdesk ingest
# DIR` into a fresh database reads each saved page (HTML main text, metadata),
# recognizes its entities and facts, assigns its story, indexes it for search
# and commits it. Pages are generated reproducibly (seed 7) from real text:
# the headlines and sentences of ../shared/data/wikinews and stories-dev, each
# page a real headline and 5-15 real sentences, one of 50 invented outlets,
# dated over a year. Prints articles/s (wall), CPU seconds, peak resident
# memory and the core count. Issue #8's target: >= 1,000 articles/s here.
# The same pages are then served by a loopback HTTP server as RSS feeds
# (bench/fetch_bench.cc) and ingested from it, for the sizes in
# INGEST_LOOPBACK_SIZES (default: the first size).
# Usage: bench/ingest.sh BUILD_DIR   (INGEST_BENCH_SIZES="10000 100000" for
# more sizes; skipped without ../shared/data)
set -euo pipefail
build=${1:-build-release}
source "$(dirname "$0")/lib.sh"
data=${NEWSDESK_BENCH_DATA:-../shared/data}
sizes=${INGEST_BENCH_SIZES:-10000}
loopback_sizes=${INGEST_LOOPBACK_SIZES:-${sizes%% *}}
if [[ ! -f $data/wikinews/docs.jsonl || ! -f $data/stories-dev/ecbplus-dev.jsonl ]]; then
  echo "ingest bench: skipped, no texts at $data/wikinews and $data/stories-dev"
  exit 0
fi
work=${INGEST_BENCH_DIR:-$build/bench-ingest}
mkdir -p "$work"
echo "ingest bench: $(nproc) cores, newsdesk ingest of generated pages from local files"
for n in $sizes; do
  pages=$work/pages-$n
  if [[ ! -f $pages/.complete ]]; then
    rm -rf "$pages"
    python3 - "$data" "$pages" "$n" <<'PY'
import html, json, os, random, sys
data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
heads, sents = [], []
for path in (f"{data}/wikinews/docs.jsonl", f"{data}/stories-dev/ecbplus-dev.jsonl"):
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d.get("title"):
            heads.append(d["title"].strip())
        for s in d["text"].replace("\n", " ").split(". "):
            s = s.strip()
            if 40 <= len(s) <= 400:
                sents.append(s if s.endswith((".", "!", "?", '"')) else s + ".")
rng = random.Random(7)
outlets = [f"The {a} {b}" for a in ("Harrow", "Quayside", "Ashcombe", "Northfold", "Tollbridge",
           "Greyhaven", "Vellmouth", "Kestrel", "Marlow", "Selden") for b in ("Courier", "Post",
           "Ledger", "Herald", "Times")]
os.makedirs(out)
for i in range(n):
    sub = f"{out}/{i // 1000:04d}"
    if i % 1000 == 0:
        os.makedirs(sub)
    outlet = outlets[rng.randrange(len(outlets))]
    day, minute = rng.randrange(365), rng.randrange(1440)
    date = f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{minute // 60:02d}:{minute % 60:02d}:00Z"
    title = html.escape(heads[rng.randrange(len(heads))])
    body = "".join(f"<p>{html.escape(sents[rng.randrange(len(sents))])}</p>"
                   for _ in range(rng.randint(5, 15)))
    slug = outlet.lower().replace(" ", "")
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{date}">'
            f'<link rel="canonical" href="https://www.{slug}.example/news/{i}"></head>'
            f'<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>'
            f'<article><h1>{title}</h1>{body}</article><footer>© {outlet}</footer></body></html>')
    with open(f"{sub}/{i}.html", "w", encoding="utf-8") as f:
        f.write(page)
open(f"{out}/.complete", "w").close()
PY
  fi
  db=$work/db-$n
  rm -rf "$db"
  mb=$(du -sm "$pages" | cut -f1)
  out=$(python3 - "$build/newsdesk" "$pages" "$db" "$n" <<'PY'
import resource, subprocess, sys, time
binary, pages, db, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
start = time.monotonic()
r = subprocess.run([binary, "ingest", pages, "--db", db, "-q"], stdout=subprocess.DEVNULL)
wall = time.monotonic() - start
u = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = u.ru_utime + u.ru_stime
print(f"  {n:>9,} pages from files: {n / wall:,.0f} articles/s wall ({wall:,.1f} s), "
      f"{n / cpu:,.0f} per CPU second, peak RSS {u.ru_maxrss / 1024:,.0f} MB"
      + ("" if r.returncode == 0 else f", exit {r.returncode}"))
print(f"row {n / wall:.0f} {u.ru_maxrss // 1024} {n / cpu:.0f}")
PY
)
  grep -v '^row ' <<<"$out"
  read -r _ rate peak per_cpu < <(grep '^row ' <<<"$out")
  label="$(thousands "$n") generated pages, $mb MB"
  bench_row "ingest from local files" "$label" "$rate" "articles/s" "-" "-" "$peak" "-" \
    "all extraction on; $per_cpu per CPU second; target 1,000/s"
  if [[ " $loopback_sizes " == *" $n "* ]]; then
    rss=$(mktemp)
    out=$(peak_run "$rss" "$build/fetch_bench" --pages "$pages" --jobs 8)
    rate=$(grep -o 'pages_per_s: [0-9]*' <<<"$out" | grep -o '[0-9]*$')
    stored=$(grep -o 'stored: [0-9]*' <<<"$out" | grep -o '[0-9]*$')
    echo "  $(printf '%9s' "$n") pages from a loopback server: $rate articles/s wall ($stored stored), peak RSS $(cat "$rss") MB"
    bench_row "ingest from a loopback HTTP server" "$label, as RSS feeds" "$rate" "articles/s" \
      "-" "-" "$(cat "$rss")" "-" "8 fetches at once; the server runs in the same process"
    rm -f "$rss"
  fi
done
