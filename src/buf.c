/* buf.c - growable byte buffer */
#include "buf.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

void buf_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    b->data = p;
    b->cap = cap;
}

void buf_put(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_putc(Buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    /* formatted straight into the room there is; again only when it did not fit */
    buf_reserve(b, 64);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        buf_reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void buf_int(Buf *b, long long v)
{
    char t[24];
    size_t k = sizeof t;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do t[--k] = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) t[--k] = '-';
    buf_put(b, t + k, sizeof t - k);
}

void buf_fixed(Buf *b, double v, int decimals)
{
    static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double x = decimals >= 1 && decimals <= 6 ? v * scale[decimals] : NAN, r = nearbyint(x);
    /* far from a tie and well inside the integers a double holds exactly,
     * rounding the scaled number is what printf does; otherwise printf */
    if (!(fabs(x) < 1e15) || fabs(fabs(x - r) - 0.5) < 1e-6) {
        buf_printf(b, "%.*f", decimals, v);
        return;
    }
    long long q = (long long)r;
    unsigned long long u = q < 0 ? 0ull - (unsigned long long)q : (unsigned long long)q;
    char t[48];
    size_t k = sizeof t;
    for (int i = 0; i < decimals; i++, u /= 10) t[--k] = (char)('0' + u % 10);
    t[--k] = '.';
    do t[--k] = (char)('0' + u % 10); while (u /= 10);
    if (signbit(v)) t[--k] = '-';   /* printf keeps the sign of -0.04 -> "-0.0" */
    buf_put(b, t + k, sizeof t - k);
}

void buf_json_str(Buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_reserve(b, n + 2);
    buf_putc(b, '"');
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        buf_put(b, s + start, i - start);
        start = i + 1;
        switch (c) {
        case '"': buf_put(b, "\\\"", 2); break;
        case '\\': buf_put(b, "\\\\", 2); break;
        case '\n': buf_put(b, "\\n", 2); break;
        case '\t': buf_put(b, "\\t", 2); break;
        case '\r': buf_put(b, "\\r", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_put(b, u, 6);
        }
        }
    }
    buf_put(b, s + start, n - start);
    buf_putc(b, '"');
}

void buf_clear(Buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void buf_free(Buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int buf_getline(Buf *b, FILE *f)
{
    /* getline, not fgets: a NUL byte inside a line must not hide the rest
     * of it (fgets gives no length) */
    ssize_t n = getline(&b->data, &b->cap, f);
    if (n < 0) {
        b->len = 0;
        if (b->data) b->data[0] = '\0';
        return 0;
    }
    b->len = (size_t)n;
    if (b->len && b->data[b->len - 1] == '\n') b->data[--b->len] = '\0';
    return 1;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        buf_free(&b);
        return NULL;
    }
    buf_reserve(&b, 0);
    b.data[b.len] = '\0';
    *len = b.len;
    return b.data;
}
