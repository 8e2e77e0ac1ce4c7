/* export.c - `herodotus export`: the GDELT 2.0 event table, JSON Lines, CSV */
#include <sqlite3.h>
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
#define EVENT_DAY "coalesce(e.date, substr(min(d.ingested_at), 1, 10))"

/* An actor's geography where its code names a country: that country
 * (type 1), its name, alpha-2 code and point */
#define ACTOR_GEO(col, a) \
    " CASE WHEN hd_country_name(substr(" col ", 1, 3)) IS NULL THEN '' ELSE 1 END AS " a "Geo_Type," \
    " coalesce(hd_country_name(substr(" col ", 1, 3)), '') AS " a "Geo_FullName," \
    " coalesce(hd_cc2(substr(" col ", 1, 3)), '') AS " a "Geo_CountryCode, '' AS " a "Geo_ADM1Code," \
    " '' AS " a "Geo_ADM2Code," \
    " coalesce(printf('%.4f', hd_country_lat(substr(" col ", 1, 3))), '') AS " a "Geo_Lat," \
    " coalesce(printf('%.4f', hd_country_lon(substr(" col ", 1, 3))), '') AS " a "Geo_Long," \
    " '' AS " a "Geo_FeatureID,"

/* GDELT 2.0: 61 columns.  Actor codes split as CAMEO does: a country (or
 * IGO/NGO/IMG group) of three letters, then up to three type codes. */
static const char *GDELT_SQL =
    "SELECT min(e.id) AS GLOBALEVENTID,"
    " replace(" EVENT_DAY ", '-', '') AS SQLDATE,"
    " substr(replace(" EVENT_DAY ", '-', ''), 1, 6) AS MonthYear,"
    " substr(" EVENT_DAY ", 1, 4) AS Year,"
    " printf('%.4f', CAST(substr(" EVENT_DAY ", 1, 4) AS INTEGER) + (CAST(strftime('%j', " EVENT_DAY
    ") AS INTEGER) - 1) / 365.0) AS FractionDate,"
    " e.source AS Actor1Code, min(e.source_text) AS Actor1Name,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG', '---') THEN '' ELSE substr(e.source, 1, 3) END AS Actor1CountryCode,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN substr(e.source, 4) ELSE '' END AS Actor1KnownGroupCode,"
    " '' AS Actor1EthnicCode, '' AS Actor1Religion1Code, '' AS Actor1Religion2Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 4, 3) END AS Actor1Type1Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 7, 3) END AS Actor1Type2Code,"
    " CASE WHEN substr(e.source, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.source, 10, 3) END AS Actor1Type3Code,"
    " e.target AS Actor2Code, min(e.target_text) AS Actor2Name,"
    " CASE WHEN e.target = '' OR substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG', '---') THEN '' ELSE substr(e.target, 1, 3) END AS Actor2CountryCode,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN substr(e.target, 4) ELSE '' END AS Actor2KnownGroupCode,"
    " '' AS Actor2EthnicCode, '' AS Actor2Religion1Code, '' AS Actor2Religion2Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 4, 3) END AS Actor2Type1Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 7, 3) END AS Actor2Type2Code,"
    " CASE WHEN substr(e.target, 1, 3) IN ('IGO', 'NGO', 'IMG') THEN '' ELSE substr(e.target, 10, 3) END AS Actor2Type3Code,"
    " max(e.sentence = 0) AS IsRootEvent,"
    " e.code AS EventCode, substr(e.code, 1, 3) AS EventBaseCode, min(e.root) AS EventRootCode,"
    " min(e.quad) AS QuadClass, min(e.goldstein) AS GoldsteinScale,"
    " count(*) AS NumMentions, count(DISTINCT coalesce(d.source, d.doc_id)) AS NumSources,"
    " count(DISTINCT e.doc) AS NumArticles, '' AS AvgTone,";
/* ... and their geography, the day added and the source */
static const char *GDELT_SQL_GEO =
    ACTOR_GEO("e.source", "Actor1")
    ACTOR_GEO("e.target", "Actor2")
    " CASE WHEN min(e.place_kind) = 'city' THEN (CASE WHEN min(e.place_country) = 'USA' THEN 3 ELSE 4 END)"
    "      WHEN min(e.place_kind) = 'country' THEN 1 ELSE '' END AS ActionGeo_Type,"
    " CASE WHEN min(e.place_kind) = 'city' THEN min(e.place) || coalesce(', ' || nullif(min(e.place_region), ''), '')"
    "        || coalesce(', ' || hd_country_name(min(e.place_country)), '')"
    "      ELSE coalesce(min(e.place), '') END AS ActionGeo_FullName,"
    " coalesce(hd_cc2(min(e.place_country)), '') AS ActionGeo_CountryCode,"
    " '' AS ActionGeo_ADM1Code, '' AS ActionGeo_ADM2Code,"
    " coalesce(printf('%.4f', min(e.place_lat)), '') AS ActionGeo_Lat,"
    " coalesce(printf('%.4f', min(e.place_lon)), '') AS ActionGeo_Long,"
    " '' AS ActionGeo_FeatureID,"
    " strftime('%Y%m%d%H%M%S', min(d.ingested_at)) AS DATEADDED,"
    " coalesce(min(d.url), min(d.doc_id)) AS SOURCEURL"
    " FROM events e JOIN documents d ON d.id = e.doc";

/* hd_country_name(ISO3), hd_cc2, hd_country_lat, hd_country_lon: a
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

/* How many GDELT rows the filters give for events without a date. */
static long undated_rows(const Reader *r)
{
    Buf sql = {0};
    buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM events e%s AND e.date IS NULL"
                     " GROUP BY e.story, e.source, e.target, e.code)", r->where.data);
    sqlite3_stmt *q;
    long n = 0;
    if (sqlite3_prepare_v2(r->db, sql.data, -1, &q, NULL) == SQLITE_OK) {
        for (int i = 0; i < r->vals.n; i++) sqlite3_bind_text(q, i + 1, r->vals.v[i], -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) n = (long)sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
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
    static const char *const fn_names[4] = {"hd_country_name", "hd_cc2", "hd_country_lat", "hd_country_lon"};
    for (int i = 0; i < 4; i++)
        sqlite3_create_function(r.db, fn_names[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, &fns[i], sql_country, NULL, NULL);
    Buf sql = {0};
    char err[512];
    int status;
    if (!strcmp(format, "gdelt")) {
        /* one row per event of a story; GDELT files have no header line */
        buf_printf(&sql, "%s%s%s GROUP BY e.story, e.date, e.source, e.target, e.code ORDER BY GLOBALEVENTID", GDELT_SQL, GDELT_SQL_GEO,
                   r.where.data);
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
