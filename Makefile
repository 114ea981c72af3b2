# The two commands of the README: `make demo` and `make test`. Both install
# what they need first (scripts/setup.sh, Debian packages, idempotent).
BUILD_DIR   ?= build
RELEASE_DIR ?= build-release
FUZZ_DIR    ?= build-fuzz
FUZZ_SECONDS ?= 60
DEMO_DB     ?= $(RELEASE_DIR)/demo-db
JOBS        ?= $(shell nproc)
BENCH_SIZES ?= 10000 100000
BENCH_RESULTS ?= $(RELEASE_DIR)/bench-results.tsv

.PHONY: all setup build release demo test sanitize bench fuzz format clean

all: build

setup:
	@bash scripts/setup.sh

# Debug build with warnings: what the tests run against.
build: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

release: setup
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target newsdesk

# Ingests the bundled fixtures (then a later update of one article) into a
# fresh embedded store and prints the stories with their source counts.
demo: release
	@rm -rf $(DEMO_DB)
	$(RELEASE_DIR)/newsdesk ingest fixtures/news --db $(DEMO_DB)
	$(RELEASE_DIR)/newsdesk ingest fixtures/news-update --db $(DEMO_DB)
	$(RELEASE_DIR)/newsdesk stories --db $(DEMO_DB)
	$(RELEASE_DIR)/newsdesk entities --top 10 --db $(DEMO_DB)

test: build
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The whole suite once more under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNEWSDESK_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@NEWSDESK_CRASH_ARTICLES=400 ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# Every stage benchmark, its peers in the same command, then one table
# (bench/report.py): figures, ratios, core count, corpus sizes, peak memory.
# Generated corpora at BENCH_SIZES articles (built once under RELEASE_DIR,
# reused); BENCH_SIZES="10000 100000 1000000" adds 1M (hours: README).
bench: setup
	@bash scripts/setup.sh bench
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target newsdesk bench_pipeline feed_bench fetch_bench extract_bench tag_bench search_bench story_eval
	@rm -f $(BENCH_RESULTS)
	$(RELEASE_DIR)/bench_pipeline
	BENCH_RESULTS=$(BENCH_RESULTS) bash bench/feeds.sh $(RELEASE_DIR)
	BENCH_RESULTS=$(BENCH_RESULTS) bash bench/extract.sh $(RELEASE_DIR)
	BENCH_RESULTS=$(BENCH_RESULTS) bash bench/tag.sh $(RELEASE_DIR)
	BENCH_RESULTS=$(BENCH_RESULTS) bash bench/stories.sh $(RELEASE_DIR)
	BENCH_RESULTS=$(BENCH_RESULTS) INGEST_BENCH_SIZES="$(BENCH_SIZES)" bash bench/ingest.sh $(RELEASE_DIR)
	BENCH_RESULTS=$(BENCH_RESULTS) SEARCH_BENCH_SIZES="$(BENCH_SIZES)" bash bench/search.sh $(RELEASE_DIR)
	@python3 bench/report.py $(BENCH_RESULTS)

# Every libFuzzer target (fuzz/README.md) for FUZZ_SECONDS each, built with
# clang, ASan and UBSan in FUZZ_DIR; fails on any crash, timeout or OOM.
# -O1 -g without NDEBUG: asserts stay on. FUZZ_TARGETS="feed dates" runs some.
fuzz: setup
	@bash scripts/setup.sh fuzz
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DNEWSDESK_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target newsdesk_fuzz
	bash fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(RELEASE_DIR) build-asan $(FUZZ_DIR)
