#!/bin/sh
# The threaded paths under ThreadSanitizer: code and ingest in three
# threads (JSON lines parsed by the coding threads, the stored-already check
# shared by them, the ordered writer), a second ingest that skips every
# document, and four threads sharing one library coder.  Any report of
# ThreadSanitizer is a failure.
# usage: sh tests/tsan.sh BUILD/herodotus-tsan BUILD/threads-tsan
H=$1 TH=$2
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
pass=0 fail=0
check() {   # NAME COMMAND...: the command succeeds and ThreadSanitizer said nothing
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err" && ! grep -q "ThreadSanitizer" "$T/err"; then
        echo "ok   $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        head -40 "$T/err"
        fail=$((fail + 1))
    fi
}
# 200 articles from the examples, and a bad line among them
for f in examples/*.txt; do sed -n '/^$/,$p' "$f" | tr '\n' ' ' | sed 's/"/\\"/g; s/^/{"id":"x","date":"2024-05-14","text":"/; s/$/"}/'; echo; done >"$T/one.jsonl"
awk '{ for (i = 0; i < 40; i++) { l = $0; sub(/"id":"x"/, "\"id\":\"" NR "-" i "\"", l); print l } } NR == 2 { print "{\"id\": 7" }' "$T/one.jsonl" >"$T/many.jsonl"
check code_in_three_threads_has_no_race sh -c "'$H' code --jobs 3 '$T/many.jsonl' >/dev/null 2>'$T/err1'; [ \$? -le 1 ] && ! grep -q ThreadSanitizer '$T/err1' && grep -q 'invalid JSON' '$T/err1'"
check ingest_in_three_threads_has_no_race "$H" ingest --quiet --jobs 3 --db "$T/t.db" "$T/one.jsonl" examples/*.txt
check ingest_again_skipping_stored_documents_has_no_race "$H" ingest --quiet --jobs 3 --db "$T/t.db" "$T/one.jsonl" examples/*.txt
check threads_sharing_a_library_coder_have_no_race "$TH" examples/*.txt
echo "tsan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
