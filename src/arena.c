/* arena.c - region allocator */
#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536u
#define ARENA_BIG (256u * 1024u)   /* a vector this large gets a block of its own, grown by realloc */

/* Under AddressSanitizer the arena tells it what is allocated: a block's
 * room not handed out, the end of a shrunk allocation and everything after
 * a reset are poisoned, and each allocation is followed by a 16-byte red
 * zone, so that a read or write past an allocation's end (or of a previous
 * document's memory) is reported as it would be for malloc. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define REDZONE 16u
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#define REDZONE 0u
#endif

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
    POISON(b->data, cap);
    return b;
}

/* The room an allocation of n bytes takes in a block: 16-aligned, at least
 * 16, and the red zone after it. */
static size_t span(size_t n)
{
    n = (n + 15u) & ~(size_t)15u;
    return (n ? n : 16) + REDZONE;
}

void arena_init(Arena *a)
{
    a->big = NULL;
    a->first = a->head = block_new(ARENA_BLOCK);
    a->used = 0;
}

void *arena_alloc(Arena *a, size_t want)
{
    size_t size = span(want);
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
    UNPOISON(p, want);
    memset(p, 0, want);
    return p;
}

/* Is p, of size bytes, the last allocation of the current block? */
static int is_last(const Arena *a, const void *p, size_t size)
{
    return (const unsigned char *)p + span(size) == a->head->data + a->used;
}

struct BigBlock {
    BigBlock *next;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

/* The big block whose data p is, NULL if p lives in an ordinary block */
static BigBlock **big_of(Arena *a, const void *p)
{
    for (BigBlock **b = &a->big; *b; b = &(*b)->next)
        if ((*b)->data == p) return b;
    return NULL;
}

void *arena_grow(Arena *a, void *old, size_t oldsize, size_t newsize)
{
    if (newsize >= ARENA_BIG && newsize > oldsize) {
        /* a large vector lives in a block of its own that realloc moves or
         * extends (the system maps pages anew, nothing is left behind) */
        BigBlock **slot = old ? big_of(a, old) : NULL, *b;
        if (slot) {
            BigBlock *next = (*slot)->next;
            b = realloc(*slot, sizeof *b + newsize);
            if (!b) {
                fputs("herodotus: out of memory\n", stderr);
                abort();
            }
            b->next = next;
            *slot = b;
            memset(b->data + oldsize, 0, newsize - oldsize);
        } else {
            b = calloc(1, sizeof *b + newsize);   /* zero pages the system maps only when touched */
            if (!b) {
                fputs("herodotus: out of memory\n", stderr);
                abort();
            }
            b->next = a->big;
            a->big = b;
            if (old && oldsize) memcpy(b->data, old, oldsize);
        }
        b->cap = newsize;
        return b->data;
    }
    /* the last allocation grows in place while its block has room */
    if (old && oldsize && newsize >= oldsize && is_last(a, old, oldsize) &&
        a->used - span(oldsize) + span(newsize) <= a->head->cap) {
        a->used = a->used - span(oldsize) + span(newsize);
        UNPOISON(old, newsize);
        memset((unsigned char *)old + oldsize, 0, newsize - oldsize);
        return old;
    }
    void *p = arena_alloc(a, newsize);
    if (old && oldsize) memcpy(p, old, oldsize < newsize ? oldsize : newsize);
    return p;
}

void arena_shrink(Arena *a, void *p, size_t oldsize, size_t newsize)
{
    if (newsize >= oldsize) return;
    if (is_last(a, p, oldsize)) {
        a->used -= span(oldsize) - span(newsize);
        POISON((unsigned char *)p + newsize, span(oldsize) - newsize);
        return;
    }
    if (!big_of(a, p)) POISON((unsigned char *)p + newsize, oldsize - newsize);   /* what is given up is no more read */
    /* a big block keeps its size: its pages past what is used were never touched */
}

char *arena_strdup(Arena *a, const char *s) { return s ? arena_strndup(a, s, strlen(s)) : NULL; }

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void big_free(Arena *a)
{
    for (BigBlock *b = a->big, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    a->big = NULL;
}

void arena_reset(Arena *a)
{
    big_free(a);   /* large vectors go back to the system between documents */
    /* Blocks stay chained after first and are reused in order. */
    for (ArenaBlock *b = a->first; b; b = b->next) POISON(b->data, b->cap);
    a->head = a->first;
    a->used = 0;
}

void arena_free(Arena *a)
{
    big_free(a);
    ArenaBlock *b = a->first;
    while (b) {
        ArenaBlock *n = b->next;
        UNPOISON(b->data, b->cap);
        free(b);
        b = n;
    }
    a->first = a->head = NULL;
    a->used = 0;
}
