#!/usr/bin/env bash
# Installs what is missing, builds Confab from scratch and runs every test: once in a normal
# build (whose Debian packages are then checked and installed once), once under AddressSanitizer
# + UndefinedBehaviorSanitizer, and the suites with threads once more under ThreadSanitizer.
# Exits non-zero on any failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test

jobs=$(nproc)
# ctest in BUILD_DIR with the rest of the arguments; on a failure, a digest of why comes last.
run_tests() {
    local build="$1"
    shift
    if ! ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@"; then
        scripts/test-failures.sh "$build"
        exit 1
    fi
}
# The next build runs behind the tests of the one before, at the lowest CPU priority: the
# tests, which mostly wait on sockets and timers, get the cores whenever they want them, and the
# compiler takes what is left (one build after another took 35 minutes, 23 of them compiling).
# Its output goes to BUILD_DIR.log, shown when it is waited for.
background_pid=""
start_background_build() {
    local build="$1"
    shift
    rm -rf "$build"
    set -m # a process group of its own, which a failure in the foreground can stop whole
    (
        renice -n 19 -p "$BASHPID" >/dev/null
        "$@"
    ) >"$build.log" 2>&1 &
    background_pid=$!
    set +m
    background_log="$build.log"
}
wait_background_build() {
    local status=0
    wait "$background_pid" || status=$?
    background_pid=""
    cat "$background_log"
    if ((status != 0)); then
        echo "test.sh: the build in the background failed ($background_log, exit $status)" >&2
        exit 1
    fi
}
# A failure in the foreground stops the build behind it too.
trap 'if [[ -n "$background_pid" ]]; then kill -- -"$background_pid" 2>/dev/null || true; fi' EXIT
export QT_QPA_PLATFORM=offscreen
# In all three builds: line tables only (-g1): sanitizer reports and backtraces keep their
# file:line, and each file compiles in about two thirds of the time full -g takes; and the
# libraries compiled in batches (CONFAB_UNITY_BUILD).
build_flags=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1"
    -DCONFAB_UNITY_BUILD=ON)

echo "== build (RelWithDebInfo) =="
rm -rf build-test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${build_flags[@]}"
cmake --build build-test -j "$jobs"
build_asan() {
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONFAB_SANITIZE=ON \
        -DCONFAB_SHARED_LIBRARIES=ON -DCONFAB_BUILD_BENCH=OFF "${build_flags[@]}"
    cmake --build build-asan -j "$jobs"
}
start_background_build build-asan build_asan
echo "== tests =="
run_tests build-test --timeout 120
echo "== Debian packages: build, lint, install, serve, purge =="
scripts/package-check.sh build-test
# Disk: a CI machine once had too little left for three builds (the sanitizer builds link the
# libraries shared for the same reason, CONFAB_SHARED_LIBRARIES). A build whose tests have passed
# is not needed again.
rm -rf build-test

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer), begun behind the tests =="
wait_background_build
echo "== tests under sanitizers =="
# Any report fails the test that produced it: ASan aborts, UBSan is built with
# -fno-sanitize-recover, and LeakSanitizer exits non-zero. Leaks inside system libraries
# we do not own (fontconfig) are listed in the suppression file.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
build_tsan() {
    cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONFAB_TSAN=ON \
        -DCONFAB_SHARED_LIBRARIES=ON -DCONFAB_BUILD_CLIENT=OFF -DCONFAB_BUILD_BENCH=OFF \
        "${build_flags[@]}"
    cmake --build build-tsan -j "$jobs" --target confab_tsan_suites
}
start_background_build build-tsan build_tsan
run_tests build-asan --timeout 300
rm -rf build-asan

echo "== build (ThreadSanitizer: every suite with threads), begun behind the ASan tests =="
# The suites that run a whole server on two event-loop threads (the *_threads runs: the core
# thread, an I/O thread, and the account and history worker threads), the I/O thread pool's,
# the history service's and store's (its write-ahead log checkpoints on a thread of its own),
# and CrossThreadObject's: label "tsan" and target confab_tsan_suites, both set in
# tests/server/CMakeLists.txt (the server library and those test programs). Qt and GLib are not
# built with TSan: ignore_noninstrumented_modules keeps it from reporting the memory their own
# code touches under their own locks (Qt's posted-event list, GLib's wake-up descriptor), while
# our code's accesses and every pthread lock and atomic are still checked. Work handed to and
# from the worker threads goes through CrossThreadObject, which tells TSan of each hand-over.
# tests/sanitizer/tsan.supp lists the Qt-internal reports it does not follow.
wait_background_build
echo "== tests under ThreadSanitizer =="
export TSAN_OPTIONS="halt_on_error=1:ignore_noninstrumented_modules=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizer/tsan.supp"
run_tests build-tsan --timeout 300 -L '^tsan$'

echo "test.sh: all tests passed, normal, ASan+UBSan and TSan"
