/* intern.h - the process-wide symbol table.  Every word a dictionary,
 * the tagger lexicon or WordNet knows is interned once; a token is looked
 * up (never inserted).  Lookups take no lock and may run in any number of
 * threads while another interns (an actor code made while coding). */
#ifndef HERODOTUS_INTERN_H
#define HERODOTUS_INTERN_H
#include <stddef.h>
#include <stdint.h>

typedef uint32_t Sym;          /* 0 means "no symbol" */

Sym         sym_intern(const char *s, size_t n);   /* insert if absent */
Sym         sym_find(const char *s, size_t n);     /* 0 if absent */
/* sym_find in two steps, for many words at once: their hashes
 * (hash_bytes) and a prefetch of where each one's slot lies first, then
 * the lookups, whose memory is then on its way */
void        sym_prefetch(uint64_t h);
Sym         sym_find_hashed(const char *s, size_t n, uint64_t h);
const char *sym_name(Sym s);
size_t      sym_len(Sym s);
uint32_t    sym_count(void);
void        sym_free_all(void);

uint64_t    hash_bytes(const void *p, size_t n);
/* a 64-bit finaliser (murmur3's) */
static inline uint64_t hash_u64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

/* A map from 64-bit keys to 32-bit values (open addressing), used for
 * tries (node,word) -> node and for small per-symbol tables. */
typedef struct U64Slot {
    uint64_t key;
    uint32_t val;               /* 0: empty */
} U64Slot;
typedef struct U64Map {
    U64Slot *slot;              /* a key beside its value: one cache line a probe */
    size_t cap, len;
} U64Map;

void     u64map_put(U64Map *m, uint64_t key, uint32_t val);
/* 0 if absent; inline: the dictionaries' lookups are on every token's path */
static inline uint32_t u64map_get(const U64Map *m, uint64_t key)
{
    if (!m->cap) return 0;
    size_t j = (size_t)hash_u64(key) & (m->cap - 1);
    while (m->slot[j].val) {
        if (m->slot[j].key == key) return m->slot[j].val;
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}
void     u64map_free(U64Map *m);

#endif
