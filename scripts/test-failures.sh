#!/usr/bin/env bash
# Prints, for each test that failed in a ctest run, what says why: QtTest's FAIL! lines and
# their locations, the script tests' FAIL lines and Python tracebacks, and the first lines of
# every sanitizer report. ctest's own output holds the whole of each failed test's output,
# schema migration messages and all, so that a log cut to its first and last lines (as CI's
# is) can lose exactly the failure; this digest comes last.
# Usage: scripts/test-failures.sh BUILD_DIR
set -uo pipefail

log="$1/Testing/Temporary/LastTest.log"
if [[ ! -r "$log" ]]; then
    echo "test-failures.sh: no $log"
    exit 0
fi

echo "== why the failed tests failed ($1) =="
awk '
    / Testing: / { name = $3; n = 0; report = 0; delete lines }
    /^<end of output>/ { report = 0 }
    {
        if ($0 ~ /^(FAIL!|FAIL |XPASS|QFATAL|QWARN|   Loc:|Traceback)/ || $0 ~ /(ThreadSanitizer|AddressSanitizer|LeakSanitizer|runtime error:|^SUMMARY:|Segmentation|Subprocess aborted)/)
            report = 25 # this line and the stack that follows it
        if (report > 0) {
            lines[n++] = $0
            --report
        }
    }
    /^Test time.*\*\*\*/ { failed = 1 } # timeouts and crashes
    /^Test (Passed|Failed)/ || /^"[^"]+" end time:/ {
        if ($0 ~ /^Test Failed/ || failed) {
            print "-- " name
            for (i = 0; i < n && i < 200; ++i)
                print lines[i]
            if (n == 0)
                print "(no FAIL! line or sanitizer report: see its whole output above)"
        }
        failed = 0; n = 0; report = 0; delete lines
    }
' "$log"
