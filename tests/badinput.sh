#!/bin/sh
# The bad-input table: every row is one bad input (or bad option, or bad
# store), the exit status it must give, the message it must print on stderr
# (naming the file, the line or byte, and what was wrong), and what must
# still have been coded or stored.
# usage: tests/badinput.sh BINARY   (one line per row, then "badinput: N passed, M failed")
H=${1:-build/herodotus}
case "$H" in /*) ;; *) H="$PWD/$H" ;; esac
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

# row NAME EXIT MESSAGE STILL COMMAND...
#   runs COMMAND with stdout in out, stderr in err; MESSAGE is an extended
#   regular expression stderr must match ('' for none: stderr must then be
#   empty); STILL a shell condition that must hold afterwards ('' none).
row() {
    name=$1 want=$2 msg=$3 still=$4
    shift 4
    "$@" >out 2>err
    rc=$?
    why=
    [ "$rc" -eq "$want" ] || why="exit $rc, expected $want"
    if [ -n "$msg" ]; then
        grep -Eq -- "$msg" err || why="$why; stderr lacks /$msg/"
    elif [ -s err ] && ! grep -q '^[0-9]* documents' err; then
        why="$why; unexpected stderr"
    fi
    [ -z "$still" ] || sh -c "$still" || why="$why; afterwards false: $still"
    if [ -z "$why" ]; then ok "$name"; else bad "$name" "$why | stderr: $(head -c 300 err | tr '\n' ' ')"; fi
}
coded() { grep -q "$1" out; }   # an event line in out (tsv)

printf 'Date: 2024-05-14\n\nChina praised Russia.\n' >good.txt
GOOD='grep -q "	CHN	RUS	051	" out'

# ---- plain-text articles ----
printf 'Date: 2024-05-14\n\nChina praised Russia.\n\377\376 garbage\n' >utf8.txt
row txt_invalid_utf8_names_byte_and_line_others_coded 1 '^utf8\.txt: invalid UTF-8 at byte 40 \(text line 4\)' "$GOOD" \
    "$H" code --format tsv utf8.txt good.txt
printf 'Date: 2024-05-14\n\nChina\000 praised Russia.\n' >nul.txt
row txt_nul_byte_is_a_space_and_reported 1 '^nul\.txt: NUL byte at byte 23 \(read as a space\)' "$GOOD" \
    "$H" code --format tsv nul.txt
printf '\357\273\277Date: 2024-05-14\n\nChina praised Russia.\n' >bom.txt
row txt_byte_order_mark_is_no_text 0 '' "$GOOD" "$H" code --format tsv bom.txt
: >empty.txt
row txt_empty_file_is_reported_others_coded 1 '^empty\.txt: empty file, no article' "$GOOD" "$H" code --format tsv empty.txt good.txt
printf '\n   \n\t\n' >blank.txt
row txt_only_whitespace_is_no_article 1 '^blank\.txt: empty file, no article' "$GOOD" "$H" code --format tsv blank.txt good.txt
row txt_missing_file_is_reported_others_coded 1 '^nosuch\.txt: cannot open: No such file' "$GOOD" \
    "$H" code --format tsv nosuch.txt good.txt
mkdir -p adir
row txt_directory_as_input_is_reported 1 '^adir: read error: Is a directory' "$GOOD" "$H" code --format tsv adir good.txt
printf 'Date: not-a-date\n\nChina praised Russia.\n' >baddate.txt
row txt_date_line_that_is_no_date_is_reported 1 "^baddate\\.txt: date 'not-a-date' is no date \\(expected YYYY-MM-DD\\)" \
    'grep -q "	CHN	RUS	051	" out' "$H" code --format tsv baddate.txt
python3 -c "print('Date: 2024-05-14'); print(); print(' '.join(['word'] * 2000) + ' China praised Russia.')" >long.txt
row txt_sentence_without_end_is_cut_and_reported 1 '^long\.txt: text runs for more than [0-9]+ tokens without a sentence end; cut [0-9]+ times' \
    'grep -q "	CHN	RUS	051	" out' "$H" code --format tsv long.txt
head -c 3000 /dev/urandom >binary.txt
row txt_binary_file_is_invalid_utf8 1 '^binary\.txt: invalid UTF-8 at byte [0-9]+' "$GOOD" "$H" code --format tsv binary.txt good.txt

python3 -c "
s = 'Police in Nairobi fired tear gas at protesters who were demanding the release of opposition leaders. '
print('Date: 2024-05-14'); print()
for i in range(15000): print(s)" >huge.txt
row txt_over_the_size_limit_is_reported_unread_others_coded 1 '^huge\.txt: document of 1\.[0-9] MB is over the limit of 1 MB \(--max-size\): not coded' \
    "$GOOD" "$H" code --format tsv --max-size 1 huge.txt good.txt
python3 -c "
import json
print(json.dumps({'id': 'huge', 'text': open('huge.txt').read()}))
print(json.dumps({'id': 'ok1', 'text': 'China praised Russia.', 'date': '2024-05-14'}))" >huge.jsonl
row jsonl_line_over_the_size_limit_is_reported_others_coded 1 '^huge\.jsonl:1: document of 1\.[0-9] MB is over the limit of 1 MB' \
    'grep -q "^ok1	" out' "$H" code --format tsv --max-size 1 huge.jsonl
row max_size_that_is_no_number 2 'code: --max-size takes megabytes, 1 to 4095' '' "$H" code --max-size lots good.txt
# one long document: peak memory under 20 bytes a byte of text (the
# sanitizer build keeps shadow memory: there only the coding is checked)
python3 -c "
s = ['Russian Foreign Minister Sergei Lavrov arrived in China on Monday for a two-day visit.',
     'Police in Nairobi fired tear gas at protesters who were demanding the release of opposition leaders.',
     'The United Nations condemned the attack on the embassy, officials said on Tuesday.',
     'Thousands of people marched through the capital to protest against rising prices.']
print('Date: 2024-05-14'); print()
for i in range(60000): print(' '.join(s[(i + k) % 4] for k in range(5))); print()" >long-doc.txt
bytes=$(wc -c <long-doc.txt)
case "$H" in
*-san) row long_document_is_coded_whole 0 '^1 documents, [0-9]+ sentences' 'grep -q "	RUSGOV	CHN	042	" out' \
           "$H" code --format tsv --stats long-doc.txt ;;
*) row long_document_takes_under_20_bytes_a_byte 0 '^peak memory [0-9]+ MB' \
       "mb=\$(sed -n 's/^peak memory \\([0-9]*\\) MB/\\1/p' err); [ \$((mb * 1048576)) -le \$((20 * $bytes)) ] && grep -q '	RUSGOV	CHN	042	' out" \
       "$H" code --format tsv --stats long-doc.txt ;;
esac

# ---- JSON Lines ----
J='{"id":"ok1","text":"China praised Russia.","date":"2024-05-14"}'
printf '%s\n{"id": "x", "text": \n%s\n' "$J" "$(echo "$J" | sed 's/ok1/ok3/')" >badjson.jsonl
row jsonl_invalid_json_names_line_and_column_others_coded 1 '^badjson\.jsonl:2: invalid JSON at column [0-9]+' \
    'grep -q "^ok1	" out && grep -q "^ok3	" out' "$H" code --format tsv badjson.jsonl
printf '{"text":"China praised Russia."}\n%s\n' "$J" >noid.jsonl
row jsonl_without_id_is_reported 1 '^noid\.jsonl:1: expected an object with "id" and "text" strings' 'grep -q "^ok1	" out' \
    "$H" code --format tsv noid.jsonl
printf '{"id":"a"}\n%s\n' "$J" >notext.jsonl
row jsonl_without_text_is_reported 1 '^notext\.jsonl:1: expected an object with "id" and "text" strings' 'grep -q "^ok1	" out' \
    "$H" code --format tsv notext.jsonl
printf '{"id":"a","text":42}\n%s\n' "$J" >numtext.jsonl
row jsonl_text_that_is_a_number_is_reported 1 '^numtext\.jsonl:1: expected an object with "id" and "text" strings' \
    'grep -q "^ok1	" out' "$H" code --format tsv numtext.jsonl
printf '{"id":"a","text":""}\n%s\n' "$J" >emptytext.jsonl
row jsonl_empty_text_is_reported 1 '^emptytext\.jsonl:1: "text" is empty' 'grep -q "^ok1	" out' "$H" code --format tsv emptytext.jsonl
printf '{"id":"a","id":"b","text":"Iran praised Iraq."}\n%s\n' "$J" >dupkey.jsonl
row jsonl_duplicate_key_is_reported 1 '^dupkey\.jsonl:1: invalid JSON at column [0-9]+: duplicate object key' \
    'grep -q "^ok1	" out' "$H" code --format tsv dupkey.jsonl
printf '[1,2,3]\n%s\n' "$J" >array.jsonl
row jsonl_line_that_is_no_object_is_reported 1 '^array\.jsonl:1: expected an object' 'grep -q "^ok1	" out' \
    "$H" code --format tsv array.jsonl
printf '{"id":"n","text":"China praised Russia.","date":20240514}\n' >numdate.jsonl
row jsonl_date_that_is_a_number_is_reported_and_coded 1 '^numdate\.jsonl:1: "date" must be a string YYYY-MM-DD, not a number' \
    'grep -q "^n	0		CHN	RUS	051" out' "$H" code --format tsv numdate.jsonl
printf '{"id":"g","text":"China praised Russia.","date":"not-a-date"}\n' >strdate.jsonl
row jsonl_date_that_is_no_date_is_reported_and_coded 1 "^strdate\\.jsonl:1: date 'not-a-date' is no date" \
    'grep -q "^g	0		CHN	RUS	051" out' "$H" code --format tsv strdate.jsonl
printf '{"id":7,"text":"China praised Russia.","date":"2024-05-14"}\n' >intid.jsonl
row jsonl_integer_id_is_an_id 0 '' 'grep -q "^7	0	2024-05-14	CHN	RUS	051" out' "$H" code --format tsv intid.jsonl
printf '\n%s\n\n   \n' "$J" >blanklines.jsonl
row jsonl_blank_lines_are_skipped 0 '' 'grep -q "^ok1	" out' "$H" code --format tsv blanklines.jsonl
printf '%s\n{"id":"cut","text":"China prai' "$J" >truncated.jsonl
row jsonl_truncated_last_line_is_reported 1 '^truncated\.jsonl:2: invalid JSON' 'grep -q "^ok1	" out' \
    "$H" code --format tsv truncated.jsonl
printf '{"id":"u","text":"China \377 praised Russia."}\n%s\n' "$J" >badutf.jsonl
row jsonl_invalid_utf8_is_reported 1 '^badutf\.jsonl:1: invalid JSON' 'grep -q "^ok1	" out' "$H" code --format tsv badutf.jsonl

# ---- sentences parsed elsewhere ----
printf '(S (NP (NNP China)) (VP (VBD praised) (NP (NNP Russia)))\n' >unbalanced.ptb
row ptb_unbalanced_tree_is_reported 1 'unbalanced' '' "$H" code --format tsv --parse ptb unbalanced.ptb
printf '1\tChina\n' >short.conllu
row conllu_line_with_too_few_columns_is_reported 1 'short\.conllu: line 1: expected ID FORM LEMMA UPOS XPOS' '' \
    "$H" code --format tsv --parse conllu short.conllu

# full verbs in a row, each a verb group of its own: more groups than one
# in two words (found by fuzz_ptb and fuzz_conllu: the groups overran their array)
printf '(ROOT (S (NP (NNP Russia)) (VP (VBD attacked) (VBD shelled) (VBD bombed) (VBD raided) (VBD struck) (VBD hit) (VBD attacked) (VBD shelled) (VBD bombed) (VBD raided) (VBD struck) (VBD hit) (NP (NNP Ukraine))) (. .)))\n' >verbs.ptb
row parsed_full_verbs_in_a_row_are_coded 0 '' 'grep -q "RUS" out' "$H" code --format tsv --parse ptb verbs.ptb

# ---- dictionaries ----
mkdir -p d1 d2 d3 d4
python3 -c "print('CHINA_' + 'X_' * 2100); print('\t[CHN]'); print('RUSSIA'); print('\t[RUS]')" >d1/long.actors.txt
row dict_line_over_the_buffer_is_one_problem_at_its_line 1 '^d1/long\.actors\.txt:1: line longer than [0-9]+ bytes: skipped' \
    'grep -q "1 actor entries" out' "$H" dict check d1
: >d2/empty.verbs.txt
row dict_empty_file_is_a_problem 1 '^d2/empty\.verbs\.txt: no entries \(an empty dictionary file\)' '' "$H" dict check d2
printf '\t[CHN]\nRUSSIA\n\t[RUS]\n' >d3/orphan.actors.txt
row dict_code_line_without_a_name_is_a_problem 1 '^d3/orphan\.actors\.txt:1: code line with no actor name before it' \
    'grep -q "1 actor entries" out' "$H" dict check d3
printf 'PROTEST [999] $BY\n' >d4/x.nouns.txt
row dict_unknown_cameo_code_is_a_problem 1 "^d4/x\\.nouns\\.txt:1: unknown CAMEO code '999'" '' "$H" dict check d4
mkdir -p d5
printf 'RUSSIA\n\t[RUSGOV 2001012010101-20150101]\n\t[RUS]\n' >d5/digits.actors.txt
row dict_date_of_too_many_digits_is_a_malformed_code 1 '^d5/digits\.actors\.txt:2: malformed code' \
    'grep -q "1 actor entries" out' "$H" dict check d5
row dict_check_of_a_missing_directory 1 'dict check: nosuchdir: cannot read directory' '' "$H" dict check nosuchdir
row dict_check_help_prints_usage 0 '' 'grep -q "^usage: herodotus dict check DIR" out' "$H" dict check --help
row dict_suggest_help_prints_usage 0 '' 'grep -q "dict suggest" out' "$H" dict suggest --help
row code_with_a_broken_dictionary_stops 1 '^d3/orphan\.actors\.txt:1: code line with no actor name' '' \
    "$H" code --format tsv --dict d3 good.txt

# ---- options ----
row code_date_option_that_is_no_date 2 "code: --date takes a date YYYY-MM-DD, not '2024-13-45'" '' \
    "$H" code --date 2024-13-45 good.txt
row code_unknown_format 2 'code: --format must be' '' "$H" code --format xml good.txt

# ---- the store ----
"$H" ingest --quiet --db s.db good.txt >/dev/null 2>&1
row query_code_that_is_no_cameo_code 2 "query: '999' is no CAMEO code" '' "$H" query --db s.db --code 999
row query_root_out_of_range 2 "query: --root takes CAMEO root categories 01 to 20, e.g. 14,19; not '33'" '' \
    "$H" query --db s.db --root 33
row query_since_that_is_no_date 2 "query: --since takes a date YYYY-MM-DD, not 'yesterday'" '' "$H" query --db s.db --since yesterday
row query_limit_that_is_no_number 2 "query: --limit takes a number, not 'ten'" '' "$H" query --db s.db --limit ten
row query_dyad_without_colon 2 'query: --dyad takes A:B' '' "$H" query --db s.db --dyad RUSCHN
row query_db_that_is_a_directory 1 'query: adir is a directory, not a database file' '' "$H" query --db adir
row query_db_that_does_not_exist 1 'query: nosuch\.db: cannot open database' '' "$H" query --db nosuch.db
echo 'hello' >notdb.db
row query_db_that_is_no_sqlite_file 1 'query: notdb\.db: file is not a database' '' "$H" query --db notdb.db
cp s.db new.db && sqlite3 new.db 'PRAGMA user_version=99'
row query_db_from_a_newer_herodotus 1 'new\.db: database schema version 99 was written by a newer herodotus' '' \
    "$H" query --db new.db
row ingest_into_a_newer_db_touches_nothing 1 'new\.db: database schema version 99 was written by a newer herodotus' \
    '[ "$(sqlite3 new.db "select count(*) from documents")" = 1 ] && [ "$(sqlite3 new.db "pragma user_version")" = 99 ]' \
    "$H" ingest --db new.db nul.txt
cp s.db neg.db && sqlite3 neg.db 'PRAGMA user_version=-5'
row ingest_into_a_db_of_negative_version_touches_nothing 1 'neg\.db: database schema version -5 is not one herodotus knows' \
    '[ "$(sqlite3 neg.db "select count(*) from documents")" = 1 ]' "$H" ingest --db neg.db nul.txt
row ingest_into_a_directory 1 'adir is a directory, not a database file' '' "$H" ingest --db adir good.txt
cp good.txt same-text.txt   # the same text under another name
row ingest_counts_only_what_it_stores 0 '^0 documents, 0 sentences, 0 events stored, 1 skipped as already stored' \
    '[ "$(sqlite3 s.db "select count(*) from documents")" = 1 ]' "$H" ingest --db s.db same-text.txt
python3 -c "
import json
for i in range(8000): print(json.dumps({'id': 'd%d' % i, 'date': '2024-01-01', 'text': 'China praised Russia on Monday for the %d time, officials in Beijing said, and Moscow welcomed the remarks.' % i}))" >many.jsonl
# a file-size limit (ulimit -f, in 1024-byte blocks): what is said stored is what is stored
row ingest_past_a_file_size_limit_says_what_it_stored 1 'stopped after a failed write; [0-9]+ documents stored' \
    'n=$(sqlite3 fs.db "select count(*) from documents"); [ "$n" -lt 8000 ] && grep -q "^$n documents, $n sentences, $n events stored" err' \
    sh -c "ulimit -f 3000; exec \"$H\" ingest --db fs.db many.jsonl"
mkdir -p east west
printf 'Date: 2024-05-14\n\nIran praised Iraq.\n' >east/report.txt
printf 'Date: 2024-05-14\n\nKenya praised Uganda.\n' >west/report.txt
row two_files_of_one_name_in_two_folders_are_two_documents 0 '^2 documents, 2 sentences, 2 events stored' \
    '[ "$(sqlite3 s.db "select count(*) from documents where doc_id like \"%report\"")" = 2 ]' \
    "$H" ingest --db s.db east/report.txt west/report.txt
row plain_text_on_stdin_gets_an_id_of_its_own 0 '^1 documents, 1 sentences, 1 events stored' \
    '[ "$(sqlite3 s.db "select count(*) from documents where doc_id like \"stdin%\"")" = 1 ]' \
    sh -c "printf 'Date: 2024-05-14\\n\\nJapan praised Vietnam.\\n' | exec \"$H\" ingest --db s.db -"
printf 'Kenya criticised Uganda.\n' >undated.txt
row ingest_of_an_undated_text_says_so 0 'herodotus ingest: 1 document has no date \(undated\), so 1 event is stored undated' \
    '' "$H" ingest --db s.db undated.txt
row export_of_undated_events_says_what_date_they_get 0 'export: 1 event has no date: its SQLDATE' \
    'grep -q "KEN" out' "$H" export --db s.db --format gdelt --source KEN
# a file the store cannot write (as root, chmod does not stop writing: the immutable attribute does)
cp s.db ro.db
if [ "$(id -u)" != 0 ]; then chmod 444 ro.db; ro=1; elif chattr +i ro.db 2>/dev/null; then ro=1; else ro=; fi
if [ -n "$ro" ]; then
    row ingest_into_a_read_only_file_stores_nothing_and_says_so 1 'ro\.db: the database file cannot be written \(no write permission\); nothing was stored' \
        '[ "$(sqlite3 ro.db "select count(*) from documents")" = "$(sqlite3 s.db "select count(*) from documents")" ]' \
        "$H" ingest --db ro.db nul.txt
    chattr -i ro.db 2>/dev/null
else
    echo "skip ingest_into_a_read_only_file_stores_nothing_and_says_so (root without chattr: no file is read-only)"
fi
row export_unknown_format 2 'export: --format must be gdelt, jsonl or csv' '' "$H" export --db s.db --format xml
row export_limit_is_applied 0 '' '[ "$(wc -l <out)" -eq 2 ] && head -1 out | grep -q ",text$"' \
    "$H" export --db s.db --format csv --limit 1
row stats_without_a_grouping 2 'stats: --by day\|week\|month\|year or --top dyads\|actors\|codes is required' '' "$H" stats --db s.db

# ---- validation files ----
printf '<?xml version="1.0"?>\n<Sentences><Sentence id="1"><Text>x</Sentence>\n' >broken.xml
row validate_not_well_formed_names_the_line 1 '^broken\.xml:[0-9]+: not well-formed XML' '' "$H" validate broken.xml
printf '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Sentences><Sentence id="1"><Text>&b;</Text></Sentence></Sentences>\n' >bomb.xml
row validate_entity_declaration_is_refused 1 "^bomb\\.xml:2: declares the XML entity 'a'" '' "$H" validate bomb.xml
mkdir -p dv
printf 'ARDANIA [AAA]\nBELMORIA [BBB]\n' >dv/v.actors.txt
printf -- '--- ATTACK [190] ---\nATTACK\n' >dv/v.verbs.txt
printf '<Validation><Sentences><Sentence id="1" date="20240101" sentence="true"><EventCoding sourcecode="AAA" targetcode="BBB" eventcode="190"/>\n<Text>Belmoria attacked Ardania.</Text><Text>Ardania attacked Belmoria.</Text><Parse>(S)</Parse><Parse>(S)</Parse></Sentence></Sentences></Validation>\n' >twotext.xml
# (found by fuzz_validate_xml: the text or parse before the last was never freed)
row validate_record_of_two_texts_codes_the_last 0 '' 'tail -n 1 out | grep -q "^1 passed, 0 failed"' \
    "$H" validate --dict dv twotext.xml

echo "badinput: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
