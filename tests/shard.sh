#!/bin/sh
# Coding in parts: herodotus shard, code/ingest --shard K/N and --inputs,
# herodotus merge.  The parts of a sharded ingest, merged, are the store of
# one ingest of the same inputs, row for row (reprints and one-a-day events
# across parts included).
# usage: tests/shard.sh BINARY   (one line per test, then "shard: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
G=./build/gencorpus

# the inputs: a JSON Lines file, article files, and a second JSON Lines
# file ending with a reprint of the first file's fifth article (a word
# changed, another id, published the next day) and a copy of its seventh
# under another id: the reprint and the copy fall in the last part, their
# originals in the first
"$G" 1 7 >"$T/a.jsonl"
sed -n 5p "$T/a.jsonl" | jq -c '.id = "reprint-5" | .text |= sub("said"; "stated") | .source = "Other Wire"' >"$T/r.json"
sed -n 7p "$T/a.jsonl" | jq -c '.id = "copy-7"' >"$T/c.json"
"$G" 1 8 | sed 's/"id":"bench-/"id":"b-/' >"$T/b.jsonl"
cat "$T/r.json" "$T/c.json" >>"$T/b.jsonl"
set -- "$T/a.jsonl" examples/border-clash.txt examples/lavrov-beijing.txt examples/nairobi-protest.txt "$T/b.jsonl"

# the parts: every byte of every input once, cut at lines, about even
"$H" shard --count 4 "$@" >"$T/parts" 2>"$T/e"
check shard_lists_four_parts test "$(cut -f1 "$T/parts" | sort -u | tr '\n' ' ')" = "1 2 3 4 "
check shard_cuts_a_jsonl_file_into_contiguous_ranges awk -F'\t' -v f="$T/a.jsonl" -v size="$(wc -c <"$T/a.jsonl")" '
    $2 == f { if (NF == 2) { whole = 1 } else { if ($3 != at) bad = 1; at = $4 } }
    END { exit bad || (!whole && at != size) }' "$T/parts"
check shard_cuts_only_at_line_starts sh -c "awk -F'\t' -v f='$T/a.jsonl' '\$2 == f && NF == 4 && \$3 > 0 { print \$3 }' '$T/parts' |
    while read -r at; do [ \"\$(tail -c +\$at '$T/a.jsonl' | head -c 1 | od -An -c | tr -d ' ')\" = '\\n' ] || exit 1; done"
check shard_keeps_article_files_whole test "$(grep -c 'examples/.*\.txt$' "$T/parts")" -eq 3
check shard_parts_are_balanced grep -Eq '^herodotus shard: 5 inputs, [0-9]+ bytes in 4 parts of [0-9]+ to [0-9]+ bytes$' "$T/e"
lo=$(sed -E 's/.* parts of ([0-9]+) to ([0-9]+) bytes.*/\1/' "$T/e"); hi=$(sed -E 's/.* parts of ([0-9]+) to ([0-9]+) bytes.*/\2/' "$T/e")
check shard_parts_differ_by_less_than_a_tenth test $((10 * (hi - lo))) -lt "$hi"

printf '%s\n' "$@" >"$T/inputs.list"
"$H" shard --count 4 --inputs "$T/inputs.list" >"$T/parts2" 2>/dev/null
check shard_reads_its_files_from_an_inputs_list cmp -s "$T/parts" "$T/parts2"

# ingest in four parts, merged = one ingest
"$H" ingest --quiet --jobs 1 --db "$T/one.db" "$@" >/dev/null 2>&1
for k in 1 2 3 4; do "$H" ingest --quiet --shard $k/4 --db "$T/p$k.db" "$@" >/dev/null 2>&1; done
check shard_parts_hold_every_document test "$(for k in 1 2 3 4; do sqlite3 "$T/p$k.db" 'select count(*) from documents'; done | awk '{ n += $1 } END { print n }')" -eq \
    "$(( $(wc -l <"$T/a.jsonl") + 3 + $(wc -l <"$T/b.jsonl") ))"
"$H" merge --db "$T/m.db" "$T/p1.db" "$T/p2.db" "$T/p3.db" "$T/p4.db" >"$T/o" 2>"$T/e"; rc=$?
check merge_succeeds_and_counts sh -c "[ $rc -eq 0 ] && grep -Eq '^herodotus merge: [0-9]+ documents read from 4 stores: [0-9]+ stored with [0-9]+ events, 1 skipped as already stored$' '$T/e'"
dump "$T/one.db" >"$T/one.txt"
dump "$T/m.db" >"$T/m.txt"
check merged_parts_equal_one_ingest_row_for_row sh -c "[ -s '$T/one.txt' ] && cmp -s '$T/one.txt' '$T/m.txt'"
check merged_store_links_a_reprint_across_parts test "$(sqlite3 "$T/m.db" "select count(*) from documents r join documents o on o.doc_id = 'bench-000005' where r.doc_id = 'reprint-5' and r.story = o.story and r.id != o.id")" -eq 1
check the_reprint_and_its_original_were_in_different_parts test "$(sqlite3 "$T/p4.db" "select count(*) from documents where doc_id in ('reprint-5', 'bench-000005')")" -eq 1
check merged_store_keeps_one_copy_of_a_text_across_parts test "$(sqlite3 "$T/m.db" "select count(*) from documents where doc_id = 'copy-7'")" -eq 0
for k in 1 2 3 4; do sqlite3 "$T/p$k.db" "select doc_id, ingested_at from documents"; done | sort >"$T/when.parts"
sqlite3 "$T/m.db" "select doc_id, ingested_at from documents" | sort >"$T/when.merged"
check merged_documents_keep_when_they_were_first_stored sh -c "[ -s '$T/when.merged' ] && [ \"\$(comm -23 '$T/when.merged' '$T/when.parts' | wc -l)\" -eq 0 ]"
check merged_full_text_index_is_sound sqlite3 "$T/m.db" "insert into sentences_fts(sentences_fts) values('integrity-check')"
"$H" merge --db "$T/m.db" "$T/p1.db" "$T/p2.db" "$T/p3.db" "$T/p4.db" >/dev/null 2>&1
dump "$T/m.db" >"$T/m2.txt"
check merge_again_adds_nothing cmp -s "$T/m.txt" "$T/m2.txt"

# code in parts: the parts' events, in order, are the events of all
"$H" code --format jsonl "$@" >"$T/all.jsonl" 2>/dev/null
for k in 1 2 3 4; do "$H" code --format jsonl --shard $k/4 "$@" 2>/dev/null; done >"$T/parts.jsonl"
check code_parts_together_are_the_whole_output sh -c "[ -s '$T/all.jsonl' ] && cmp -s '$T/all.jsonl' '$T/parts.jsonl'"

# the lists of shard --out, read by --inputs, are the same parts
mkdir -p "$T/lists"
"$H" shard --count 4 --out "$T/lists" "$@" 2>/dev/null
"$H" ingest --quiet --inputs "$T/lists/shard-2.txt" --db "$T/l2.db" >/dev/null 2>&1
check inputs_list_of_a_part_equals_its_shard sh -c "[ \"\$(sqlite3 '$T/l2.db' 'select doc_id from documents order by id' | md5sum)\" = \"\$(sqlite3 '$T/p2.db' 'select doc_id from documents order by id' | md5sum)\" ]"

# a bad line in a part is reported by its file and the byte its part starts at
b=$(awk -F'\t' '$1 == 3 && NF == 4 { print $3; exit }' "$T/parts")
bf=$(awk -F'\t' '$1 == 3 && NF == 4 { print $2; exit }' "$T/parts")
cp "$bf" "$T/bad.jsonl"
printf '%s\t%s\t%s\n' "$T/bad.jsonl" "$b" "$(awk -F'\t' '$1 == 3 && NF == 4 { print $4; exit }' "$T/parts")" >"$T/badlist"
printf 'not json\n' | dd of="$T/bad.jsonl" bs=1 seek="$b" conv=notrunc 2>/dev/null
"$H" code --inputs "$T/badlist" >/dev/null 2>"$T/e"; rc=$?
check a_bad_line_in_a_part_names_the_part_and_line sh -c "[ $rc -eq 1 ] && grep -q '^$T/bad.jsonl@$b:1: invalid JSON' '$T/e'"

# usage errors
"$H" ingest --shard 5/4 --db "$T/x.db" "$@" >/dev/null 2>"$T/e"; rc=$?
check shard_k_past_n_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'K/N' '$T/e'"
printf 'Russia thanked China on Monday.\n' | "$H" code --shard 1/2 >/dev/null 2>"$T/e"; rc=$?
check shard_of_standard_input_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'standard input cannot be cut' '$T/e'"
printf '%s\tx\n' "$T/a.jsonl" >"$T/badlist2"
"$H" code --inputs "$T/badlist2" >/dev/null 2>"$T/e"; rc=$?
check inputs_bad_line_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'badlist2:1: expected PATH or PATH<TAB>START<TAB>END' '$T/e'"
"$H" merge --db "$T/x.db" "$T/nothere.db" >/dev/null 2>"$T/e"; rc=$?
check merge_of_a_missing_store_fails_naming_it sh -c "[ $rc -eq 1 ] && grep -q 'nothere.db' '$T/e'"

echo "shard: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
