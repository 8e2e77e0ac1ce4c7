/* query.h - reading the event store: filters shared by `query`, `stats`
 * and `export`, and the three commands. */
#ifndef HERODOTUS_QUERY_H
#define HERODOTUS_QUERY_H
#include "buf.h"
#include "db.h"
#include "store.h"

typedef struct Filter {
    const char *db;
    const char *actor, *source, *target;   /* code prefixes */
    const char *dyad_a, *dyad_b;           /* --dyad A:B (pointing into dyad_buf) */
    char dyad_buf[2][64];
    int both_ways;
    const char *code, *root, *quad;        /* comma-separated lists */
    const char *since, *until;             /* YYYY-MM-DD, inclusive */
    const char *text;                      /* full-text words */
    const char *country;                   /* --country: where events happened (ISO 3166 alpha-3) */
    int near;                              /* --near LAT,LON,KM given */
    double near_lat, near_lon, near_km;
    long limit;                            /* 0: none */
    int dedup;                             /* one-a-day filter (default on) */
    int pg;                                /* the store is PostgreSQL's: its SQL dialect */
} Filter;

/* The values bound to ?1, ?2, ... of a filter's SQL: copies, as many as
 * the filters need (41 codes in --code, say). */
typedef struct Params {
    const char **v;
    int n, cap;
    int text_param;    /* the --text words' ?N (0: none), their clause at */
    size_t text_off;   /* this offset of the WHERE clause, to its end */
    int since_param, until_param;   /* the dates' ?N (0: none), their clauses */
    size_t date_off, date_end;      /* from, to these offsets */
} Params;
void params_free(Params *p);

/* Take a filter option at argv[*i] (advancing *i past its value).
 * Returns 1 if taken, 0 if not a filter option, -1 on a usage error (msg). */
int  filter_option(Filter *f, int argc, char **argv, int *i, char *msg, size_t msgsz);
/* " WHERE ..." for the events table aliased e (parameters ?1...), and
 * the values to bind, in order, in vals (emptied first). */
int  filter_sql(const Filter *f, Buf *where, Params *vals, char *msg, size_t msgsz);
/* filter_sql's WHERE clause (where, with its vals) for the rollup's rows
 * (event_days aliased e) into out: a SQLite store keeps their day as a
 * number (e.day; store.c: version 16), PostgreSQL as the date. */
void rollup_where(const Filter *f, const char *where, const Params *vals, Buf *out);
/* Can the store's rollups answer for f (no filter on words or places)? */
int  filter_rollup(const Filter *f);
/* Does f filter on actors (--actor, --source, --target, --dyad)? */
int  filter_actors(const Filter *f);
/* For the rollup's rows (event_days aliased e) in a SQLite store:
 * " AND e.ym IN (...)", the months the store holds within --since and
 * --until and from the month of from_date on (NULL: the first), appended
 * to w (store.c keys the rows by month first: each month is then a seek,
 * and a dyad's rows, or all rows once sorted, come in date order a month
 * at a time).  1 when appended; 0 (nothing) for PostgreSQL. */
int  rollup_months(Buf *w, const Filter *f, const char *from_date);
/* The sums by month of one country (actor_months) answer a filter of one
 * actor, source or target given as a country, SQLite: appends to w its
 * months and that country (" AND e.ym IN (...) AND e.c = 'XXX'") and
 * returns 1; else 0. */
int  rollup_country_months(Buf *w, const Filter *f);

/* The SQL of the stored quotes (aliased q) that pass a speaker (an actor
 * code prefix or part of a name), an outlet's name prefix (via), and
 * f's since, until and text: " AND ..." appended to w, the values to
 * vals.  -1 with msg for a date that is none. */
int  quote_filter_sql(const char *speaker, const char *via, const Filter *f, Buf *w, Params *vals, char *msg,
                      size_t msgsz);

/* How many articles and outlets of an event's story (events aliased e)
 * report the same event: the columns articles and sources (by the events'
 * index by day: SQLite keys it as a number, store.c: version 17) */
#define QUERY_REPORTS_OF(same_day)                                                                                \
    " (SELECT count(DISTINCT x.doc) FROM events x WHERE x.story = e.story AND " same_day                          \
    "   AND x.source = e.source AND x.target = e.target AND x.code = e.code) AS articles,"                         \
    " (SELECT count(DISTINCT coalesce(xd.source, xd.doc_id)) FROM events x JOIN documents xd ON xd.id = x.doc"     \
    "   WHERE x.story = e.story AND " same_day " AND x.source = e.source AND x.target = e.target"                   \
    "   AND x.code = e.code) AS sources"
#define QUERY_REPORTS_PG QUERY_REPORTS_OF("x.date IS NOT DISTINCT FROM e.date")
#define QUERY_REPORTS_LITE QUERY_REPORTS_OF("x.day = e.day")
#define QUERY_REPORTS(pg) ((pg) ? QUERY_REPORTS_PG : QUERY_REPORTS_LITE)

/* What query, stats and export share: the arguments (filters and the
 * command's own options), the WHERE clause, the read-only database. */
typedef struct Reader {
    Filter f;
    const char *cmd;
    Buf where;
    Params vals;
    Db *db;
} Reader;

/* Read argv: filters, and each option of names[] (all take a value) into
 * values[].  Prints the help or a usage error.  Returns -1 to go on, else
 * the exit status. */
int  reader_args(Reader *r, const char *cmd, const char *usage, int argc, char **argv, const char *const *names,
                 const char **values);
/* Build the WHERE clause and open the database; -1 to go on, else the exit
 * status (after a message). */
int  reader_open(Reader *r);
void reader_close(Reader *r);
/* Where a page of events ends: the last one's day ("YYYY-MM-DD", or
 * "undated", which sorts after every date) and id. */
typedef struct Cursor {
    char date[11];
    long long id;
} Cursor;
/* "2024-04-08/1234" into c; -1 when s is not of that form */
int  cursor_parse(const char *s, Cursor *c);
/* Does the filter match so many one-a-day events that walking them in
 * date order fills a page sooner than sorting them?  (A count that stops
 * at a bound: constant time.)  WALK_DATES: the rollup's rows by date;
 * WALK_TEXT (PostgreSQL): the same, each tested against the full-text
 * index (--text with no filter on places; SQLite reads words a month at a
 * time instead); 0: sort what matches, or read it in order by the keys. */
enum { WALK_DATES = 1, WALK_TEXT = 2 };
int  reader_walk(Db *db, const Reader *r);
/* SQL for the ids of the events that pass (one a day when asked); with
 * page > 0, the first page of them in the order query prints them (date,
 * then id; undated last) after the cursor (NULL: from the start).  walk:
 * reader_walk's answer. */
void reader_event_ids(const Reader *r, Buf *sql, long page, const Cursor *after, int walk);

/* What stats and the API (api.c) share (stats.c).  The events passing f
 * (whose WHERE clause is where) as a subquery of
 * (date, source, target, code, root, quad, goldstein, eid, w, gw): w
 * events (one a day when f->dedup) of Goldstein sum gw (in tenths), eid the first
 * one's id; from the rollups when they can answer.  actors: the rows
 * must carry source, target and code (top lists), not only date, root
 * and quad (series).  by: the series' period (NULL: none); by month or
 * year, the sums by month answer when the filter lets them. */
void stats_events_sql(Buf *sql, const Filter *f, int actors, const char *by, const char *where, const Params *vals);
/* The mean Goldstein score of the events subquery's rows, rounded to two
 * decimals (half away from zero) in integers: the same digits from every
 * server, whatever the order it sums in */
#define STATS_MEAN                                                                                                 \
    "(CASE WHEN sum(w) > 0 THEN (CASE WHEN sum(gw) < 0 THEN -1 ELSE 1 END) * ((20 * abs(CAST(sum(gw) AS BIGINT))"   \
    " + CAST(sum(w) AS BIGINT)) / (2 * CAST(sum(w) AS BIGINT))) / 100.0 END)"
/* SQL of an event's period by day, week, month or year ("2024-03";
 * 'undated' without a date); NULL when by is none of them */
const char *stats_period_sql(const char *by, int pg);
/* The period after p ("2024-03" -> "2024-04") into out; 0 when p is not one */
int  stats_next_period(const char *by, const char *p, char *out, size_t cap);
/* The most frequent dyads (both actors known), actors or codes (what) of
 * the events subquery, limit rows */
void stats_top_sql(Buf *sql, const Filter *f, const char *what, const char *events, long limit);
/* The name of a group of a series: a root's CAMEO name, a quad class's */
const char *stats_group_name(const char *group, const char *g);

int query_main(int argc, char **argv);
int stats_main(int argc, char **argv);
int export_main(int argc, char **argv);

#endif
