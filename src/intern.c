/* intern.c - symbol table and integer hash map */
#include "intern.h"
#include "words.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The symbol table is read by every coding thread at once and written
 * rarely (dictionaries at load; an actor code made of a country and an
 * agent while coding).  Readers take no lock: entries live in chunks that
 * never move, names in pool blocks that never move, and the hash slots in a
 * table that is replaced whole (the old one kept until exit) when it
 * fills.  Writers hold a mutex and publish each new symbol with release
 * stores after writing it. */
enum { CHUNK_BITS = 16, CHUNK = 1 << CHUNK_BITS, MAX_CHUNKS = 4096, POOL_BLOCK = 1 << 20 };

typedef struct { const char *name; uint32_t len; } Entry;

typedef struct Slots {
    struct Slots *older;              /* replaced tables, freed at exit */
    size_t n;                         /* a power of two */
    _Atomic uint64_t s[];             /* a sym, and above it 32 bits of its name's hash (a probe
                                         compares them before it reads the name); 0 empty */
} Slots;

typedef struct PoolBlock {
    struct PoolBlock *next;
    size_t used, cap;
    char data[];
} PoolBlock;

static struct {
    pthread_mutex_t mu;
    _Atomic(Entry *) chunk[MAX_CHUNKS];
    _Atomic uint32_t count;           /* symbols (index 0 unused) */
    _Atomic(Slots *) slots;
    PoolBlock *pool;
} T = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void *xmalloc(size_t n)
{
    void *q = calloc(1, n);
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

static const Entry *entry(Sym s)
{
    Entry *c = atomic_load_explicit(&T.chunk[s >> CHUNK_BITS], memory_order_acquire);
    return &c[s & (CHUNK - 1)];
}

/* slot index of (s, n) in t: its symbol's slot, or the empty one it would take */
static uint64_t slot_of(Sym sym, uint64_t h) { return (h >> 32) << 32 | sym; }

static size_t probe(const Slots *t, const char *s, size_t n, uint64_t h, Sym *found)
{
    size_t i = h & (t->n - 1);
    for (;;) {
        uint64_t v = atomic_load_explicit(&t->s[i], memory_order_acquire);
        if (!v) {
            *found = 0;
            return i;
        }
        Sym sym = (Sym)(uint32_t)v;
        if (v >> 32 == h >> 32) {
            const Entry *e = entry(sym);
            if (e->len == n && memcmp(e->name, s, n) == 0) {
                *found = sym;
                return i;
            }
        }
        i = (i + 1) & (t->n - 1);
    }
}

Sym sym_find_hashed(const char *s, size_t n, uint64_t h)
{
    Slots *t = atomic_load_explicit(&T.slots, memory_order_acquire);
    if (!t) return 0;
    Sym found;
    probe(t, s, n, h, &found);
    return found;
}

Sym sym_find(const char *s, size_t n) { return sym_find_hashed(s, n, hash_bytes(s, n)); }

void sym_prefetch(uint64_t h)
{
    Slots *t = atomic_load_explicit(&T.slots, memory_order_acquire);
    if (t) __builtin_prefetch(&t->s[h & (t->n - 1)]);
}

/* a table of n slots holding every symbol (writer, under the mutex) */
static Slots *rebuild(size_t n, Slots *older)
{
    Slots *t = xmalloc(sizeof *t + n * sizeof(uint64_t));
    t->n = n;
    t->older = older;
    uint32_t count = atomic_load_explicit(&T.count, memory_order_relaxed);
    for (Sym sym = 1; sym < count; sym++) {
        const Entry *e = entry(sym);
        uint64_t h = hash_bytes(e->name, e->len);
        size_t i = h & (n - 1);
        while (atomic_load_explicit(&t->s[i], memory_order_relaxed)) i = (i + 1) & (n - 1);
        atomic_store_explicit(&t->s[i], slot_of(sym, h), memory_order_relaxed);
    }
    return t;
}

static const char *pool_copy(const char *s, size_t n)
{
    if (!T.pool || T.pool->used + n + 1 > T.pool->cap) {
        size_t cap = n + 1 > POOL_BLOCK ? n + 1 : POOL_BLOCK;
        PoolBlock *b = xmalloc(sizeof *b + cap);
        b->cap = cap;
        b->next = T.pool;
        T.pool = b;
    }
    char *p = T.pool->data + T.pool->used;
    memcpy(p, s, n);
    p[n] = '\0';
    T.pool->used += n + 1;
    return p;
}

/* Insert (s, n) unless present (the writer, under the mutex; the table exists) */
static Sym insert_locked(const char *s, size_t n)
{
    Slots *t = atomic_load_explicit(&T.slots, memory_order_relaxed);
    uint64_t h = hash_bytes(s, n);
    Sym found;
    size_t i = probe(t, s, n, h, &found);   /* another writer may have added it */
    if (found) return found;
    Sym sym = atomic_load_explicit(&T.count, memory_order_relaxed);
    if ((sym >> CHUNK_BITS) >= MAX_CHUNKS) {
        fputs("herodotus: symbol table full\n", stderr);
        abort();
    }
    Entry *c = atomic_load_explicit(&T.chunk[sym >> CHUNK_BITS], memory_order_relaxed);
    if (!c) {
        c = xmalloc(CHUNK * sizeof *c);
        atomic_store_explicit(&T.chunk[sym >> CHUNK_BITS], c, memory_order_release);
    }
    c[sym & (CHUNK - 1)] = (Entry){pool_copy(s, n), (uint32_t)n};
    atomic_store_explicit(&T.count, sym + 1, memory_order_release);
    if ((size_t)(sym + 1) * 2 > t->n) {
        /* a bigger table with every symbol, the new one too, replaces it */
        atomic_store_explicit(&T.slots, rebuild(t->n * 2, t), memory_order_release);
    } else {
        atomic_store_explicit(&t->s[i], slot_of(sym, h), memory_order_release);
    }
    return sym;
}

/* the well-known words (words.h), interned first so that their numbers are W_* */
static const char *const WELL_KNOWN[] = {
#define W_NAME(id, word) word,
    WELL_KNOWN_WORDS(W_NAME)
#undef W_NAME
};

Sym sym_intern(const char *s, size_t n)
{
    Sym found = sym_find(s, n);   /* the common case: no lock */
    if (found) return found;
    pthread_mutex_lock(&T.mu);
    if (!atomic_load_explicit(&T.slots, memory_order_relaxed)) {
        atomic_store_explicit(&T.count, 1, memory_order_relaxed);
        atomic_store_explicit(&T.slots, rebuild(1u << 16, NULL), memory_order_release);
        for (size_t w = 0; w < sizeof WELL_KNOWN / sizeof *WELL_KNOWN; w++) {
            Sym k = insert_locked(WELL_KNOWN[w], strlen(WELL_KNOWN[w]));
            if (k != (Sym)w + 1) {   /* a word listed twice: words.h is wrong */
                fprintf(stderr, "herodotus: well-known word \"%s\" listed twice\n", WELL_KNOWN[w]);
                abort();
            }
        }
    }
    Sym sym = insert_locked(s, n);
    pthread_mutex_unlock(&T.mu);
    return sym;
}

const char *sym_name(Sym s)
{
    return (s && s < atomic_load_explicit(&T.count, memory_order_acquire)) ? entry(s)->name : "";
}

size_t sym_len(Sym s)
{
    return (s && s < atomic_load_explicit(&T.count, memory_order_acquire)) ? entry(s)->len : 0;
}

uint32_t sym_count(void)
{
    return atomic_load_explicit(&T.count, memory_order_acquire);
}

void sym_free_all(void)
{
    for (Slots *t = atomic_load(&T.slots), *o; t; t = o) {
        o = t->older;
        free(t);
    }
    atomic_store(&T.slots, NULL);
    for (int k = 0; k < MAX_CHUNKS; k++) {
        free(atomic_load(&T.chunk[k]));
        atomic_store(&T.chunk[k], NULL);
    }
    for (PoolBlock *b = T.pool, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    T.pool = NULL;
    atomic_store(&T.count, 0);
}

/* ---- U64Map ---- */

static size_t mix64(uint64_t k) { return (size_t)hash_u64(k); }

static void u64map_resize(U64Map *m, size_t cap)
{
    U64Slot *slot = calloc(cap, sizeof *slot);
    if (!slot) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slot[i].val) continue;
        size_t j = mix64(m->slot[i].key) & (cap - 1);
        while (slot[j].val) j = (j + 1) & (cap - 1);
        slot[j] = m->slot[i];
    }
    free(m->slot);
    m->slot = slot;
    m->cap = cap;
}

void u64map_put(U64Map *m, uint64_t key, uint32_t val)
{
    if ((m->len + 1) * 2 > m->cap) u64map_resize(m, m->cap ? m->cap * 2 : 1024);
    size_t j = mix64(key) & (m->cap - 1);
    while (m->slot[j].val && m->slot[j].key != key) j = (j + 1) & (m->cap - 1);
    if (!m->slot[j].val) m->len++;
    m->slot[j].key = key;
    m->slot[j].val = val;
}

void u64map_free(U64Map *m)
{
    free(m->slot);
    memset(m, 0, sizeof *m);
}
