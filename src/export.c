/* export.c - `herodotus export`: the GDELT 2.0 event table, JSON Lines, CSV */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "places.h"
#include "rows.h"
#include "store.h"

static const char USAGE[] =
    "usage: herodotus export --db FILE --format gdelt|jsonl|csv [filters] [--dedup none|oneaday] [--limit N]\n"
    "\n"
    "Write the stored events.  gdelt: the 61 tab-separated columns of the GDELT\n"
    "2.0 event table, one row per event of a story (reprints counted in\n"
    "NumMentions, NumSources, NumArticles), without a header, as GDELT ships\n"
    "it; docs/schema.md lists the columns herodotus fills.  An event without a\n"
    "date takes the day it was stored as its SQLDATE (said on stderr).  jsonl\n"
    "and csv: every field of every event, with its sentence, its article's\n"
    "title and publication date.  Filters are those of herodotus query;\n"
    "--limit N writes the first N events (default: all).\n";

/* The day of a GDELT row: the event's date, else (an event with no date)
 * the day its document was stored, which DATEADDED gives too. */
#define EVENT_DAY "g.day"

/* What the dialects write apart: a number with four decimals, a day of
 * the year, a country's name, alpha-2 code and point (SQLite: functions
 * of this connection; PostgreSQL: a temporary table of the gazetteer) */
static void fixed4(Buf *o, int pg, const char *x)
{
    if (pg) buf_printf(o, "CAST(round(CAST(%s AS numeric), 4) AS text)", x);
    else buf_printf(o, "CASE WHEN %s IS NOT NULL THEN printf('%%.4f', %s) END", x, x);   /* no place: empty */
}

/* the SQL of a country's field ("name", "cc2", "lat", "lon") by its code's expression, into out */
static const char *country(char *out, size_t cap, int pg, const char *field, const char *code)
{
    if (pg) snprintf(out, cap, "(SELECT c.%s FROM hd_countries c WHERE c.code = %s)", field, code);
    else snprintf(out, cap, "hd_country_%s(%s)", field, code);
    return out;
}

/* An actor's geography where its code names a country: that country
 * (type 1), its name, alpha-2 code and point */
static void actor_geo(Buf *o, int pg, const char *col, const char *a)
{
    char code[64], x[160];
    snprintf(code, sizeof code, "substr(%s, 1, 3)", col);
    const char *name = country(x, sizeof x, pg, "name", code);
    buf_printf(o, " CASE WHEN %s IS NULL THEN '' ELSE '1' END AS %sGeo_Type, coalesce(%s, '') AS %sGeo_FullName,", name, a,
               name, a);
    buf_printf(o, " coalesce(%s, '') AS %sGeo_CountryCode, '' AS %sGeo_ADM1Code, '' AS %sGeo_ADM2Code, coalesce(",
               country(x, sizeof x, pg, "cc2", code), a, a, a);
    fixed4(o, pg, country(x, sizeof x, pg, "lat", code));
    buf_printf(o, ", '') AS %sGeo_Lat, coalesce(", a);
    fixed4(o, pg, country(x, sizeof x, pg, "lon", code));
    buf_printf(o, ", '') AS %sGeo_Long, '' AS %sGeo_FeatureID,", a, a);
}

/* GDELT 2.0: 61 columns.  Actor codes split as CAMEO does: a country (or
 * IGO/NGO/IMG group) of three letters, then up to three type codes. */
static const char GDELT_ACTORS[] =
    " e.source AS Actor1Code, e.source_text AS Actor1Name,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG', '---') THEN '' ELSE substr(e.source, 1, 3) END AS Actor1CountryCode,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN substr(e.source, 4) ELSE '' END AS Actor1KnownGroupCode,"
    " '' AS Actor1EthnicCode, '' AS Actor1Religion1Code, '' AS Actor1Religion2Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 4, 3) END AS Actor1Type1Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 7, 3) END AS Actor1Type2Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 10, 3) END AS Actor1Type3Code,"
    " e.target AS Actor2Code, e.target_text AS Actor2Name,"
    " CASE WHEN e.target = '' OR substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG', '---') THEN '' ELSE substr(e.target, 1, 3) END AS Actor2CountryCode,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN substr(e.target, 4) ELSE '' END AS Actor2KnownGroupCode,"
    " '' AS Actor2EthnicCode, '' AS Actor2Religion1Code, '' AS Actor2Religion2Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 4, 3) END AS Actor2Type1Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 7, 3) END AS Actor2Type2Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 10, 3) END AS Actor2Type3Code,"
    " g.root_event AS IsRootEvent,"
    " e.code AS EventCode, substr(e.code, 1, 3) AS EventBaseCode, e.root AS EventRootCode,"
    " e.quad AS QuadClass, e.goldstein AS GoldsteinScale,"
    " g.mentions AS NumMentions, g.sources AS NumSources, g.articles AS NumArticles, '' AS AvgTone,";

/* The SELECT of GDELT's rows, of the events that pass where: a row for
 * each event of a story (its one-a-day key), whose counts are the group's
 * and whose other fields are those of its first event (the place, of its
 * first event with one: p), read once a row
 * (the events view's words, place and weight are looked up where they
 * are kept: once an event of the store, they made the export half as slow
 * again) */
static void gdelt_sql(Buf *o, int pg, const char *where)
{
    buf_printf(o, "SELECT g.first AS GLOBALEVENTID, replace(" EVENT_DAY ", '-', '') AS SQLDATE,"
                " substr(replace(" EVENT_DAY ", '-', ''), 1, 6) AS MonthYear, substr(" EVENT_DAY ", 1, 4) AS Year, ");
    fixed4(o, pg, pg ? "CAST(substr(" EVENT_DAY ", 1, 4) AS INTEGER) + (extract(doy FROM CAST(" EVENT_DAY
                       " AS date)) - 1) / 365.0"
                     : "CAST(substr(" EVENT_DAY ", 1, 4) AS INTEGER) + (CAST(strftime('%j', " EVENT_DAY
                       ") AS INTEGER) - 1) / 365.0");
    buf_puts(o, " AS FractionDate,");
    buf_puts(o, GDELT_ACTORS);
    actor_geo(o, pg, "e.source", "Actor1");
    actor_geo(o, pg, "e.target", "Actor2");
    buf_puts(o, " CASE WHEN p.place_kind = 'city' THEN (CASE WHEN p.place_country = 'USA' THEN '3' ELSE '4' END)"
                "      WHEN p.place_kind = 'country' THEN '1' ELSE '' END AS ActionGeo_Type,"
                " CASE WHEN p.place_kind = 'city' THEN p.place || coalesce(', ' || nullif(p.place_region, ''), '')"
                "        || coalesce(', ' || ");
    char x[160];
    buf_puts(o, country(x, sizeof x, pg, "name", "p.place_country"));
    buf_puts(o, ", '') ELSE coalesce(p.place, '') END AS ActionGeo_FullName, coalesce(");
    buf_puts(o, country(x, sizeof x, pg, "cc2", "p.place_country"));
    buf_puts(o, ", '') AS ActionGeo_CountryCode, '' AS ActionGeo_ADM1Code, '' AS ActionGeo_ADM2Code, coalesce(");
    fixed4(o, pg, "p.place_lat");
    buf_puts(o, ", '') AS ActionGeo_Lat, coalesce(");
    fixed4(o, pg, "p.place_lon");
    buf_puts(o, ", '') AS ActionGeo_Long, '' AS ActionGeo_FeatureID, ");
    buf_puts(o, pg ? "to_char(CAST(g.added AS timestamp), 'YYYYMMDDHH24MISS')" : "strftime('%Y%m%d%H%M%S', g.added)");
    buf_printf(o, " AS DATEADDED, g.url AS SOURCEURL FROM (SELECT min(e.id) AS first,"
                  " coalesce(e.date, substr(min(d.ingested_at), 1, 10)) AS day,"
                  " max(CASE WHEN e.sentence = 0 THEN 1 ELSE 0 END) AS root_event, count(*) AS mentions,"
                  " count(DISTINCT coalesce(d.source, d.doc_id)) AS sources, count(DISTINCT e.doc) AS articles,"
                  " min(CASE WHEN e.place_country IS NOT NULL THEN e.id END) AS placed, min(d.ingested_at) AS added, coalesce(min(d.url), min(d.doc_id)) AS url"
                  " FROM events e JOIN documents d ON d.id = e.doc%s GROUP BY e.story, e.date, e.source, e.target, e.code) g"
                  " JOIN events e ON e.id = g.first LEFT JOIN events p ON p.id = g.placed",
               where);
}

/* hd_country_name(ISO3), hd_country_cc2, hd_country_lat, hd_country_lon: a
 * country of the gazetteer (places.h); NULL for no country */
typedef struct CountryFn {
    const Gazetteer *g;
    int field;              /* 0 name, 1 alpha-2, 2 latitude, 3 longitude */
} CountryFn;

static void sql_country(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    const CountryFn *f = sqlite3_user_data(cx);
    const char *code = (const char *)sqlite3_value_text(v[0]);
    double lat, lon;
    const char *name;
    char cc2[3];
    if (!f->g || !code || gazetteer_country_point(f->g, code, &lat, &lon, &name, cc2)) {
        sqlite3_result_null(cx);
        return;
    }
    switch (f->field) {
    case 0: sqlite3_result_text(cx, name, -1, SQLITE_TRANSIENT); break;
    case 1: sqlite3_result_text(cx, cc2, -1, SQLITE_TRANSIENT); break;
    case 2: sqlite3_result_double(cx, lat); break;
    default: sqlite3_result_double(cx, lon); break;
    }
}

/* The gazetteer's countries as the temporary table hd_countries of a
 * PostgreSQL connection: what SQLite's hd_country_* functions give */
static int pg_countries(Db *db, const Gazetteer *g, char *err, size_t errsz)
{
    DbStmt *q = db_prepare(db, "CREATE TEMP TABLE hd_countries(code text PRIMARY KEY, name text, cc2 text,"
                               " lat double precision, lon double precision)", 0);
    int rc = q ? db_step(q) : DB_ERROR;
    db_finalize(q);
    const char *code;
    for (uint32_t k = 0; rc != DB_ERROR && (code = gazetteer_country_code(g, k)); k++) {
        double lat, lon;
        const char *name;
        char cc2[3], v[2][32];
        if (gazetteer_country_point(g, code, &lat, &lon, &name, cc2)) continue;
        q = db_prepare(db, "INSERT INTO hd_countries VALUES(?1, ?2, ?3, CAST(?4 AS double precision),"
                           " CAST(?5 AS double precision)) ON CONFLICT DO NOTHING", 0);
        if (!q) {
            rc = DB_ERROR;
            break;
        }
        snprintf(v[0], sizeof v[0], "%.17g", lat);
        snprintf(v[1], sizeof v[1], "%.17g", lon);
        db_bind_text(q, 1, code);
        db_bind_text(q, 2, name);
        db_bind_text(q, 3, cc2);
        db_bind_text(q, 4, v[0]);
        db_bind_text(q, 5, v[1]);
        rc = db_step(q);
        db_finalize(q);
    }
    if (rc == DB_ERROR) {
        snprintf(err, errsz, "%s", db_errmsg(db));
        return -1;
    }
    return 0;
}

/* How many GDELT rows the filters give for events without a date. */
static long undated_rows(const Reader *r)
{
    Buf sql = {0};
    /* (SQLite's rows keep the day as a number: store.c, version 19) */
    buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM events e%s AND %s GROUP BY e.story, e.source, e.target, e.code) t",
               r->where.data, r->f.pg ? "e.date IS NULL" : "e.day = 9999999");
    DbStmt *q = db_prepare(r->db, sql.data, 0);
    long n = 0;
    if (q) {
        db_bind_all(q, r->vals.v, r->vals.n);
        if (db_step(q) == DB_ROW) n = (long)db_column_int64(q, 0);
        db_finalize(q);
    }
    buf_free(&sql);
    return n;
}

int export_main(int argc, char **argv)
{
    Reader r;
    memset(&r, 0, sizeof r);
    static const char *const names[] = {"--format", NULL};
    const char *values[1] = {NULL};
    int st = reader_args(&r, "export", USAGE, argc, argv, names, values);
    if (st >= 0) return st;
    const char *format = values[0];
    if (!format || (strcmp(format, "gdelt") && strcmp(format, "jsonl") && strcmp(format, "csv")))
        return rows_usage("export", "--format must be gdelt, jsonl or csv");
    if ((st = reader_open(&r)) >= 0) return st;
    /* the countries' names, codes and points for the geography columns */
    char gerr[512];
    Gazetteer *gaz = gazetteer_load(gerr, sizeof gerr);
    if (!gaz) fprintf(stderr, "herodotus export: %s (the geography columns stay empty)\n", gerr);
    CountryFn fns[4] = {{gaz, 0}, {gaz, 1}, {gaz, 2}, {gaz, 3}};
    static const char *const fn_names[4] = {"hd_country_name", "hd_country_cc2", "hd_country_lat", "hd_country_lon"};
    Buf sql = {0};
    char err[512];
    int status = 0;
    if (db_sqlite(r.db))
        for (int i = 0; i < 4; i++)
            sqlite3_create_function(db_sqlite(r.db), fn_names[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, &fns[i],
                                    sql_country, NULL, NULL);
    else if (!strcmp(format, "gdelt"))
        status = pg_countries(r.db, gaz, err, sizeof err);
    if (status) {}
    else if (!strcmp(format, "gdelt")) {
        /* one row per event of a story; GDELT files have no header line */
        gdelt_sql(&sql, r.f.pg, r.where.data);
        buf_puts(&sql, " ORDER BY GLOBALEVENTID");
        if (r.f.limit) buf_printf(&sql, " LIMIT %ld", r.f.limit);
        FILE *tmp = tmpfile();
        status = tmp ? rows_run(r.db, sql.data, r.vals.v, r.vals.n, ROWS_TSV, tmp, err, sizeof err) : -1;
        if (!tmp) snprintf(err, sizeof err, "cannot make a temporary file");
        if (!status) {
            /* drop the header line */
            rewind(tmp);
            int c;
            while ((c = getc(tmp)) != EOF && c != '\n') {}
            char chunk[65536];
            size_t n;
            while ((n = fread(chunk, 1, sizeof chunk, tmp)) > 0) fwrite(chunk, 1, n, stdout);
        }
        if (tmp) fclose(tmp);
        long undated = status ? 0 : undated_rows(&r);
        if (undated)
            fprintf(stderr, "herodotus export: %ld event%s no date: %s SQLDATE, MonthYear, Year and FractionDate"
                            " are the day %s stored (DATEADDED)\n", undated, undated == 1 ? " has" : "s have", undated == 1 ? "its" : "their",
                    undated == 1 ? "it was" : "they were");
    } else {
        buf_puts(&sql, "SELECT e.id, d.doc_id, d.url, d.source AS outlet, e.story, e.sentence, e.date, e.source,"
                       " e.target, e.code, e.root, e.quad, e.goldstein, e.event, e.plover, e.source_text, e.target_text,"
                       " e.verb_text, e.place, e.rule, d.title, d.pubdate, hd_sentence(d.body, d.sentence_spans, e.sentence) AS text"
                       " FROM events e JOIN documents d ON d.id = e.doc"
                       " WHERE e.id IN (");
        reader_event_ids(&r, &sql, 0, NULL, 0);
        buf_puts(&sql, ") ORDER BY e.id");
        if (r.f.limit) buf_printf(&sql, " LIMIT %ld", r.f.limit);
        status = rows_run(r.db, sql.data, r.vals.v, r.vals.n, !strcmp(format, "csv") ? ROWS_CSV : ROWS_JSONL, stdout, err,
                          sizeof err);
    }
    if (status) fprintf(stderr, "herodotus export: %s\n", err);
    reader_close(&r);
    gazetteer_free(gaz);
    buf_free(&sql);
    return status ? 1 : 0;
}
