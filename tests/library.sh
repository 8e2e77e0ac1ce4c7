#!/bin/sh
# The library (src/herodotus.h) through examples/library.c: it codes what
# herodotus code codes.
# usage: tests/library.sh PROGRAM BINARY   (one line per test, then "library: N passed, M failed")
L=${1:-build/library}
H=${2:-build/herodotus}
. "$(dirname "$0")/lib.sh"

"$L" >"$T/o" 2>"$T/e"; rc=$?
check library_codes_its_own_sentence sh -c "[ $rc -eq 0 ] && grep -q '^example	2024-04-08	RUSGOV	CHN	042	' '$T/o' && grep -q '^herodotus [0-9]' '$T/o'"
"$L" examples/*.txt >"$T/lib" 2>"$T/e"; rc=$?
cut -f1,2,3,4,5 "$T/lib" | grep -v '^herodotus ' | sed 's|^\(examples/[a-z-]*\)\.txt|\1|' | sort >"$T/lib.ev"
"$H" code --format tsv examples/*.txt 2>/dev/null | tail -n +2 | awk -F'\t' '{ print $1 "\t" ($3 == "" ? "-" : $3) "\t" ($4 == "" ? "-" : $4) "\t" ($5 == "" ? "-" : $5) "\t" $6 }' | sort >"$T/cli.ev"
check library_codes_what_the_command_codes sh -c "[ $rc -eq 0 ] && [ -s '$T/cli.ev' ] && cmp -s '$T/lib.ev' '$T/cli.ev'"
"$L" nosuch.txt >"$T/o" 2>"$T/e"; rc=$?
check library_reports_an_unreadable_file sh -c "[ $rc -eq 1 ] && grep -q 'nosuch.txt: cannot read' '$T/e'"
printf 'China \377 praised Russia.\n' >"$T/bad.txt"
"$L" "$T/bad.txt" >"$T/o" 2>"$T/e"; rc=$?
check library_returns_the_pipelines_error sh -c "[ $rc -eq 1 ] && grep -q 'invalid UTF-8 at byte 6' '$T/e'"

echo "library: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
