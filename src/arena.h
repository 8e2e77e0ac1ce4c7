/* arena.h - region allocator: everything a document needs lives in one
 * arena that is reset (not freed) between documents. */
#ifndef HERODOTUS_ARENA_H
#define HERODOTUS_ARENA_H
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;   /* current block */
    ArenaBlock *first;  /* kept across resets */
    size_t used;        /* bytes used in head */
} Arena;

void  arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size);          /* zeroed, 16-aligned */
void *arena_grow(Arena *a, void *old, size_t oldsize, size_t newsize);
char *arena_strndup(Arena *a, const char *s, size_t n);
void  arena_reset(Arena *a);                       /* keep first block */
void  arena_free(Arena *a);

#endif
