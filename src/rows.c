/* rows.c - result rows as a table, CSV (RFC 4180) or JSON Lines */
#include "rows.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "utf8.h"

int rows_format(const char *name)
{
    if (!name) return isatty(STDOUT_FILENO) ? ROWS_TABLE : ROWS_CSV;
    if (!strcmp(name, "table")) return ROWS_TABLE;
    if (!strcmp(name, "csv")) return ROWS_CSV;
    if (!strcmp(name, "jsonl")) return ROWS_JSONL;
    if (!strcmp(name, "tsv")) return ROWS_TSV;
    return -1;
}

int rows_usage(const char *cmd, const char *msg)
{
    fprintf(stderr, "herodotus %s: %s\n(see herodotus %s --help)\n", cmd, msg, cmd);
    return 2;
}

static void csv_field(Buf *o, const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n; i++) quote |= s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        buf_put(o, s, n);
        return;
    }
    buf_putc(o, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') buf_putc(o, '"');
        buf_putc(o, s[i]);
    }
    buf_putc(o, '"');
}

static void tsv_field(Buf *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) buf_putc(o, (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i]);
}

void rows_json_fields(Buf *o, DbStmt *q, int from, int to)
{
    for (int c = from; c < to; c++) {
        if (c > from) buf_putc(o, ',');
        const char *name = db_column_name(q, c);
        buf_json_str(o, name, strlen(name));
        buf_putc(o, ':');
        int type = db_column_type(q, c);
        const char *v = db_column_text(q, c);
        size_t n = db_column_bytes(q, c);
        if (type == DB_NULL) buf_puts(o, "null");
        else if (type == DB_INT || type == DB_FLOAT) buf_put(o, v, n);   /* SQLite's own digits */
        else buf_json_str(o, v, n);
    }
}

int rows_run(Db *db, const char *sql, const char **vals, int nvals, int format, FILE *out, char *err, size_t errsz)
{
    DbStmt *q = db_prepare(db, sql, 1);
    if (!q) {
        snprintf(err, errsz, "%s", db_errmsg(db));
        return -1;
    }
    db_bind_all(q, vals, nvals);
    Buf o = {0};
    /* a table needs its column widths: keep the rows */
    char ***rows = NULL;
    size_t nrows = 0, cap = 0;
    size_t *width = NULL;
    int rc, nc = 0;
    for (int first = 1; (rc = db_step(q)) == DB_ROW || (first && rc == DB_DONE); first = 0) {
        if (first) {   /* the columns are known after the first step */
            nc = db_column_count(q);
            width = calloc((size_t)nc + 1, sizeof *width);
            if (format == ROWS_CSV || format == ROWS_TSV) {
                for (int c = 0; c < nc; c++) {
                    if (c) buf_putc(&o, format == ROWS_CSV ? ',' : '\t');
                    buf_puts(&o, db_column_name(q, c));
                }
                buf_putc(&o, '\n');
            }
            for (int c = 0; c < nc; c++) width[c] = strlen(db_column_name(q, c));
            if (rc == DB_DONE) break;
        }
        if (format == ROWS_TABLE) {
            if (nrows == cap) {
                cap = cap ? cap * 2 : 64;
                rows = realloc(rows, cap * sizeof *rows);
            }
            char **r = malloc((size_t)nc * sizeof *r);
            for (int c = 0; c < nc; c++) {
                const char *v = db_column_text(q, c);
                r[c] = strdup(v ? v : "");
                size_t w = utf8_width(r[c], strlen(r[c]));
                if (w > 60) w = 60;
                if (w > width[c]) width[c] = w;
            }
            rows[nrows++] = r;
            continue;
        }
        if (format == ROWS_JSONL) {
            buf_putc(&o, '{');
            rows_json_fields(&o, q, 0, nc);
            buf_puts(&o, "}\n");
        } else {
            for (int c = 0; c < nc; c++) {
                const char *v = db_column_text(q, c);
                size_t n = db_column_bytes(q, c);
                if (c) buf_putc(&o, format == ROWS_CSV ? ',' : '\t');
                if (format == ROWS_CSV) csv_field(&o, v ? v : "", v ? n : 0);
                else tsv_field(&o, v ? v : "", v ? n : 0);
            }
            buf_putc(&o, '\n');
        }
        if (o.len > (1u << 16)) {
            fwrite(o.data, 1, o.len, out);
            buf_clear(&o);
        }
    }
    if (format == ROWS_TABLE) {
        for (int c = 0; c < nc; c++) {
            const char *h = db_column_name(q, c);
            buf_printf(&o, "%s%s", c ? "  " : "", h);
            for (size_t k = strlen(h); k < width[c] && c + 1 < nc; k++) buf_putc(&o, ' ');
        }
        buf_putc(&o, '\n');
        for (size_t r = 0; r < nrows; r++) {
            for (int c = 0; c < nc; c++) {
                const char *v = rows[r][c];
                size_t i = 0, w = 0, n = strlen(v);
                if (c) buf_puts(&o, "  ");
                while (i < n) {   /* cut at the column width */
                    int k;
                    utf8_decode(v + i, n - i, &k);
                    size_t cw = utf8_width(v + i, (size_t)k);
                    if (w + cw > width[c]) break;
                    for (int b = 0; b < k; b++) buf_putc(&o, (v[i + b] == '\n' || v[i + b] == '\t') ? ' ' : v[i + b]);
                    w += cw;
                    i += (size_t)k;
                }
                for (; w < width[c] && c + 1 < nc; w++) buf_putc(&o, ' ');
                free(rows[r][c]);
            }
            buf_putc(&o, '\n');
            free(rows[r]);
        }
        buf_printf(&o, "(%zu row%s)\n", nrows, nrows == 1 ? "" : "s");
        free(rows);
    }
    fwrite(o.data ? o.data : "", 1, o.len, out);
    buf_free(&o);
    free(width);
    if (rc != DB_DONE) {
        snprintf(err, errsz, "%s", db_errmsg(db));
        db_finalize(q);
        return -1;
    }
    db_finalize(q);
    return 0;
}
