#!/bin/sh
# The PostgreSQL store: a real server (Debian's postgresql: initdb and
# pg_ctl in a scratch folder, on a Unix socket of its own, as the postgres
# user when the test runs as root) takes ingest, concurrent ingests, a
# --replace, merge and migrate; what it holds equals the SQLite store of the
# same inputs, row for row.  Skips, saying why, only where no server can run.
# usage: tests/pg.sh BINARY   (one line per test, then "pg: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
skip() { echo "pg: skipped: $1"; echo "pg: 0 passed, 0 failed"; exit 0; }
[ -x "$PGBIN/initdb" ] || skip "no PostgreSQL server here (make deps installs Debian's postgresql)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || skip "running as root and there is no postgres user to run the server as"
    chmod 755 "$T"
fi
mkdir -p "$T/pg" && { [ "$(id -u)" -ne 0 ] || chown postgres "$T/pg"; }
as_pg "$PGBIN/initdb" -D "$T/pg/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$T/initdb.log" 2>&1 ||
    skip "initdb failed: $(tail -1 "$T/initdb.log")"
as_pg "$PGBIN/pg_ctl" -D "$T/pg/data" -l "$T/pg/log" -w -o "-k $T/pg -c listen_addresses= -F" start >/dev/null 2>&1 ||
    skip "the server did not start: $(tail -1 "$T/pg/log" 2>/dev/null)"
trap 'as_pg "$PGBIN/pg_ctl" -D "$T/pg/data" -m immediate stop >/dev/null 2>&1; rm -rf "$T"' EXIT
for d in one conc mig; do as_pg "$PGBIN/createdb" -h "$T/pg" -U postgres "$d"; done
uri() { echo "postgresql://postgres@/$1?host=$T/pg"; }
psql_() { "$PGBIN/psql" -X -q -At -F'|' -h "$T/pg" -U postgres -d "$1" -c "$2"; }

"$(dirname "$0")/../build/gencorpus" 1 5 >"$T/a.jsonl"
sed -n 4p "$T/a.jsonl" | jq -c '.id = "reprint-4" | .text |= sub("said"; "stated")' >>"$T/a.jsonl"
set -- "$T/a.jsonl" examples/*.txt

# the rows both stores hold, in one form (floats as integers, booleans none)
ROWS_DOCS="select d.id, d.sentence_spans, d.doc_id, d.url, d.source, d.title, d.pubdate, d.place, d.content_hash, d.story, d.author, d.language from documents d order by d.id"
ROWS_EVENTS="select id, doc, sentence, date, source, target, code, root, quad, cast(round(goldstein * 10) as integer), source_text, target_text, verb_text, place, rule, story, event, plover, date_basis, date_text, quote, place_country, cast(round(place_lat * 10000) as integer), cast(round(place_lon * 10000) as integer), place_how, place_kind, place_region from events order by id"
ROWS_QUOTES="select q.id, q.doc, q.n, q.sentence, q.date, q.text, q.kind, q.speaker, q.speaker_code, q.speaker_how, q.speaker_role, v.pos, v.name, v.kind from quotes q left join quote_via v on v.quote = q.id order by q.id, v.pos"
ROWS_DAYS="select sc, tc, date, source, target, code, root, quad, cast(round(goldstein * 10) as integer), id, n from event_days order by sc, tc, date, source, target, code"
# (a SQLite store's rows keep their day as a number and their code's score in codes)
ROWS_DAYS_SQLITE="select sc, tc, coalesce(date(nullif(day, 9999999) + 2440587.5), 'undated') as date, source, target, code, root, quad, cast(round((select c.goldstein from codes c where c.code = e.code) * 10) as integer), id, n from event_days e order by sc, tc, 3, source, target, code"
ROWS_TOTALS="select date, root, quad, days, n, g10_days, g10 from day_totals order by date, root, quad"
# (the bands' hashes differ: a SQLite store hashes a byte of each MinHash value, PostgreSQL the whole
# values; the documents' stories, which the bands find, are compared with the documents)
ROWS_BANDS="select week, band, doc from doc_bands order by week, band, doc"
same() {   # NAME SQLITE_DB PG_DB: every table's rows alike
    for t in DOCS EVENTS QUOTES DAYS TOTALS BANDS; do
        eval "sql=\$ROWS_$t"
        # (a SQLite store's spans are packed: written out as PostgreSQL keeps them)
        if [ $t = DOCS ]; then sqlite3 -separator '|' "$2" "$(echo "$sql" | sed 's/d.sentence_spans/hex(d.sentence_spans)/')" | spans_text
        elif [ $t = DAYS ]; then sqlite3 -separator '|' "$2" "$ROWS_DAYS_SQLITE"
        else sqlite3 -separator '|' "$2" "$sql"; fi >"$T/s.$t"
        psql_ "$3" "$sql" >"$T/p.$t"
        check "$1_$(echo $t | tr A-Z a-z)_rows_equal_the_sqlite_stores" sh -c "[ -s '$T/s.$t' ] && cmp -s '$T/s.$t' '$T/p.$t'"
    done
}
# rows by which the rollups differ from the events they sum
rollup_off_pg() {
    psql_ "$1" "WITH ev AS (SELECT substr(source, 1, 3) AS sc, substr(target, 1, 3) AS tc, coalesce(date, 'undated') AS date, source, target, code, min(root) AS root,
        min(quad) AS quad, min(goldstein) AS goldstein, min(id) AS id, count(*) AS n FROM events GROUP BY 3, source, target, code),
      dt AS (SELECT date, root, quad, count(*) AS days, sum(n) AS n, sum(round(goldstein * 10)::bigint) AS gd, sum(n * round(goldstein * 10)::bigint) AS g FROM ev GROUP BY date, root, quad)
      SELECT (SELECT count(*) FROM (SELECT * FROM ev EXCEPT SELECT * FROM event_days) x) + (SELECT count(*) FROM (SELECT * FROM event_days EXCEPT SELECT * FROM ev) y)
           + (SELECT count(*) FROM (SELECT * FROM dt EXCEPT SELECT * FROM day_totals) z) + (SELECT count(*) FROM (SELECT * FROM day_totals EXCEPT SELECT * FROM dt) w)"
}

"$H" ingest --quiet --jobs 1 --db "$T/one.db" "$@" >/dev/null 2>&1
"$H" ingest --db "$(uri one)" "$@" >"$T/o" 2>"$T/e"; rc=$?
check ingest_into_postgresql_succeeds sh -c "[ $rc -eq 0 ] && grep -q 'events stored' '$T/e'"
[ $rc -eq 0 ] || cat "$T/e"
same ingest "$T/one.db" one
check postgresql_finds_the_reprint test "$(psql_ one "select count(*) from documents r join documents o on o.doc_id = 'bench-000004' where r.doc_id = 'reprint-4' and r.story = o.story")" -eq 1
check postgresql_rollups_sum_its_events test "$(rollup_off_pg one)" -eq 0
check postgresql_full_text_finds_a_word test "$(psql_ one "select count(*) from sentences where to_tsvector('simple', text) @@ plainto_tsquery('simple', 'embassy')")" -eq \
    "$(sqlite3 "$T/one.db" "select count(*) from sentences_fts where sentences_fts match 'embassy'")"
"$H" ingest --quiet --db "$(uri one)" "$@" >/dev/null 2>&1
check postgresql_ingest_again_adds_nothing test "$(psql_ one 'select count(*) from documents')" -eq "$(sqlite3 "$T/one.db" 'select count(*) from documents')"

# --replace: the new version's events, the rollups and the index follow
printf '{"id":"r1","text":"Russia attacked Ukraine on Monday.","date":"2024-05-07"}\n' >"$T/r1.jsonl"
printf '{"id":"r1","text":"Russia thanked China on Monday.","date":"2024-05-07"}\n' >"$T/r2.jsonl"
"$H" ingest --quiet --db "$(uri one)" "$T/r1.jsonl" >/dev/null 2>&1
"$H" ingest --quiet --replace --db "$(uri one)" "$T/r2.jsonl" >/dev/null 2>&1
check postgresql_replace_recodes_the_document test "$(psql_ one "select string_agg(e.code, ',') from events e join documents d on d.id = e.doc where d.doc_id = 'r1'")" = 051
check postgresql_rollups_follow_a_replaced_document test "$(rollup_off_pg one)" -eq 0
check postgresql_replace_updates_full_text test "$(psql_ one "select count(*) from sentences s join documents d on d.id = s.doc where d.doc_id = 'r1' and to_tsvector('simple', s.text) @@ plainto_tsquery('simple', 'attacked')"),$(psql_ one "select count(*) from sentences s join documents d on d.id = s.doc where d.doc_id = 'r1' and to_tsvector('simple', s.text) @@ plainto_tsquery('simple', 'thanked')")" = 0,1

# two ingests at once of the same inputs: each document once, nothing lost
"$H" ingest --quiet --jobs 1 --db "$(uri conc)" "$@" >/dev/null 2>"$T/e1" &
"$H" ingest --quiet --jobs 1 --db "$(uri conc)" "$@" >/dev/null 2>"$T/e2" &
wait
check concurrent_ingests_store_each_document_once test "$(psql_ conc 'select count(*), count(distinct doc_id), count(distinct content_hash) from documents')" = \
    "$(sqlite3 -separator '|' "$T/one.db" 'select count(*), count(*), count(*) from documents')"
check concurrent_ingests_lose_no_event test "$(psql_ conc 'select count(*) from events')" -eq "$(sqlite3 "$T/one.db" 'select count(*) from events')"
check concurrent_ingests_keep_the_rollups test "$(rollup_off_pg conc)" -eq 0
check concurrent_ingests_report_no_error sh -c "! grep -q . '$T/e1' && ! grep -q . '$T/e2'"

# two ingests of the same documents in opposite orders: each waits for a
# document the other holds, and the server breaks the deadlock by aborting
# one batch, which that ingest stores again.  Rounds until a deadlock was
# met (at most twelve): every round both succeed, each document is stored
# once, and each ingest's stored and skipped add up to its input.
tac "$T/a.jsonl" >"$T/rev.jsonl"
n=$(wc -l <"$T/a.jsonl")
round=1 dl=0 rounds_ok=0
while [ $round -le 12 ] && [ "$dl" -eq 0 ]; do
    as_pg "$PGBIN/dropdb" -h "$T/pg" -U postgres --if-exists opp 2>/dev/null
    as_pg "$PGBIN/createdb" -h "$T/pg" -U postgres opp
    "$H" ingest --jobs 1 --db "$(uri opp)" "$T/a.jsonl" >/dev/null 2>"$T/e1" &
    "$H" ingest --jobs 1 --db "$(uri opp)" "$T/rev.jsonl" >/dev/null 2>"$T/e2"; r2=$?
    wait $!; r1=$?
    s1=$(sed -n 's/^\([0-9]*\) documents, .* stored, \([0-9]*\) skipped.*/\1 \2/p' "$T/e1")
    s2=$(sed -n 's/^\([0-9]*\) documents, .* stored, \([0-9]*\) skipped.*/\1 \2/p' "$T/e2")
    docs=$(psql_ opp 'select count(*), count(distinct content_hash) from documents')
    dl=$(psql_ opp "select deadlocks from pg_stat_database where datname = 'opp'")
    if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ "$docs" = "$n|$n" ] && [ -n "$s1" ] && [ -n "$s2" ] &&
        [ $(( ${s1% *} + ${s1#* } )) -eq "$n" ] && [ $(( ${s2% *} + ${s2#* } )) -eq "$n" ] &&
        [ $(( ${s1% *} + ${s2% *} )) -eq "$n" ]; then rounds_ok=$((rounds_ok + 1)); fi
    round=$((round + 1))
done
check ingests_in_opposite_orders_both_succeed_and_store_each_document_once test "$rounds_ok" -eq $((round - 1))

# kill -9 in the middle of an ingest: whole batches kept, the rest rolled
# back by the server; the same command finishes the job
"$(dirname "$0")/../build/gencorpus" 4 9 >"$T/big.jsonl"
total=$(wc -l <"$T/big.jsonl")
# killed DB N [ARGS...]: ingest big.jsonl into a new database DB (with
# ARGS), kill -9 it once DB holds N documents (or after 30 s); got: how
# many it holds then
killed() {
    db=$1 n=$2
    shift 2
    as_pg "$PGBIN/createdb" -h "$T/pg" -U postgres "$db"
    "$H" ingest --quiet --jobs 1 "$@" --db "$(uri "$db")" "$T/big.jsonl" >/dev/null 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 300 ]; do
        sleep 0.1
        [ "$(psql_ "$db" 'select count(*) from documents' 2>/dev/null || echo 0)" -ge "$n" ] && break
        i=$((i + 1))
    done
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
    got=$(psql_ "$db" 'select count(*) from documents')
}
killed killed 1024
check postgresql_killed_ingest_was_killed_midway test "$got" -lt "$total"
check postgresql_killed_ingest_kept_whole_batches test $((got % 1024)) -eq 0
check postgresql_killed_ingest_left_rollups_that_sum_its_events test "$(rollup_off_pg killed)" -eq 0
"$H" ingest --quiet --db "$(uri killed)" "$T/big.jsonl" >/dev/null 2>&1
check postgresql_rerun_finishes_the_job test "$(psql_ killed 'select count(*) from documents')" -eq "$total"
# --batch 300: the same in batches of 300
killed killed300 300 --batch 300
check postgresql_killed_ingest_with_batch_300_kept_whole_batches_of_300 sh -c "[ $got -ge 300 ] && [ $got -lt $total ] && [ $((got % 300)) -eq 0 ]"

# migrate: a SQLite store moved into PostgreSQL
"$H" migrate --from "$T/one.db" --to "$(uri mig)" >"$T/o" 2>"$T/e"; rc=$?
check migrate_succeeds_and_counts sh -c "[ $rc -eq 0 ] && grep -q '^herodotus migrate: .* read from 1 store: .* stored' '$T/e'"
same migrate "$T/one.db" mig
"$H" migrate --from "$T/one.db" --to "$(uri mig)" >/dev/null 2>&1
check migrate_again_adds_nothing test "$(psql_ mig 'select count(*) from documents')" -eq "$(sqlite3 "$T/one.db" 'select count(*) from documents')"

# The readers: query, stats and export give from the PostgreSQL store (the
# migrated copy) what they give from the SQLite one, byte for byte, on
# stdout and stderr (migrate keeps when each document was stored: GDELT's
# DATEADDED too)
nonempty=0
reads_as() {   # "COMMAND ARGS": run against both stores (its own arguments: the inputs' stay)
    line=$1
    eval "set -- $line"
    "$H" "$@" --db "$T/one.db" >"$T/ra" 2>"$T/rea"; ra=$?
    "$H" "$@" --db "$(uri mig)" >"$T/rb" 2>"$T/reb"; rb=$?
    [ -s "$T/ra" ] && nonempty=$((nonempty + 1))
    name=$(echo "$line" | tr -c 'a-z0-9\n' _ | tr -s _)
    if [ $ra -eq $rb ] && cmp -s "$T/ra" "$T/rb" && cmp -s "$T/rea" "$T/reb"; then ok "postgresql_reads_as_sqlite_$name"
    else bad "postgresql_reads_as_sqlite_$name" "exit $ra/$rb; $(diff "$T/ra" "$T/rb" | head -3 | cut -c1-160)"; fi
}
while IFS= read -r l; do reads_as "$l"; done <<'LINES'
query --limit 0 --format csv
query --limit 0 --format jsonl
query --limit 7 --format table
query --limit 0 --dedup none --format csv
query --actor RUS --limit 0 --format csv
query --source AFG --limit 0 --format csv
query --target USA --limit 0 --format csv
query --dyad RUS:CHN --both-ways --limit 0 --format csv
query --dyad U:A --limit 0 --format csv
query --code 042,043,190,173 --limit 0 --format csv
query --root 14,19 --limit 0 --format csv
query --quad 3,4 --limit 0 --dedup none --format csv
query --since 2024-01-01 --until 2024-12-31 --limit 0 --format csv
query --text said --limit 0 --format csv
query --text "police said" --limit 0 --dedup none --format csv
query --country AFG --limit 0 --format csv
query --near 34.53,69.17,300 --limit 0 --format csv
query --limit 5 --format csv
query --limit 5 --after 2024-04-08/0 --format csv
query --speaker said --limit 0 --format csv
query --speaker RUS --format jsonl
query --via a --format csv
stats --by day --format csv
stats --by week --format csv
stats --by month --format jsonl
stats --by year --format table
stats --by month --group root --format csv
stats --by week --group quad --dedup none --format csv
stats --by month --dyad RUS:CHN --both-ways --format csv
stats --by month --text said --format csv
stats --by year --country AFG --format csv
stats --by month --code 042 --format csv
stats --top dyads --format csv
stats --top actors --format csv
stats --top codes --format csv
stats --top dyads --dedup none --limit 50 --format jsonl
stats --top codes --text said --format csv
export --format gdelt
export --format gdelt --actor AFG
export --format jsonl
export --format csv --limit 30
export --format jsonl --text said --dedup oneaday
LINES
check readers_compared_answers_that_hold_rows test "$nonempty" -ge 34
"$H" stats --db "$T/one.db" --by month --plot "$T/a.svg" >/dev/null 2>&1
"$H" stats --db "$(uri mig)" --by month --plot "$T/b.svg" >/dev/null 2>&1
check stats_plot_draws_the_same_chart_from_postgresql sh -c "[ -s '$T/a.svg' ] && cmp -s '$T/a.svg' '$T/b.svg'"

# serve: every endpoint answers from PostgreSQL what it answers from SQLite
"$H" serve --db "$T/one.db" --listen 127.0.0.1:0 >/dev/null 2>"$T/sa.log" &
SA=$!
"$H" serve --db "postgresql://postgres:secret@/mig?host=$T/pg" --listen 127.0.0.1:0 >/dev/null 2>"$T/sb.log" &
SB=$!
i=0
while [ $i -lt 100 ] && ! { grep -q 'http://' "$T/sa.log" && grep -q 'http://' "$T/sb.log"; }; do sleep 0.1; i=$((i + 1)); done
UA=$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$T/sa.log" | head -1)
UB=$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$T/sb.log" | head -1)
check serve_starts_on_a_postgresql_store test -n "$UB"
check serve_prints_no_password_of_the_uri sh -c "grep -q 'postgres@/mig' '$T/sb.log' && ! grep -q secret '$T/sb.log'"
ev=$(curl -s "${UA}api/events?limit=1000" | jq -r '.events[].id' | tr '\n' ' ')
qev=$(curl -s "${UA}api/events?limit=1000" | jq -r '[.events[] | select(.quote != null)][0].id')
for p in '/api/events?limit=1000' '/api/events?limit=5&offset=5' '/api/events?limit=3&after=2024-04-08/0' \
    '/api/events?dyad=RUS:CHN&both_ways=1' '/api/events?text=said&limit=1000' '/api/events?country=AFG' \
    '/api/events?near=34.53,69.17,300' '/api/events?root=14,19&dedup=none' "/api/events/$(echo $ev | cut -d' ' -f1)" \
    "/api/events/$(echo $ev | cut -d' ' -f9)" "/api/events/$qev" /api/events/999999 '/api/stats?by=month' \
    '/api/stats?by=week&group=quad' '/api/stats?by=year&group=root' '/api/stats?by=day&dedup=none' \
    '/api/stats?by=month&text=said' '/api/top?what=dyads' '/api/top?what=actors' '/api/top?what=codes&root=04' \
    /api/places '/api/places?root=14' '/api/quotes?limit=1000' '/api/quotes?speaker=RUS' '/api/quotes?via=a' \
    '/api/quotes?text=will'; do
    curl -s "${UA%/}$p" >"$T/ja"
    curl -s "${UB%/}$p" >"$T/jb"
    name=$(echo "$p" | tr -c 'a-z0-9\n' _ | tr -s _)
    check "postgresql_serves_as_sqlite$name" sh -c "[ -s '$T/ja' ] && cmp -s '$T/ja' '$T/jb'"
done
check postgresql_info_counts_the_store test "$(curl -s "${UB}api/info" | jq -c '[.schema, .documents, .events, .quotes, .db]')" = \
    "[3,$(sqlite3 -separator , "$T/one.db" 'select (select count(*) from documents), (select count(*) from events), (select count(*) from quotes)'),\"postgres@/mig?host=$T/pg\"]"
# the server restarted under a running serve: its connections are made again
curl -s "${UB}api/top?what=codes" >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$T/pg/data" -l "$T/pg/log" -m fast -w -o "-k $T/pg -c listen_addresses= -F" restart >/dev/null 2>&1
curl -s "${UA}api/top?what=actors&limit=7" >"$T/ja"
curl -s -w '%{http_code}' -o "$T/jb" "${UB}api/top?what=actors&limit=7" >"$T/c"
check serve_answers_after_the_postgresql_server_restarts sh -c "[ \"\$(cat '$T/c')\" = 200 ] && cmp -s '$T/ja' '$T/jb'"
kill $SA $SB 2>/dev/null
wait $SA $SB 2>/dev/null

# a store that is not there, a password never printed
"$H" query --db "postgresql://postgres:secret@/nothere?host=$T/pg" >/dev/null 2>"$T/e"; rc=$?
check a_missing_database_is_a_clear_error_without_its_password sh -c "[ $rc -eq 1 ] && grep -q 'cannot connect' '$T/e' && ! grep -q secret '$T/e'"
as_pg "$PGBIN/createdb" -h "$T/pg" -U postgres empty
"$H" stats --by month --db "$(uri empty)" >/dev/null 2>"$T/e"; rc=$?
check reading_a_database_without_a_store_says_so sh -c "[ $rc -eq 1 ] && grep -q 'no herodotus store in this database' '$T/e'"
"$H" ingest --db "postgresql://postgres@/nothere?host=$T/pg" "$@" >/dev/null 2>"$T/e"; rc=$?
check ingest_into_a_missing_database_fails_clearly sh -c "[ $rc -eq 1 ] && grep -q 'cannot connect to the PostgreSQL server' '$T/e'"

echo "pg: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
