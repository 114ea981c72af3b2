#!/usr/bin/env python3
"""make bench's one table: the rows bench/*.sh wrote to RESULTS (lib.sh's
bench_row, tab-separated), with ratios, the core count and the corpus sizes.
Usage: bench/report.py RESULTS"""
import os
import platform
import subprocess
import sys


def cpu_model():
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def number(text):
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def figure(text, unit):
    value = number(text)
    if value is None:
        return text
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}"


def main():
    rows = []
    if len(sys.argv) > 1 and os.path.exists(sys.argv[1]):
        for line in open(sys.argv[1], encoding="utf-8"):
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 9:
                rows.append(cells[:9])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print()
    print(f"newsdesk benchmark report: {os.cpu_count()} cores ({cpu_model()}), "
          f"{platform.system()} {platform.release()}, commit {commit}")
    if not rows:
        print("no figures (every stage skipped: no ../shared/data?)")
        return 0
    table = [("stage", "corpus", "newsdesk", "peer", "peer figure", "ratio", "peak RSS",
              "notes")]
    for stage, corpus, ours, unit, peer, theirs, peak, peer_peak, note in rows:
        a, b = number(ours), number(theirs)
        ratio = "-"
        if a and b:
            # "How many times better": for latencies the inverse.
            ratio = f"{(b / a if unit == 'ms' else a / b):.1f}x"
        rss = "-" if peak == "-" else f"{peak} MB"
        if peer_peak != "-":
            rss += f" / {peer_peak} MB"
        table.append((stage, corpus, figure(ours, unit), peer,
                      "-" if theirs == "-" else figure(theirs, unit), ratio, rss,
                      "" if note == "-" else note))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for n, r in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print("ratio: newsdesk over the peer, higher is better for newsdesk (for ms, peer / newsdesk);"
          " peak RSS: newsdesk / peer, each its own process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
