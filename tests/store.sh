#!/bin/sh
# The event store: ingest (idempotence, --replace, kill -9, concurrent
# reads, migration), query filters, stats, the SVG chart, export.
# usage: tests/store.sh BINARY   (one line per test, then "store: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$1" "$2"; }
# the full-text index's token of a month (version 18: U+E000 before YYYYMM), as an FTS5 query in SQL
mon() { printf "'\"' || char(57344) || '%s\"'" "$1"; }
# the index's entries under its month tokens, and the (sentence, month) pairs of the events: equal when each
# sentence with events is indexed once under each month of its events, and nothing else is
fts_months() { q "$1" "create virtual table temp.v using fts5vocab(main, sentences_fts, row); select coalesce(sum(doc), 0) from temp.v where term like char(57344) || '%'"; }
# the index's rows that are no sentence's first event, and the sentences with events it lacks
fts_off() { q "$1" "create virtual table temp.vi using fts5vocab(main, sentences_fts, instance); select (select count(*) from (select distinct doc from temp.vi except select min(id) from events group by doc, sentence)) + (select count(*) from (select min(id) from events group by doc, sentence except select distinct doc from temp.vi))"; }
sent_months() { q "$1" "select count(*) from (select distinct doc, sentence, case when date is null then 999999 else substr(date, 1, 4) || substr(date, 6, 2) end from events)"; }
# rows by which the rollups differ from the events they sum (0: none)
rollup_off() {
    sqlite3 "$1" "WITH ev AS (SELECT coalesce(CAST(substr(date, 1, 4) || substr(date, 6, 2) AS INTEGER), 999999) AS ym,
        substr(source, 1, 3) AS sc, substr(target, 1, 3) AS tc, coalesce(date, 'undated') AS date, source, target, code, min(root) AS root,
        min(quad) AS quad, min(goldstein) AS goldstein, min(id) AS id, count(*) AS n FROM events
        GROUP BY date, source, target, code),
      dt AS (SELECT date, root, quad, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM ev GROUP BY date, root, quad),
      mt AS (SELECT ym, root, quad, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM ev GROUP BY ym, root, quad),
      dm AS (SELECT ym, sc, tc, root, quad, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM ev GROUP BY ym, sc, tc, root, quad),
      am AS (SELECT ym, c, role, root, quad, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM (SELECT ym, sc AS c, CASE WHEN sc = tc THEN 'b' ELSE 's' END AS role,
        root, quad, n, goldstein FROM ev UNION ALL SELECT ym, tc, 't', root, quad, n, goldstein FROM ev WHERE sc != tc)
        GROUP BY ym, c, role, root, quad),
      pt AS (SELECT source, target, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM ev GROUP BY source, target),
      ct AS (SELECT code, count(*) AS days, sum(n) AS n, sum(CAST(round(goldstein * 10) AS INTEGER)) AS gd,
        sum(n * CAST(round(goldstein * 10) AS INTEGER)) AS g FROM ev GROUP BY code),
      rows AS (SELECT ym, sc, tc, coalesce(CAST(julianday(nullif(date, 'undated')) - 2440587.5 AS INTEGER), 9999999),
        source, target, code, root, quad, id, n FROM ev)
      SELECT 0$(for p in rows:event_days dt:day_totals mt:month_totals dm:dyad_months am:actor_months pt:pair_totals ct:code_totals; do
            printf ' + (SELECT count(*) FROM (SELECT * FROM %s EXCEPT SELECT * FROM %s)) + (SELECT count(*) FROM (SELECT * FROM %s EXCEPT SELECT * FROM %s))' \
                "${p%%:*}" "${p#*:}" "${p#*:}" "${p%%:*}"
        done)"
}
# the rollup's rows as version 15 kept them (dates as text, the code's
# Goldstein score beside them), in a store of this version
rollup_v15() {
    q "$1" "drop trigger events_ad_days; create table d15(ym integer not null, sc text not null, tc text not null,
        date text not null, source text not null, target text not null, code text not null, root text not null,
        quad integer not null, goldstein real not null, id integer not null, n integer not null,
        primary key(ym, sc, tc, date, source, target, code)) without rowid;
      insert into d15 select ym, sc, tc, coalesce(date(nullif(day, 9999999) + 2440587.5), 'undated'), source, target, code,
        root, quad, (select goldstein from codes c where c.code = e.code), id, n from event_days e;
      drop table event_days; alter table d15 rename to event_days;
      create index event_days_target on event_days(ym, tc, sc, date, root, quad, id)"
}
# the events' rows as version 18 kept them (the date as text; indexes on its day, the view without the day, the
# trigger finding a row's events by the date's day), in a store of this version
rows_v18() {
    view=$(q "$1" "select sql from sqlite_master where name = 'events'" | sed \
        -e 's/CASE WHEN r\.day = 9999999 THEN NULL ELSE date(r\.day + 2440587\.5) END AS date/r.date AS date/' -e 's/, r\.day AS day//')
    d="coalesce(CAST(julianday(old.date) - 2440587.5 AS INTEGER), 9999999)"
    ym="CASE WHEN old.date IS NULL OR old.date = 'undated' THEN 999999 ELSE CAST(substr(old.date, 1, 4) || substr(old.date, 6, 2) AS INTEGER) END"
    q "$1" "drop trigger events_ad_days; alter table event_rows rename to r19;
      create table event_rows(id integer primary key, doc integer not null references documents(id) on delete cascade,
        sentence integer not null, date text, source text not null, target text not null, code text not null,
        root text not null, quad integer not null, source_text integer, target_text integer, verb_text integer, place integer,
        rule integer, story integer, date_basis integer, date_text integer, quote integer, place_country text,
        place_how integer,
        sc text generated always as (substr(source, 1, 3)) virtual, tc text generated always as (substr(target, 1, 3)) virtual);
      insert into event_rows(id, doc, sentence, date, source, target, code, root, quad, source_text, target_text, verb_text,
        place, rule, story, date_basis, date_text, quote, place_country, place_how)
        select id, doc, sentence, date(nullif(day, 9999999) + 2440587.5), source, target, code, root, quad, source_text,
        target_text, verb_text, place, rule, story, date_basis, date_text, quote, place_country, place_how from r19;
      drop view events; drop table r19; $view;
      create index events_day on event_rows(coalesce(CAST(julianday(date) - 2440587.5 AS INTEGER), 9999999), source, target, code);
      create index events_place on event_rows(place_country, coalesce(CAST(julianday(date) - 2440587.5 AS INTEGER), 9999999))
        where place_country is not null;
      create index events_doc on event_rows(doc, sentence);
      create trigger events_delete instead of delete on events begin delete from event_rows where id = old.id; end;
      create trigger events_ad_days after delete on event_rows begin
        update event_days set n = n - 1, id = case when id != old.id then id else coalesce((select min(x.id) from event_rows x
          where coalesce(CAST(julianday(x.date) - 2440587.5 AS INTEGER), 9999999) = $d and x.source = old.source
          and x.target = old.target and x.code = old.code), 0) end
         where ym = $ym and sc = substr(old.source, 1, 3) and tc = substr(old.target, 1, 3) and day = $d
          and source = old.source and target = old.target and code = old.code;
        delete from event_days where ym = $ym and sc = substr(old.source, 1, 3) and tc = substr(old.target, 1, 3)
          and day = $d and source = old.source and target = old.target and code = old.code and n <= 0; end"
}
# every page of a query (--limit K, then --after where each ended) in one
# file, headers dropped; and the pages' count in $T/npages
pages() {
    out=$1 k=$2; shift 2
    : >"$out"; after="" np=0
    while :; do
        "$H" query --db "$DB" --limit "$k" --format csv $after "$@" 2>"$T/pe" | tail -n +2 >>"$out"
        np=$((np + 1))
        next=$(sed -n 's/.*the next page: \(--after [^ ]*\)$/\1/p' "$T/pe")
        [ -n "$next" ] && [ $np -lt 1000 ] || break
        after=$next
    done
    echo $np >"$T/npages"
}

# a reprint of the Lavrov story from another outlet, and the examples
python3 - "$T" <<'PY' 2>/dev/null || {
import json, sys
t = open('examples/lavrov-beijing.txt').read()
u = t.replace('Meridian News Agency', 'Another Wire').replace('two-day official visit', 'two-day visit')
with open(sys.argv[1] + '/reprint.jsonl', 'w') as f:
    f.write(json.dumps({'id': 'wire-2', 'text': u, 'source': 'Another Wire', 'url': 'https://example.org/2'}) + '\n')
PY
    sed 's/Meridian News Agency/Another Wire/; s/two-day official visit/two-day visit/' examples/lavrov-beijing.txt > "$T/reprint.txt"
}
[ -f "$T/reprint.jsonl" ] || cp "$T/reprint.txt" "$T/reprint.jsonl.txt"
IN="examples/lavrov-beijing.txt examples/nairobi-protest.txt examples/border-clash.txt"
[ -f "$T/reprint.jsonl" ] && IN="$IN $T/reprint.jsonl" || IN="$IN $T/reprint.txt"
DB="$T/e.db"
"$H" ingest --quiet --db "$DB" $IN >/dev/null 2>&1
docs=$(q "$DB" 'select count(*) from documents'); evs=$(q "$DB" 'select count(*) from events')
check ingest_stores_four_documents test "$docs" -eq 4
check schema_has_version_20 test "$(q "$DB" 'pragma user_version')" -eq 20
# version 11: the events view reads each event's shared values from codes and labels
check events_view_has_a_row_per_stored_event test "$(q "$DB" "select (select count(*) from events) = (select count(*) from event_rows) and (select count(*) from events) > 0")" = 1
check events_view_gives_every_event_its_code_name_weight_and_rule test "$(q "$DB" "select count(*) from events where event is null or goldstein is null or rule is null or place_how is null")" -eq 0
check events_view_gives_the_weight_of_the_cameo_table test "$(q "$DB" "select count(*) from events where code = '190' and goldstein != -10.0")" -eq 0
sqlite3 "$DB" ".backup '$T/view.db'"
sqlite3 "$T/view.db" "DELETE FROM events WHERE id = (SELECT min(id) FROM events)"
check a_delete_from_the_events_view_deletes_the_row test "$(q "$T/view.db" "select count(*) from event_rows")" -eq $(($(q "$DB" "select count(*) from event_rows") - 1))
check a_delete_from_the_events_view_keeps_the_rollups test "$(rollup_off "$T/view.db")" -eq 0
# version 12: an event's words and place are kept once (phrases, places) and read back as the coder gave them
"$H" ingest --quiet --db "$T/words.db" examples/*.txt >/dev/null 2>&1
"$H" code --format jsonl examples/*.txt 2>/dev/null | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l); p = e.get("place") or {}
    print("|".join(str(x) for x in (e["doc_id"], e["sentence"], e["source"], e["target"], e["code"], e["source_text"],
          e["target_text"], e["verb_text"], e.get("date_text", ""), p.get("name", ""), p.get("country", ""),
          "%.4f" % p["lat"] if "lat" in p else "", "%.4f" % p["lon"] if "lon" in p else "", p.get("region", ""),
          p.get("how", "none"))))' | sort >"$T/coded.words"
q "$T/words.db" "select d.doc_id, e.sentence, e.source, e.target, e.code, e.source_text, e.target_text, e.verb_text,
    coalesce(e.date_text, ''), coalesce(e.place, ''), coalesce(e.place_country, ''), iif(e.place_lat is null, '', printf('%.4f', e.place_lat)),
    iif(e.place_lon is null, '', printf('%.4f', e.place_lon)), coalesce(e.place_region, ''), e.place_how from events e join documents d on d.id = e.doc" | sort >"$T/stored.words"
check stored_events_read_back_the_words_and_place_they_were_coded_with sh -c "[ -s '$T/coded.words' ] && cmp -s '$T/coded.words' '$T/stored.words'"
check events_with_the_same_words_share_one_phrase test "$(q "$T/words.db" "select count(*) from (select p.text from event_rows r join phrases p on p.id in (r.source_text, r.target_text, r.verb_text, r.date_text) group by p.text having count(distinct p.id) > 1)")" -eq 0
check phrases_are_fewer_than_the_words_they_stand_for test "$(q "$T/words.db" "select (select count(*) from phrases) < 4 * (select count(*) from event_rows)")" = 1
check places_are_kept_once test "$(q "$T/words.db" "select count(*) from (select name, country, lat, lon from places group by 1, 2, 3, 4, kind, region having count(*) > 1)")" -eq 0
check every_placed_event_refers_to_its_place test "$(q "$T/words.db" "select count(*) from event_rows where (place is null) != (place_country is null)")" -eq 0
check labels_are_stored_once test "$(q "$DB" "select count(*) from labels where text in ('publication', 'text', 'sentence', 'dateline', 'none', 'city', 'country')")" -le 7
check stored_events_say_where_their_date_came_from test "$(q "$DB" "select count(*) from events where date_basis = 'text' and date_text = 'Monday'")" -gt 0
check every_stored_event_has_a_date_basis test "$(q "$DB" "select count(*) from events where date_basis is null or (date_basis = 'text') != (date_text is not null)")" -eq 0
"$H" ingest --quiet --db "$DB" $IN >/dev/null 2>&1
check rollups_sum_the_stored_events test "$(rollup_off "$DB")" -eq 0
check ingest_again_adds_nothing test "$(q "$DB" 'select count(*) from documents'),$(q "$DB" 'select count(*) from events')" = "$docs,$evs"
# version 13: a signature keeps a byte of each MinHash value, the bands are hashed from those bytes
check signatures_keep_a_byte_of_each_value test "$(q "$DB" "select count(*) || ' ' || sum(length(signature) = 64) from documents where signature is not null")" = "$docs $docs"
cp "$DB" "$T/v12.db"
# as version 12 kept them: four bytes a value, the stored byte first (as x86 holds a number), and its bands made otherwise
for id in $(q "$T/v12.db" "select id from documents"); do
    long=$(q "$T/v12.db" "select hex(signature) from documents where id = $id" | sed 's/../&A1B2C3/g')
    q "$T/v12.db" "update documents set signature = X'$long' where id = $id"
done
rows_v18 "$T/v12.db"
rollup_v15 "$T/v12.db"
q "$T/v12.db" "delete from doc_bands; insert into doc_bands values(1, 1, 1, 1); pragma user_version = 12"
printf '' | "$H" ingest --quiet --db "$T/v12.db" - >/dev/null 2>&1
check migration_cuts_the_signatures_to_a_byte_a_value test "$(q "$T/v12.db" "select group_concat(hex(signature), ' ') from (select signature from documents order by id)")" = \
    "$(q "$DB" "select group_concat(hex(signature), ' ') from (select signature from documents order by id)")"
check migration_makes_the_reprint_bands_again test "$(q "$T/v12.db" "select group_concat(week || ',' || band || ',' || hash || ',' || doc, ' ') from doc_bands")" = \
    "$(q "$DB" "select group_concat(week || ',' || band || ',' || hash || ',' || doc, ' ') from doc_bands")"
# version 14: a document's sentence spans packed (varints of each sentence's gap and length)
check sentence_spans_are_packed test "$(q "$DB" "select count(*) from documents where typeof(sentence_spans) != 'blob'")" -eq 0
check packed_spans_take_under_a_third_of_their_text test "$(q "$DB" "select sum(length(sentence_spans)) from documents")" -lt \
    "$(($(q "$DB" "select id || '|' || hex(sentence_spans) || '|' from documents" | spans_text | cut -d'|' -f2 | wc -c) / 3))"
cp "$DB" "$T/v13.db"
q "$T/v13.db" "select id || '|' || hex(sentence_spans) || '|' from documents" | spans_text | while IFS='|' read -r id spans rest; do
    q "$T/v13.db" "update documents set sentence_spans = '$spans' where id = $id"
done
rows_v18 "$T/v13.db"
rollup_v15 "$T/v13.db"
q "$T/v13.db" "pragma user_version = 13"
check version_13_spans_are_text test "$(q "$T/v13.db" "select count(*) from documents where typeof(sentence_spans) = 'text' and sentence_spans like '%+%'")" -eq "$docs"
printf '' | "$H" ingest --quiet --db "$T/v13.db" - >/dev/null 2>&1
check migration_packs_the_spans_as_a_new_store_does test "$(q "$T/v13.db" "select group_concat(hex(sentence_spans), ' ') from (select sentence_spans from documents order by id)")" = \
    "$(q "$DB" "select group_concat(hex(sentence_spans), ' ') from (select sentence_spans from documents order by id)")"
# version 16: the rollup's rows keep their day as a number and no Goldstein score; a version-15 store's rows
# (dates as text, the score beside them) made into these by the migration
cp "$DB" "$T/v15.db"
rows_v18 "$T/v15.db"
rollup_v15 "$T/v15.db"
q "$T/v15.db" "pragma user_version = 15"
check version_15_rows_keep_dates_as_text test "$(q "$T/v15.db" "select count(*) from event_days where date like '____-__-__'")" -eq \
    "$(q "$DB" "select count(*) from event_days")"
printf '' | "$H" ingest --quiet --db "$T/v15.db" - >/dev/null 2>&1
check migration_keeps_the_rollups_rows_by_day_number test "$(dump "$T/v15.db" | md5sum)" = "$(dump "$DB" | md5sum)"
check migrated_rollup_sums_its_events test "$(rollup_off "$T/v15.db")" -eq 0
check rollup_day_numbers_are_days_since_1970 test "$(q "$DB" "select count(*) from event_days where day != julianday(date(day + 2440587.5)) - 2440587.5 or day < 10000")" -eq 0
"$H" ingest --quiet --replace --db "$T/v15.db" examples/lavrov-beijing.txt >/dev/null 2>&1
check migrated_rollup_triggers_keep_the_sums_when_a_document_goes test "$(rollup_off "$T/v15.db")" -eq 0
# version 19: the events' rows keep their day as a number; a version-18 store's rows (dates as text) made into these
cp "$DB" "$T/v18.db"
rows_v18 "$T/v18.db"
q "$T/v18.db" "pragma user_version = 18"
check version_18_rows_keep_dates_as_text test "$(q "$T/v18.db" "select count(*) from event_rows where date like '____-__-__' or date is null")" -eq \
    "$(q "$DB" "select count(*) from events")"
printf '' | "$H" ingest --quiet --db "$T/v18.db" - >/dev/null 2>&1
check migration_keeps_every_event_by_its_day_number test "$(dump "$T/v18.db" | md5sum)" = "$(dump "$DB" | md5sum)"
check event_day_numbers_are_their_dates_days test "$(q "$DB" "select count(*) from event_rows r join events e on e.id = r.id where r.day != coalesce(julianday(e.date) - 2440587.5, 9999999)")" -eq 0
"$H" ingest --quiet --replace --db "$T/v18.db" examples/lavrov-beijing.txt >/dev/null 2>&1
check migrated_events_trigger_keeps_the_rollup_when_a_document_goes test "$(rollup_off "$T/v18.db")" -eq 0
# version 20: a reprint band's hash in 31 bits; a version-19 store's bands (hashes of 63 bits) made again
check reprint_band_hashes_take_31_bits test "$(q "$DB" "select count(*) from doc_bands where hash < 0 or hash >= 2147483648")","$(q "$DB" "select count(*) > 0 from doc_bands")" = 0,1
cp "$DB" "$T/v19.db"
q "$T/v19.db" "update doc_bands set hash = hash * 4294967296 + 12345; pragma user_version = 19"
printf '' | "$H" ingest --quiet --db "$T/v19.db" - >/dev/null 2>&1
check migration_makes_the_bands_hashes_of_31_bits test "$(q "$T/v19.db" "select group_concat(week || ',' || band || ',' || hash || ',' || doc, ' ') from doc_bands")" = \
    "$(q "$DB" "select group_concat(week || ',' || band || ',' || hash || ',' || doc, ' ') from doc_bands")"
# fuzz_merge's seed is a store of this version (one of an older version is refused at once, and the fuzzer then
# tries nothing but that refusal: make it again when the schema moves on, as tests/fuzz/fuzz_merge.c says)
for f in tests/fuzz/corpus/merge/*.db; do
    cp "$f" "$T/seed.db"
    "$H" merge --quiet --db "$T/seed-merged.db" "$T/seed.db" >/dev/null 2>&1
done
check fuzz_merge_seeds_are_stores_merge_reads test "$(q "$T/seed-merged.db" "select count(*) from documents")" -ge 1
check reprint_joins_the_story_of_the_original test "$(q "$DB" "select count(distinct story) || ',' || count(*) from documents where doc_id in ('examples/lavrov-beijing','wire-2','$T/reprint')")" = "1,2"
check other_articles_have_stories_of_their_own test "$(q "$DB" 'select count(distinct story) from documents')" -eq 3
# the full-text index holds each sentence's months beside its words (version 9)
check months_list_every_month_of_the_events test "$(q "$DB" "select group_concat(ym, ' ') from months")" = \
    "$(q "$DB" "select group_concat(m, ' ') from (select distinct case when date is null then 999999 else cast(substr(date, 1, 4) || substr(date, 6, 2) as integer) end as m from events order by m)")"
check full_text_index_finds_a_months_sentences test "$(q "$DB" "select count(*) from sentences_fts where sentences_fts match $(mon 202404)")" -eq \
    "$(q "$DB" "select count(*) from (select distinct doc, sentence from events where date like '2024-04-%')")"
check full_text_index_finds_words_in_a_month test "$(q "$DB" "select count(*) from sentences_fts where sentences_fts match ('cooperation AND ' || $(mon 202404))")" -gt 0
check words_asked_for_are_not_looked_for_in_the_months test "$("$H" query --db "$DB" --text 202404 --limit 0 --format csv | tail -n +2 | wc -l)" -eq 0
check actors_view_counts_events test "$(q "$DB" "select events > 0 from actors where code = 'RUSGOV'")" = 1

# --replace: same id, new text -> old events gone in one step
printf '{"id":"r1","text":"Russia attacked Ukraine on Monday.","date":"2024-05-07"}\n' >"$T/r1.jsonl"
printf '{"id":"r1","text":"Russia thanked China on Monday.","date":"2024-05-07"}\n' >"$T/r2.jsonl"
"$H" ingest --quiet --db "$DB" "$T/r1.jsonl" >/dev/null 2>&1
"$H" ingest --quiet --db "$DB" "$T/r2.jsonl" >/dev/null 2>&1
check same_id_is_skipped_without_replace test "$(q "$DB" "select group_concat(e.code) from events e join documents d on d.id = e.doc where d.doc_id = 'r1'")" = "190"
"$H" ingest --quiet --replace --db "$DB" "$T/r2.jsonl" >/dev/null 2>&1
check replace_recodes_the_document test "$(q "$DB" "select group_concat(e.code) from events e join documents d on d.id = e.doc where d.doc_id = 'r1'")" = "051"
check replace_leaves_one_copy test "$(q "$DB" "select count(*) from documents where doc_id = 'r1'")" -eq 1
check rollups_follow_a_replaced_document test "$(rollup_off "$DB")" -eq 0
check replace_updates_full_text test "$(q "$DB" "select count(*) from sentences_fts where sentences_fts match 'attacked'")" -eq 0
check replace_leaves_a_sound_full_text_index q "$DB" "insert into sentences_fts(sentences_fts) values('integrity-check')"
# a replaced document's reprint bands go with it (taken by their keys: no foreign key holds them)
printf '{"id":"r5","text":"Police in Nairobi arrested dozens of protesters on Tuesday after a march against new taxes turned violent, the interior ministry said in a statement.","date":"2024-05-07"}\n' >"$T/r5.jsonl"
printf '{"id":"r5","text":"Police in Kampala released dozens of students on Wednesday after a week of talks with their union leaders, the education ministry said in a statement.","date":"2024-05-08"}\n' >"$T/r6.jsonl"
"$H" ingest --quiet --db "$DB" "$T/r5.jsonl" >/dev/null 2>&1
R5=$(q "$DB" "select id from documents where doc_id = 'r5'")
check a_long_document_has_eight_reprint_bands test "$(q "$DB" "select count(*) from doc_bands where doc = $R5")" -eq 8
"$H" ingest --quiet --replace --db "$DB" "$T/r6.jsonl" >/dev/null 2>&1
check replace_takes_the_old_reprint_bands_away test "$(q "$DB" "select count(*) from doc_bands where doc = $R5")" -eq 0
check replace_gives_the_new_text_its_bands test "$(q "$DB" "select count(*) from doc_bands b join documents d on d.id = b.doc where d.doc_id = 'r5'")" -eq 8
check no_reprint_band_outlives_its_document test "$(q "$DB" "select count(*) from doc_bands where doc not in (select id from documents)")" -eq 0
# a sentence with events of two months is found under each, and replaced leaves neither
printf '{"id":"r3","text":"On April 28 Ukraine accused Russia, and on Monday Russia attacked Ukraine.","date":"2024-05-07"}\n' >"$T/r3.jsonl"
printf '{"id":"r3","text":"Russia thanked China on Monday.","date":"2024-05-07"}\n' >"$T/r4.jsonl"
"$H" ingest --quiet --db "$DB" "$T/r3.jsonl" >/dev/null 2>&1
check sentence_is_indexed_under_each_month_of_its_events test "$(q "$DB" "select count(*) from sentences_fts where sentences_fts match ('accused AND ' || $(mon 202404))"),$(q "$DB" "select count(*) from sentences_fts where sentences_fts match ('accused AND ' || $(mon 202405))")" = "1,1"
"$H" ingest --quiet --replace --db "$DB" "$T/r4.jsonl" >/dev/null 2>&1
check replaced_sentence_leaves_its_months test "$(q "$DB" "select count(*) from sentences_fts where sentences_fts match $(mon 202404)")" -eq \
    "$(q "$DB" "select count(*) from (select distinct doc, sentence from events where date like '2024-04-%')")"
check replace_of_a_sentence_of_two_months_leaves_a_sound_index q "$DB" "insert into sentences_fts(sentences_fts) values('integrity-check')"
check replaced_documents_leave_each_sentence_in_the_index_once_a_month test "$(fts_months "$DB")" -eq "$(sent_months "$DB")"
# version 18: the index keeps which sentences hold a word, not where; a word of several tokens is read again
check full_text_index_keeps_no_positions_nor_lengths sh -c "sqlite3 '$DB' \"select sql from sqlite_master where name = 'sentences_fts'\" | grep -q 'columnsize=0, detail=none'"
printf '{"id":"w1","text":"Troops loyal to President al-Assad shelled the outskirts of Bobo-Dioulasso on Monday, U.S. officials said.","date":"2024-05-07"}\n' >"$T/w1.jsonl"
"$H" ingest --quiet --db "$DB" "$T/w1.jsonl" >/dev/null 2>&1
tq() { "$H" query --db "$DB" --limit 0 --format csv --text "$@" | tail -n +2 | wc -l; }
check a_hyphenated_word_finds_its_sentence test "$(tq al-Assad)" -ge 1
check a_hyphenated_word_finds_its_sentence_a_month_at_a_time test "$(tq al-Assad --since 2024-05-01 --limit 5)" -ge 1
check a_word_of_several_tokens_needs_them_side_by_side test "$(tq Dioulasso-Bobo)","$(tq shelled-Assad --since 2024-05-01 --limit 5)","$(tq Assad-shelled --since 2024-05-01 --limit 5)" = 0,0,1
check words_of_a_query_may_be_anywhere_in_the_sentence test "$(tq 'Dioulasso Bobo')" -eq "$(tq Bobo-Dioulasso)"
check a_word_of_no_letter_matches_nothing test "$(tq 'al-Assad ---')","$(tq 'al-Assad ---' --since 2024-05-01 --limit 5)" = 0,0
check dotted_abbreviations_are_words test "$(tq 'U.S. officials shelled')" -ge 1
check a_stats_text_filter_reads_runs_again test "$("$H" stats --db "$DB" --by year --text Dioulasso-Bobo --format csv | tail -n +2 | wc -l)" -eq 0
# bodies are kept compressed, and what is read back is the text
check long_bodies_are_stored_compressed test "$(q "$DB" "select count(*) from documents where length(cast(body as blob)) > 400 and typeof(body) != 'blob'")" -eq 0
check a_stored_sentence_reads_back_as_written sh -c "'$H' query --db '$DB' --dyad RUS:CHN --code 051 --format jsonl | grep -qF '\"text\":\"Russia thanked China on Monday.\"'"

# filters (one-a-day by default)
n() { "$H" query --db "$DB" --limit 0 --format csv "$@" 2>/dev/null | tail -n +2 | wc -l; }
check filter_actor_prefix_matches_source_or_target test "$(n --actor RUS)" -eq "$(q "$DB" "select count(*) from (select 1 from events where source like 'RUS%' or target like 'RUS%' group by date, source, target, code)")"
check filter_source test "$(n --source KEN)" -eq "$(q "$DB" "select count(*) from (select 1 from events where source like 'KEN%' group by date, source, target, code)")"
check filter_target test "$(n --target PAK)" -eq "$(q "$DB" "select count(*) from (select 1 from events where target like 'PAK%' group by date, source, target, code)")"
check filter_dyad test "$(n --dyad CHN:RUS)" -eq "$(q "$DB" "select count(*) from (select 1 from events where source like 'CHN%' and target like 'RUS%' group by date, source, target, code)")"
check filter_dyad_both_ways test "$(n --dyad CHN:RUS --both-ways)" -eq "$(q "$DB" "select count(*) from (select 1 from events where (source like 'CHN%' and target like 'RUS%') or (source like 'RUS%' and target like 'CHN%') group by date, source, target, code)")"
check filter_code test "$(n --code 051,042)" -eq "$(q "$DB" "select count(*) from (select 1 from events where code in ('051','042') group by date, source, target, code)")"
# 41 CAMEO codes (more than any fixed pool): every one counts, the last (051) too; under
# the sanitizer build a value left on a dead stack frame is reported
codes=$(awk -F'\t' '$1 ~ /^[0-9]+$/ && $1 != "051" && n < 40 { printf "%s,", $1; n++ } END { printf "051" }' "$(dirname "$0")/../data/cameo.tsv")
got=$(ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_stack_use_after_return=1" "$H" query --db "$DB" --limit 0 --format csv --code "$codes" 2>"$T/e" | tail -n +2 | wc -l)
inlist=$(echo "$codes" | sed "s/[0-9]*/'&'/g")
want=$(q "$DB" "select count(*) from (select 1 from events where code in ($inlist) group by date, source, target, code)")
check filter_code_takes_41_values sh -c "[ $got -eq $want ] && [ $got -gt $(n --code 051) ] && [ ! -s '$T/e' ]"
check filter_root test "$(n --root 19)" -eq "$(q "$DB" "select count(*) from (select 1 from events where root = '19' group by date, source, target, code)")"
check filter_quad test "$(n --quad 3,4)" -eq "$(q "$DB" "select count(*) from (select 1 from events where quad in (3,4) group by date, source, target, code)")"
check filter_since_until test "$(n --since 2024-04-09 --until 2024-06-25)" -eq "$(q "$DB" "select count(*) from (select 1 from events where date between '2024-04-09' and '2024-06-25' group by date, source, target, code)")"
check filter_text_full_text test "$(n --text 'tear gas')" -ge 1
check filter_text_only_matching_sentences sh -c "'$H' query --db '$DB' --limit 0 --format csv --text 'tear gas' | tail -n +2 | grep -v -i 'tear gas' | wc -l | grep -qx 0"
check filter_limit test "$(n --limit 3)" -eq 3
check dedup_none_keeps_reprints test "$(n --dedup none)" -gt "$(n)"
check query_counts_articles_and_sources sh -c "'$H' query --db '$DB' --format csv --dyad RUSGOV:CHN --code 051 | tail -n +2 | grep -q ',2,2,'"
"$H" query --db "$DB" --actor "RUS'; DROP TABLE events; --" >/dev/null 2>&1; rc=$?
check hostile_actor_code_is_refused sh -c "[ $rc -eq 2 ] && [ $(q "$DB" 'select count(*) from events') -gt 0 ]"
"$H" query --db "$DB" --text "x\" OR 1=1 --" --format csv >/dev/null 2>&1
check quotes_in_text_do_not_break_the_query test $? -eq 0
"$H" query --db "$DB" --since 2024-13-01 >/dev/null 2>&1
check bad_date_is_a_usage_error test $? -eq 2
"$H" query --db "$DB" --format jsonl --limit 1 2>/dev/null | grep -q '^{"date":"[0-9-]*","source":"[A-Z]*"'
check query_jsonl_output test $? -eq 0

# undated documents (no "date", no date in the text): ingest names them and
# stores their events undated; every output below still counts those events
printf '{"id":"nodate-1","text":"China praised Russia."}\n{"id":"nodate-2","text":"Russia thanked China."}\n' >"$T/nodate.jsonl"
"$H" ingest --quiet --db "$DB" "$T/nodate.jsonl" >/dev/null 2>"$T/e"; rc=$?
check ingest_names_documents_without_a_date sh -c "[ $rc -eq 0 ] && grep -qxF \"herodotus ingest: 2 documents have no date (nodate-1, nodate-2), so 2 events are stored undated; give --date YYYY-MM-DD, or a line 'Date: YYYY-MM-DD' in the text\" '$T/e'"
undated=$(q "$DB" 'select count(*) from (select 1 from events where date is null group by source, target, code)')
check undated_events_are_stored test "$undated" -eq 2
check query_lists_undated_events_last sh -c "'$H' query --db '$DB' --limit 0 --format csv | tail -n $undated | grep -c '^,' | grep -qx $undated"
awk 'BEGIN { for (i = 1; i <= 7; i++) printf "{\"id\":\"u%d\",\"text\":\"China praised Russia %d times.\"}\n", i, i }' >"$T/u7.jsonl"
"$H" ingest --quiet --db "$T/u7.db" "$T/u7.jsonl" >/dev/null 2>"$T/e"
check ingest_names_the_first_five_undated_documents grep -qF "7 documents have no date (u1, u2, u3, u4, u5, ...), so 7 events" "$T/e"
"$H" ingest --quiet --date 2024-05-14 --db "$T/d.db" "$T/nodate.jsonl" >/dev/null 2>"$T/e"
# a new store's pages are 16 KB; a store made with other pages keeps them
check a_new_store_has_pages_of_16_kb test "$(q "$T/d.db" 'PRAGMA page_size')" = 16384
sqlite3 "$T/p4.db" "PRAGMA page_size=4096; PRAGMA journal_mode=WAL;" >/dev/null
"$H" ingest --quiet --date 2024-05-14 --db "$T/p4.db" "$T/nodate.jsonl" >/dev/null 2>&1
check a_store_made_with_4_kb_pages_keeps_them sh -c "[ \"\$(sqlite3 '$T/p4.db' 'PRAGMA page_size')\" = 4096 ] && [ \"\$(sqlite3 '$T/p4.db' 'select count(*) from events')\" -gt 0 ]"
check ingest_date_option_dates_undated_documents sh -c "[ ! -s '$T/e' ] && [ \"\$(sqlite3 '$T/d.db' \"select group_concat(distinct date) from events\")\" = 2024-05-14 ]"

# stats
tot=$(n)
sum=$("$H" stats --db "$DB" --by month --format csv | tail -n +2 | awk -F, '{ s += $2 } END { print s + 0 }')
check stats_by_month_adds_up_to_the_events test "$sum" -eq "$tot"
check stats_by_week_starts_on_monday sh -c "'$H' stats --db '$DB' --by week --format csv | grep -q '^2024-04-08,'"
check stats_by_year test "$("$H" stats --db "$DB" --by year --format csv | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "2023 2024 undated "
check stats_counts_undated_events_in_their_own_period sh -c "'$H' stats --db '$DB' --by week --format csv | tail -n 1 | grep -q '^undated,$undated,'"
check stats_group_counts_undated_events sh -c "'$H' stats --db '$DB' --by day --group quad --format csv | grep -q '^undated,1,$undated,'"
check stats_top_codes_count_undated_events test "$("$H" stats --db "$DB" --top codes --limit 1000 --format csv | tail -n +2 | awk -F, '{ s += $(NF - 1) } END { print s + 0 }')" -eq "$tot"
check stats_group_by_root sh -c "'$H' stats --db '$DB' --by day --group root --format csv | head -1 | grep -q '^period,root,events,goldstein'"
check stats_dyad_series test "$("$H" stats --db "$DB" --by day --dyad CHN:RUS --both-ways --format csv | tail -n +2 | awk -F, '{ s += $2 } END { print s + 0 }')" -eq "$(n --dyad CHN:RUS --both-ways)"
check stats_top_dyads sh -c "'$H' stats --db '$DB' --top dyads --limit 3 --format csv | tail -n +2 | wc -l | grep -qx 3"
check stats_top_actors sh -c "'$H' stats --db '$DB' --top actors --format csv | head -1 | grep -q '^actor,events'"
check stats_top_codes sh -c "'$H' stats --db '$DB' --top codes --format csv | head -1 | grep -q '^code,event,events'"
# the series from the rollups against the same counted from the events
# themselves: one a day (date, source, target, code once) and every event
sq() { sqlite3 -csv "$DB" "$1"; }
oneaday="(SELECT date, source, target, code, min(root) AS root, min(quad) AS quad, min(goldstein) AS g FROM events GROUP BY date, source, target, code)"
check stats_by_month_from_the_rollup_counts_one_a_day test "$("$H" stats --db "$DB" --by month --format csv | tail -n +2 | cut -d, -f1,2)" = \
    "$(sq "SELECT coalesce(substr(date, 1, 7), 'undated'), count(*) FROM $oneaday GROUP BY 1 ORDER BY 1")"
check stats_by_month_from_the_rollup_counts_every_event_without_dedup test "$("$H" stats --db "$DB" --by month --dedup none --format csv | tail -n +2 | cut -d, -f1,2)" = \
    "$(sq "SELECT coalesce(substr(date, 1, 7), 'undated'), count(*) FROM events GROUP BY 1 ORDER BY 1")"
check stats_goldstein_from_the_rollup_is_the_events_mean test "$("$H" stats --db "$DB" --by year --group root --format csv | tail -n +2 | cut -d, -f1,2,4)" = \
    "$(sq "SELECT coalesce(substr(date, 1, 4), 'undated'), root, round(avg(g), 2) FROM $oneaday GROUP BY 1, 2 ORDER BY 1, 2")"
check stats_dyad_series_from_the_rollup test "$("$H" stats --db "$DB" --by day --dyad RUS:CHN --both-ways --dedup none --format csv | tail -n +2 | cut -d, -f1,2)" = \
    "$(sq "SELECT coalesce(date, 'undated'), count(*) FROM events WHERE (source LIKE 'RUS%' AND target LIKE 'CHN%') OR (source LIKE 'CHN%' AND target LIKE 'RUS%') GROUP BY 1 ORDER BY 1")"
# by month, a dyad of countries is summed from the rollup by month and dyad;
# from a month's middle, from the one-a-day rows: both as the events say
for dates in "" "--since 2024-04-01 --until 2024-06-30" "--since 2024-04-09"; do
    name=$(echo "stats_dyad_by_month_${dates:-all}" | tr -c 'a-zA-Z0-9\n' _ | tr -s _)
    lo=$(echo "$dates" | sed -n 's/.*--since \([0-9-]*\).*/\1/p'); hi=$(echo "$dates" | sed -n 's/.*--until \([0-9-]*\).*/\1/p')
    cond=""   # a date given leaves the undated events out
    [ -z "$lo" ] || cond="$cond AND date >= '$lo'"
    [ -z "$hi" ] || cond="$cond AND date <= '$hi'"
    check "${name}_counts_as_the_events" test "$("$H" stats --db "$DB" --by month --group quad --dyad RUS:CHN --both-ways $dates --format csv | tail -n +2 | cut -d, -f1,2,3,4 | tr -d '"')" = \
        "$(sq "SELECT coalesce(substr(date, 1, 7), 'undated'), quad, count(*), round(avg(g), 2) FROM $oneaday WHERE ((source LIKE 'RUS%' AND target LIKE 'CHN%') OR (source LIKE 'CHN%' AND target LIKE 'RUS%')) $cond GROUP BY 1, 2 ORDER BY 1, 2" | tr -d '"')"
done
check stats_by_year_of_an_actor_from_the_rollup_by_month test "$("$H" stats --db "$DB" --by year --actor CHN --dedup none --format csv | tail -n +2 | cut -d, -f1,2)" = \
    "$(sq "SELECT coalesce(substr(date, 1, 4), 'undated'), count(*) FROM events WHERE source LIKE 'CHN%' OR target LIKE 'CHN%' GROUP BY 1 ORDER BY 1")"
# one country's series by month: from its sums by month in each role
for f in "--actor RUS" "--source RUS --dedup none" "--target CHN" "--actor KEN --dedup none" "--target KEN"; do
    set -- $f
    role=$1 c=$2
    case $role in
        --actor) cond="substr(source, 1, 3) = '$c' OR substr(target, 1, 3) = '$c'" ;;
        --source) cond="substr(source, 1, 3) = '$c'" ;;
        *) cond="substr(target, 1, 3) = '$c'" ;;
    esac
    case "$f" in
        *none*) want=$(sq "SELECT coalesce(substr(date, 1, 7), 'undated'), count(*) FROM events WHERE $cond GROUP BY 1 ORDER BY 1") ;;
        *) want=$(sq "SELECT coalesce(substr(date, 1, 7), 'undated'), count(*) FROM $oneaday WHERE $cond GROUP BY 1 ORDER BY 1") ;;
    esac
    name=$(echo "$f" | tr -c 'a-zA-Z0-9\n' _ | tr -s _)
    # shellcheck disable=SC2086
    check "stats_by_month${name}_from_its_countrys_sums" test "$("$H" stats --db "$DB" --by month $f --format csv | tail -n +2 | cut -d, -f1,2)" = "$want"
done
check stats_top_actors_from_the_rollup test "$("$H" stats --db "$DB" --top actors --limit 5 --format csv | tail -n +2)" = \
    "$(sq "SELECT actor, count(*) AS n, sum(r = 's'), sum(r = 't') FROM (SELECT source AS actor, 's' AS r FROM $oneaday WHERE source != '' UNION ALL SELECT target, 't' FROM $oneaday WHERE target != '') GROUP BY actor ORDER BY n DESC, actor LIMIT 5")"
check stats_top_codes_from_the_rollup_name_them test "$("$H" stats --db "$DB" --top codes --limit 4 --format csv | tail -n +2 | tr -d '"' | sed 's/,[^,]*$//')" = \
    "$(sq "SELECT code, min(event), count(*) AS n FROM (SELECT date, source, target, code, min(event) AS event FROM events GROUP BY 1, 2, 3, 4) GROUP BY code ORDER BY n DESC, code LIMIT 4" | tr -d '"')"
# the whole store's top lists (from its sums of all time) equal the rollup's rows summed (a filter every event passes)
for w in dyads actors codes; do
    for d in oneaday none; do
        check "stats_top_${w}_${d}_of_the_whole_store_equal_the_rollups_rows" test \
            "$("$H" stats --db "$DB" --top $w --dedup $d --limit 1000 --format csv)" = \
            "$("$H" stats --db "$DB" --top $w --dedup $d --limit 1000 --quad 1,2,3,4 --format csv)"
    done
done
# a filter on words is counted from the events: the same as the rollup's when it keeps them all
check stats_with_a_text_filter_counts_from_the_events test "$("$H" stats --db "$DB" --by day --text the --dedup none --format csv | tail -n +2 | cut -d, -f1,2)" = \
    "$("$H" export --db "$DB" --format jsonl | jq -r 'select(.text | ascii_downcase | test("(^|[^a-z0-9])the([^a-z0-9]|$)")) | .date // "undated"' | sort | uniq -c | awk '{ print $2 "," $1 }')"

# query's pages: every one after the last, together, are the whole answer
for f in "" "--dyad RUS:CHN --both-ways" "--source RUS" "--target CHN --dedup none" "--actor RUS --since 2024-04-09" "--actor RUS --dedup none" "--actor KEN" "--actor KEN --dedup none" "--actor K" "--actor KENGOV --root 01,02,04,14,17,18" "--text the --dedup none" "--text the --since 2024-04-09" "--text the --actor RUS" "--text the --root 01,02,03,04,05" "--text police --country KEN" "--text said --until 2024-04-08" "--dedup none" "--root 04,05 --since 2024-01-01" "--text the" "--country KEN --dedup none"; do
    name=$(echo "pages${f:+_}$f" | tr -c 'a-zA-Z0-9\n' _ | tr -s _)
    "$H" query --db "$DB" --limit 0 --format csv $f 2>/dev/null | tail -n +2 >"$T/all"
    pages "$T/p" 3 $f
    check "query_${name}_together_are_the_whole_answer" sh -c "[ -s '$T/all' ] && cmp -s '$T/all' '$T/p' && [ \$(cat '$T/npages') -eq \$(( (\$(wc -l <'$T/all') + 2) / 3 )) ]"
done
# undated events (the rollup's last day) paged after dated ones, and after each other
cat >"$T/undated.jsonl" <<'EOF'
{"id":"u1","text":"Kenyan police arrested dozens of protesters in Nairobi. The Kenyan government condemned the protesters."}
{"id":"u2","text":"Russia accused Ukraine of shelling Belgorod. Ukraine denied the Russian claim."}
{"id":"u3","text":"China praised Russia for its support. Russia thanked China."}
{"id":"d1","date":"2024-04-08","text":"Russia accused Ukraine of shelling Belgorod. China praised Russia for its support."}
EOF
"$H" ingest --quiet --db "$T/undated.db" "$T/undated.jsonl" >/dev/null 2>&1
check undated_rows_are_on_the_last_day test "$(q "$T/undated.db" "select count(*) from event_days where day = 9999999")" -ge 5
for f in "" "--dedup none" "--actor RUS" "--actor RUS --dedup none" "--source RUS" "--root 05" "--root 05 --dedup none"; do
    name=$(echo "pages${f:+_}$f" | tr -c 'a-zA-Z0-9\n' _ | tr -s _)
    (DB="$T/undated.db"
     "$H" query --db "$DB" --limit 0 --format csv $f 2>/dev/null | tail -n +2 >"$T/all"
     pages "$T/p" 2 $f)
    check "query_undated_${name}_together_are_the_whole_answer" sh -c "grep -q '^,' '$T/all' && cmp -s '$T/all' '$T/p'"
done
"$H" query --db "$DB" --after 2024-13-01/5 >/dev/null 2>"$T/e"; rc=$?
check query_after_a_cursor_that_is_none_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'after takes where a page ended' '$T/e'"
"$H" query --db "$DB" --limit 0 >/dev/null 2>"$T/e"
check query_without_a_limit_says_nothing_of_pages test ! -s "$T/e"
"$H" stats --db "$DB" --by day --group quad --plot "$T/c.svg" --format csv >/dev/null 2>&1
check svg_is_written test -s "$T/c.svg"
if command -v xmllint >/dev/null 2>&1; then
    check svg_is_well_formed xmllint --noout "$T/c.svg"
fi
check svg_says_how_many_undated_events_it_leaves_out grep -q "($undated undated events not drawn)" "$T/c.svg"
check svg_has_axes_labels_and_legend sh -c "grep -q '<polyline' '$T/c.svg' && grep -q '>events</text>' '$T/c.svg' && grep -q 'mean Goldstein' '$T/c.svg' && grep -q '>2023-10-11</text>' '$T/c.svg' && grep -q '>4 material conflict</text>' '$T/c.svg'"
# one point per day from the first event (2023-10-11) to the last (2024-06-26): 260
points=$(grep -m1 '<polyline' "$T/c.svg" | sed 's/.*points="//; s/".*//' | wc -w)
check svg_fills_periods_without_events test "$points" -eq 260

# export
"$H" export --db "$DB" --format gdelt >"$T/g.tsv" 2>"$T/e"
check export_gdelt_has_rows test -s "$T/g.tsv"
check export_gdelt_has_61_columns sh -c "awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' '$T/g.tsv'"
check export_gdelt_column_types sh -c "awk -F'\t' 'function num(v, n) { return v ~ /^[0-9]+\$/ && (n == 0 || length(v) == n) }
    !num(\$1, 0) || !num(\$2, 8) || !num(\$3, 6) || !num(\$4, 4) || \$5 !~ /^[0-9][0-9][0-9][0-9]\\.[0-9][0-9][0-9][0-9]\$/ ||
    !num(\$27, 0) || !num(\$29, 2) || \$30 !~ /^[1-4]\$/ || \$31 !~ /^-?[0-9]+(\\.[0-9]+)?\$/ ||
    !num(\$32, 0) || !num(\$33, 0) || !num(\$34, 0) || !num(\$60, 14) { bad = 1 } END { exit bad }' '$T/g.tsv'"
check export_gdelt_has_every_event test "$(wc -l <"$T/g.tsv")" -eq "$(q "$DB" 'select count(*) from (select 1 from events group by story, date, source, target, code)')"
check export_gdelt_dates_undated_events_by_their_storage_day sh -c "awk -F'\t' '\$61 ~ /^nodate-/ { n++; if (\$2 != substr(\$60, 1, 8)) bad = 1 } END { exit bad || n != $undated }' '$T/g.tsv'"
check export_gdelt_reports_undated_events grep -qxF "herodotus export: $undated events have no date: their SQLDATE, MonthYear, Year and FractionDate are the day they were stored (DATEADDED)" "$T/e"
check export_gdelt_counts_reprints sh -c "awk -F'\t' '\$6 == \"RUSGOV\" && \$16 == \"CHN\" && \$27 == \"051\" && \$34 == 2 && \$33 == 2 { found = 1 } END { exit !found }' '$T/g.tsv'"
"$H" export --db "$DB" --format csv >"$T/x.csv"
check export_csv_has_every_event test "$(tail -n +2 "$T/x.csv" | wc -l)" -ge "$(q "$DB" 'select count(*) from events')"
check stored_events_carry_their_plover_category test "$(q "$DB" "select plover from events where code = '042' limit 1")" = CONSULT
check query_csv_has_a_plover_column sh -c "'$H' query --db '$DB' --format csv | head -1 | grep -q ',event,plover,'"
"$H" export --db "$DB" --format jsonl >"$T/x.jsonl"
check export_jsonl_has_plover grep -q '"plover":"CONSULT"' "$T/x.jsonl"
check export_jsonl_one_object_per_event test "$(grep -c '^{"id":' "$T/x.jsonl")" -eq "$(q "$DB" 'select count(*) from events')"

# migration from version 1
V1="$T/v1.db"
sqlite3 "$V1" "CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT, pubdate TEXT, place TEXT, content_hash TEXT NOT NULL UNIQUE, ingested_at TEXT NOT NULL DEFAULT 'x');
CREATE TABLE sentences(doc INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE TABLE events(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, sentence INTEGER NOT NULL, date TEXT, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL, source_text TEXT, target_text TEXT, verb_text TEXT, place TEXT, rule TEXT);
INSERT INTO documents VALUES(1,'old',NULL,NULL,NULL,'2020-01-01',NULL,'abc','x');
INSERT INTO sentences VALUES(1,0,'Ardania fired rockets at Belmoria.');
INSERT INTO events VALUES(1,1,0,'2020-01-01','AAA','BBB','195','19',4,-10.0,'Ardania','Belmoria','fired rockets','Belmoria City','subject');
PRAGMA user_version=1;"
"$H" query --db "$V1" >/dev/null 2>"$T/e"; rc=$?
check old_schema_is_reported_to_readers sh -c "[ $rc -eq 1 ] && grep -q 'schema version 1' '$T/e'"
"$H" ingest --quiet --db "$V1" examples/border-clash.txt >/dev/null 2>&1
check migration_reaches_version_20 test "$(q "$V1" 'pragma user_version')" -eq 20
check migration_adds_quotes_the_events_quote_and_authors test "$(q "$V1" "select (select count(*) from sqlite_master where name = 'quotes') || (select count(*) from pragma_table_info('events') where name = 'quote') || (select count(*) from pragma_table_info('documents') where name = 'author')")" = 111
check migration_leaves_old_events_without_a_date_basis test "$(q "$V1" "select quote(date_basis) from events where source = 'AAA'")" = NULL
check migration_keeps_old_events test "$(q "$V1" "select count(*) from events where source = 'AAA'")" -eq 1
check migration_keeps_old_events_words_and_place test "$(q "$V1" "select source_text || '|' || target_text || '|' || verb_text || '|' || place || '|' || quote(place_lat) from events where source = 'AAA'")" = "Ardania|Belmoria|fired rockets|Belmoria City|NULL"
check migration_keeps_old_events_shared_values test "$(q "$V1" "select rule || ' ' || goldstein || ' ' || quad from events where source = 'AAA'")" = "subject -10.0 4"
check migration_keeps_each_code_once test "$(q "$V1" "select count(*) from codes where code = '195'")" -eq 1
# the old event had no name for its code (events stored before version 2): a new event of that code gives it to both
check migrated_code_has_no_name_of_its_own test "$(q "$V1" "select quote(name) from codes where code = '195'")" = NULL
printf '{"id":"air","text":"Russian warplanes bombed rebel positions near Aleppo on Monday, Syrian activists said.","date":"2024-05-07"}\n' >"$T/air.jsonl"
"$H" ingest --quiet --db "$V1" "$T/air.jsonl" >/dev/null 2>&1
check a_new_event_names_a_code_stored_without_a_name test "$(q "$V1" "select count(distinct event) || ' ' || min(event) from events where code = '195'")" = "1 Employ aerial weapons"
check migration_gives_old_events_their_plover_category test "$(q "$V1" "select plover from events where source = 'AAA'")" = ASSAULT
check migration_sums_old_events_into_the_rollups test "$(rollup_off "$V1")" -eq 0
check migration_indexes_old_sentences test "$(q "$V1" "select count(*) from sentences_fts where sentences_fts match 'rockets'")" -eq 1
check migration_compresses_bodies test "$(q "$V1" "select count(*) from documents where typeof(body) = 'text' and length(body) > 400")" -eq 0
check migration_reads_old_sentences_from_the_body sh -c "'$H' query --db '$V1' --source AAA --format jsonl | grep -qF '\"text\":\"Ardania fired rockets at Belmoria.\"'"
printf '{"id":"old","text":"Ardania thanked Belmoria on Monday.","date":"2020-01-06"}\n' >"$T/old.jsonl"
"$H" ingest --quiet --replace --db "$V1" "$T/old.jsonl" >/dev/null 2>&1
check migrated_document_replaced_leaves_the_full_text_index test "$(q "$V1" "select count(*) from sentences_fts where sentences_fts match 'rockets'")" -eq 0
check migrated_full_text_index_is_sound q "$V1" "insert into sentences_fts(sentences_fts) values('integrity-check')"
check migrated_full_text_index_holds_each_sentence_once_a_month test "$(fts_months "$V1")" -eq "$(sent_months "$V1")"
check migrated_full_text_index_finds_old_sentences_by_month test "$(q "$V1" "select count(*) from sentences_fts where sentences_fts match $(mon 202001)")" -eq 0

# where events happened: stored, filtered by country and distance, exported as GDELT's geography
check stored_events_have_a_place test "$(q "$DB" "select count(*) from events where place_how is null or (place_how != 'none') != (place_country is not null and place_lat is not null)")" -eq 0
"$H" query --db "$DB" --country KEN --limit 0 --format csv >"$T/o" 2>"$T/e"
check query_country_keeps_that_countrys_places sh -c "[ \$(tail -n +2 '$T/o' | wc -l) -gt 0 ] && ! tail -n +2 '$T/o' | grep -v ',KEN,[a-z]*\$'"
"$H" query --db "$DB" --near 39.9,116.4,50 --limit 0 --format csv >"$T/o" 2>"$T/e"
check query_near_keeps_places_within_the_distance sh -c "[ \$(tail -n +2 '$T/o' | wc -l) -gt 0 ] && ! tail -n +2 '$T/o' | grep -v ',Beijing,CHN,'"
"$H" query --db "$DB" --near 39.9,116.4,5000 --country KEN --limit 0 --format csv >"$T/o" 2>"$T/e"
check query_near_and_country_together test "$(tail -n +2 "$T/o" | wc -l)" -eq 0
"$H" query --db "$DB" --near 91,0,10 >"$T/o" 2>"$T/e"; rc=$?
check query_near_out_of_range_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'LAT,LON,KM' '$T/e'"
"$H" query --db "$DB" --country Kenya >"$T/o" 2>"$T/e"; rc=$?
check query_country_name_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'three-letter code' '$T/e'"
"$H" export --db "$DB" --format gdelt >"$T/o" 2>"$T/e"
check gdelt_export_fills_the_action_geography awk -F'\t' '$27 == "042" && $52 == 1 && $53 == "China" && $54 == "CN" && $57 != "" { ok = 1 } END { exit !ok }' "$T/o"
# two events of one key placed in two cities: the row's place is its first event's, whole (not the least of each field)
printf '{"id":"two-cities","text":"Kenyan police arrested dozens of protesters in Nairobi on Monday. Kenyan police also arrested protesters in Mombasa on Monday, witnesses said.","date":"2024-05-07"}\n' >"$T/two.jsonl"
"$H" ingest --quiet --db "$T/two.db" "$T/two.jsonl" >/dev/null 2>&1
check gdelt_row_of_two_places_is_placed_by_its_first_event sh -c "[ \"\$('$H' export --db '$T/two.db' --format gdelt | cut -f 32,53,57,58)\" = '2	Nairobi, Nairobi Area, Kenya	-1.2833	36.8167' ]"
check gdelt_export_gives_a_citys_full_name awk -F'\t' '$52 == 4 && $53 ~ /^Nairobi, .*Kenya$/ && $54 == "KE" { ok = 1 } END { exit !ok }' "$T/o"
check gdelt_export_fills_the_actors_country_geography awk -F'\t' '$6 == "RUSGOV" && $36 == 1 && $38 == "RU" && $41 != "" { ok = 1 } END { exit !ok }' "$T/o"

# an article not in English is stored with its language, not coded, and counted in the summary
printf '{"id":"fr1","date":"2024-05-14","text":"La police a dispersé mardi des milliers de manifestants dans la capitale, a indiqué le ministère de l’Intérieur, alors que les dirigeants de l’opposition réclamaient de nouvelles élections après le scrutin contesté. Les manifestants ont promis de revenir chaque soir jusqu’à la publication des résultats complets."}\n{"id":"en1","date":"2024-05-14","text":"Kenyan police fired tear gas at protesters in Nairobi on Tuesday, the interior ministry said, as thousands marched against a finance bill that the opposition says would raise the cost of living."}\n' >"$T/lang.jsonl"
"$H" ingest --db "$T/lang.db" "$T/lang.jsonl" >"$T/o" 2>"$T/e"; rc=$?
check ingest_stores_a_french_article_with_its_language_uncoded sh -c "[ $rc -eq 0 ] && [ \"\$(sqlite3 '$T/lang.db' \"select language || ':' || (select count(*) from events e where e.doc = d.id) from documents d where doc_id = 'fr1'\")\" = fr:0 ]"
check ingest_codes_the_english_one test "$(q "$T/lang.db" "select count(*) from events e join documents d on d.id = e.doc where d.doc_id = 'en1' and d.language = 'en'")" -gt 0
check ingest_counts_documents_by_language grep -q 'ingest: 1 document is not in English (fr 1): stored with their language, not coded' "$T/e"

# a web page is stored with its title, author, canonical URL and date
printf '<html><head><title>Talks resume | Daily</title><meta name="author" content="Jane Doe"><link rel="canonical" href="https://example.org/t"><meta property="article:published_time" content="2024-06-11T09:00:00Z"></head><body><article><p>Iran is ready to resume talks with France, the foreign minister said on Monday.</p></article></body></html>' >"$T/p.html"
"$H" ingest --quiet --db "$T/p.db" "$T/p.html" >/dev/null 2>&1
check ingest_stores_a_pages_metadata test "$(q "$T/p.db" "select title || '|' || author || '|' || url || '|' || pubdate from documents")" = "Talks resume|Jane Doe|https://example.org/t|2024-06-11"

# quotes are stored with their speaker and via; query --speaker / --via list them
QDB="$T/quotes.db"
printf 'Date: 2024-05-14\n\nSergei Lavrov arrived in Beijing on Monday.\n\n"We thank our Chinese partners for their support," he told RIA Novosti, according to TASS.\n\n"The talks went well," Kremlin spokesman Dmitry Peskov said in a post on Telegram.\n' >"$T/q.txt"
"$H" ingest --quiet --db "$QDB" "$T/q.txt" >/dev/null 2>&1
check ingest_stores_quotes_with_speaker_and_via test "$(q "$QDB" "select q.speaker || '|' || q.speaker_code || '|' || q.speaker_how || '|' || (select group_concat(name, ';') from (select name from quote_via v where v.quote = q.id order by pos)) from quotes q where n = 1")" = "Sergei Lavrov|RUSGOV|pronoun|RIA Novosti;TASS"
check ingest_stores_the_quote_of_an_event test "$(q "$QDB" "select count(*) from events e join quotes q on q.doc = e.doc and q.n = e.quote where e.code = '051' and e.source = 'RUSGOV'")" -eq 1
"$H" query --db "$QDB" --speaker RUS --format jsonl >"$T/o" 2>"$T/e"
check query_speaker_by_code_lists_both_quotes test "$(grep -c '"speaker_code":"RUSGOV"' "$T/o")" -eq 2
"$H" query --db "$QDB" --speaker peskov --format jsonl >"$T/o" 2>"$T/e"
check query_speaker_by_name_any_case sh -c "[ \$(wc -l <'$T/o') -eq 1 ] && grep -q '\"speaker\":\"Dmitry Peskov\".*\"via\":\"Telegram\"' '$T/o'"
"$H" query --db "$QDB" --via tass --format jsonl >"$T/o" 2>"$T/e"
check query_via_an_outlet_any_case sh -c "[ \$(wc -l <'$T/o') -eq 1 ] && grep -q 'We thank our Chinese partners' '$T/o'"
"$H" query --db "$QDB" --via Reuters --format jsonl >"$T/o" 2>"$T/e"
check query_via_an_outlet_never_named_gives_nothing test ! -s "$T/o"
"$H" query --db "$QDB" --speaker RUS --code 042 >"$T/o" 2>"$T/e"; rc=$?
check query_speaker_with_event_filters_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q 'select quotes' '$T/e'"

# a schema version outside those this herodotus knows (negative, or from a
# newer herodotus): every command that opens the store refuses it, names
# the file and the version, and leaves the file as it was
known=$(sed -n 's/^#define STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$(dirname "$0")/../src/store.h")
for v in -5 $((known + 1)); do
    if [ "$v" -lt 0 ]; then kind=negative want="$kind.db: database schema version $v is not one herodotus knows (1..$known)"
    else kind=too_new want="$kind.db: database schema version $v was written by a newer herodotus (this one knows 1..$known)"; fi
    sqlite3 "$T/orig.db" "CREATE TABLE t(x); PRAGMA user_version=$v;"
    for cmd in "ingest --quiet examples/border-clash.txt" "query --limit 0" "stats --by month" "export --format gdelt"; do
        cp "$T/orig.db" "$T/$kind.db"
        set -- $cmd
        c=$1; shift
        "$H" "$c" --db "$T/$kind.db" "$@" >"$T/o" 2>"$T/e"; rc=$?
        if [ $rc -eq 1 ] && grep -qF "$want" "$T/e" && cmp -s "$T/orig.db" "$T/$kind.db" && [ ! -s "$T/$kind.db-wal" ]; then
            ok "schema_version_${kind}_refused_by_$c"
        else
            bad "schema_version_${kind}_refused_by_$c" "exit $rc: $(cat "$T/e")"
        fi
        rm -f "$T/$kind.db" "$T/$kind.db-wal" "$T/$kind.db-shm"
    done
    rm -f "$T/orig.db"
done

# kill -9 in the middle of an ingest, concurrent reads, and a re-run that finishes
if [ -x build/gencorpus ]; then
    ./build/gencorpus 12 7 >"$T/big.jsonl"
    total=$(wc -l <"$T/big.jsonl")
    K="$T/k.db"
    "$H" ingest --quiet --db "$K" "$T/big.jsonl" >/dev/null 2>&1 &
    pid=$!
    reads=0 readfail=0
    i=0
    while [ $i -lt 100 ]; do
        sleep 0.1
        if [ -f "$K" ]; then
            if "$H" stats --db "$K" --top codes --limit 1 --format csv >/dev/null 2>"$T/re"; then reads=$((reads + 1));
            elif ! grep -q 'not a herodotus database' "$T/re"; then readfail=$((readfail + 1)); cat "$T/re"; fi
        fi
        [ "$(q "$K" 'select count(*) from documents' 2>/dev/null || echo 0)" -ge 1024 ] && break
        i=$((i + 1))
    done
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
    check concurrent_reads_during_ingest_succeed sh -c "[ $reads -gt 0 ] && [ $readfail -eq 0 ]"
    check killed_database_passes_integrity_check test "$(q "$K" 'pragma integrity_check')" = ok
    got=$(q "$K" 'select count(*) from documents')
    check killed_ingest_was_killed_midway test "$got" -lt "$total"
    check killed_ingest_kept_whole_batches test $((got % 1024)) -eq 0
    check killed_ingest_left_no_half_document test "$(q "$K" 'select count(*) from documents where body is null or sentence_spans is null')" -eq 0
    check killed_ingest_left_the_full_text_index_its_sentences test "$(fts_off "$K")" -eq 0
    check killed_ingest_left_each_sentence_in_the_full_text_index_once_a_month test "$(fts_months "$K")" -eq "$(sent_months "$K")"
    check killed_ingest_left_rollups_that_sum_its_events test "$(rollup_off "$K")" -eq 0
    check killed_ingest_left_no_orphan_event test "$(q "$K" 'select count(*) from events e where not exists (select 1 from documents d where d.id = e.doc)')" -eq 0
    "$H" ingest --quiet --db "$K" "$T/big.jsonl" >/dev/null 2>&1
    check rerun_finishes_the_job test "$(q "$K" 'select count(*) from documents')" -eq "$total"
    # --batch 300: a killed ingest keeps whole batches of 300
    K3="$T/k300.db"
    "$H" ingest --quiet --jobs 1 --batch 300 --db "$K3" "$T/big.jsonl" >/dev/null 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 100 ] && [ "$(q "$K3" 'select count(*) from documents' 2>/dev/null || echo 0)" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
    got=$(q "$K3" 'select count(*) from documents')
    check killed_ingest_with_batch_300_kept_whole_batches_of_300 sh -c "[ $got -ge 300 ] && [ $got -lt $total ] && [ $((got % 300)) -eq 0 ]"
    # a word in most sentences: its pages walk the rollup by date, testing
    # each day's events against the full-text index; the same as sorting all
    for d in oneaday none; do
        "$H" query --db "$K" --text the --dedup $d --limit 0 --format csv 2>/dev/null | tail -n +2 >"$T/all"
        "$H" query --db "$K" --text the --dedup $d --limit 40 --format csv 2>"$T/pe" | tail -n +2 >"$T/p"
        next=$(sed -n 's/.*the next page: \(--after [^ ]*\)$/\1/p' "$T/pe")
        "$H" query --db "$K" --text the --dedup $d --limit 40 --format csv $next 2>/dev/null | tail -n +2 >>"$T/p"
        check "query_text_pages_of_a_common_word_walk_in_order_dedup_$d" sh -c "[ \$(wc -l <'$T/all') -gt 1000 ] && head -n 80 '$T/all' | cmp -s - '$T/p'"
    done
    # no actors: pages read the rollup a month at a time by its key, sorted
    # as read (version 15 has no index by date), the events of the rows up
    # to the page-th row's day only: the same as sorting all
    for f in "" "--dedup none" "--dedup none --quad 3,4" "--dedup none --since 2001-01-15"; do
        name=$(echo "$f" | tr -c 'a-zA-Z0-9\n' _ | tr -s _)
        "$H" query --db "$K" --limit 0 --format csv $f 2>/dev/null | tail -n +2 >"$T/all"
        : >"$T/p"; after=""
        for k in 1 2 3; do
            "$H" query --db "$K" --limit 40 --format csv $after $f 2>"$T/pe" | tail -n +2 >>"$T/p"
            after=$(sed -n 's/.*the next page: \(--after [^ ]*\)$/\1/p' "$T/pe")
        done
        check "query_pages_without_actors_walk_in_order${name%_}" sh -c "[ \$(wc -l <'$T/all') -gt 1000 ] && head -n 120 '$T/all' | cmp -s - '$T/p'"
    done
    # versions 17, 19: the events' index by day keys it as a number; a rollup row's events are found by it
    check events_day_index_keys_the_day_as_a_number test "$(q "$K" "select count(*) from sqlite_master where name in ('events_day', 'events_place') and sql like '%(day, source%' or sql like '%(place_country, day)%'")" -eq 2
    check events_day_index_serves_a_rollup_rows_events test "$(q "$K" "explain query plan select x.id from event_days e join events x
        on x.day = e.day and x.source = e.source and x.target = e.target
        and x.code = e.code where e.ym = (select min(ym) from months)" | grep -c 'INDEX events_day (day=? AND source=? AND target=? AND code=?)')" -eq 1
    check rollup_has_no_index_by_date test "$(q "$K" "select count(*) from sqlite_master where name = 'event_days_date'")" -eq 0
    # the progress line: on a terminal only, with rates and an ETA
    if command -v script >/dev/null 2>&1; then
        script -qc "'$H' ingest --db '$T/pr.db' '$T/big.jsonl'" /dev/null >"$T/pr" 2>&1
        check progress_line_on_a_terminal sh -c "tr '\\r' '\\n' <'$T/pr' | grep -q 'documents ([0-9]*/s), [0-9]* events ([0-9]*/s), [0-9]* s elapsed, ETA [0-9]* s'"
        rm -f "$T/pr.db"
        script -qc "'$H' ingest --quiet --db '$T/pr.db' '$T/big.jsonl'" /dev/null >"$T/pr" 2>&1
        check quiet_ingest_prints_nothing test ! -s "$T/pr"
    fi
    "$H" ingest --db "$T/pr2.db" examples/border-clash.txt >"$T/pr" 2>&1
    check no_progress_line_when_not_a_terminal sh -c "! grep -q \"\$(printf '\\r')\" '$T/pr'"
    # Ctrl-C: stops after the current document, commits, says how to go on
    C="$T/c.db"
    "$H" ingest --quiet --db "$C" "$T/big.jsonl" >/dev/null 2>"$T/ce" &
    pid=$!
    i=0
    while [ $i -lt 100 ] && [ "$(q "$C" 'select count(*) from documents' 2>/dev/null || echo 0)" -lt 1024 ]; do sleep 0.1; i=$((i + 1)); done
    kill -INT $pid; wait $pid; rc=$?
    check ctrl_c_exits_130_with_a_message sh -c "[ $rc -eq 130 ] && grep -q 'interrupted' '$T/ce'"
    check ctrl_c_leaves_a_sound_database test "$(q "$C" 'pragma integrity_check')" = ok
    check ctrl_c_stored_part_of_the_input test "$(q "$C" 'select count(*) from documents')" -lt "$total"
    "$H" ingest --quiet --db "$C" "$T/big.jsonl" >/dev/null 2>&1
    check ctrl_c_rerun_finishes_the_job test "$(q "$C" 'select count(*) from documents')" -eq "$total"
else
    echo "skip kill_and_concurrency: build/gencorpus not built"
fi

# Batches: 1,500 articles in one long batch (--batch 5000), whose events
# the writer adds to the rollups a thousand documents at a time
# (store_settle, once 1,024 documents wait), and in batches of one: the
# same store as batches of the default size (but for the packed bodies: the
# dictionary is trained at the first commit past 1,000 documents, on what
# the store holds then), rollups equal to the events
awk 'BEGIN { for (i = 1; i <= 1500; i++)
    printf "{\"id\":\"b%d\",\"date\":\"2024-0%d-1%d\",\"text\":\"Police in Nairobi arrested %d protesters on Tuesday. China praised Russia on day %d. Kenya accused Uganda of sending %d troops.\"}\n", i, i % 9 + 1, i % 10, i, i, i % 50 }' >"$T/b1500.jsonl"
for b in default 5000 1; do
    if [ $b = default ]; then set --; else set -- --batch $b; fi
    "$H" ingest --quiet --jobs 1 "$@" --db "$T/batch-$b.db" "$T/b1500.jsonl" 2>"$T/batch-$b.err"
    dump "$T/batch-$b.db" | awk -F'|' -v OFS='|' 'NR <= 1500 { $11 = "" } 1' >"$T/batch-$b.dump"
done
check a_long_batch_settled_a_thousand_documents_at_a_time_stores_what_default_batches_do sh -c "[ \$(grep -c . '$T/batch-default.dump') -gt 4500 ] && cmp -s '$T/batch-default.dump' '$T/batch-5000.dump'"
check a_long_batch_keeps_its_rollups_equal_to_its_events test "$(rollup_off "$T/batch-5000.db")" -eq 0
check batches_of_one_document_store_what_default_batches_do cmp -s "$T/batch-default.dump" "$T/batch-1.dump"

echo "store: $pass passed, $failn failed"
[ $failn -eq 0 ]
