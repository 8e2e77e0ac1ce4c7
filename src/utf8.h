/* utf8.h - UTF-8 validation and case mapping */
#ifndef HERODOTUS_UTF8_H
#define HERODOTUS_UTF8_H
#include <stddef.h>

/* Length of the valid UTF-8 prefix of s (n if all valid). */
size_t utf8_valid_prefix(const char *s, size_t n);
/* 3 when s starts with a UTF-8 byte-order mark (EF BB BF, as Windows
 * editors write), else 0: the bytes to skip. */
size_t utf8_bom(const char *s, size_t n);
/* Lower-case s into out (capacity cap); returns length written, or 0 if it
 * does not fit.  ASCII is mapped inline, other letters by utf8proc. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t cap);
size_t utf8_upper(const char *s, size_t n, char *out, size_t cap);
/* Decode one code point at s (n bytes left); sets *len. Invalid -> U+FFFD. */
int utf8_decode(const char *s, size_t n, int *len);
/* Display width (columns) of a UTF-8 string. */
size_t utf8_width(const char *s, size_t n);

#endif
