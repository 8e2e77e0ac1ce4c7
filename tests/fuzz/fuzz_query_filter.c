/* fuzz_query_filter.c - query filters: the input split on NUL bytes or
 * newlines is an argument list read by filter_option (as query, stats and
 * export read theirs), and its WHERE clause made by filter_sql.  The SQL is
 * prepared, bound and run against an empty event store: a filter's value
 * must never break the statement (abort when it does).  So are the pages
 * query reads (reader_event_ids, whole and a page, after the last argument
 * when it reads as a cursor DATE/ID, in the way reader_walk chooses and in
 * every other) and the events stats counts (stats_events_sql). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "fuzz.h"
#include "query.h"
#include "store.h"

static Db *store;   /* the reading layer, and its SQLite connection: */
static sqlite3 *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);   /* the CAMEO table: --code values are checked against it */
    char err[512];
    const char *path = fuzz_file("fuzz.db", (const uint8_t *)"", 0);
    remove(path);
    Store *st = store_open(path, err, sizeof err);
    if (!st) {
        fprintf(stderr, "fuzz: %s\n", err);
        return 1;
    }
    store_close(st);
    store = db_open(path, err, sizeof err);
    db = store ? db_sqlite(store) : NULL;
    if (!db) {
        fprintf(stderr, "fuzz: %s\n", err);
        return 1;
    }
    return 0;
}

/* prepare, bind and run sql to its end (a row at least when row): abort
 * when it breaks or when its parameters are not the filter's values */
static void run(const char *sql, const Params *vals, int row)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "fuzz: SQL does not prepare: %s\n%s\n", sqlite3_errmsg(db), sql);
        abort();
    }
    if (sqlite3_bind_parameter_count(st) != vals->n) {
        fprintf(stderr, "fuzz: %d parameters in the SQL, %d values\n%s\n", sqlite3_bind_parameter_count(st), vals->n, sql);
        abort();
    }
    for (int k = 0; k < vals->n; k++) sqlite3_bind_text(st, k + 1, vals->v[k], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), rows = 0;
    for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) rows++;
    if (rc != SQLITE_DONE || (row && !rows)) {
        fprintf(stderr, "fuzz: SQL fails: %s\n%s\n", sqlite3_errmsg(db), sql);
        abort();
    }
    sqlite3_finalize(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_str(data, size);
    int argc = 0;
    char **argv = malloc((size + 1) * sizeof *argv);
    if (!argv) abort();
    for (size_t i = 0; i <= size; i++) {
        size_t b = i;
        while (i < size && s[i] != '\n' && s[i] != '\0') i++;
        s[i] = '\0';
        argv[argc++] = s + b;
    }
    Filter f = {.dedup = 1};
    char msg[256];
    int bad = 0;
    for (int i = 0; i < argc && !bad; i++) bad = filter_option(&f, argc, argv, &i, msg, sizeof msg) < 0;
    Buf where = {0};
    Params vals = {0};
    if (!bad && !filter_sql(&f, &where, &vals, msg, sizeof msg)) {
        Buf sql = {0};
        buf_printf(&sql, "SELECT count(*) FROM events e%s", where.data);
        run(sql.data, &vals, 1);
        buf_free(&sql);
        Reader r = {.f = f, .where = where, .vals = vals};
        Cursor c;
        int has = argc > 0 && !cursor_parse(argv[argc - 1], &c);
        (void)reader_walk(store, &r);   /* its bounded counts run too */
        for (int walk = 0; walk <= WALK_TEXT; walk++) {   /* every way, chosen or not */
            for (long page = 0; page <= 101; page += 101) {
                Buf ids = {0};
                reader_event_ids(&r, &ids, page, has ? &c : NULL, walk);
                run(ids.data, &vals, 0);
                buf_free(&ids);
            }
        }
        /* top lists, and series by day and by month (the rollups by month) */
        static const char *const bys[] = {NULL, "day", "month"};
        for (int actors = 0; actors < 2; actors++)
            for (size_t b = 0; b < sizeof bys / sizeof *bys; b++) {
                Buf ev = {0}, q = {0};
                stats_events_sql(&ev, &f, actors, bys[b], where.data, &vals);
                buf_printf(&q, "SELECT count(*), sum(w), sum(gw) FROM %s", ev.data);
                run(q.data, &vals, 1);
                buf_free(&ev);
                buf_free(&q);
            }
    }
    buf_free(&where);
    params_free(&vals);
    free(argv);
    free(s);
    return 0;
}
