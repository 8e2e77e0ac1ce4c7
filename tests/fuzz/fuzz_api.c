/* fuzz_api.c - the JSON API (api.c) as `herodotus serve` hands it a
 * request: the input's first line is "METHOD PATH", its second the
 * Content-Type, then one parameter a line (KEY=VALUE, as decoded from the
 * query string) up to an empty line, and the body after it.  The store
 * holds one coded article.  Every answer must be one JSON object with a
 * known status, an error object whenever it is no 200 (abort otherwise). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "arena.h"
#include "fuzz.h"
#include "pipeline.h"
#include "store.h"

static Coder coder;
static Api *api;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char err[4400];
    coder.opt.notes = 1;
    if (pipeline_load(&coder, err, sizeof err)) {
        fprintf(stderr, "fuzz: %s\n", err);
        exit(1);
    }
    const char *path = fuzz_file("api.db", (const uint8_t *)"", 0);
    remove(path);
    Store *st = store_open(path, err, sizeof err);
    if (!st) {
        fprintf(stderr, "fuzz: %s\n", err);
        exit(1);
    }
    const char *t = "MOSCOW, April 8 (Wire) - Russian Foreign Minister Sergei Lavrov arrived in China on Monday for a "
                    "two-day visit. \"We will strengthen cooperation,\" Wang Yi told Xinhua. Police in Nairobi "
                    "arrested five protesters on Tuesday.";
    RawDoc raw = {"fuzz", 0, "fuzz-doc", NULL, "2024-04-10", NULL, "Wire", t, strlen(t), NULL};
    Arena a;
    arena_init(&a);
    Doc d;
    int cut = 0;
    StoreView v;
    if (pipeline_run(&d, &a, &raw, &coder.dict, &coder.models, &coder.opt, NULL, err, sizeof err, &cut)) {
        fprintf(stderr, "fuzz: %s\n", err);
        exit(1);
    }
    store_view(&v, &d, t, strlen(t), &a, NULL);
    if (store_doc(st, &v, 0, err, sizeof err) || store_commit(st, err, sizeof err)) {
        fprintf(stderr, "fuzz: %s\n", err);
        exit(1);
    }
    store_close(st);
    arena_free(&a);
    api = api_open(path, &coder, 1, err, sizeof err);
    if (!api) {
        fprintf(stderr, "fuzz: %s\n", err);
        exit(1);
    }
    api_set_cache(api, 0);   /* its 64 MB of answers would pass the fuzzer's memory limit */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_str(data, size);
    /* the lines of the head, up to an empty line; the body after it */
    char *body = NULL;
    size_t body_len = 0;
    char *lines[72];
    int n = 0;
    char *p = s, *end = s + size;
    while (p <= end && n < 72) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        *nl = '\0';
        if (n >= 2 && nl == p) {   /* the empty line */
            body = nl + 1 <= end ? nl + 1 : end;
            body_len = (size_t)(end - body);
            break;
        }
        lines[n++] = p;
        p = nl + 1;
    }
    if (n >= 1) {
        char *method = lines[0], *path = strchr(lines[0], ' ');
        if (path) *path++ = '\0';
        else path = (char *)"/api/events";
        ApiParam params[70];
        int np = 0;
        for (int i = 2; i < n && np < 70; i++) {
            char *eq = strchr(lines[i], '=');
            if (eq) *eq++ = '\0';
            params[np++] = (ApiParam){lines[i], eq};
        }
        ApiRequest rq = {method, path, params, np, body, body_len, n >= 2 && *lines[1] ? lines[1] : NULL};
        ApiResponse rs = {0};
        api_handle(api, &rq, &rs);
        static const int known[] = {200, 400, 404, 405, 413, 415, 500, 503};
        int ok = 0;
        for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) ok |= rs.status == known[k];
        json_error_t je;
        json_t *j = json_loadb(rs.body.data, rs.body.len, JSON_ALLOW_NUL, &je);
        if (!ok || !json_is_object(j) ||
            (rs.status != 200 && !json_is_string(json_object_get(json_object_get(j, "error"), "message")))) {
            fprintf(stderr, "fuzz: %s %s gave %d: %.*s\n", method, path, rs.status, (int)rs.body.len, rs.body.data);
            abort();
        }
        if (rs.status == 500) {   /* the store is sound: a 500 is an API bug */
            fprintf(stderr, "fuzz: %s %s gave 500: %.*s\n", method, path, (int)rs.body.len, rs.body.data);
            abort();
        }
        json_decref(j);
        buf_free(&rs.body);
    }
    free(s);
    return 0;
}
