# The two commands of the README: `make demo` and `make test`. Both install
# what they need first (scripts/setup.sh, Debian packages, idempotent).
BUILD_DIR   ?= build
RELEASE_DIR ?= build-release
DEMO_DB     ?= $(RELEASE_DIR)/demo-db
JOBS        ?= $(shell nproc)

.PHONY: all setup build release demo test sanitize bench format clean

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

test: build
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The whole suite once more under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNEWSDESK_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@ctest --test-dir build-asan --output-on-failure -j $(JOBS)

bench: setup
	@bash scripts/setup.sh bench
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target bench_pipeline feed_bench fetch_bench
	$(RELEASE_DIR)/bench_pipeline
	bash bench/feeds.sh $(RELEASE_DIR)
	$(RELEASE_DIR)/fetch_bench 2000 8

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(RELEASE_DIR) build-asan
