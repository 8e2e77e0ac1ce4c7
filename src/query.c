/* query.c - filters over the event store, and `herodotus query` */
#include "query.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cameo.h"
#include "dates.h"
#include "pipeline.h"
#include "rows.h"
#include "store.h"


static const char USAGE[] =
    "usage: herodotus query --db FILE [filters] [--dedup oneaday|none] [--limit N]\n"
    "                       [--format table|csv|jsonl]\n"
    "\n"
    "Print the stored events that pass every filter, oldest first, undated ones last.\n"
    "\n"
    "filters:\n"
    "  --actor CODE      CODE as source or target; a prefix (RUS matches RUSGOV)\n"
    "  --source CODE     as source (prefix)\n"
    "  --target CODE     as target (prefix)\n"
    "  --dyad A:B        A acting on B (prefixes); --both-ways adds B on A\n"
    "  --code C[,C...]   CAMEO codes (any number of them)\n"
    "  --root R[,R...]   CAMEO root categories (\"19\")\n"
    "  --quad Q[,Q...]   quad classes 1-4\n"
    "  --since DATE      on or after YYYY-MM-DD\n"
    "  --until DATE      on or before YYYY-MM-DD\n"
    "  --text WORDS      events in sentences holding all these words (full-text)\n"
    "  --country CODE    events that happened in a country (ISO 3166 alpha-3: UKR)\n"
    "  --near LAT,LON,KM events that happened within KM kilometres of a point\n"
    "  --dedup MODE      oneaday (default: identical date, source, target, code\n"
    "                    counted once) or none\n"
    "  --limit N         at most N events (default 100; 0 for all)\n"
    "  --after DATE/ID   the page after the one that ended there (a full page\n"
    "                    says on stderr where it ended: --after 2024-04-08/1234)\n"
    "\n"
    "quotes (herodotus quotes; stored by ingest): with either of these, query\n"
    "prints the quotes that pass them and --since, --until, --text, --limit:\n"
    "  --speaker WHO     quotes by an actor code (prefix: RUS matches RUSGOV) or a\n"
    "                    speaker whose name holds WHO (\"Lavrov\")\n"
    "  --via OUTLET      quotes relayed through an outlet, platform or account\n"
    "                    whose name starts with OUTLET (any case: \"interfax\", \"X\")\n";

/* SQLite binds at most 32,766 values in a statement (its default limit) */
enum { MAX_VALUES = 32000 };

/* The full-text index of the sentences with events, aliased f, under
 * their first event's id: SQLite's FTS5 table, or PostgreSQL's sentences
 * and their GIN index; the words (?N) as FTS5's quoted phrases, which
 * PostgreSQL's web search syntax reads as phrases too */
#define FTS_TABLE(pg) ((pg) ? "sentences f" : "sentences_fts f")
#define FTS_ID(pg) ((pg) ? "f.id" : "f.rowid")
#define FTS_MATCH(pg) \
    ((pg) ? "to_tsvector('simple', f.text) @@ websearch_to_tsquery('simple', ?%d)" : "f.sentences_fts MATCH hd_terms(?%d)")
/* SQLite's index keeps no positions (store.c: version 18): a word of
 * several tokens ("al-Assad") is found as its tokens, and the sentence of
 * event s read again for them side by side (two ?%d: the words) */
#define FTS_RUNS(s)                                                                                               \
    "CASE WHEN hd_runs(?%d) THEN hd_has_runs((SELECT hd_sentence(d.body, d.sentence_spans, " s ".sentence)"       \
    " FROM documents d WHERE d.id = " s ".doc), ?%d) ELSE 1 END"

/* Add a copy of s[0..len) as the next value; returns its number (?N). */
static int param_add(Params *p, const char *s, size_t len)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = realloc(p->v, (size_t)p->cap * sizeof *p->v);
        if (!p->v) abort();
    }
    char *c = malloc(len + 1);
    if (!c) abort();
    memcpy(c, s, len);
    c[len] = '\0';
    p->v[p->n++] = c;
    return p->n;
}

void params_free(Params *p)
{
    for (int i = 0; i < p->n; i++) free((void *)p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static int valid_code(const char *c)
{
    if (!*c || strlen(c) > 60) return 0;
    for (; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '-' && *c != '/' && *c != '"' && *c != ' ') return 0;
    return 1;
}

/* prefix P as the range [P, P+1) so that indexes serve it */
static void prefix_range(Buf *w, const char *col, const char *p, Params *vals)
{
    size_t l = strlen(p);
    int lo = param_add(vals, p, l), hi = param_add(vals, p, l);
    char *h = (char *)vals->v[hi - 1];
    h[l - 1] = (char)(h[l - 1] + 1);
    buf_printf(w, "(%s >= ?%d AND %s < ?%d)", col, lo, col, hi);
}

/* An actor code prefix on role "source" or "target": as the equality of
 * the code's country (its first three letters: e.sc, e.tc, which the
 * store's indexes lead with) and a range within it, or for a prefix of
 * fewer letters as a range of countries. */
static void actor_prefix(Buf *w, const char *role, const char *p, Params *vals)
{
    char cc[8], col[16];
    snprintf(cc, sizeof cc, "e.%cc", role[0]);
    snprintf(col, sizeof col, "e.%s", role);
    size_t l = strlen(p);
    if (l < 3) {
        prefix_range(w, cc, p, vals);
        return;
    }
    buf_printf(w, "(%s = ?%d", cc, param_add(vals, p, 3));
    if (l > 3) {
        buf_puts(w, " AND ");
        prefix_range(w, col, p, vals);
    }
    buf_putc(w, ')');
}

/* events from actors under prefix src to actors under prefix tgt */
static void dyad_range(Buf *w, const char *src, const char *tgt, Params *vals)
{
    buf_puts(w, "(");
    actor_prefix(w, "source", src, vals);
    buf_puts(w, " AND ");
    actor_prefix(w, "target", tgt, vals);
    buf_puts(w, ")");
}

/* col IN (?a,?b,...) for a comma-separated list of any length: "051,042";
 * -1 (msg) when it holds no value */
static int in_list(Buf *w, const char *col, const char *opt, const char *list, Params *vals, char *msg, size_t msgsz)
{
    buf_printf(w, "%s IN (", col);
    int first = 1;
    for (const char *t = list; *t;) {
        size_t len = strcspn(t, ",");
        if (len) {
            buf_printf(w, "%s?%d", first ? "" : ",", param_add(vals, t, len));
            first = 0;
        }
        t += len + (t[len] == ',');
    }
    buf_putc(w, ')');
    if (first) {
        snprintf(msg, msgsz, "%s needs at least one value, e.g. %s", opt, !strcmp(opt, "--quad") ? "3,4" : "051,042");
        return -1;
    }
    return 0;
}

int filter_option(Filter *f, int argc, char **argv, int *i, char *msg, size_t msgsz)
{
    const char *a = argv[*i];
    static const char *const withval[] = {"--db", "--actor", "--source", "--target", "--dyad", "--code", "--root",
                                          "--quad", "--since", "--until", "--text", "--limit", "--dedup",
                                          "--country", "--near", NULL};
    int takes = 0;
    for (int k = 0; withval[k]; k++) takes |= !strcmp(a, withval[k]);
    if (!takes) {
        if (!strcmp(a, "--both-ways")) {
            f->both_ways = 1;
            return 1;
        }
        return 0;
    }
    if (*i + 1 >= argc) {
        snprintf(msg, msgsz, "%s needs a value", a);
        return -1;
    }
    const char *v = argv[++*i];
    if (!strcmp(a, "--db")) f->db = v;
    else if (!strcmp(a, "--actor")) f->actor = v;
    else if (!strcmp(a, "--source")) f->source = v;
    else if (!strcmp(a, "--target")) f->target = v;
    else if (!strcmp(a, "--code")) f->code = v;
    else if (!strcmp(a, "--root")) f->root = v;
    else if (!strcmp(a, "--quad")) f->quad = v;
    else if (!strcmp(a, "--since")) f->since = v;
    else if (!strcmp(a, "--until")) f->until = v;
    else if (!strcmp(a, "--text")) f->text = v;
    else if (!strcmp(a, "--country")) {
        if (strlen(v) != 3 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) ||
            !isalpha((unsigned char)v[2])) {
            snprintf(msg, msgsz, "--country takes an ISO 3166 three-letter code (UKR, CHN), not '%s'", v);
            return -1;
        }
        f->country = v;
    } else if (!strcmp(a, "--near")) {
        char *end;
        double x[3];
        const char *p = v;
        int k = 0;
        for (; k < 3; k++) {
            x[k] = strtod(p, &end);
            if (end == p || (k < 2 && *end != ',') || (k == 2 && *end)) break;
            p = end + 1;
        }
        if (k < 3 || x[0] < -90 || x[0] > 90 || x[1] < -180 || x[1] > 180 || x[2] <= 0 || x[2] > 20050) {
            snprintf(msg, msgsz, "--near takes LAT,LON,KM (latitude -90..90, longitude -180..180, kilometres > 0),"
                                 " e.g. 50.45,30.52,100; not '%s'", v);
            return -1;
        }
        f->near = 1, f->near_lat = x[0], f->near_lon = x[1], f->near_km = x[2];
    }
    else if (!strcmp(a, "--limit")) {
        char *end;
        f->limit = strtol(v, &end, 10);
        if (*end || f->limit < 0) {
            snprintf(msg, msgsz, "--limit takes a number, not '%s'", v);
            return -1;
        }
    } else if (!strcmp(a, "--dedup")) {
        if (!strcmp(v, "oneaday")) f->dedup = 1;
        else if (!strcmp(v, "none")) f->dedup = 0;
        else {
            snprintf(msg, msgsz, "--dedup must be oneaday or none");
            return -1;
        }
    } else if (!strcmp(a, "--dyad")) {
        const char *colon = strchr(v, ':');
        if (!colon || colon == v || !colon[1]) {
            snprintf(msg, msgsz, "--dyad takes A:B, e.g. RUS:CHN");
            return -1;
        }
        if (colon - v >= (long)sizeof f->dyad_buf[0] || strlen(colon + 1) >= sizeof f->dyad_buf[1]) {
            snprintf(msg, msgsz, "--dyad: an actor code of at most %zu characters", sizeof f->dyad_buf[0] - 1);
            return -1;
        }
        snprintf(f->dyad_buf[0], sizeof f->dyad_buf[0], "%.*s", (int)(colon - v), v);
        snprintf(f->dyad_buf[1], sizeof f->dyad_buf[1], "%s", colon + 1);
        f->dyad_a = f->dyad_buf[0];
        f->dyad_b = f->dyad_buf[1];
    }
    return 1;
}

/* Is every value of a --code (roots: --root) list a CAMEO code?  A value
 * that is none would match nothing, silently: -1 with msg. */
static int bad_codes(const char *list, int roots, char *msg, size_t msgsz)
{
    for (const char *t = list; *t;) {
        size_t len = strcspn(t, ",");
        int ok = len >= 2 && len <= (roots ? 2u : 4u);
        for (size_t k = 0; k < len && ok; k++) ok = t[k] >= '0' && t[k] <= '9';
        if (ok) {
            int root = (t[0] - '0') * 10 + (t[1] - '0');
            ok = root >= 1 && root <= 20;
        }
        if (ok && !roots && cameo_count()) {
            char c[5];
            memcpy(c, t, len);
            c[len] = 0;
            ok = cameo_get(c) != NULL;
        }
        if (!ok && len) {
            if (roots)
                snprintf(msg, msgsz, "--root takes CAMEO root categories 01 to 20, e.g. 14,19; not '%.*s'", (int)len, t);
            else
                snprintf(msg, msgsz, "'%.*s' is no CAMEO code (codes are in data/cameo.tsv, e.g. 042, 1411, 190)",
                         (int)len, t);
            return -1;
        }
        t += len + (t[len] == ',');
    }
    return 0;
}

int filter_sql(const Filter *f, Buf *w, Params *vals, char *msg, size_t msgsz)
{
    params_free(vals);
    buf_clear(w);
    buf_puts(w, " WHERE 1 = 1");
    const char *codes[] = {f->actor, f->source, f->target, f->dyad_a, f->dyad_b};
    for (size_t k = 0; k < 5; k++)
        if (codes[k] && !valid_code(codes[k])) {
            snprintf(msg, msgsz, "'%s' is no actor code (letters and digits, e.g. RUSGOV)", codes[k]);
            return -1;
        }
    if (f->actor) {
        buf_puts(w, " AND (");
        actor_prefix(w, "source", f->actor, vals);
        buf_puts(w, " OR ");
        actor_prefix(w, "target", f->actor, vals);
        buf_puts(w, ")");
    }
    if (f->source) {
        buf_puts(w, " AND ");
        actor_prefix(w, "source", f->source, vals);
    }
    if (f->target) {
        buf_puts(w, " AND ");
        actor_prefix(w, "target", f->target, vals);
    }
    if (f->dyad_a) {
        buf_puts(w, " AND (");
        dyad_range(w, f->dyad_a, f->dyad_b, vals);
        if (f->both_ways) {
            buf_puts(w, " OR ");
            dyad_range(w, f->dyad_b, f->dyad_a, vals);
        }
        buf_puts(w, ")");
        /* both ways, the same as two countries in either role: what an
         * index seeks (the OR would read both ranges whole and sort them) */
        if (f->both_ways && strlen(f->dyad_a) >= 3 && strlen(f->dyad_b) >= 3) {
            int a = param_add(vals, f->dyad_a, 3), b = param_add(vals, f->dyad_b, 3);
            buf_printf(w, " AND e.sc IN (?%d, ?%d) AND e.tc IN (?%d, ?%d)", a, b, a, b);
        }
    }
    if (f->code) {
        if (bad_codes(f->code, 0, msg, msgsz)) return -1;
        buf_puts(w, " AND ");
        if (in_list(w, "e.code", "--code", f->code, vals, msg, msgsz)) return -1;
    }
    if (f->root) {
        if (bad_codes(f->root, 1, msg, msgsz)) return -1;
        buf_puts(w, " AND ");
        if (in_list(w, "e.root", "--root", f->root, vals, msg, msgsz)) return -1;
    }
    if (f->quad) {
        for (const char *q = f->quad; *q; q++)
            if (!(*q == ',' || (*q >= '1' && *q <= '4'))) {
                snprintf(msg, msgsz, "--quad takes classes 1 to 4, e.g. 3,4");
                return -1;
            }
        buf_puts(w, " AND ");
        if (in_list(w, "CAST(e.quad AS TEXT)", "--quad", f->quad, vals, msg, msgsz)) return -1;
    }
    const char *dates[2] = {f->since, f->until};
    vals->date_off = w->len;
    for (int k = 0; k < 2; k++) {
        if (!dates[k]) continue;
        size_t used;
        int d = date_parse(dates[k], strlen(dates[k]), &used);
        if (d < 10000000 || used != strlen(dates[k])) {
            snprintf(msg, msgsz, "%s takes a date YYYY-MM-DD, not '%s'", k ? "--until" : "--since", dates[k]);
            return -1;
        }
        char iso[11];
        date_format(d, iso);
        int at = param_add(vals, iso, strlen(iso));
        /* the rollups' undated day ('undated') sorts after every date */
        if (k) buf_printf(w, " AND e.date <= ?%d", at);
        else buf_printf(w, " AND e.date >= ?%d AND e.date <= '9999-12-31'", at);
        *(k ? &vals->until_param : &vals->since_param) = at;
    }
    vals->date_end = w->len;
    if (f->country) {
        char c[4] = {(char)toupper((unsigned char)f->country[0]), (char)toupper((unsigned char)f->country[1]),
                     (char)toupper((unsigned char)f->country[2]), 0};
        buf_printf(w, " AND e.place_country = ?%d", param_add(vals, c, 3));
    }
    if (f->near) {
        /* a box first (an index-free but cheap test), then the great-circle distance */
        char v[4][32];
        double dlat = f->near_km / 111.0, coslat = cos(f->near_lat * 3.14159265358979323846 / 180.0);
        double dlon = coslat > 0.01 ? f->near_km / (111.0 * coslat) : 360.0;
        snprintf(v[0], sizeof v[0], "%.6f", f->near_lat - dlat);
        snprintf(v[1], sizeof v[1], "%.6f", f->near_lat + dlat);
        snprintf(v[2], sizeof v[2], "%.6f", f->near_lat);
        snprintf(v[3], sizeof v[3], "%.6f", f->near_lon);
        int a0 = param_add(vals, v[0], strlen(v[0])), a1 = param_add(vals, v[1], strlen(v[1])),
            a2 = param_add(vals, v[2], strlen(v[2])), a3 = param_add(vals, v[3], strlen(v[3]));
        char km[32];
        snprintf(km, sizeof km, "%.6f", f->near_km);
        int a4 = param_add(vals, km, strlen(km));
        buf_printf(w, " AND e.place_lat BETWEEN CAST(?%d AS DOUBLE PRECISION) AND CAST(?%d AS DOUBLE PRECISION)", a0, a1);
        if (f->near_lon - dlon >= -180 && f->near_lon + dlon <= 180) {   /* a box that crosses no antimeridian */
            char lo[32], hi[32];
            snprintf(lo, sizeof lo, "%.6f", f->near_lon - dlon);
            snprintf(hi, sizeof hi, "%.6f", f->near_lon + dlon);
            int b0 = param_add(vals, lo, strlen(lo)), b1 = param_add(vals, hi, strlen(hi));
            buf_printf(w, " AND e.place_lon BETWEEN CAST(?%d AS DOUBLE PRECISION) AND CAST(?%d AS DOUBLE PRECISION)", b0, b1);
        }
        buf_printf(w, " AND hd_km(e.place_lat, e.place_lon, CAST(?%d AS DOUBLE PRECISION), CAST(?%d AS DOUBLE PRECISION)) <= CAST(?%d AS DOUBLE PRECISION)",
                   a2, a3, a4);
    }
    if (f->text) {
        /* PostgreSQL: every word as a quoted phrase; SQLite: the words as
         * they are, which hd_terms makes quoted tokens (fulltext.h): the
         * user's text never reaches the full-text query syntax */
        Buf q = {0};
        for (const char *t = f->text; *t;) {
            size_t len = strcspn(t, " \t");
            if (len) {
                if (q.len) buf_putc(&q, ' ');
                if (f->pg) buf_putc(&q, '"');
                for (size_t c = 0; c < len; c++) {
                    if (t[c] == '"' && f->pg) buf_putc(&q, '"');
                    buf_putc(&q, t[c]);
                }
                if (f->pg) buf_putc(&q, '"');
            }
            t += len + (t[len] != '\0');
        }
        if (!q.len) {
            snprintf(msg, msgsz, "--text needs words");
            return -1;
        }
        int at = param_add(vals, q.data, q.len);
        buf_free(&q);
        /* last, so that a walk through the rollup can leave it out (reader_event_ids) */
        vals->text_param = at;
        vals->text_off = w->len;
        buf_printf(w, " AND e.id IN (SELECT ev.id FROM %s JOIN events s ON s.id = %s"
                      " JOIN events ev ON ev.doc = s.doc AND ev.sentence = s.sentence WHERE ",
                   FTS_TABLE(f->pg), FTS_ID(f->pg));
        buf_printf(w, FTS_MATCH(f->pg), at);
        if (!f->pg) buf_printf(w, " AND " FTS_RUNS("s"), at, at);
        buf_putc(w, ')');
    }
    if (vals->n > MAX_VALUES) {
        snprintf(msg, msgsz, "the filters hold %d values; at most %d", vals->n, MAX_VALUES);
        return -1;
    }
    return 0;
}

int reader_args(Reader *r, const char *cmd, const char *usage, int argc, char **argv, const char *const *names,
                const char **values)
{
    char msg[256];
    r->cmd = cmd;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        }
        int t = filter_option(&r->f, argc, argv, &i, msg, sizeof msg);
        if (t < 0) return rows_usage(cmd, msg);
        if (t) continue;
        int k = 0;
        while (names[k] && strcmp(names[k], argv[i])) k++;
        if (names[k] && i + 1 < argc) {
            values[k] = argv[++i];
            continue;
        }
        snprintf(msg, sizeof msg, names[k] ? "%s needs a value" : "unknown option '%s'", argv[i]);
        return rows_usage(cmd, msg);
    }
    if (!r->f.db) return rows_usage(cmd, "--db FILE is required");
    r->f.pg = db_is_pg_uri(r->f.db);
    return -1;
}

int reader_open(Reader *r)
{
    char msg[512];
    if (!cameo_count()) {   /* to tell a --code that is none from one no event has */
        char path[4200];
        char dir[4096];
        snprintf(path, sizeof path, "%s/data/cameo.tsv", pipeline_datadir(dir, sizeof dir));
        if (cameo_load(path, msg, sizeof msg)) fprintf(stderr, "herodotus %s: %s (--code values not checked)\n", r->cmd, msg);
    }
    if (filter_sql(&r->f, &r->where, &r->vals, msg, sizeof msg)) {
        buf_free(&r->where);
        params_free(&r->vals);
        return rows_usage(r->cmd, msg);
    }
    r->db = db_open(r->f.db, msg, sizeof msg);
    if (!r->db) {
        fprintf(stderr, "herodotus %s: %s\n", r->cmd, msg);
        buf_free(&r->where);
        params_free(&r->vals);
        return 1;
    }
    return -1;
}

void reader_close(Reader *r)
{
    db_close(r->db);
    buf_free(&r->where);
    params_free(&r->vals);
}

int cursor_parse(const char *s, Cursor *c)
{
    const char *slash = strchr(s, '/');
    if (!slash) return -1;
    size_t dl = (size_t)(slash - s);
    int ok = dl == 7 && !memcmp(s, "undated", 7);
    if (!ok && dl == 10) {
        size_t used;
        ok = date_parse(s, dl, &used) >= 10000000 && used == dl;
    }
    char *end;
    long long id = strtoll(slash + 1, &end, 10);
    if (!ok || end == slash + 1 || *end || id < 0) return -1;
    memcpy(c->date, s, dl);
    c->date[dl] = '\0';
    c->id = id;
    return 0;
}

/* rows of the rollup a filter must reach before walking them by date wins */
enum { WALK_ROWS = 20000 };

/* sql prepared with vals bound to ?1, ?2, ...; NULL when it does not prepare */
static DbStmt *prepare_bound(Db *db, const char *sql, const Params *vals, int stream)
{
    DbStmt *q = db_prepare(db, sql, stream);
    if (q) db_bind_all(q, vals->v, vals->n);
    return q;
}

/* the first column of sql's first row as a number (a count), 0 none */
static long count_upto(Db *db, const char *sql, const Params *vals)
{
    DbStmt *q = prepare_bound(db, sql, vals, 0);
    long n = q && db_step(q) == DB_ROW ? (long)db_column_int64(q, 0) : 0;
    db_finalize(q);
    return n;
}

int filter_actors(const Filter *f) { return f->actor || f->source || f->target || f->dyad_a; }

void rollup_where(const Filter *f, const char *where, const Params *vals, Buf *out)
{
    buf_clear(out);
    if (f->pg || vals->date_end <= vals->date_off || vals->date_end > strlen(where)) {
        buf_puts(out, where);
        return;
    }
    buf_put(out, where, vals->date_off);
    if (vals->since_param)
        buf_printf(out, " AND e.day >= " STORE_DAY("?%d") " AND e.day < %d", vals->since_param, STORE_UNDATED);
    if (vals->until_param) buf_printf(out, " AND e.day <= " STORE_DAY("?%d"), vals->until_param);
    buf_puts(out, where + vals->date_end);
}

/* a cursor's date as the rollup's rows key it: the date (PostgreSQL), or
 * its day's number (SQLite), as SQL */
static void cursor_day(char *out, size_t n, const Cursor *c, int pg)
{
    if (pg) {
        snprintf(out, n, "'%s'", c->date);
        return;
    }
    size_t used;
    int d = strcmp(c->date, "undated") ? date_parse(c->date, strlen(c->date), &used) : 0;
    snprintf(out, n, "%ld", d >= 10000000 ? date_to_days(d) : (long)STORE_UNDATED);
}

/* the rollups (store.c: event_days, day_totals) hold no words or places */
int filter_rollup(const Filter *f) { return !f->text && !f->country && !f->near; }

/* the month of a date as the rollup keys it (YYYYMM; 999999 undated);
 * dflt when none is given */
static long date_ym(const char *d, long dflt)
{
    if (!d) return dflt;
    if (!strcmp(d, "undated")) return 999999;
    size_t used;
    int v = date_parse(d, strlen(d), &used);
    return v >= 10000000 ? v / 100 : dflt;
}

/* " AND " the country of an actor code (or a prefix of one) in a role's
 * column (e.sc, e.tc), as a literal (valid_code: letters and digits) */
static void role_country(Buf *w, const char *col, const char *a, int negate)
{
    size_t l = strlen(a) < 3 ? strlen(a) : 3;
    buf_printf(w, " AND %s", negate ? "NOT " : "");
    if (l == 3) buf_printf(w, "%s = '%.3s'", col, a);
    else   /* a prefix: the codes from it to the next one */
        buf_printf(w, "(%s >= '%.*s' AND %s < '%.*s%c')", col, (int)l, a, col, (int)l - 1, a, a[l - 1] + 1);
}

/* the months the store holds (store.c: months, version 9) in the dates'
 * range, and up to the month `upto` gives (SQL; NULL: any) */
static void months_in(Buf *w, const Filter *f, const char *from_date, const char *upto)
{
    long lo = date_ym(f->since, 0), hi = date_ym(f->until, 999999), at = date_ym(from_date, 0);
    if (at > lo) lo = at;
    buf_printf(w, "e.ym IN (SELECT ym FROM months WHERE ym BETWEEN %ld AND %ld%s%s)", lo, hi, upto ? " AND ym <= " : "",
               upto ? upto : "");
}

int rollup_country_months(Buf *w, const Filter *f)
{
    const char *c = f->actor ? f->actor : f->source ? f->source : f->target;
    if (f->pg || f->dyad_a || !c || !!f->actor + !!f->source + !!f->target != 1 || strlen(c) != 3) return 0;
    buf_puts(w, " AND ");
    months_in(w, f, NULL, NULL);
    buf_printf(w, " AND e.c = '%s'", c);   /* valid_code: letters and digits */
    return 1;
}

int rollup_months(Buf *w, const Filter *f, const char *from_date)
{
    if (f->pg) return 0;
    if (!f->actor) {
        buf_puts(w, " AND ");
        months_in(w, f, from_date, NULL);
        return 1;
    }
    /* an actor in either role: the months beside each role's country, so
     * that each side of the OR seeks an index (the key; event_days_target)
     * and SQLite reads their union; with the months outside the OR it read
     * every row of each month.  The filter's own test of the whole code
     * stays beside it. */
    for (int k = 0; k < 2; k++) {
        buf_puts(w, k ? ") OR (" : " AND ((");
        months_in(w, f, from_date, NULL);
        role_country(w, k ? "e.tc" : "e.sc", f->actor, 0);
    }
    buf_puts(w, "))");
    return 1;
}

int reader_walk(Db *db, const Reader *r)
{
    const Filter *f = &r->f;
    /* every event with the words: PostgreSQL's planner walks them in order
     * better than the walk through the rollup, which it cannot keep to */
    if (f->text && f->pg && !f->dedup) return 0;
    /* SQLite: a page of words is read a month at a time (text_by_months),
     * whose time is that of the page's months; walking the rollup by date,
     * each row tested against the words, read the whole rollup when other
     * filters left no row to show ("talks" and --root 19 at 1.3 million
     * events: 2.2 s; by months 0.35) */
    if (f->text && !f->pg) return 0;
    if (f->text && !f->country && !f->near && r->vals.text_param) {
        /* Words (PostgreSQL): sorting the events of every matching
         * sentence, or walking the rollup by date, testing each day's
         * events against the index (about 25 us a row), which finds a page
         * of 100 after 100 * N / M rows of N, for M matching sentences.
         * PostgreSQL counts matches dear (its GIN bitmap and the rows behind
         * it, 2.5 us each) and sorts them dearer: it walks from
         * sqrt(600 N) / 4 (at 3.7M events: "talks" 176 -> 88 ms, "police"
         * 1,037 -> 319).  (N: the events, which the indexed sentences, each
         * with one at least, do not outnumber.) */
        Buf sql = {0};
        Params none = {0};
        long n = count_upto(db, "SELECT coalesce(max(id), 0) FROM events", &none);
        long bound = (long)(sqrt(600.0 * (double)n) / 4);
        if (bound < 2000) bound = 2000;
        Params one = {.v = &r->vals.v[r->vals.text_param - 1], .n = 1};
        buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM %s WHERE ", FTS_TABLE(f->pg));
        buf_printf(&sql, FTS_MATCH(f->pg), 1);
        buf_printf(&sql, " LIMIT %ld) t", bound);
        long m = count_upto(db, sql.data, &one);
        buf_free(&sql);
        return m >= bound ? WALK_TEXT : 0;
    }
    if (!filter_rollup(f)) return 0;
    if (!filter_actors(f)) return WALK_DATES;   /* no index but the date's */
    /* SQLite's rollup gives the rows of a source, a target or a dyad in
     * date order, a month at a time (rollup_months), and those of an actor
     * in either role as two such, merged (reader_event_ids) */
    if (!f->pg) return 0;
    /* the actors alone, which the indexes seek: so many of their rows
     * that the other filters are best tested on the way through dates */
    Filter a = {0};
    a.actor = f->actor, a.source = f->source, a.target = f->target;
    a.dyad_a = f->dyad_a, a.dyad_b = f->dyad_b, a.both_ways = f->both_ways, a.pg = f->pg;
    Buf where = {0}, sql = {0};
    Params vals = {0};
    char msg[256];
    long n = 0;
    if (!filter_sql(&a, &where, &vals, msg, sizeof msg)) {
        buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM event_days e%s LIMIT %d) t", where.data, WALK_ROWS);
        n = count_upto(db, sql.data, &vals);
    }
    buf_free(&sql);
    buf_free(&where);
    params_free(&vals);
    return n >= WALK_ROWS ? WALK_DATES : 0;
}

/* the events (x) of a rollup row (e); PostgreSQL's indexes serve no IS
 * NOT DISTINCT FROM, its events_dayk the rollup's own key; SQLite's rows
 * of both keep the day as a number (store.c: versions 16, 19), the events'
 * index by day leads with it) */
#define ROW_EVENTS(pg)                                                                                              \
    ((pg) ? "coalesce(x.date, 'undated') = e.date AND x.source = e.source AND x.target = e.target"                 \
            " AND x.code = e.code"                                                                                  \
          : "x.day = e.day AND x.source = e.source AND x.target = e.target AND x.code = e.code")

/* A page of events with words (SQLite), a month at a time: first the last
 * month the page needs, found by reading months in order, each asking the
 * index for the words in that month (the words and the month's token, store.c:
 * versions 9, 18) and stopping once the page's count of rows (one-a-day rows,
 * or events) is reached; then the events of the months it found rows in,
 * sorted (a month before the last where it found none has none; when few
 * rows pass the other filters, the second reading is of their months
 * alone).  The count leaves out the cursor's own day, so that it never
 * stops too soon (a one-a-day row whose first event is before the cursor
 * but another after is not on the page), and the cursor's month is read
 * whatever it finds.  Its time is that of the page's months, not of every
 * sentence with the words. */
static void text_by_months(const Reader *r, Buf *sql, long page, const Cursor *after, const char *cur)
{
    const char *where = r->where.data;
    int wl = (int)r->vals.text_off, tp = r->vals.text_param;
    long lo = date_ym(r->f.since, 0), hi = date_ym(r->f.until, 999999);
    if (after && date_ym(after->date, 0) > lo) lo = date_ym(after->date, 0);
    /* the sentences with the words in month m.ym, and their events (e) */
    char from[800];
    snprintf(from, sizeof from,
             " FROM months m CROSS JOIN sentences_fts f ON f.sentences_fts MATCH (hd_terms(?%d) || ' AND \"' || char(57344)"
             " || m.ym || '\"') CROSS JOIN events s ON s.id = f.rowid AND " FTS_RUNS("s")
             " CROSS JOIN events e ON e.doc = s.doc AND e.sentence = s.sentence",
             tp, tp, tp);
    Buf in = {0};
    /* the months the count found rows in, and the cursor's own */
    buf_printf(&in, " AND e.id IN (SELECT e.id%s WHERE m.ym IN (SELECT %ld UNION SELECT v FROM"
                    " (SELECT %sm.ym AS v%s%s%.*s AND m.ym BETWEEN %ld AND %ld AND " STORE_YM("e.date") " = m.ym",
               from, after ? date_ym(after->date, 0) : 0L, r->f.dedup ? "DISTINCT " : "",
               r->f.dedup ? ", e.date, e.source, e.target, e.code" : ", e.id", from, wl, where, lo, hi);
    if (after) buf_printf(&in, " AND coalesce(e.date, 'undated') > '%s'", after->date);
    buf_printf(&in, " ORDER BY m.ym LIMIT %ld)) AND " STORE_YM("e.date") " = m.ym)", page);
    if (r->f.dedup) {
        buf_printf(sql, "SELECT id FROM (SELECT min(e.id) AS id, coalesce(e.date, 'undated') AS day FROM events e%.*s%s"
                        " GROUP BY e.date, e.source, e.target, e.code) t",
                   wl, where, in.data);
        if (after) buf_printf(sql, " WHERE (day, id) > %s", cur);
        buf_printf(sql, " ORDER BY day, id LIMIT %ld", page);
    } else {
        buf_printf(sql, "SELECT e.id FROM events e%.*s%s", wl, where, in.data);
        if (after) buf_printf(sql, " AND (coalesce(e.date, 'undated'), e.id) > %s", cur);
        buf_printf(sql, " ORDER BY coalesce(e.date, 'undated'), e.id LIMIT %ld", page);
    }
    buf_free(&in);
}

void reader_event_ids(const Reader *r, Buf *sql, long page, const Cursor *after, int walk)
{
    const char *where = r->where.data;
    int pg = r->f.pg;
    /* a cursor's fields are checked (cursor_parse): safe to write in */
    char cur[64] = "";
    if (after) snprintf(cur, sizeof cur, "('%s', %lld)", after->date, after->id);
    /* the rollup's rows: their day (SQLite: a number), and the cursor's */
    const char *day = pg ? "e.date" : "e.day";
    char aday[24] = "", rcur[64] = "";
    if (after) {
        cursor_day(aday, sizeof aday, after, pg);
        snprintf(rcur, sizeof rcur, "(%s, %lld)", aday, after->id);
    }
    /* the walk with words needs a rollup that answers for the rest */
    if (walk == WALK_TEXT && (!r->vals.text_param || r->f.country || r->f.near)) walk = 0;
    if (walk == WALK_TEXT) {
        /* the rollup's rows by date, each day's events tested against the
         * full-text index (the WHERE clause without its words) */
        char has[512], match[160];
        snprintf(match, sizeof match, FTS_MATCH(pg), r->vals.text_param);
        snprintf(has, sizeof has, "EXISTS (SELECT 1 FROM %s WHERE %s = (SELECT min(y.id) FROM events y"
                                  " WHERE y.doc = x.doc AND y.sentence = x.sentence) AND %s)",
                 FTS_TABLE(pg), FTS_ID(pg), match);
        Buf head = {0}, rw = {0};
        buf_put(&head, where, r->vals.text_off);
        rollup_where(&r->f, head.data ? head.data : "", &r->vals, &rw);
        if (r->f.dedup)
            /* each row's first event with the words, joined by its id: the
             * test written once (a subquery in the result and in a WHERE
             * on it ran twice a row, the planner copying it into both);
             * the subquery's x is its own */
            buf_printf(sql, "SELECT x.id FROM event_days e JOIN events x ON x.id = (SELECT min(x.id) FROM events x"
                            " WHERE %s AND %s)%s",
                       ROW_EVENTS(pg), has, rw.data);
        else
            buf_printf(sql, "SELECT x.id FROM event_days e JOIN events x ON %s%s AND %s", ROW_EVENTS(pg), rw.data, has);
        if (after) buf_printf(sql, " AND (%s, x.id) > %s", day, rcur);
        if (page) buf_printf(sql, " ORDER BY %s, x.id LIMIT %ld", day, page);
        buf_free(&head);
        buf_free(&rw);
        return;
    }
    /* (a place's filter keeps the events' index by place and date) */
    if (!pg && page && r->vals.text_param && !r->f.country && !r->f.near) {
        text_by_months(r, sql, page, after, cur);
        return;
    }
    if (filter_rollup(&r->f)) {
        /* the rollup's one-a-day rows: the first event of each, or all of
         * them by the events' index by (day, source, target, code); their
         * filter and cursor with the day as the rows key it */
        Buf rw = {0};
        rollup_where(&r->f, where, &r->vals, &rw);
        const char *id = r->f.dedup ? "e.id" : "x.id";
        if (!pg && r->f.actor && page && walk != WALK_DATES) {
            /* an actor in either role, a page: its rows as the source and
             * those as the target only, each read a month at a time in date
             * order and merged (SQLite's ORDER BY of a compound SELECT), so
             * that the page costs its own months' rows, not every row of
             * the actor (the OR of two indexes comes out unordered) */
            buf_puts(sql, "SELECT id FROM (");
            for (int k = 0; k < 2; k++) {
                if (r->f.dedup)
                    buf_printf(sql, "%sSELECT e.id AS id, e.ym AS ym, e.day AS day FROM event_days e%s",
                               k ? " UNION ALL " : "", rw.data);
                else
                    buf_printf(sql, "%sSELECT x.id AS id, e.ym AS ym, e.day AS day FROM event_days e JOIN events x ON %s%s",
                               k ? " UNION ALL " : "", ROW_EVENTS(pg), rw.data);
                buf_puts(sql, " AND ");
                months_in(sql, &r->f, after ? after->date : NULL, NULL);
                role_country(sql, k ? "e.tc" : "e.sc", r->f.actor, 0);
                if (k) role_country(sql, "e.sc", r->f.actor, 1);   /* once: rows in both roles are the source's */
                if (after) buf_printf(sql, " AND (e.day, %s) > %s", id, rcur);
            }
            /* one column, as an IN list needs (api.c), in the page's order */
            buf_printf(sql, " ORDER BY 2, 3, 1 LIMIT %ld) t ORDER BY ym, day, id", page);
            buf_free(&rw);
            return;
        }
        if (r->f.dedup)
            buf_printf(sql, "SELECT e.id FROM event_days e%s", rw.data);
        else
            buf_printf(sql, "SELECT x.id FROM event_days e JOIN events x ON %s%s", ROW_EVENTS(pg), rw.data);
        /* SQLite: by month first, as the rows are keyed (the same order):
         * a month's rows are sorted by day as they are read, and the walk
         * stops at the month that fills the page */
        int by_month;
        if (!pg && !filter_actors(&r->f) && !r->f.dedup && page) {
            /* Every event of a month's rows would be read before the sort
             * (all of a month's rows: no actor to seek): only those of rows
             * up to the day of the page-th row after the cursor's day (each
             * row has an event at least, so the page ends on that day or
             * before), and the months up to that day's, which the walk
             * stops at (a month's rows that all fail the day's test would
             * not end the sort of the month before). */
            Buf nth = {0};
            buf_printf(&nth, " FROM event_days e%s AND ", rw.data);
            months_in(&nth, &r->f, after ? after->date : NULL, NULL);
            if (after) buf_printf(&nth, " AND e.day > %s", aday);
            buf_printf(&nth, " ORDER BY e.ym, e.day LIMIT 1 OFFSET %ld)", page - 1);
            Buf upto = {0};
            buf_printf(&upto, "coalesce((SELECT e.ym%s, 999999)", nth.data);
            buf_puts(sql, " AND ");
            months_in(sql, &r->f, after ? after->date : NULL, upto.data);
            buf_printf(sql, " AND e.day <= coalesce((SELECT e.day%s, %d)", nth.data, STORE_UNDATED);
            buf_free(&upto);
            buf_free(&nth);
            by_month = 1;
        } else
            by_month = rollup_months(sql, &r->f, after ? after->date : NULL);
        if (after) buf_printf(sql, " AND (%s, %s) > %s", day, id, rcur);
        if (page) buf_printf(sql, " ORDER BY %s%s, %s LIMIT %ld", by_month ? "e.ym, " : "", day, id, page);
        buf_free(&rw);
    } else if (r->f.dedup) {
        buf_printf(sql, "SELECT id FROM (SELECT min(e.id) AS id, coalesce(e.date, 'undated') AS day FROM events e%s"
                        " GROUP BY e.date, e.source, e.target, e.code) t", where);
        if (after) buf_printf(sql, " WHERE (day, id) > %s", cur);
        if (page) buf_printf(sql, " ORDER BY day, id LIMIT %ld", page);
    } else {
        buf_printf(sql, "SELECT e.id FROM events e%s", where);
        if (after) buf_printf(sql, " AND (coalesce(e.date, 'undated'), e.id) > %s", cur);
        if (page) buf_printf(sql, " ORDER BY coalesce(e.date, 'undated'), e.id LIMIT %ld", page);
    }
}

int quote_filter_sql(const char *speaker, const char *via, const Filter *f, Buf *w, Params *vals, char *msg,
                     size_t msgsz)
{
    if (speaker) {
        buf_puts(w, " AND (");
        if (valid_code(speaker)) {
            prefix_range(w, "q.speaker_code", speaker, vals);
            buf_puts(w, " OR ");
        }
        buf_printf(w, "instr(lower(q.speaker), lower(?%d)) > 0)", param_add(vals, speaker, strlen(speaker)));
    }
    if (via) {
        int at = param_add(vals, via, strlen(via));
        buf_printf(w, " AND EXISTS (SELECT 1 FROM quote_via v WHERE v.quote = q.id AND"
                      " lower(substr(v.name, 1, length(?%d))) = lower(?%d))", at, at);
    }
    const char *dates[2] = {f->since, f->until};
    for (int k = 0; k < 2; k++)
        if (dates[k]) {
            size_t used;
            int d = date_parse(dates[k], strlen(dates[k]), &used);
            if (d < 10000000 || used != strlen(dates[k])) {
                snprintf(msg, msgsz, "%s takes a date YYYY-MM-DD, not '%s'", k ? "--until" : "--since", dates[k]);
                return -1;
            }
            char iso[11];
            date_format(d, iso);
            buf_printf(w, " AND q.date %s ?%d", k ? "<=" : ">=", param_add(vals, iso, strlen(iso)));
        }
    if (f->text)
        for (const char *t = f->text; *t;) {
            size_t len = strcspn(t, " \t");
            if (len) buf_printf(w, " AND instr(lower(q.text), lower(?%d)) > 0", param_add(vals, t, len));
            t += len + (t[len] != '\0');
        }
    if (vals->n > MAX_VALUES) {
        snprintf(msg, msgsz, "the filters hold %d values; at most %d", vals->n, MAX_VALUES);
        return -1;
    }
    return 0;
}

/* query --speaker/--via: the stored quotes that pass */
static int query_quotes(Reader *r, const char *speaker, const char *via, int fmt)
{
    const Filter *f = &r->f;
    if (f->actor || f->source || f->target || f->dyad_a || f->code || f->root || f->quad)
        return rows_usage("query", "--speaker and --via select quotes: --actor, --source, --target, --dyad, --code,"
                                   " --root and --quad select events");
    Params vals = {0};
    Buf sql = {0};
    buf_puts(&sql, "SELECT q.date, q.speaker, q.speaker_code, q.speaker_how,"
                   " (SELECT group_concat(name, '; ') FROM (SELECT v.name FROM quote_via v WHERE v.quote = q.id"
                   "   ORDER BY v.pos) v) AS via, q.kind, q.text, d.doc_id, q.n AS quote_id"
                   " FROM quotes q JOIN documents d ON d.id = q.doc WHERE 1 = 1");
    char err[512];
    if (quote_filter_sql(speaker, via, f, &sql, &vals, err, sizeof err)) {   /* dates checked by reader_open */
        params_free(&vals);
        buf_free(&sql);
        return rows_usage("query", err);
    }
    buf_puts(&sql, " ORDER BY q.date IS NULL, q.date, q.id");
    if (f->limit) buf_printf(&sql, " LIMIT %ld", f->limit);
    int status = rows_run(r->db, sql.data, vals.v, vals.n, fmt, stdout, err, sizeof err);
    if (status) fprintf(stderr, "herodotus query: %s\n", err);
    params_free(&vals);
    buf_free(&sql);
    return status ? 1 : 0;
}

int query_main(int argc, char **argv)
{
    Reader r;
    memset(&r, 0, sizeof r);
    r.f.dedup = 1;
    r.f.limit = 100;
    static const char *const names[] = {"--format", "--speaker", "--via", "--after", NULL};
    const char *values[4] = {NULL, NULL, NULL, NULL};
    int st = reader_args(&r, "query", USAGE, argc, argv, names, values);
    if (st >= 0) return st;
    int fmt = rows_format(values[0]);
    if (fmt < 0) return rows_usage("query", "--format must be table, csv or jsonl");
    if ((values[1] && !*values[1]) || (values[2] && !*values[2]))
        return rows_usage("query", values[1] && !*values[1] ? "--speaker needs a name or code" : "--via needs a name");
    Cursor after;
    if (values[3] && cursor_parse(values[3], &after))
        return rows_usage("query", "--after takes where a page ended, DATE/ID (YYYY-MM-DD or undated, then an event id),"
                                   " as the line after a full page says");
    if (values[3] && (values[1] || values[2])) return rows_usage("query", "--after pages events, not quotes");
    if ((st = reader_open(&r)) >= 0) return st;
    if (values[1] || values[2]) {
        st = query_quotes(&r, values[1], values[2], fmt);
        reader_close(&r);
        return st;
    }
    Buf sql = {0};
    buf_printf(&sql,
               "SELECT e.date, e.source, e.target, e.code, e.event, e.plover, e.goldstein, e.quad, e.source_text,"
               " e.target_text, e.verb_text, d.doc_id, d.url,%s, hd_sentence(d.body, d.sentence_spans, e.sentence) AS text,"
               " e.date_basis, e.date_text, e.place, e.place_country, e.place_how FROM events e JOIN documents d"
               " ON d.id = e.doc WHERE e.id IN (",
               QUERY_REPORTS(r.f.pg));
    /* a page: its ids first (one more than shown tells whether another
     * page follows), then their rows */
    Buf ids = {0}, list = {0};
    long page = r.f.limit;
    char err[512];
    int status = 0, more = 0;
    long long last = 0;   /* the page's last event */
    const char **vals = r.vals.v;
    int nvals = r.vals.n;
    reader_event_ids(&r, &ids, page ? page + 1 : 0, values[3] ? &after : NULL, page ? reader_walk(r.db, &r) : 0);
    if (!page) buf_puts(&sql, ids.data);
    else {
        DbStmt *q = prepare_bound(r.db, ids.data, &r.vals, 0);
        long n = 0;
        if (!q) {
            snprintf(err, sizeof err, "%s", db_errmsg(r.db));
            status = -1;
        } else {
            int rc;
            while ((rc = db_step(q)) == DB_ROW && n < page) {   /* in the order printed */
                last = db_column_int64(q, 0);
                buf_printf(&list, "%s%lld", n ? "," : "", last);
                n++;
            }
            more = rc == DB_ROW;
            if (rc == DB_ERROR) {
                snprintf(err, sizeof err, "%s", db_errmsg(r.db));
                status = -1;
            }
            db_finalize(q);
        }
        vals = NULL, nvals = 0;   /* the ids are the page: no filter left to bind */
        buf_puts(&sql, list.len ? list.data : "NULL");
    }
    buf_puts(&sql, ") ORDER BY e.date IS NULL, e.date, e.id");   /* undated events last */
    if (!status) status = rows_run(r.db, sql.data, vals, nvals, fmt, stdout, err, sizeof err);
    if (status) fprintf(stderr, "herodotus query: %s\n", err);
    else if (more) {
        /* where this page ended: its last event's day */
        DbStmt *q = db_prepare(r.db, "SELECT coalesce(date, 'undated') FROM events WHERE id = ?1", 0);
        if (q) {
            db_bind_int64(q, 1, last);
            if (db_step(q) == DB_ROW)
                fprintf(stderr, "herodotus query: %ld event%s shown; the next page: --after %s/%lld\n", page,
                        page == 1 ? "" : "s", db_column_text(q, 0), last);
        }
        db_finalize(q);
    }
    buf_free(&ids);
    buf_free(&list);
    reader_close(&r);
    buf_free(&sql);
    return status ? 1 : 0;
}
