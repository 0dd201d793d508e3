#!/usr/bin/env bash
# Installs what is missing, builds Confab from scratch and runs every test: once in a normal
# build (whose Debian packages are then checked and installed once), once under AddressSanitizer
# + UndefinedBehaviorSanitizer, and the I/O threads' suites once more under ThreadSanitizer.
# Exits non-zero on any failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen
# Line tables only (-g1) in all three builds: sanitizer reports and backtraces keep their
# file:line, and each file compiles in about two thirds of the time full -g takes.
line_tables=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1")

echo "== build (RelWithDebInfo) =="
rm -rf build-test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${line_tables[@]}"
cmake --build build-test -j "$jobs"
echo "== tests =="
ctest --test-dir build-test --output-on-failure -j "$jobs" --timeout 120
echo "== Debian packages: build, lint, install, serve, purge =="
scripts/package-check.sh build-test

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer) =="
rm -rf build-asan
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONFAB_SANITIZE=ON \
    -DCONFAB_BUILD_BENCH=OFF "${line_tables[@]}"
cmake --build build-asan -j "$jobs"
echo "== tests under sanitizers =="
# Any report fails the test that produced it: ASan aborts, UBSan is built with
# -fno-sanitize-recover, and LeakSanitizer exits non-zero. Leaks inside system libraries
# we do not own (fontconfig) are listed in the suppression file.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 300

echo "== build (ThreadSanitizer: the I/O threads' suites) =="
# Only the suites that drive the I/O threads of --threads, and the history store's suite (its
# write-ahead log checkpoints run on a thread of their own, synchronised with std::mutex): the
# server library and four test programs. The suites with the account and history threads are
# not run here: those threads are given work through Qt's queued calls, whose locks (inside Qt,
# which is not built with TSan) it cannot see. tests/sanitizer/tsan.supp lists the Qt-internal
# reports it does not follow.
rm -rf build-tsan
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONFAB_TSAN=ON \
    -DCONFAB_BUILD_CLIENT=OFF -DCONFAB_BUILD_BENCH=OFF "${line_tables[@]}"
cmake --build build-tsan -j "$jobs" --target tst_iothreadpool tst_server tst_clientsession \
    tst_sqlitehistorystore
echo "== tests under ThreadSanitizer =="
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizer/tsan.supp"
ctest --test-dir build-tsan --output-on-failure -j "$jobs" --timeout 300 \
    -R '^(tst_iothreadpool_epoll|tst_server_threads|tst_clientsession_threads|tst_sqlitehistorystore)$'

echo "test.sh: all tests passed, normal, ASan+UBSan and TSan"
