/* fuzz_query_filter.c - query filters: the input split on NUL bytes or
 * newlines is an argument list read by filter_option (as query, stats and
 * export read theirs), and its WHERE clause made by filter_sql.  The SQL is
 * prepared, bound and run against an empty event store: a filter's value
 * must never break the statement (abort when it does). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "fuzz.h"
#include "query.h"
#include "store.h"

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
    db = store_open_read(path, err, sizeof err);
    if (!db) {
        fprintf(stderr, "fuzz: %s\n", err);
        return 1;
    }
    return 0;
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
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) != SQLITE_OK) {
            fprintf(stderr, "fuzz: filter SQL does not prepare: %s\n%s\n", sqlite3_errmsg(db), sql.data);
            abort();
        }
        if (sqlite3_bind_parameter_count(st) != vals.n) {
            fprintf(stderr, "fuzz: %d parameters in the SQL, %d values\n", sqlite3_bind_parameter_count(st), vals.n);
            abort();
        }
        for (int k = 0; k < vals.n; k++) sqlite3_bind_text(st, k + 1, vals.v[k], -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            fprintf(stderr, "fuzz: filter SQL fails: %s\n%s\n", sqlite3_errmsg(db), sql.data);
            abort();
        }
        sqlite3_finalize(st);
        buf_free(&sql);
    }
    buf_free(&where);
    params_free(&vals);
    free(argv);
    free(s);
    return 0;
}
