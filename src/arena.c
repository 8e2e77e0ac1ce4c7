/* arena.c - region allocator */
#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536u

struct ArenaBlock {
    ArenaBlock *next;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

static ArenaBlock *block_new(size_t cap)
{
    ArenaBlock *b = malloc(sizeof *b + cap);
    if (!b) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    b->next = NULL;
    b->cap = cap;
    return b;
}

void arena_init(Arena *a)
{
    a->first = a->head = block_new(ARENA_BLOCK);
    a->used = 0;
}

void *arena_alloc(Arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0) size = 16;
    if (a->used + size > a->head->cap) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        /* reuse a block kept after a reset when it is large enough */
        ArenaBlock *b = a->head->next;
        if (!b || b->cap < size) {
            b = block_new(cap);
            b->next = a->head->next;
            a->head->next = b;
        }
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    memset(p, 0, size);
    return p;
}

void *arena_grow(Arena *a, void *old, size_t oldsize, size_t newsize)
{
    void *p = arena_alloc(a, newsize);
    if (old && oldsize) memcpy(p, old, oldsize < newsize ? oldsize : newsize);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_reset(Arena *a)
{
    /* Blocks stay chained after first and are reused in order. */
    a->head = a->first;
    a->used = 0;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->first;
    while (b) {
        ArenaBlock *n = b->next;
        free(b);
        b = n;
    }
    a->first = a->head = NULL;
    a->used = 0;
}
