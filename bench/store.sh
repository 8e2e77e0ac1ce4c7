#!/bin/sh
# make bench-store: the SQLite store as an archive grows (a benchmark, not a
# test; about fifteen minutes and 12 GB of disk at the default size).
#
# Articles of the realistic generator in the archive's shape (countries
# drawn by a Zipf law so that some dyads are busy; bench/genreal.c) are
# coded and stored by `herodotus ingest`, a year of news after another from
# 2000 on (as an archive is kept: day by day, or a backfill period by
# period; a year is STORE_EVENTS / 25 events), until the store holds
# STORE_EVENTS events (default 10,000,000).  On the way:
# - ingest's rate on a slice of the next year's articles (about 118,000
#   sentences) into the empty store, at half the size and at the full size
#   (the best of five slices, one after another: a single run's rate
#   varies by a quarter on this shared machine, even coding alone's); at
#   half and full size each slice also goes into a new empty store just
#   before, so that the ratio compares rates measured side by side (the
#   machine's speed drifts over the quarter of an hour between the first
#   measure and the last);
# - at a tenth of the size and at the full size, the whole command's time
#   (best of three) of: stats --by month, unfiltered and for the busiest
#   dyad both ways; query's first page (100 events) of that dyad, of a
#   full-text query, and of an actor + root + dates filter;
# - bytes per event (the database file after a checkpoint, all included).
# Then each figure at 100 million events, extrapolated along the line
# through the two sizes measured (for ingest, the time a sentence takes).
# usage: sh bench/store.sh   (from the project's root, after make)
set -e
H=./build/herodotus
G=./build/genreal
FULL=${STORE_EVENTS:-10000000}
HALF=$((FULL / 2))
FIRST=$((FULL / 10))
DB=build/bench-store.db
SLICES=build/bench-store-slice
EMPTY=build/bench-store-empty.db
for f in "$H" "$G"; do
    [ -x "$f" ] || { echo "bench-store: $f is not built (make first)"; exit 1; }
done
rm -f "$DB" "$DB-wal" "$DB-shm"

events() { if [ -f "$DB" ]; then sqlite3 "$DB" "SELECT coalesce(sum(n), 0) FROM day_totals"; else echo 0; fi; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

YEAR_EVENTS=$((FULL / 25))
YEAR_MB=$((YEAR_EVENTS / 3400 + 1))   # the generator's articles hold about 3,500 events a megabyte
year=2000
# ingest the file $1 of $3 sentences into the database $2 (timed): its sentences/s
rate() {
    t0=$(now_ms)
    "$H" ingest --quiet --db "$2" "$1"
    t1=$(now_ms)
    awk -v n="$3" -v ms=$((t1 - t0)) 'BEGIN { printf "%.0f", n * 1000 / ms }'
}
# ingest a slice of the next year's articles: "RATE SENTENCES [EMPTY]", its
# sentences/s into the store and, with $2 set, into a new empty store first
slice() {
    f="$SLICES-$1.jsonl"
    "$G" bench/realistic 20 $((700 + $1)) "$year-$year" "slice$1" >"$f"
    n=$("$H" code --jobs 1 --stats --format tsv "$f" 2>&1 >/dev/null | sed -n 's/^[0-9]* documents, \([0-9]*\) sentences.*/\1/p')
    e=""
    if [ -n "$2" ]; then
        rm -f "$EMPTY" "$EMPTY-wal" "$EMPTY-shm"
        e=$(rate "$f" "$EMPTY" "$n")
        rm -f "$EMPTY" "$EMPTY-wal" "$EMPTY-shm"
    fi
    echo "$(rate "$f" "$DB" "$n") $n $e"
    rm -f "$f"
}
# grow the store to $1 events, a year of news at a time
grow() {
    while [ "$(events)" -lt "$1" ]; do
        "$G" bench/realistic "$YEAR_MB" "$year" "$year-$year" "y$year" | "$H" ingest --quiet --db "$DB" -
        year=$((year + 1))
    done
}
best() {   # the best of three runs of a command, in ms
    b=""
    for k in 1 2 3; do
        t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms)
        ms=$((t1 - t0))
        [ -z "$b" ] || [ "$ms" -lt "$b" ] && b=$ms
    done
    echo "$b"
}
# the busiest dyad of countries (the rollup's rows: every event counted)
busiest() {
    sqlite3 "$DB" "SELECT sc || ':' || tc FROM event_days
      WHERE sc != tc AND sc GLOB '[A-Z][A-Z][A-Z]' AND tc GLOB '[A-Z][A-Z][A-Z]'
        AND sc NOT IN ('IGO', 'NGO', 'IMG', 'GOV', 'MIL', 'COP', 'OPP', 'REB', 'MED', 'BUS', 'CVL', 'LEG', 'JUD', 'EDU')
        AND tc NOT IN ('IGO', 'NGO', 'IMG', 'GOV', 'MIL', 'COP', 'OPP', 'REB', 'MED', 'BUS', 'CVL', 'LEG', 'JUD', 'EDU')
      GROUP BY sc, tc ORDER BY sum(n) DESC LIMIT 1"
}
# the five reads at the store's present size, one line each: NAME MS
reads() {
    dyad=$(busiest)
    a=${dyad%%:*}
    echo "stats_month $(best "$H" stats --db "$DB" --by month --format csv)"
    echo "stats_month_dyad $(best "$H" stats --db "$DB" --by month --dyad "$dyad" --both-ways --format csv)"
    echo "page_dyad $(best "$H" query --db "$DB" --dyad "$dyad" --both-ways --limit 100 --format csv)"
    echo "page_text $(best "$H" query --db "$DB" --text "talks" --limit 100 --format csv)"
    echo "page_actor_root_dates $(best "$H" query --db "$DB" --actor "$a" --root 19 --since $((year - 3))-01-01 --until $((year - 2))-12-31 --limit 100 --format csv)"
    # the worst cases of the plans: a word in as many sentences as query
    # takes to switch from sorting them to walking the dates (sqrt(45 N),
    # query.c: reader_walk), and a country of middling news in either role
    word=$(crossover_word)
    mid=$(middling_actor)
    echo "page_text_crossover $(best "$H" query --db "$DB" --text "${word%% *}" --limit 100 --format csv)"
    echo "page_actor_middling $(best "$H" query --db "$DB" --actor "$mid" --limit 100 --format csv)"
    echo "dyad $dyad"
    echo "word $word"
    echo "actor $mid"
}
# the word (and its sentences) nearest sqrt(45 N) sentences
crossover_word() {
    sqlite3 "$DB" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, sentences_fts, row);
      SELECT term || ' ' || doc FROM temp.v WHERE term GLOB '[a-z][a-z][a-z]*'
      ORDER BY abs(doc - sqrt(45.0 * (SELECT max(id) FROM events))) LIMIT 1"
}
# the tenth country by events, as source or target
middling_actor() {
    sqlite3 "$DB" "SELECT c FROM (SELECT sc AS c, sum(n) AS n FROM dyad_months GROUP BY sc
      UNION ALL SELECT tc, sum(n) FROM dyad_months GROUP BY tc)
      WHERE c GLOB '[A-Z][A-Z][A-Z]' AND c NOT IN ('IGO', 'NGO', 'IMG', 'GOV', 'MIL', 'COP', 'OPP', 'REB', 'MED', 'BUS', 'CVL', 'LEG', 'JUD', 'EDU')
      GROUP BY c ORDER BY sum(n) DESC LIMIT 1 OFFSET 9"
}
size() {
    sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    awk -v b="$(stat -c %s "$DB")" -v n="$(events)" 'BEGIN { printf "%.0f", b / n }'
}

# grow to $1 events, then time five slices (5 * $2 ...), with $3 set each
# into a new empty store too: sets n (the events before them), r (the
# fastest slice's sentences/s), s (its sentences) and e (the fastest into
# an empty store)
ingest_at() {
    grow "$1"
    n=$(events)
    r=0 e=0 first=$(($2 * 5)) pair=$3
    for j in 0 1 2 3 4; do
        set -- $(slice $((first + j)) "$pair")
        if [ "$1" -gt "$r" ]; then r=$1 s=$2; fi
        if [ -n "$3" ] && [ "$3" -gt "$e" ]; then e=$3; fi
    done
}
# what ingest_at measured at a size, in words
said() {
    printf '%s sentences/s (%s sentences)' "$r" "$s"
    [ "$e" = 0 ] || awk -v a="$r" -v b="$e" -v f="$r0" 'BEGIN {
        printf ", %.0f%% of the empty store'"'"'s measured beside it (%d sentences/s; %.0f%% of the first)", 100 * a / b, b, 100 * a / f }'
}
# the reads at the present size into $1, and the bytes an event into b
measure() {
    reads >"$1"
    b=$(size)
    echo "at $(events) events ($b bytes an event):"
    sed 's/^/  /' "$1"
}

T0=$(now_ms)
ingest_at 0 0 ""
r0=$r
echo "ingest into the empty store: $(said)"
grow "$FIRST"
n1=$(events)
measure build/bench-store-1.txt
b1=$b
ingest_at "$HALF" 1 paired
n5=$n r5=$r
echo "ingest at $n5 events (news of $year): $(said)"
ingest_at "$FULL" 2 paired
r10=$r e10=$e
echo "ingest at $n events (news of $year): $(said)"
n10=$(events)
measure build/bench-store-10.txt
b10=$b
echo "at 100,000,000 events (extrapolated):"
join build/bench-store-1.txt build/bench-store-10.txt | grep -v '^dyad\|^word\|^actor' | while read -r name m1 m10; do
    awk -v n="$name" -v a="$m1" -v b="$m10" -v x1="$n1" -v x2="$n10" 'BEGIN {
        v = b + (b - a) * (1e8 - x2) / (x2 - x1); if (v < b) v = b
        printf "  %s %.0f ms\n", n, v }'
done
awk -v a="$r5" -v b="$r10" -v x1="$n5" -v x2="$n10" -v r0="$e10" 'BEGIN {
    t = 1 / b + (1 / b - 1 / a) * (1e8 - x2) / (x2 - x1); if (t < 1 / b) t = 1 / b
    printf "  ingest %.0f sentences/s (%.0f%% of the empty store'"'"'s beside the ten-million one)\n", 1 / t, 100 / t / r0 }'
awk -v a="$b1" -v b="$b10" -v x1="$n1" -v x2="$n10" 'BEGIN {
    v = (b * x2 + (b * x2 - a * x1) * (1e8 - x2) / (x2 - x1)) / 1e8
    printf "  %.0f bytes an event\n", v }'
echo "bench-store: $((($(now_ms) - T0) / 1000)) s"
