/* intern.c - symbol table and integer hash map */
#include "intern.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *pool;          /* all names, NUL-separated */
    size_t pool_len, pool_cap;
    uint32_t *off;       /* sym -> offset in pool */
    uint32_t *len;       /* sym -> length */
    uint32_t count, cap; /* symbols (index 0 unused) */
    uint32_t *slots;     /* hash slots holding syms */
    size_t nslots;
} SymTab;

static SymTab T;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    return q;
}

uint64_t hash_bytes(const void *p, size_t n)
{
    /* FNV-1a, 64-bit, then a final mix */
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

static void rehash(size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    for (uint32_t s = 1; s < T.count; s++) {
        size_t i = hash_bytes(T.pool + T.off[s], T.len[s]) & (nslots - 1);
        while (slots[i]) i = (i + 1) & (nslots - 1);
        slots[i] = s;
    }
    free(T.slots);
    T.slots = slots;
    T.nslots = nslots;
}

static size_t probe(const char *s, size_t n, uint64_t h)
{
    size_t i = h & (T.nslots - 1);
    for (;;) {
        uint32_t sym = T.slots[i];
        if (!sym) return i;
        if (T.len[sym] == n && memcmp(T.pool + T.off[sym], s, n) == 0) return i;
        i = (i + 1) & (T.nslots - 1);
    }
}

Sym sym_find(const char *s, size_t n)
{
    if (!T.nslots) return 0;
    return T.slots[probe(s, n, hash_bytes(s, n))];
}

Sym sym_intern(const char *s, size_t n)
{
    if (!T.nslots) {
        T.count = 1;
        rehash(1u << 16);
    }
    uint64_t h = hash_bytes(s, n);
    size_t i = probe(s, n, h);
    if (T.slots[i]) return T.slots[i];
    if (T.count >= T.cap) {
        T.cap = T.cap ? T.cap * 2 : 4096;
        T.off = xrealloc(T.off, T.cap * sizeof *T.off);
        T.len = xrealloc(T.len, T.cap * sizeof *T.len);
    }
    if (T.pool_len + n + 1 > T.pool_cap) {
        while (T.pool_len + n + 1 > T.pool_cap) T.pool_cap = T.pool_cap ? T.pool_cap * 2 : (1u << 20);
        T.pool = xrealloc(T.pool, T.pool_cap);
    }
    memcpy(T.pool + T.pool_len, s, n);
    T.pool[T.pool_len + n] = '\0';
    Sym sym = T.count++;
    T.off[sym] = (uint32_t)T.pool_len;
    T.len[sym] = (uint32_t)n;
    T.pool_len += n + 1;
    T.slots[i] = sym;
    if ((size_t)T.count * 2 > T.nslots) rehash(T.nslots * 2);
    return sym;
}

const char *sym_name(Sym s)
{
    return (s && s < T.count) ? T.pool + T.off[s] : "";
}

size_t sym_len(Sym s)
{
    return (s && s < T.count) ? T.len[s] : 0;
}

uint32_t sym_count(void)
{
    return T.count;
}

void sym_free_all(void)
{
    free(T.pool);
    free(T.off);
    free(T.len);
    free(T.slots);
    memset(&T, 0, sizeof T);
}

/* ---- U64Map ---- */

uint64_t hash_u64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

static size_t mix64(uint64_t k) { return (size_t)hash_u64(k); }

static void u64map_resize(U64Map *m, size_t cap)
{
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->vals[i]) continue;
        size_t j = mix64(m->keys[i]) & (cap - 1);
        while (vals[j]) j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
}

void u64map_put(U64Map *m, uint64_t key, uint32_t val)
{
    if ((m->len + 1) * 2 > m->cap) u64map_resize(m, m->cap ? m->cap * 2 : 1024);
    size_t j = mix64(key) & (m->cap - 1);
    while (m->vals[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->vals[j]) m->len++;
    m->keys[j] = key;
    m->vals[j] = val;
}

uint32_t u64map_get(const U64Map *m, uint64_t key)
{
    if (!m->cap) return 0;
    size_t j = mix64(key) & (m->cap - 1);
    while (m->vals[j]) {
        if (m->keys[j] == key) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

void u64map_free(U64Map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
