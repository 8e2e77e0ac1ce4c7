/* stats.c - `herodotus stats`: counts and mean Goldstein per period, top
 * lists, and the SVG chart */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cameo.h"
#include "dates.h"
#include "query.h"
#include "rows.h"
#include "store.h"
#include "svg.h"

static const char USAGE[] =
    "usage: herodotus stats --db FILE --by day|week|month|year [filters] [--group root|quad]\n"
    "                       [--plot FILE.svg] [--format table|csv|jsonl]\n"
    "       herodotus stats --db FILE --top dyads|actors|codes [filters] [--limit N]\n"
    "\n"
    "Event counts and mean Goldstein score per period (weeks start on Monday),\n"
    "the classic dyadic time series; --group splits them by CAMEO root or quad\n"
    "class; --plot also draws them as an SVG chart.  --top lists the most\n"
    "frequent dyads, actors or event codes.  Filters are those of herodotus\n"
    "query (--dyad A:B [--both-ways], --actor, --source, --target, --code,\n"
    "--root, --quad, --since, --until, --text); --dedup oneaday (default) or none.\n"
    "Events without a date are counted in a last period, \"undated\" (the chart\n"
    "leaves them out and says how many in its title).\n";

/* the period of an event's date; events without a date fall in the period
 * "undated" (sorted after every date), so that every event is counted */
const char *stats_period_sql(const char *by, int pg)
{
    if (!strcmp(by, "day")) return "coalesce(date, 'undated')";
    if (!strcmp(by, "week"))   /* its Monday */
        return pg ? "coalesce(to_char(date_trunc('week', CAST(date AS date)), 'YYYY-MM-DD'), 'undated')"
                  : "coalesce(date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days'), 'undated')";
    if (!strcmp(by, "month")) return "coalesce(substr(date, 1, 7), 'undated')";
    if (!strcmp(by, "year")) return "coalesce(substr(date, 1, 4), 'undated')";
    return NULL;
}

/* The events passing the filter as rows (date, source, target, code, root,
 * quad, goldstein, eid, w, gw): w events (one a day when dedup) whose
 * Goldstein scores add up to gw tenths (an integer: sums exact, the same
 * on every server), eid the first one's id.  Read from the
 * rollups when they can answer: day_totals when neither actors nor codes
 * are asked for (source, target, code and eid are then NULL), else
 * event_days; from the events only for filters on words or places. */
/* a Goldstein score in tenths, as an integer */
#define G10(x) "CAST(round(" x " * 10) AS INTEGER)"

/* Can a series by `by` be summed from the rollups by month (SQLite's
 * month_totals and dyad_months)?  By month or year, with actors given
 * as countries (three letters) if at all, no codes, and dates (if any)
 * from a month's first day to a month's last. */
static int by_months(const Filter *f, const char *by)
{
    if (f->pg || !by || (strcmp(by, "month") && strcmp(by, "year")) || f->code || !filter_rollup(f)) return 0;
    const char *codes[] = {f->actor, f->source, f->target, f->dyad_a, f->dyad_b};
    for (size_t k = 0; k < 5; k++)
        if (codes[k] && strlen(codes[k]) != 3) return 0;
    size_t used;
    int d;
    if (f->since && ((d = date_parse(f->since, strlen(f->since), &used)) < 10000000 || d % 100 != 1)) return 0;
    if (f->until && ((d = date_parse(f->until, strlen(f->until), &used)) < 10000000 ||
                     date_from_days(date_to_days(d) + 1) % 100 != 1))
        return 0;
    return 1;
}

/* a month rollup's rows with their month as a date: its first day */
#define MONTH_DATE "CASE WHEN ym = 999999 THEN 'undated' ELSE printf('%%04d-%%02d-01', ym / 100, ym %% 100) END AS date"

void stats_events_sql(Buf *sql, const Filter *f, int actors, const char *by, const char *where, const Params *vals)
{
    int dedup = f->dedup;
    if (!actors && by_months(f, by)) {
        /* the sums by month: of everything, of one country (as source,
         * target or both: sc and tc as the filter's words name them), or
         * of the actors' pairs of countries */
        Buf months = {0};
        const char *from = "month_totals";
        if (rollup_country_months(&months, f))
            from = "(SELECT *, CASE WHEN role = 't' THEN NULL ELSE c END AS sc,"
                   " CASE WHEN role = 's' THEN NULL ELSE c END AS tc FROM actor_months)";
        else if (filter_actors(f) && rollup_months(&months, f, NULL))
            from = "dyad_months";
        buf_printf(sql,
                   "(SELECT nullif(e.date, 'undated') AS date, NULL AS source, NULL AS target, NULL AS code,"
                   " e.root AS root, e.quad AS quad, NULL AS goldstein, NULL AS eid, e.%s AS w, e.%s AS gw"
                   " FROM (SELECT *, " MONTH_DATE " FROM %s) e%s%s)",
                   dedup ? "days" : "n", dedup ? "g10_days" : "g10", from, where, months.len ? months.data : "");
        buf_free(&months);
        return;
    }
    if (!filter_rollup(f)) {
        if (dedup)
            buf_printf(sql,
                       "(SELECT e.date AS date, e.source AS source, e.target AS target, e.code AS code,"
                       " min(e.root) AS root, min(e.quad) AS quad, min(e.goldstein) AS goldstein, min(e.id) AS eid,"
                       " 1 AS w, " G10("min(e.goldstein)") " AS gw FROM events e%s GROUP BY e.date, e.source, e.target, e.code)",
                       where);
        else
            buf_printf(sql,
                       "(SELECT e.date AS date, e.source AS source, e.target AS target, e.code AS code, e.root AS root,"
                       " e.quad AS quad, e.goldstein AS goldstein, e.id AS eid, 1 AS w, " G10("e.goldstein") " AS gw"
                       " FROM events e%s)",
                       where);
    } else if (!actors && !filter_actors(f) && !f->code)
        buf_printf(sql,
                   "(SELECT nullif(e.date, 'undated') AS date, NULL AS source, NULL AS target, NULL AS code,"
                   " e.root AS root, e.quad AS quad, NULL AS goldstein, NULL AS eid, e.%s AS w, e.%s AS gw"
                   " FROM day_totals e%s)",
                   dedup ? "days" : "n", dedup ? "g10_days" : "g10", where);
    else {
        /* (SQLite's rows keep their day as a number and their code's
         * Goldstein score in `codes` alone: store.c, version 16) */
        Buf months = {0}, rw = {0};
        rollup_months(&months, f, NULL);
        rollup_where(f, where, vals, &rw);
        const char *date = f->pg ? "nullif(e.date, 'undated')" : STORE_DAY_DATE("e.day");
        const char *g = f->pg ? "e.goldstein" : "c.goldstein";
        buf_printf(sql,
                   "(SELECT %s AS date, e.source AS source, e.target AS target, e.code AS code,"
                   " e.root AS root, e.quad AS quad, %s AS goldstein, e.id AS eid, %s AS w,"
                   " %sCAST(round(%s * 10) AS INTEGER) AS gw FROM event_days e%s%s%s)",
                   date, g, dedup ? "1" : "e.n", dedup ? "" : "e.n * ", g,
                   f->pg ? "" : " JOIN codes c ON c.code = e.code", rw.data, months.len ? months.data : "");
        buf_free(&rw);
        buf_free(&months);
    }
}

/* No filter at all on a SQLite store: the sums of all time by pair of
 * actors and by code (store.c: pair_totals, code_totals) give the top
 * lists, not every rollup row. */
static int whole_store(const Filter *f)
{
    return !f->pg && !filter_actors(f) && !f->code && !f->root && !f->quad && !f->since && !f->until && !f->text &&
           !f->country && !f->near;
}

/* the most frequent dyads (both actors known), actors (either role) or codes */
void stats_top_sql(Buf *sql, const Filter *f, const char *what, const char *events, long limit)
{
    char all[160];
    if (whole_store(f)) {
        snprintf(all, sizeof all, "(SELECT %s, %s AS w, %s AS gw FROM %s)",
                 strcmp(what, "codes") ? "source, target" : "code, NULL AS eid", f->dedup ? "days" : "n",
                 f->dedup ? "g10_days" : "g10", strcmp(what, "codes") ? "pair_totals" : "code_totals");
        events = all;
    }
    if (!strcmp(what, "dyads"))
        buf_printf(sql, "SELECT source, target, sum(w) AS events, " STATS_MEAN " AS goldstein FROM %s t"
                        " WHERE source != '' AND target != '' GROUP BY source, target"
                        " ORDER BY events DESC, source, target LIMIT %ld", events, limit);
    else if (!strcmp(what, "actors"))
        buf_printf(sql, "WITH b AS MATERIALIZED %s"   /* the events once, for both roles */
                        " SELECT actor, sum(w) AS events, sum(CASE WHEN role = 's' THEN w ELSE 0 END) AS as_source,"
                        " sum(CASE WHEN role = 't' THEN w ELSE 0 END) AS as_target"
                        " FROM (SELECT source AS actor, 's' AS role, w FROM b WHERE source != '' UNION ALL"
                        " SELECT target, 't', w FROM b WHERE target != '') u"
                        " GROUP BY actor ORDER BY events DESC, actor LIMIT %ld", events, limit);
    else   /* the code's name: as its first event has it, which SQLite's codes keep for every event of it */
        buf_printf(sql, "SELECT code, %s AS event, events, goldstein"
                        " FROM (SELECT code, min(eid) AS eid, sum(w) AS events, " STATS_MEAN " AS goldstein"
                        " FROM %s s GROUP BY code) t ORDER BY events DESC, code LIMIT %ld",
                   f->pg ? "(SELECT x.event FROM events x WHERE x.id = t.eid)" : "(SELECT c.name FROM codes c WHERE c.code = t.code)",
                   events, limit);
}

/* the period after p ("2024-03" -> "2024-04"); 0 when p is not of its form */
int stats_next_period(const char *by, const char *p, char *out, size_t cap)
{
    int y, m, d;
    if (!strcmp(by, "year") && sscanf(p, "%d", &y) == 1) return snprintf(out, cap, "%04d", y + 1) > 0;
    if (!strcmp(by, "month") && sscanf(p, "%d-%d", &y, &m) == 2)
        return snprintf(out, cap, "%04d-%02d", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1) > 0;
    if (sscanf(p, "%d-%d-%d", &y, &m, &d) == 3) {
        int v = date_make(y, m, d);
        if (!v) return 0;
        date_format(date_from_days(date_to_days(v) + (!strcmp(by, "week") ? 7 : 1)), out);
        return 1;
    }
    return 0;
}

/* the name of a group: the CAMEO name of a root, the name of a quad class; "" none */
const char *stats_group_name(const char *group, const char *g)
{
    static const char *const quads[] = {"", "verbal cooperation", "material cooperation", "verbal conflict",
                                        "material conflict"};
    if (!strcmp(group, "quad")) return g[0] >= '1' && g[0] <= '4' && !g[1] ? quads[g[0] - '0'] : "";
    const CameoCode *c = cameo_get(g);
    return c ? c->name : "";
}

/* the label of a group in the chart's legend: "3 verbal conflict", "14 Protest" */
static void group_label(const char *group, const char *g, char *out, size_t cap)
{
    const char *name = group ? stats_group_name(group, g) : "";
    if (!*name) snprintf(out, cap, "%s", g);
    else if (!strcmp(group, "quad")) snprintf(out, cap, "%s %s", g, name);
    else snprintf(out, cap, "%s %.22s", g, name);
}

static int plot(Db *db, const char *sql, const char **vals, int nvals, const char *by, const char *group,
                const char *title, const char *path, char *err, size_t errsz)
{
    int grouped = group != NULL;
    DbStmt *q = db_prepare(db, sql, 1);
    if (!q) {
        snprintf(err, errsz, "%s", db_errmsg(db));
        return -1;
    }
    db_bind_all(q, vals, nvals);
    /* rows: period, [group,] events, goldstein, ordered by period */
    char **periods = NULL, **groups = NULL;
    int np = 0, ng = 0, cap = 0, gcap = 0;
    typedef struct { int p, g; double n, gs; } Cell;
    Cell *cells = NULL;
    int nc = 0, ccap = 0;
    double undated = 0;   /* events of the period "undated": no point on a time axis */
    int rc;
    while ((rc = db_step(q)) == DB_ROW) {
        const char *per = db_column_text(q, 0);
        const char *grp = grouped ? db_column_text(q, 1) : "events";
        if (!per) continue;
        if (!strcmp(per, "undated")) {
            undated += db_column_double(q, grouped ? 2 : 1);
            continue;
        }
        if (!np || strcmp(periods[np - 1], per)) {
            if (np == cap) periods = realloc(periods, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *periods);
            periods[np++] = strdup(per);
        }
        int g;
        for (g = 0; g < ng && strcmp(groups[g], grp ? grp : ""); g++) {}
        if (g == ng) {
            if (ng == gcap) groups = realloc(groups, (size_t)(gcap = gcap ? gcap * 2 : 8) * sizeof *groups);
            groups[ng++] = strdup(grp ? grp : "");
        }
        if (nc == ccap) cells = realloc(cells, (size_t)(ccap = ccap ? ccap * 2 : 256) * sizeof *cells);
        cells[nc++] = (Cell){np - 1, g, db_column_double(q, grouped ? 2 : 1), db_column_double(q, grouped ? 3 : 2)};
    }
    if (rc == DB_ERROR) {   /* a chart of part of the rows would mislead */
        snprintf(err, errsz, "%s", db_errmsg(db));
        db_finalize(q);
        for (int i = 0; i < np; i++) free(periods[i]);
        for (int i = 0; i < ng; i++) free(groups[i]);
        free(periods);
        free(groups);
        free(cells);
        return -1;
    }
    db_finalize(q);
    /* every period from the first to the last, with or without events */
    int *at = calloc((size_t)(np ? np : 1), sizeof *at);
    char **all = NULL;
    int na = 0, acap = 0;
    for (int p = 0; p < np; p++) {
        char cur[32];
        if (na) {
            while (na < 100000 && stats_next_period(by, all[na - 1], cur, sizeof cur) && strcmp(cur, periods[p]) < 0) {
                if (na == acap) all = realloc(all, (size_t)(acap = acap ? acap * 2 : 64) * sizeof *all);
                all[na++] = strdup(cur);
            }
        }
        if (na == acap) all = realloc(all, (size_t)(acap = acap ? acap * 2 : 64) * sizeof *all);
        all[na++] = strdup(periods[p]);
        at[p] = na - 1;
    }
    double *counts = calloc((size_t)(ng ? ng : 1) * (size_t)(na ? na : 1), sizeof *counts);
    double *gsum = calloc((size_t)(na ? na : 1), sizeof *gsum), *gn = calloc((size_t)(na ? na : 1), sizeof *gn);
    for (int i = 0; i < nc; i++) {
        int p = at[cells[i].p];
        counts[cells[i].g * na + p] = cells[i].n;
        gsum[p] += cells[i].gs * cells[i].n;
        gn[p] += cells[i].n;
    }
    for (int i = 0; i < np; i++) free(periods[i]);
    free(periods);
    free(at);
    periods = all;
    np = na;
    /* groups in order, labelled */
    for (int a = 1; a < ng; a++)
        for (int b = a; b > 0 && strcmp(groups[b - 1], groups[b]) > 0; b--) {
            char *t = groups[b];
            groups[b] = groups[b - 1];
            groups[b - 1] = t;
            for (int p = 0; p < np; p++) {
                double x = counts[b * np + p];
                counts[b * np + p] = counts[(b - 1) * np + p];
                counts[(b - 1) * np + p] = x;
            }
        }
    for (int g = 0; g < ng; g++) {
        char lab[96];
        group_label(group, groups[g], lab, sizeof lab);
        free(groups[g]);
        groups[g] = strdup(lab);
    }
    for (int p = 0; p < np; p++) gsum[p] = gn[p] > 0 ? gsum[p] / gn[p] : NAN;
    FILE *f = fopen(path, "w");
    int status = 0;
    if (!f) {
        snprintf(err, errsz, "%s: cannot write", path);
        status = -1;
    } else {
        char full[512];
        if (undated > 0)
            snprintf(full, sizeof full, "%s (%.0f undated event%s not drawn)", title, undated, undated == 1 ? "" : "s");
        else snprintf(full, sizeof full, "%s", title);
        Series s = {full, (const char *const *)periods, np, (const char *const *)groups, ng, counts, gsum};
        svg_series(f, &s);
        if (fclose(f) != 0) {
            snprintf(err, errsz, "%s: write error", path);
            status = -1;
        }
    }
    for (int i = 0; i < np; i++) free(periods[i]);
    for (int i = 0; i < ng; i++) free(groups[i]);
    free(periods);
    free(groups);
    free(cells);
    free(counts);
    free(gsum);
    free(gn);
    return status;
}

int stats_main(int argc, char **argv)
{
    Reader r;
    memset(&r, 0, sizeof r);
    r.f.dedup = 1;
    static const char *const names[] = {"--by", "--group", "--top", "--plot", "--format", NULL};
    const char *values[5] = {NULL, NULL, NULL, NULL, NULL};
    int st = reader_args(&r, "stats", USAGE, argc, argv, names, values);
    if (st >= 0) return st;
    const char *by = values[0], *group = values[1], *top = values[2], *svg = values[3];
    if (!by && !top) return rows_usage("stats", "--by day|week|month|year or --top dyads|actors|codes is required");
    if (by && !stats_period_sql(by, 0)) return rows_usage("stats", "--by must be day, week, month or year");
    if (group && strcmp(group, "root") && strcmp(group, "quad")) return rows_usage("stats", "--group must be root or quad");
    if (top && strcmp(top, "dyads") && strcmp(top, "actors") && strcmp(top, "codes"))
        return rows_usage("stats", "--top must be dyads, actors or codes");
    if (svg && !by) return rows_usage("stats", "--plot draws a series: give --by");
    int fmt = rows_format(values[4]);
    if (fmt < 0) return rows_usage("stats", "--format must be table, csv or jsonl");
    if ((st = reader_open(&r)) >= 0) return st;
    Filter f = r.f;
    Db *db = r.db;
    const char **vals = r.vals.v;
    int nvals = r.vals.n;
    Buf sql = {0}, b = {0};
    char err[512];
    stats_events_sql(&b, &f, top != NULL, by, r.where.data, &r.vals);
    long limit = f.limit ? f.limit : 20;
    if (top) stats_top_sql(&sql, &r.f, top, b.data, limit);
    else if (group)
        buf_printf(&sql, "SELECT %s AS period, %s AS \"%s\", sum(w) AS events, " STATS_MEAN " AS goldstein"
                         " FROM %s t GROUP BY period, 2 ORDER BY period, 2", stats_period_sql(by, f.pg), group, group, b.data);
    else
        buf_printf(&sql, "SELECT %s AS period, sum(w) AS events, " STATS_MEAN " AS goldstein"
                         " FROM %s t GROUP BY period ORDER BY period", stats_period_sql(by, f.pg), b.data);
    int status = rows_run(db, sql.data, vals, nvals, fmt, stdout, err, sizeof err);
    if (!status && svg) {
        char title[256];
        snprintf(title, sizeof title, "Events per %s%s%s%s%s%s%s", by, f.dyad_a ? ", " : "", f.dyad_a ? f.dyad_a : "",
                 f.dyad_a ? (f.both_ways ? " <-> " : " -> ") : "", f.dyad_b ? f.dyad_b : "", f.actor ? ", actor " : "",
                 f.actor ? f.actor : "");
        status = plot(db, sql.data, vals, nvals, by, group, title, svg, err, sizeof err);
    }
    if (status) fprintf(stderr, "herodotus stats: %s\n", err);
    reader_close(&r);
    buf_free(&sql);
    buf_free(&b);
    return status ? 1 : 0;
}
