# Shared by the shell test scripts: a scratch directory $T removed on exit,
# and the counters behind each script's "NAME: N passed, M failed" line.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 failn=0
ok()    { pass=$((pass + 1)); echo "ok   $1"; }
bad()   { failn=$((failn + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "     $2"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# every row of a store that one ingest and a merge of its parts must share
# (all but when each document was stored), in one order
dump() {
    sqlite3 "$1" "select id, doc_id, url, source, title, pubdate, place, content_hash, story, hex(signature), hex(body), sentence_spans, author, language from documents order by id;
        select * from events order by id; select * from quotes order by id; select * from quote_via order by quote, pos;
        select * from event_days order by sc, tc, date, source, target, code; select * from day_totals order by date, root, quad;
        select * from pair_totals order by source, target; select * from code_totals order by code;
        select * from doc_bands order by week, band, hash, doc; select rowid from sentences_fts order by rowid;
        select rowid from sentences_fts where sentences_fts match 'said' order by rowid"
}
