/* utf8.c - UTF-8 helpers on top of utf8proc */
#include "utf8.h"
#include <utf8proc.h>

size_t utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) { i++; continue; }
        size_t k;
        unsigned min;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; min = 0x10000; }
        else return i;
        if (i + k >= n) return i;   /* truncated sequence */
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += k + 1;
    }
    return n;
}

size_t utf8_bom(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF ? 3 : 0;
}

int utf8_decode(const char *s, size_t n, int *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (int)k;
    return cp;
}

static size_t map_case(const char *s, size_t n, char *out, size_t cap, int upper)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 > cap) return 0;
            if (upper) out[o++] = (char)((c >= 'a' && c <= 'z') ? c - 32 : c);
            else out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
            continue;
        }
        int k;
        int cp = utf8_decode(s + i, n - i, &k);
        cp = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
        if (o + 4 > cap) return 0;
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
        i += (size_t)k;
    }
    return o;
}

size_t utf8_lower(const char *s, size_t n, char *out, size_t cap) { return map_case(s, n, out, cap, 0); }
size_t utf8_upper(const char *s, size_t n, char *out, size_t cap) { return map_case(s, n, out, cap, 1); }

size_t utf8_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) { w++; i++; continue; }
        int k;
        int cp = utf8_decode(s + i, n - i, &k);
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    return w;
}
