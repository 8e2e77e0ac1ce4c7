#!/bin/sh
# make fuzz: run each fuzz target SECONDS on a scratch copy of its seeds.
#   sh tests/fuzz/run.sh SECONDS TARGET...
# An input that crashes, trips a sanitizer, leaks, takes over 1 s or over
# 256 MB fails the run; it is kept in build/fuzz/findings/TARGET/ (the
# repository's corpus is never written).  Last line: N passed, M failed.
cd "$(dirname "$0")/../.." || exit 2
secs=${1:-60}
shift
# ASan keeps 256 MB of freed blocks by default, the whole RSS limit: 64 MB
# of them still catch a use after free
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=64
export ASAN_OPTIONS
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# the targets' own scratch files (a store, SQLite's -wal and -shm) go with
# this folder: a timed run ends without the exit handlers that remove them
mkdir "$scratch/tmp"
pass=0 fail=0
for t in "$@"; do
    mkdir -p "$scratch/$t" "build/fuzz/findings/$t"
    cp tests/fuzz/corpus/"$t"/* "$scratch/$t/" 2>/dev/null
    echo "== fuzz_$t: $secs s"
    # fuzz_api holds a whole coder (dictionaries, models, gazetteer) and a
    # store's connection under ASan: 200-300 MB before any input; its
    # inputs are held to 256 MB a single allocation instead
    rss=256
    [ "$t" = api ] && rss="512 -malloc_limit_mb=256"
    # shellcheck disable=SC2086
    if TMPDIR="$scratch/tmp" "build/fuzz/fuzz_$t" -max_total_time="$secs" -rss_limit_mb=$rss -timeout=1 -close_fd_mask=3 \
        -artifact_prefix="build/fuzz/findings/$t/" "$scratch/$t" >"$scratch/$t.log" 2>&1; then
        pass=$((pass + 1))
        tail -n 1 "$scratch/$t.log"
    else
        fail=$((fail + 1))
        cat "$scratch/$t.log" | grep -v '^#[0-9]' | tail -n 60
        echo "FAIL fuzz_$t (the input is in build/fuzz/findings/$t/)"
    fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
