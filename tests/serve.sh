#!/bin/sh
# herodotus serve: every endpoint of the JSON API against the CLI's own
# answers on the same store, every bad parameter, the limits (path
# traversal, an oversized body, a slow client, a huge header, a foreign
# Host), and that nothing is ever written.
# usage: tests/serve.sh BINARY   (one line per test, then "serve: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
for tool in curl jq; do
    command -v $tool >/dev/null 2>&1 || { echo "serve: skipped: $tool is not installed (make deps installs it)"; echo "serve: 0 passed, 0 failed"; exit 0; }
done
DB="$T/s.db"
"$H" ingest --quiet --db "$DB" examples/*.txt >/dev/null 2>&1
before=$(sqlite3 "$DB" 'select count(*) from documents; select count(*) from events; pragma data_version' | tr '\n' ' ')
sum_before=$(md5sum "$DB" | cut -d' ' -f1)

"$H" serve --db "$DB" --listen 127.0.0.1:0 --threads 4 2>"$T/serve.log" &
SPID=$!
trap 'kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ $i -lt 100 ] && ! grep -q 'http://' "$T/serve.log" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
URL=$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$T/serve.log" | head -1)
URL=${URL%/}
check serve_prints_where_it_listens test -n "$URL"
[ -n "$URL" ] || { cat "$T/serve.log"; echo "serve: $pass passed, $((failn + 1)) failed"; exit 1; }

# get PATH: the body into $T/b, the status into $T/c
get() { curl -s -o "$T/b" -w '%{http_code}' "$URL$1" >"$T/c"; }
status() { cat "$T/c"; }
j() { jq -r "$1" "$T/b"; }

get /api/info
check info_counts_what_the_store_holds test "$(status) $(j '.documents') $(j '.events')" = "200 $(sqlite3 "$DB" 'select count(*) from documents') $(sqlite3 "$DB" 'select count(*) from events')"
check info_gives_the_first_and_last_dates test "$(j '.first_date') $(j '.last_date')" = "$(sqlite3 "$DB" "select min(date) || ' ' || max(date) from events")"

# events: the same events, in the same order, as `query` prints
get '/api/events?limit=1000'
"$H" query --db "$DB" --limit 0 --format jsonl >"$T/q.jsonl" 2>/dev/null
check events_are_the_events_query_prints test "$(j '.events[] | [.date, .source, .target, .code] | join(" ")')" = "$(jq -r '[.date // "", .source, .target, .code] | join(" ")' "$T/q.jsonl")"
check events_carry_sentence_document_and_place test "$(j '[.events[] | select(.sentence != null and .doc_id != null and .place.country != null)] | length')" -gt 0
n_all=$(j '.events | length')
get '/api/events?limit=5'
check events_page_has_its_limit_and_says_more_follow test "$(j '.events | length') $(j '.more')" = "5 true"
first5=$(j '[.events[].id] | join(",")')
get '/api/events?limit=5&offset=5'
check the_next_page_starts_after_the_first test "$(j '.events[0].id')" = "$(jq -r --argjson o 5 '.[$o]' <<EOF
$(curl -s "$URL/api/events?limit=1000" | jq -c '[.events[].id]')
EOF
)"
get "/api/events?limit=1000&offset=$((n_all - 1))"
check the_last_page_says_no_more test "$(j '.events | length') $(j '.more')" = "1 false"
# keyset pages: each from where the last ended ("next"), together the whole answer
curl -s "$URL/api/events?limit=1000" | jq -r '.events[].id' >"$T/all_ids"
: >"$T/paged_ids"
cur="" pages=0
while [ $pages -lt 100 ]; do
    get "/api/events?limit=3${cur:+&after=$cur}"
    j '.events[].id' >>"$T/paged_ids"
    pages=$((pages + 1))
    [ "$(j '.more')" = true ] || break
    cur=$(j '.next')
done
check events_pages_after_next_together_are_the_whole_answer sh -c "[ -s '$T/all_ids' ] && cmp -s '$T/all_ids' '$T/paged_ids' && [ $pages -eq \$(( (\$(wc -l <'$T/all_ids') + 2) / 3 )) ]"
get '/api/events?limit=3'
check events_next_is_where_the_page_ended test "$(j '.next')" = "$(j '.events[2] | (.date // "undated") + "/" + (.id | tostring)')"

# every filter answers as query's option does
for f in 'actor=PAK' 'source=KENCOP' 'target=KEN' 'dyad=RUS:CHN' 'dyad=RUS:CHN&both_ways=1' 'code=042,043' 'root=14,19' \
         'quad=3,4' 'since=2024-04-09' 'until=2024-01-01' 'text=police' 'country=KEN' 'near=-1.28,36.82,50' 'dedup=none'; do
    opts=$(echo "$f" | sed 's/both_ways=1/--both-ways/; s/\([a-z_]*\)=\([^&]*\)/--\1 \2/g; s/&/ /g')
    # shellcheck disable=SC2086
    "$H" query --db "$DB" $opts --limit 0 --format jsonl 2>/dev/null | jq -r '[.source, .target, .code] | join(" ")' >"$T/want"
    get "/api/events?limit=1000&$f"
    j '.events[] | [.source, .target, .code] | join(" ")' >"$T/got"
    check "events_filter_${f%%=*}_$(echo "$f" | tr -c 'a-zA-Z0-9\n' '_')_as_query" cmp -s "$T/want" "$T/got"
done

# one event, with its provenance and explanation
id=$(curl -s "$URL/api/events?code=042&limit=1" | jq -r '.events[0].id')
get "/api/events/$id"
check event_detail_has_event_document_reports_and_explanation test "$(status) $(j '.event.id') $(j '.document.doc_id != null') $(j '.reports | type') $(j '.explain.verb | test("verbs.*:[0-9]+$")')" = "200 $id true array true"
qid=$(curl -s "$URL/api/events?limit=1000" | jq -r '[.events[] | select(.quote != null)][0].id')
get "/api/events/$qid"
check an_event_said_in_a_quote_shows_the_quote_and_its_speaker test "$(j '.quote.text | length > 0') $(j '.quote.speaker != null')" = "true true"
get /api/events/999999
check an_unknown_event_is_404 test "$(status) $(j '.error.status')" = "404 404"
get /api/events/abc
check an_event_id_that_is_no_number_is_404 test "$(status)" = 404

# series: the counts of stats
"$H" stats --db "$DB" --by month --format jsonl 2>/dev/null | jq -r 'select(.period != "undated") | "\(.period) \(.events)"' >"$T/want"
get '/api/stats?by=month'
j '.series[] | select(.events > 0) | "\(.period) \(.events)"' >"$T/got"
check stats_series_counts_as_stats_does cmp -s "$T/want" "$T/got"
check stats_series_has_every_month_between test "$(j '[.series[].period] | length')" -ge "$(wc -l <"$T/want")"
get '/api/stats?by=week&group=quad&dyad=PAK:IND&both_ways=1'
check stats_by_quad_names_its_groups test "$(status) $(j '[.series[] | select(.events > 0) | .label] | unique | join(",")')" = "200 material conflict,verbal conflict"
get '/api/stats?by=year&group=root'
check stats_by_root_labels_cameo_roots test "$(j '[.series[] | select(.group == "14")][0].label')" = "Protest"

# top lists: those of stats --top
"$H" stats --db "$DB" --top dyads --limit 5 --format jsonl 2>/dev/null | jq -r 'select(.target != "") | "\(.source) \(.target) \(.events)"' | head -3 >"$T/want"
get '/api/top?what=dyads&limit=3'
j '.rows[] | "\(.source) \(.target) \(.events)"' >"$T/got"
check top_dyads_are_those_of_stats cmp -s "$T/want" "$T/got"
get '/api/top?what=actors&limit=3'
check top_actors_count_both_roles test "$(j '[.rows[] | select(.events == .as_source + .as_target)] | length')" = 3
get '/api/top?what=codes&root=14'
check top_codes_follow_the_filters test "$(j '[.rows[].code | startswith("14")] | all')" = true

# places and quotes
get /api/places
check places_sum_to_the_events_with_a_place test "$(j '[.places[].events] | add')" = "$(curl -s "$URL/api/events?limit=1000" | jq '[.events[] | select(.place != null and .place.lat != null)] | length')"
# with filters: the places of the events those filters give
for f in 'since=2024-04-09' 'until=2024-04-08&dedup=none' 'actor=KEN&since=2024-01-01' 'root=14,19' 'text=police'; do
    get "/api/places?$f"
    check "places_${f%%=*}_$(echo "$f" | tr -c 'a-zA-Z0-9\n' '_')_sum_to_its_events_with_a_place" test "$(status) $(j '[.places[].events] | add // 0')" = \
        "200 $(curl -s "$URL/api/events?limit=1000&$f" | jq '[.events[] | select(.place != null and .place.lat != null)] | length')"
done
get '/api/quotes?limit=1000'
check quotes_are_the_stored_quotes test "$(j '.quotes | length')" = "$(sqlite3 "$DB" 'select count(*) from quotes')"
get '/api/quotes?via=irna'
check quotes_via_an_outlet_name_prefix_any_case test "$(j '[.quotes[].via[].name] | index("IRNA") != null') $(j '.quotes | length')" = "true $("$H" query --db "$DB" --via irna --format jsonl | wc -l)"
get '/api/quotes?speaker=IRN'
check quotes_by_speaker_code test "$(j '[.quotes[].speaker_code | startswith("IRN")] | all') $(j '.quotes | length > 0')" = "true true"

# POST /api/code: the events code prints, nothing stored
ART='Russian Foreign Minister Sergei Lavrov arrived in China on Monday for a two-day visit. Police in Nairobi arrested five protesters on Tuesday, officials said.'
printf '%s' "$ART" >"$T/art.txt"
curl -s -o "$T/b" -w '%{http_code}' -X POST -H 'Content-Type: text/plain' --data-binary @"$T/art.txt" "$URL/api/code" >"$T/c"
"$H" code --explain --format jsonl "$T/art.txt" 2>/dev/null | jq -r 'select(.code and (.dropped | not)) | "\(.source) \(.target) \(.code)"' >"$T/want"
j '.events[] | "\(.source) \(.target) \(.code)"' >"$T/got"
check code_gives_the_events_code_prints test "$(status) $(wc -l <"$T/got")" = "200 $(wc -l <"$T/want")" -a -s "$T/got"
check code_events_are_those_of_code cmp -s "$T/want" "$T/got"
jq -n --arg t "$ART" '{text: $t, date: "2024-04-09"}' >"$T/art.json"
curl -s -o "$T/b" -X POST -H 'Content-Type: application/json' --data-binary @"$T/art.json" "$URL/api/code"
check code_json_takes_a_publication_date test "$(j '.events[0].date')" = 2024-04-08
check code_explains_its_events test "$(j '.events[0].explain.verb | test(":[0-9]+$")')" = true

# texts are coded a few at a time (as many as the database connections, 4 here): twelve at once all answer
i=0 pids=""
while [ $i -lt 12 ]; do
    curl -s -o "$T/par$i" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$T/art.json" \
        "$URL/api/code" >"$T/par$i.c" &
    pids="$pids $!"
    i=$((i + 1))
done
# shellcheck disable=SC2086
wait $pids
check twelve_texts_coded_at_once_all_answer_the_same test "$(cat "$T"/par*.c | tr -d '\n')$(for f in "$T"/par[0-9] "$T"/par[0-9][0-9]; do cmp -s "$f" "$T/par0" || echo differs; done)" = "200200200200200200200200200200200200"

# bad parameters: 400 with a message naming what was wrong
bad_param() {   # NAME QUERY WORDS-IN-MESSAGE
    get "$2"
    if [ "$(status)" = 400 ] && j '.error.message' | grep -q -- "$3"; then ok "$1"; else bad "$1" "$(status) $(cat "$T/b")"; fi
}
bad_param unknown_parameter_is_400 '/api/events?colour=red' "unknown parameter 'colour'"
bad_param empty_value_is_400 '/api/events?actor=' 'actor: empty value'
bad_param parameter_twice_is_400 '/api/events?root=14&root=19' 'root: given twice'
bad_param code_that_is_no_cameo_code_is_400 '/api/events?code=999' "'999' is no CAMEO code"
bad_param root_out_of_range_is_400 '/api/events?root=21' 'root takes CAMEO root categories'
bad_param quad_out_of_range_is_400 '/api/events?quad=5' 'quad takes classes 1 to 4'
bad_param dyad_without_colon_is_400 '/api/events?dyad=RUSCHN' 'dyad takes A:B'
bad_param both_ways_without_dyad_is_400 '/api/events?both_ways=1' 'both_ways: only with dyad'
bad_param both_ways_not_a_boolean_is_400 '/api/events?dyad=A:B&both_ways=maybe' 'both_ways: 1 or 0'
bad_param date_that_is_no_date_is_400 '/api/events?since=2024-02-30' 'since takes a date YYYY-MM-DD'
bad_param actor_with_sql_is_400 "/api/events?actor=RUS'%20OR%201=1--" 'is no actor code'
bad_param country_not_three_letters_is_400 '/api/events?country=KENYA' 'country takes an ISO 3166'
bad_param near_out_of_range_is_400 '/api/events?near=91,0,10' 'near takes LAT,LON,KM'
bad_param dedup_unknown_is_400 '/api/events?dedup=weekly' 'dedup must be oneaday or none'
bad_param limit_over_the_maximum_is_400 '/api/events?limit=1001' 'limit: a whole number from 1 to 1000'
bad_param limit_not_a_number_is_400 '/api/events?limit=ten' 'limit: a whole number'
bad_param offset_negative_is_400 '/api/events?offset=-1' 'offset: a whole number'
bad_param after_not_a_cursor_is_400 '/api/events?after=yesterday' 'after takes where a page ended'
bad_param after_with_offset_is_400 '/api/events?after=2024-04-08/3&offset=5' 'after and offset: one or the other'
bad_param by_unknown_is_400 '/api/stats?by=decade' 'by: day, week, month or year'
bad_param group_unknown_is_400 '/api/stats?group=actor' 'group: root or quad'
bad_param stats_takes_no_offset '/api/stats?offset=5' "unknown parameter 'offset'"
bad_param what_unknown_is_400 '/api/top?what=outlets' 'what: dyads, actors or codes'
bad_param top_limit_over_100_is_400 '/api/top?limit=101' 'limit: a whole number from 1 to 100'
bad_param quotes_take_no_event_filters '/api/quotes?dyad=RUS:CHN' "unknown parameter 'dyad'"
bad_param quotes_since_no_date_is_400 '/api/quotes?since=yesterday' 'since takes a date'
bad_param info_takes_no_parameters '/api/info?x=1' "unknown parameter 'x'"
bad_param event_takes_no_parameters "/api/events/$id?explain=0" "unknown parameter 'explain'"
too_many=$(i=0; while [ $i -lt 70 ]; do printf 'p%d=1&' $i; i=$((i + 1)); done)
bad_param more_than_64_parameters_is_400 "/api/events?$too_many" 'more than 64 parameters'

post() {   # TYPE FILE -> status into $T/c, body into $T/b
    curl -s -o "$T/b" -w '%{http_code}' -X POST -H "Content-Type: $1" --data-binary @"$2" "$URL/api/code" >"$T/c"
}
printf '{"text": 5}' >"$T/p"; post application/json "$T/p"
check code_json_text_not_a_string_is_400 test "$(status)" = 400
printf '{"text": "x", "lang": "en"}' >"$T/p"; post application/json "$T/p"
check code_json_unknown_field_is_400 test "$(status) $(j '.error.message')" = '400 body: unknown field "lang" (text, date, title)'
printf '{"text": ' >"$T/p"; post application/json "$T/p"
check code_broken_json_is_400_with_its_place test "$(status) $(j '.error.message | test("line 1, column")')" = "400 true"
printf '{"text": "Police arrested protesters.", "date": "May 5"}' >"$T/p"; post application/json "$T/p"
check code_bad_date_is_400 test "$(status)" = 400
printf 'x' >"$T/p"; post image/png "$T/p"
check code_other_content_type_is_415 test "$(status)" = 415
printf '\377\376bad utf-8' >"$T/p"; post text/plain "$T/p"
check code_invalid_utf8_is_400 test "$(status) $(j '.error.message | test("UTF-8")')" = "400 true"
get /api/code
check code_by_get_is_405 test "$(status)" = 405
curl -s -o /dev/null -D "$T/h" -X DELETE "$URL/api/events"
check delete_is_405_with_allow test "$(sed -n 's/^Allow: \(.*\)\r$/\1/p' "$T/h")" = "GET, HEAD"

# limits
head -c 1100000 /dev/zero | tr '\0' a >"$T/big"
post text/plain "$T/big"
check an_oversized_body_is_413 test "$(status)" = 413
curl -s -o "$T/b" -w '%{http_code}' -X POST -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$T/big" "$URL/api/code" >"$T/c"
check an_oversized_chunked_body_is_413 test "$(status)" = 413
big_header=$(head -c 20000 /dev/zero | tr '\0' b)
check a_header_over_16k_is_refused test "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $big_header" "$URL/api/info")" = 431
# nothing but the page's own files: a 404, or one of web/'s files itself
for p in '/../../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2fMakefile' '/web/index.html' '/app.js/../../Makefile' '/.%2e/src/main.c' '/index.html%00.js' '/api/../../Makefile' '//etc/passwd'; do
    code=$(curl -s --path-as-is -o "$T/b" -w '%{http_code}' "$URL$p")
    own=0
    for f in web/*; do cmp -s "$T/b" "$f" && own=1; done
    if { [ "$code" = 404 ] || { [ "$code" = 200 ] && [ $own = 1 ]; }; } && ! grep -q 'root:\|include\|DEB_PACKAGES' "$T/b"; then
        ok "path_traversal_serves_nothing_outside_the_page_$(echo "$p" | tr -c 'a-zA-Z0-9\n' '_')"
    else bad "path_traversal_serves_nothing_outside_the_page $p" "$code"; fi
done
check a_foreign_host_header_is_refused test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "$URL/api/info")" = 421
curl -s -D "$T/h" -o /dev/null "$URL/"
check the_page_is_served_with_a_csp_forbidding_inline_and_remote_scripts grep -q "^Content-Security-Policy: default-src 'none'; script-src 'self';" "$T/h"
curl -s -D "$T/h" -o /dev/null "$URL/api/info"
check api_answers_are_json_with_nosniff test "$(grep -c '^Content-Type: application/json\|^X-Content-Type-Options: nosniff' "$T/h")" = 2

# a slow client (headers never finished) is cut off; others are served meanwhile
python3 - "$URL" >"$T/slow" 2>&1 <<'PY' &
import socket, sys, time
host, port = sys.argv[1][7:].split(':')
s = socket.create_connection((host, int(port)))
s.sendall(b"GET /api/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
t = time.time()
s.settimeout(30)
try:
    d = s.recv(100)
    print("closed" if d == b"" else "answered", round(time.time() - t))
except Exception as e:
    print("timeout", e)
PY
SLOW=$!
sleep 1
t0=$(date +%s%N)
get /api/info
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check others_are_served_while_a_slow_client_waits test "$(status)" = 200 -a "$ms" -lt 3000
wait $SLOW
check a_slow_client_is_closed_after_10_seconds grep -q '^closed 1[0-2]$' "$T/slow"

# nothing was written
after=$(sqlite3 "$DB" 'select count(*) from documents; select count(*) from events; pragma data_version' | tr '\n' ' ')
check the_store_is_unchanged_by_every_request test "$after" = "$before"
kill $SPID; wait $SPID 2>/dev/null
check the_database_file_is_byte_for_byte_unchanged test "$(md5sum "$DB" | cut -d' ' -f1)" = "$sum_before"

# while ingest writes, the server shows the new events
DB2="$T/w.db"
"$H" ingest --quiet --db "$DB2" examples/lavrov-beijing.txt >/dev/null 2>&1
"$H" serve --db "$DB2" --listen 127.0.0.1:0 2>"$T/serve2.log" &
SPID=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'http://' "$T/serve2.log" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
URL=$(sed -n 's|.*\(http://[^ ]*\)/ .*|\1|p' "$T/serve2.log" | head -1)
n1=$(curl -s "$URL/api/info" | jq .events)
e1=$(curl -s "$URL/api/events?limit=1000" | jq '.events | length')
s1=$(curl -s "$URL/api/stats?by=year" | jq '[.series[].events] | add')
"$H" ingest --quiet --db "$DB2" examples/nairobi-protest.txt >/dev/null 2>&1
n2=$(curl -s "$URL/api/info" | jq .events)
check events_ingested_while_serving_show_up test "$n2" -gt "$n1"
check cached_answers_are_dropped_when_the_store_changes test "$(curl -s "$URL/api/events?limit=1000" | jq '.events | length') $(curl -s "$URL/api/stats?by=year" | jq '[.series[].events] | add')" = "$((e1 + n2 - n1)) $((s1 + n2 - n1))"
h0=$(curl -s "$URL/api/info" | jq '.cache.hits')
a1=$(curl -s "$URL/api/top?what=actors")
a2=$(curl -s "$URL/api/top?what=actors")
check the_cache_answers_a_repeated_request_the_same test "$(curl -s "$URL/api/info" | jq ".cache.hits == $h0 + 1 and .cache.entries > 0") $([ "$a1" = "$a2" ] && echo same)" = "true same"

# usage errors
"$H" serve >/dev/null 2>"$T/e"; st=$?
check serve_without_db_is_a_usage_error test "$st $(grep -c 'db FILE is required' "$T/e")" = "2 1"
"$H" serve --db "$T/none.db" --listen 127.0.0.1:0 >/dev/null 2>"$T/e"; st=$?
check serve_on_a_missing_database_says_so test "$st" = 1 -a -s "$T/e"
"$H" serve --db "$DB" --listen 127.0.0.1:99999 >/dev/null 2>"$T/e"; st=$?
check serve_on_a_bad_port_is_a_usage_error test "$st $(grep -c 'port is a number' "$T/e")" = "2 1"

kill $SPID 2>/dev/null; wait $SPID 2>/dev/null
# the servers' own stderr: a sanitizer's report there is a failure too
if grep -l 'ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer' "$T"/serve*.log >/dev/null 2>&1; then
    cat "$T"/serve*.log
    bad the_server_ran_clean_under_the_sanitizers
else ok the_server_ran_clean_under_the_sanitizers; fi
check the_server_stops_on_sigterm grep -q 'herodotus serve: stopping' "$T/serve.log"

echo "serve: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
