# Thin wrapper over CMake for the everyday commands:
#   make demo    build carve and run it on the bundled sample news page
#   make check   build and run the whole test suite (ctest)
#   make eval    score carve on every evaluation set in ../shared/bench
#   make bench   pages/s, MB/s and peak RSS over the ScrapingHub pages
#   make bench-warc  records/s, MB/s and peak RSS over WARC archives, 1 and 2 threads
#   make bench-sites the cost of --learn-sites: time against a plain run, peak RSS by crawl size
#   make memcheck  the test suite under valgrind memcheck
#   make install   install header, libraries, program, carve.pc and carve.1 (PREFIX=/usr/local)
#   make python    build the Python module and install it for Debian's python3 (import carve)
#   make bench-python  carve.extract against the program, and 1 against 2 Python threads
# Each target installs the Debian packages it needs when they are missing.

BUILD ?= build
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SHARED ?= $(abspath ../shared)

BUILD_DEPS = gcc g++ make cmake pkg-config libxml2-dev libuchardet-dev libjansson-dev zlib1g-dev \
             libzstd-dev libbrotli-dev libcld2-dev libutf8proc-dev
# The Python module (python/) and its distributed runner; python3-dev is
# also what makes a plain build include the module.
PYTHON ?= /usr/bin/python3
PYTHON_DEPS = python3 python3-dev python3-dask python3-distributed
TEST_DEPS = libcmocka-dev python3 python3-pytest python3-yaml cmark-gfm zstd $(PYTHON_DEPS)
MEMCHECK_DEPS = valgrind

.PHONY: all deps test-deps build demo check eval bench bench-warc bench-sites bench-python memcheck install \
        python clean

all: build

# Installs the packages that are not installed yet (as root, or through sudo).
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_DEPS))

test-deps: deps
	$(call apt_install,$(TEST_DEPS))

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=$(PYTHON) >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	./$(BUILD)/carve --with-metadata examples/sample-news.html

check: test-deps build
	cd $(BUILD) && ctest --output-on-failure --no-tests=error -j$(JOBS)

eval: build
	python3 $(SHARED)/bench/tools/evaluate.py --cmd "$(abspath $(BUILD))/carve --format json" --jobs $(JOBS)

bench: build
	bench/bench.sh $(BUILD)/carve $(SHARED)/bench/scrapinghub/html 5 $(BASELINE)

bench-warc: build
	CARVE=$(BUILD)/carve bench/warc_bench.sh

bench-sites: build
	CARVE=$(BUILD)/carve bench/site_bench.sh

bench-python: python
	$(PYTHON) bench/python_bench.py $(BUILD)/carve $(SHARED)/bench/scrapinghub/html 5 --dask

# Installs into the site-packages of $(PYTHON) (/usr/local/lib/python3.11/dist-packages
# on Debian 12), which every folder's python3 then imports from.
python: deps
	$(call apt_install,$(PYTHON_DEPS))
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=$(PYTHON) >/dev/null
	cmake --build $(BUILD) -j$(JOBS)
	cmake --install $(BUILD) --component python
	cd / && $(PYTHON) -c 'import carve; print("carve", carve.__version__, "for Python:", carve.__file__)'

memcheck: test-deps build
	$(call apt_install,$(MEMCHECK_DEPS))
	cd $(BUILD) && ctest --output-on-failure -T memcheck

# carve.pc names the prefix, so the build is configured with it before installing.
install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	cmake --build $(BUILD) -j$(JOBS)
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD)

# Fuzzing and sanitizers (see fuzz/ and SECURITY.md):
#   make fuzz FUZZ_SECONDS=60   build the libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz
#                               and run each for FUZZ_SECONDS from its corpus in fuzz/corpus/
#   make sanitize               ASan+UBSan build in build-asan: the test suite, then every page
#                               of every set in ../shared/bench; fails on any sanitizer report
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = fuzz_extract fuzz_html fuzz_decode fuzz_warc fuzz_http fuzz_meta fuzz_site_model
FUZZ_DEPS = clang-14
SAN_BUILD ?= build-asan
SAN_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: fuzz sanitize

fuzz: deps
	$(call apt_install,$(FUZZ_DEPS))
	cmake -S . -B $(FUZZ_BUILD) -DCARVE_FUZZ=ON -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  fuzz/run.sh $(FUZZ_BUILD) $$t $(FUZZ_SECONDS) > $(FUZZ_BUILD)/$$t.log 2>&1; rc=$$?; \
	  echo "$$t: $$(grep -E '^#[0-9]+.*(DONE|pulse|NEW)' $(FUZZ_BUILD)/$$t.log | tail -n 1)"; \
	  if [ $$rc -ne 0 ]; then grep -A30 -E '==ERROR|runtime error|deadly signal' $(FUZZ_BUILD)/$$t.log | head -n 40; \
	    echo "$$t failed: see $(FUZZ_BUILD)/$$t.log and $(FUZZ_BUILD)/artifacts/$$t/"; exit 1; fi; \
	done

sanitize: test-deps
	cmake -S . -B $(SAN_BUILD) -DCARVE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(SAN_BUILD) -j$(JOBS)
	cd $(SAN_BUILD) && $(SAN_ENV) ctest --output-on-failure -j$(JOBS)
	fuzz/sanitize_bench.sh $(SAN_BUILD)/carve $(SHARED)/bench $(JOBS)
