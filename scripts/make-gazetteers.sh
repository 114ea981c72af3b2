#!/usr/bin/env bash
# Regenerates extract/data/gazetteers.tsv, the name lists built into newsdesk
# (extract/gazetteers.h), and extract/data/dictionary.txt, the dictionary's
# lowercase words that are no names, from Debian packages, the hand-written lists in
# extract/data/lists/ and word counts over the shared Wikinews sample.
# Sources and licences: extract/data/README.md.
#
# Usage: scripts/make-gazetteers.sh [WIKINEWS_DOCS_JSONL]
#   default WIKINEWS_DOCS_JSONL: ../shared/data/wikinews/docs.jsonl
# Run by developers only, not by the build; commit the files it writes. Installs
# iso-codes, gettext and wamerican when missing (needs root or sudo then), and
# downloads libgeonames-common and libtext-names-perl with `apt-get download`
# into a temporary folder without installing them. Deterministic: the same
# package versions and inputs give the same file.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
wikinews=${1:-$root/../shared/data/wikinews/docs.jsonl}
out=$root/extract/data/gazetteers.tsv
lists=$root/extract/data/lists

if [[ ! -f $wikinews ]]; then
  echo "make-gazetteers: $wikinews not found; pass the Wikinews docs.jsonl path" >&2
  exit 1
fi

sudo=
[[ $(id -u) -eq 0 ]] || sudo=sudo
missing=()
[[ -f /usr/share/iso-codes/json/iso_3166-2.json ]] || missing+=(iso-codes)
command -v msgunfmt >/dev/null || missing+=(gettext)
[[ -f /usr/share/dict/american-english ]] || missing+=(wamerican)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  $sudo apt-get update
  $sudo apt-get install -y "${missing[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# As root, apt warns that _apt cannot write to the folder and downloads as root.
(cd "$work" && apt-get download libgeonames-common libtext-names-perl 2>&1 >/dev/null |
  { grep -v '^W: Download is performed unsandboxed' >&2 || true; })
dpkg-deb -x "$work"/libgeonames-common_*.deb "$work/geo"
dpkg-deb -x "$work"/libtext-names-perl_*.deb "$work/tn"
msgunfmt "$work/geo/usr/share/locale/en/LC_MESSAGES/geonames.mo" > "$work/geonames-en.po"

python3 - "$work" "$lists" "$wikinews" "$out" <<'PY'
import collections, json, os, re, sys

work, lists, wikinews, out = sys.argv[1:]
entries = set()  # (class, entry)

def add(cls, name):
    name = " ".join(name.split())
    if name and "\t" not in name:
        entries.add((cls, name))

def hand_list(file_name):
    with open(f"{lists}/{file_name}", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line

# Common words: lowercase words of the Wikinews sample that the wamerican
# dictionary also lists (drops typos, foreign words and markup remnants).
dictionary = set()
listed = set()  # every entry as written
with open("/usr/share/dict/american-english", encoding="utf-8") as f:
    for line in f:
        w = line.strip()
        listed.add(w)
        if w and w.islower() and w.isalpha():
            dictionary.add(w)
counts = collections.Counter()
with open(wikinews, encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        for w in re.findall(r"[A-Za-z]+", (doc.get("title") or "") + "\n" + doc.get("text", "")):
            if w.islower():
                counts[w] += 1
for w in counts:
    if w in dictionary:
        add("common_word", w)
# A one-word place name that is also a frequent lowercase word ("Of",
# "Police", "March") says more about the word than the place.
frequent = {w for w, n in counts.items() if n >= 5}

def is_frequent_word(name):
    return " " not in name and name.lower() in frequent

# Countries (ISO 3166-1): short, common and official names. "Korea,
# Republic of" becomes "Korea"; the hand list adds the news forms.
with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
    for c in json.load(f)["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in c:
                add("country", re.sub(r"\s*\(.*?\)", "", c[key].split(",")[0]))
for name in hand_list("country_extra.txt"):
    add("country", name)

# Regions (ISO 3166-2), with the generic last word of Chinese names dropped
# as well ("Zhejiang Sheng" and "Zhejiang").
generic = re.compile(r" (Sheng|Shi|Zizhiqu|SAR)$")
with open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8") as f:
    for r in json.load(f)["3166-2"]:
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", r["name"].split(",")[0]).strip()
        if not name or is_frequent_word(name) or len(name.split()) > 6:
            continue
        add("region", name)
        short = generic.sub("", name)
        if short != name:
            add("region", short)
        if r["code"].startswith("CN-") and " " in short and short.split()[-1].endswith("zu"):
            add("region", short.split()[0])  # "Guangxi Zhuangzu" → "Guangxi"
for name in hand_list("region_extra.txt"):
    add("region", name)

# Cities: the English geonames.org names libgeonames lists.
with open(f"{work}/geonames-en.po", encoding="utf-8") as f:
    for m in re.finditer(r'^msgid "(\d+)"\nmsgstr "(.*)"$', f.read(), re.M):
        name = m.group(2).replace('\\"', '"')
        if name and not is_frequent_word(name) and len(name.split()) <= 6:
            add("city", name)
for name in hand_list("city_extra.txt"):
    add("city", name)

# People: the 1990 US Census name lists Text::Names embeds (upper case there).
def title_case(name):
    name = name.capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name

with open(f"{work}/tn/usr/share/perl5/Text/Names.pm", encoding="utf-8", errors="replace") as f:
    source = f.read()
for var, cls in (("COMMON_MALE_FIRSTNAMES", "first_name"),
                 ("COMMON_FEMALE_FIRSTNAMES", "first_name"),
                 ("COMMON_SURNAMES", "surname")):
    block = re.search(r"\$" + var + r" = <<ENDNAMES;\n(.*?)\nENDNAMES", source, re.S).group(1)
    for m in re.finditer(r"([A-Z][A-Z'-]*)\s+[0-9.]+\s+[0-9.]+\s+\d+", block):
        add(cls, title_case(m.group(1)))
for name in hand_list("first_name_extra.txt"):
    add("first_name", name)
for name in hand_list("surname_extra.txt"):
    add("surname", name)

for cls in ("nationality", "corporate_suffix", "person_title", "exchange", "org_word",
            "place_word", "organization", "time_word"):
    for name in hand_list(f"{cls}.txt"):
        add(cls, name)

# The dictionary's lowercase words that it does not also list capitalized
# ("nausea", not "trump" or "gore": Trump and Gore are names there too):
# what RecognizeEntities takes for an ordinary word when it opens a
# sentence (extract/entities.cc).
with open(f"{os.path.dirname(out)}/dictionary.txt", "w", encoding="utf-8", newline="\n") as f:
    for w in sorted(dictionary):
        if w[:1].upper() + w[1:] not in listed:
            f.write(w + "\n")

with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Generated by scripts/make-gazetteers.sh; sources and licences in README.md.\n")
    f.write("# class<TAB>entry, one entry a line.\n")
    for cls, name in sorted(entries):
        f.write(f"{cls}\t{name}\n")
by_class = collections.Counter(cls for cls, _ in entries)
for cls, n in sorted(by_class.items()):
    print(f"{cls:18} {n}")
PY
# SCOWL's licence asks for its notice beside every copy of its words.
cp /usr/share/doc/wamerican/copyright "$root/extract/data/dictionary.copyright"
echo "wrote $out ($(wc -c < "$out") bytes)"
echo "wrote $root/extract/data/dictionary.txt ($(wc -l < "$root/extract/data/dictionary.txt") words)"
