# Shared by the shell test scripts: a scratch directory $T removed on exit,
# and the counters behind each script's "NAME: N passed, M failed" line.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 failn=0
ok()    { pass=$((pass + 1)); echo "ok   $1"; }
bad()   { failn=$((failn + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "     $2"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# lines "FIELD|HEX|REST": the second field, a SQLite store's packed sentence
# spans (version 14) in hex, written out as text ("start+length ...")
spans_text() {
    python3 -c '
import sys
for line in sys.stdin:
    head, hx, rest = line.rstrip("\n").split("|", 2)
    b, i, end, out = bytes.fromhex(hx), 0, 0, []
    def var():
        global i
        v = sh = 0
        while True:
            c = b[i]; i += 1; v |= (c & 0x7f) << sh; sh += 7
            if not c & 0x80: return v
    while i < len(b):
        z = var(); n = var()
        o = end - ((z + 1) >> 1) if z & 1 else end + (z >> 1)
        out.append("%d+%d" % (o, n)); end = o + n
    print("|".join((head, " ".join(out), rest)))'
}
# every row of a store that one ingest and a merge of its parts must share
# (all but when each document was stored), in one order
dump() {
    sqlite3 "$1" "select id, doc_id, url, source, title, pubdate, place, content_hash, story, hex(signature), hex(body), hex(sentence_spans), author, language from documents order by id;
        select * from events order by id; select * from quotes order by id; select * from quote_via order by quote, pos;
        select * from event_days order by sc, tc, day, source, target, code; select * from day_totals order by date, root, quad;
        select * from pair_totals order by source, target; select * from code_totals order by code;
        select * from doc_bands order by week, band, hash, doc;
        create virtual table temp.vi using fts5vocab(main, sentences_fts, instance); select term, doc from temp.vi order by term, doc"
}
