/* buf.h - growable byte buffer (output, line reading) */
#ifndef HERODOTUS_BUF_H
#define HERODOTUS_BUF_H
#include <stddef.h>
#include <stdio.h>

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_reserve(Buf *b, size_t extra);
void buf_put(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_json_str(Buf *b, const char *s, size_t n);   /* quoted, escaped */
/* Numbers without printf: an integer in decimal; a number as "%.*f" prints
 * it with 1 to 6 decimals (the same bytes: printf itself where the
 * rounding is a near tie) */
void buf_int(Buf *b, long long v);
void buf_fixed(Buf *b, double v, int decimals);
void buf_clear(Buf *b);
void buf_free(Buf *b);
/* The whole file at path, NUL-terminated, malloc'd; NULL if unreadable. */
char *read_file(const char *path, size_t *len);
/* Read one line (without the newline, NUL bytes and all) into b; returns
 * 0 at EOF. */
int  buf_getline(Buf *b, FILE *f);

#endif
