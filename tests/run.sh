#!/bin/sh
# Run every test: unit tests and command-line tests, each also under
# AddressSanitizer + UndefinedBehaviorSanitizer, the threaded paths under
# ThreadSanitizer, and the fuzz targets' seeds.
# Last line: N passed, M failed.
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for step in "./build/unit" "./build/unit-san" "sh tests/cli.sh ./build/herodotus" "sh tests/cli.sh ./build/herodotus-san" \
            "sh tests/store.sh ./build/herodotus" "sh tests/store.sh ./build/herodotus-san" \
            "sh tests/shard.sh ./build/herodotus" "sh tests/shard.sh ./build/herodotus-san" "sh tests/slurm.sh ./build/herodotus" \
            "sh tests/pg.sh ./build/herodotus" "sh tests/pg.sh ./build/herodotus-san" \
            "sh tests/badinput.sh ./build/herodotus" "sh tests/badinput.sh ./build/herodotus-san" \
            "sh tests/library.sh ./build/library ./build/herodotus" "sh tests/library.sh ./build/library-san ./build/herodotus" \
            "./build/threads examples/*.txt" "./build/threads-san examples/*.txt" \
            "sh tests/tsan.sh ./build/herodotus-tsan ./build/threads-tsan" \
            "sh tests/parser.sh ./build/herodotus" "sh tests/parser.sh ./build/herodotus-san" "sh tests/plover.sh" "sh tests/install.sh" \
            "sh tests/petr.sh ./build/herodotus" "sh tests/petr.sh ./build/herodotus-san" "sh tests/fuzz.sh" \
            "sh tests/serve.sh ./build/herodotus" "sh tests/serve.sh ./build/herodotus-san" "sh tests/browser.sh ./build/herodotus"; do
    echo "== $step"
    $step >"$log" 2>&1 || status=1
    cat "$log"
    if grep -q "ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer" "$log"; then
        echo "FAIL sanitizer report in: $step"
        echo "sanitizer: 0 passed, 1 failed" >>"$log"
        status=1
    fi
    grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$log" >>"${log}.sum"
done
p=$(awk '{ p += $2 } END { print p + 0 }' "${log}.sum")
f=$(awk '{ f += $4 } END { print f + 0 }' "${log}.sum")
rm -f "${log}.sum"
[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
