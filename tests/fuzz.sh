#!/bin/sh
# The fuzz targets keep building and their seeds keep passing: build every
# target (make fuzz-build) and run each seed of tests/fuzz/corpus/TARGET/
# through it once.  Skipped when clang or its libFuzzer runtime is missing
# (make deps installs them).  Last line: fuzz: N passed, M failed.
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CC_FUZZ=${FUZZ_CC:-clang}
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$T/probe.c"
if ! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined -o "$T/probe" "$T/probe.c" >"$T/probe.log" 2>&1; then
    echo "fuzz: skipped: $CC_FUZZ cannot build a libFuzzer target (install clang and libclang-rt-14-dev: make deps)"
    sed 's/^/  /' "$T/probe.log" | head -n 5
    echo "fuzz: 0 passed, 0 failed"
    exit 0
fi
pass=0 fail=0
if ! make -s fuzz-build >"$T/build.log" 2>&1; then
    cat "$T/build.log"
    echo "FAIL fuzz_targets_build"
    echo "fuzz: 0 passed, 1 failed"
    exit 1
fi
mkdir "$T/scratch"
targets=$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')
for t in $targets; do
    # -runs=0: each seed once, nothing new written to the corpus
    if [ -x "build/fuzz/fuzz_$t" ] && TMPDIR="$T/scratch" "build/fuzz/fuzz_$t" -runs=0 -rss_limit_mb=256 -timeout=1 -artifact_prefix="$T/" \
        "tests/fuzz/corpus/$t" >"$T/$t.log" 2>&1 && grep -q 'INITED\|Done 0 runs' "$T/$t.log"; then
        pass=$((pass + 1))
        echo "ok fuzz_${t}_seeds ($(ls "tests/fuzz/corpus/$t" | wc -l) seeds)"
    else
        fail=$((fail + 1))
        grep -v '^#[0-9]\|^INFO:' "$T/$t.log" | tail -n 40
        echo "FAIL fuzz_${t}_seeds"
    fi
done
# a target's scratch files (a store and SQLite's -wal, -shm beside it) go
# when it exits
if [ -z "$(ls -A "$T/scratch")" ]; then
    pass=$((pass + 1))
    echo "ok fuzz_targets_leave_no_scratch_files"
else
    fail=$((fail + 1))
    ls -R "$T/scratch" | head -n 10
    echo "FAIL fuzz_targets_leave_no_scratch_files"
fi
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
