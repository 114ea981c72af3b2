#!/usr/bin/env bash
# Installs every Debian package that building, the demo and the tests need.
# Idempotent: when all are present it does nothing; `apt-get update` runs only
# when something is missing. Needs root (or sudo) only in that case.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  librocksdb-dev       # the store
  libxml2-dev          # HTML parsing
  libicu-dev           # Unicode, charset conversion and detection
  libsimdjson-dev      # reading JSON (JSON-LD, sidecars)
  nlohmann-json3-dev   # writing JSON output and store records
  libpugixml-dev       # XML feeds
  libre2-dev           # regular expressions
  libcurl4-openssl-dev # URL API, HTTP dates, fetching
  libpsl-dev           # registrable domains (public suffix list)
  libxxhash-dev        # hashing
  libstemmer-dev       # stemming for similarity and search
  libjemalloc-dev      # the memory allocator (CMakeLists.txt)
  libfmt-dev           # formatting
  libcli11-dev         # argument parsing
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev   # loopback HTTP server in tests
  zlib1g-dev           # gzip bodies in fetcher tests
  publicsuffix         # the public suffix list libpsl reads
  python3
)

# `setup.sh bench` also installs the peers the benchmarks compare with.
if [[ ${1:-} == bench ]]; then
  packages+=(python3-feedparser python3-readability time)  # time: peak memory of each stage
fi
# `setup.sh fuzz` also installs what `make fuzz` builds with: clang, its
# libFuzzer and sanitizer runtimes (only recommended by clang, and this script
# installs without recommends) and llvm-symbolizer for readable stacks.
if [[ ${1:-} == fuzz ]]; then
  packages+=(clang libclang-rt-14-dev llvm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
