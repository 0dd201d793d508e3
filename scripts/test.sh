#!/usr/bin/env bash
# Installs what is missing, builds Confab from scratch and runs every test: once in a normal
# build (whose Debian packages are then checked and installed once), once under AddressSanitizer
# + UndefinedBehaviorSanitizer. Exits non-zero on any failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen

echo "== build (RelWithDebInfo) =="
rm -rf build-test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build-test -j "$jobs"
echo "== tests =="
ctest --test-dir build-test --output-on-failure -j "$jobs" --timeout 120
echo "== Debian packages: build, lint, install, serve, purge =="
scripts/package-check.sh build-test

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer) =="
rm -rf build-asan
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONFAB_SANITIZE=ON \
    -DCONFAB_BUILD_BENCH=OFF
cmake --build build-asan -j "$jobs"
echo "== tests under sanitizers =="
# Any report fails the test that produced it: ASan aborts, UBSan is built with
# -fno-sanitize-recover, and LeakSanitizer exits non-zero. Leaks inside system libraries
# we do not own (fontconfig) are listed in the suppression file.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 300

echo "test.sh: all tests passed, normal and sanitized"
