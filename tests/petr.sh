#!/bin/sh
# The field's conformance suite: PETRARCH2's unit-test records, coded from
# raw text with herodotus's own pipeline.  Skips when ../shared is absent.
# Fails below the floors this project has reached (a ratchet: raise them as
# coding improves; they never go below the targets, 250 of 279 from raw text
# and 265 with --parse), or when any category falls below 85% from raw text.
H=${1:-build/herodotus}
FLOOR_TEXT=261
FLOOR_PARSE=268
SHARED=${HERODOTUS_SHARED:-../shared}
REC="$SHARED/peers/petrarch2/validate/PETR.UnitTest.records.xml"
PHX="$SHARED/peers/petrarch2/phoenix"
if [ ! -f "$REC" ]; then
    echo "skip petrarch_suite: $REC is absent (the suite is read from ../shared, beside the clone)"
    echo "petr: 0 passed, 0 failed"
    exit 0
fi
. "$(dirname "$0")/lib.sh"
"$H" validate --quiet "$REC" >"$T/o" 2>"$T/e"
n=$(tail -n 1 "$T/o" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
cat "$T/o"
if [ -n "$n" ] && [ "$n" -ge "$FLOOR_TEXT" ]; then
    ok "petrarch_suite_from_raw_text_at_least_$FLOOR_TEXT ($n of 279)"
else
    bad "petrarch_suite_from_raw_text_at_least_$FLOOR_TEXT (got ${n:-nothing})"
fi
# with words and tags from the records' Treebank parses (target 265)
"$H" validate --quiet --parse "$REC" >"$T/p" 2>"$T/e"
np=$(tail -n 1 "$T/p" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
if [ -n "$np" ] && [ "$np" -ge "$FLOOR_PARSE" ]; then
    ok "petrarch_suite_with_parse_at_least_$FLOOR_PARSE ($np of 279)"
else
    bad "petrarch_suite_with_parse_at_least_$FLOOR_PARSE (got ${np:-nothing})"
fi
# every category at 85% or better
low=$(awk '$1 ~ /^(DEMO|ACTOR|AGENT|COMPOUND|DATE|MODIFY|PARSING|PATTERN|SYNSET|VERB|ERROR)$/ && $2 + $3 > 0 && $2 * 100 < 85 * ($2 + $3) { printf "%s %s/%s ", $1, $2, $2 + $3 }' "$T/o")
if [ -z "$low" ]; then
    ok "petrarch_suite_every_category_at_least_85_percent"
else
    bad "petrarch_suite_every_category_at_least_85_percent: $low"
fi
# the production dictionaries load and code the examples
"$H" code --dict "$PHX" --format tsv examples/*.txt >"$T/o" 2>"$T/e"
if [ "$(grep -c '	' "$T/o")" -gt 10 ]; then
    ok "phoenix_dictionaries_code_the_examples"
else
    bad "phoenix_dictionaries_code_the_examples"
fi
echo "petr: $pass passed, $failn failed"
[ $failn -eq 0 ]
