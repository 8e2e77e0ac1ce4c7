/* fulltext.c - the words of SQLite's full-text index: a query's words as
 * FTS5's tokens, and a sentence read again for words of several tokens
 * (fulltext.h) */
#include "fulltext.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* FTS5's tokenizer, one a connection (what the index's text went through) */
typedef struct Tokenizer {
    fts5_tokenizer api;
    Fts5Tokenizer *t;
} Tokenizer;

static void tokenizer_free(void *p)
{
    Tokenizer *k = p;
    if (k && k->t) k->api.xDelete(k->t);
    free(k);
}

/* Tokens, each NUL-ended in text, the k-th at off[k]; words (a query's)
 * from token first[w] to first[w + 1] */
typedef struct Tokens {
    Buf text;
    size_t *off;
    int n, cap;
    int *first, nwords;
} Tokens;

static void tokens_free(void *p)
{
    Tokens *t = p;
    if (!t) return;
    buf_free(&t->text);
    free(t->off);
    free(t->first);
    free(t);
}

static int token_add(void *ctx, int flags, const char *tok, int len, int start, int end)
{
    (void)flags, (void)start, (void)end;
    Tokens *t = ctx;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 32;
        t->off = realloc(t->off, (size_t)t->cap * sizeof *t->off);
        if (!t->off) abort();
    }
    t->off[t->n++] = t->text.len;
    buf_put(&t->text, tok, (size_t)len);
    buf_putc(&t->text, '\0');
    return SQLITE_OK;
}

static const char *token(const Tokens *t, int k) { return t->text.data + t->off[k]; }

/* the words of a query (separated by spaces or tabs, as query.c splits
 * them), each as its tokens; NULL when the tokenizer fails */
static Tokens *words_parse(const Tokenizer *k, const char *s)
{
    Tokens *t = calloc(1, sizeof *t);
    if (!t) abort();
    size_t nw = 0;
    for (const char *p = s; *p; p++) nw += (p == s || p[-1] == ' ' || p[-1] == '\t') && *p != ' ' && *p != '\t';
    t->first = malloc((nw + 1) * sizeof *t->first);
    if (!t->first) abort();
    while (*s) {
        size_t len = strcspn(s, " \t");
        if (len) {
            t->first[t->nwords++] = t->n;
            if (k->api.xTokenize(k->t, t, FTS5_TOKENIZE_QUERY, s, (int)len, token_add) != SQLITE_OK) {
                tokens_free(t);
                return NULL;
            }
        }
        s += len + (s[len] != '\0');
    }
    t->first[t->nwords] = t->n;
    return t;
}

/* The words of argument 0, parsed once a statement (SQLite keeps them
 * beside the argument while it stays the same) */
static const Tokens *words_arg(sqlite3_context *cx, sqlite3_value *v, int arg)
{
    const Tokens *t = sqlite3_get_auxdata(cx, arg);
    if (t) return t;
    const char *s = (const char *)sqlite3_value_text(v);
    Tokens *p = words_parse(sqlite3_user_data(cx), s ? s : "");
    if (!p) {
        sqlite3_result_error(cx, "the full-text tokenizer failed", -1);
        return NULL;
    }
    sqlite3_set_auxdata(cx, arg, p, tokens_free);
    /* SQLite may free it at once (a value not constant): ask again */
    t = sqlite3_get_auxdata(cx, arg);
    if (!t) sqlite3_result_error(cx, "out of memory", -1);
    return t;
}

/* hd_terms(WORDS) */
static void sql_terms(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    const Tokens *t = words_arg(cx, v[0], 0);
    if (!t) return;
    Buf q = {0};
    int none = !t->nwords;
    for (int w = 0; w < t->nwords; w++) {
        none |= t->first[w] == t->first[w + 1];
        for (int k = t->first[w]; k < t->first[w + 1]; k++) {
            if (q.len) buf_puts(&q, " AND ");
            buf_putc(&q, '"');
            for (const char *c = token(t, k); *c; c++) {
                if (*c == '"') buf_putc(&q, '"');
                buf_putc(&q, *c);
            }
            buf_putc(&q, '"');
        }
    }
    /* a word of no token ("---"), or none: nothing matches (FTS5 would
     * leave an empty phrase out of the AND) */
    sqlite3_result_text(cx, none ? "(\"0\" NOT \"0\")" : q.data, -1, SQLITE_TRANSIENT);
    buf_free(&q);
}

/* hd_runs(WORDS) */
static void sql_runs(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    const Tokens *t = words_arg(cx, v[0], 0);
    if (!t) return;
    int runs = 0;
    for (int w = 0; w < t->nwords && !runs; w++) runs = t->first[w + 1] - t->first[w] > 1;
    sqlite3_result_int(cx, runs);
}

/* hd_has_runs(TEXT, WORDS) */
static void sql_has_runs(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    const Tokens *w = words_arg(cx, v[1], 1);
    if (!w) return;
    const char *s = (const char *)sqlite3_value_text(v[0]);
    if (!s) {
        sqlite3_result_int(cx, 0);
        return;
    }
    const Tokenizer *k = sqlite3_user_data(cx);
    Tokens t = {0};
    if (k->api.xTokenize(k->t, &t, FTS5_TOKENIZE_DOCUMENT, s, sqlite3_value_bytes(v[0]), token_add) != SQLITE_OK) {
        buf_free(&t.text);
        free(t.off);
        sqlite3_result_error(cx, "the full-text tokenizer failed", -1);
        return;
    }
    int all = w->nwords > 0;   /* no word: nothing, as hd_terms */
    for (int i = 0; i < w->nwords && all; i++) {
        int a = w->first[i], len = w->first[i + 1] - a, found = 0;
        for (int at = 0; at + len <= t.n && !found; at++) {
            int j = 0;
            while (j < len && !strcmp(token(&t, at + j), token(w, a + j))) j++;
            found = j == len;
        }
        all = found && len > 0;
    }
    buf_free(&t.text);
    free(t.off);
    sqlite3_result_int(cx, all);
}

int fulltext_functions(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api) return -1;
    Tokenizer *k = calloc(1, sizeof *k);
    void *ud = NULL;
    if (!k) abort();
    if (api->xFindTokenizer(api, "unicode61", &ud, &k->api) != SQLITE_OK ||
        k->api.xCreate(ud, NULL, 0, &k->t) != SQLITE_OK) {
        free(k);
        return -1;
    }
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function_v2(db, "hd_terms", 1, flags, k, sql_terms, NULL, NULL, tokenizer_free) != SQLITE_OK)
        return -1;
    if (sqlite3_create_function(db, "hd_runs", 1, flags, k, sql_runs, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db, "hd_has_runs", 2, flags, k, sql_has_runs, NULL, NULL) != SQLITE_OK)
        return -1;
    return 0;
}
