/* wordlist.c - the spelling word list, by lower-case form */
#include "wordlist.h"
#include <stdio.h>
#include <stdlib.h>
#include "buf.h"
#include "intern.h"

struct WordList {
    U64Map w;               /* key_of(word) -> WL_* bits */
};

static uint64_t key_of(const char *s, size_t n)
{
    char low[64];
    if (n > sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return hash_bytes(low, n) | 1;
}

WordList *wordlist_load(const char *path, char *err, size_t errsz)
{
    size_t len;
    char *t = read_file(path, &len);
    if (!t) {
        snprintf(err, errsz, "%s: cannot read the word list (install wamerican)", path);
        return NULL;
    }
    WordList *wl = calloc(1, sizeof *wl);
    if (!wl) abort();
    U64Map *W = &wl->w;
    for (char *p = t; *p;) {
        char *e = p;
        while (*e && *e != '\n') e++;
        size_t n = (size_t)(e - p);
        if (n && !(n > 2 && e[-2] == '\'' && e[-1] == 's')) {     /* "Mississippi's": the word is there */
            int bits = p[0] >= 'A' && p[0] <= 'Z' ? (n > 1 && p[1] >= 'A' && p[1] <= 'Z' ? WL_UPPER : WL_CAPITAL)
                                                  : WL_LOWER;
            uint64_t k = key_of(p, n);
            if (k) u64map_put(W, k, u64map_get(W, k) | (uint32_t)bits);
        }
        p = *e ? e + 1 : e;
    }
    free(t);
    return wl;
}

void wordlist_free(WordList *wl)
{
    if (!wl) return;
    u64map_free(&wl->w);
    free(wl);
}

int wordlist_case(const WordList *wl, const char *s, size_t n)
{
    uint64_t k = wl ? key_of(s, n) : 0;
    return k ? (int)u64map_get(&wl->w, k) : 0;
}
