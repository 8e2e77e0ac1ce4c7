/* arena.h - region allocator: everything a document needs lives in one
 * arena that is reset (not freed) between documents. */
#ifndef HERODOTUS_ARENA_H
#define HERODOTUS_ARENA_H
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct BigBlock BigBlock;
typedef struct Arena {
    ArenaBlock *head;   /* current block */
    ArenaBlock *first;  /* kept across resets */
    size_t used;        /* bytes used in head */
    BigBlock *big;      /* vectors grown past 256 KB, each in a block of its own; freed at reset */
} Arena;

void  arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size);          /* zeroed, 16-aligned */
/* old (oldsize bytes, from this arena) made newsize bytes, the new part
 * zeroed: in place when old is the last allocation; past 256 KB in a
 * block of its own that grows by realloc, leaving no copy behind. */
void *arena_grow(Arena *a, void *old, size_t oldsize, size_t newsize);
/* The next capacity of a growing vector: doubling, then a quarter more
 * once it is large (less room touched and never used). */
static inline size_t arena_next_cap(size_t cap) { return cap < 65536 ? (cap ? cap * 2 : 16) : cap + cap / 4; }
/* Give back the end of p when it is the last allocation (else nothing):
 * an array sized for the worst case, trimmed to what it holds. */
void  arena_shrink(Arena *a, void *p, size_t oldsize, size_t newsize);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);      /* NULL stays NULL */
void  arena_reset(Arena *a);                       /* keep first block */
void  arena_free(Arena *a);

#endif
