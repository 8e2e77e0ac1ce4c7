/* treebank.c - CoNLL-U treebanks with gold trees */
#include "treebank.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "buf.h"
#include "depparse.h"

static void *grow(void *p, uint32_t cap, size_t elem)
{
    void *q = realloc(p, cap * elem);
    if (!q) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    return q;
}

static int add_word(Treebank *tb, char **f)
{
    if (tb->nword == tb->capword) {
        tb->capword = tb->capword ? tb->capword * 2 : 1024;
        tb->form = grow(tb->form, tb->capword, sizeof *tb->form);
        tb->upos = grow(tb->upos, tb->capword, sizeof *tb->upos);
        tb->xpos = grow(tb->xpos, tb->capword, sizeof *tb->xpos);
        tb->deprel = grow(tb->deprel, tb->capword, sizeof *tb->deprel);
        tb->head = grow(tb->head, tb->capword, sizeof *tb->head);
    }
    uint32_t i = tb->nword++;
    tb->form[i] = f[1];
    tb->upos[i] = f[3];
    tb->xpos[i] = f[4];
    tb->deprel[i] = f[7];
    char *end;
    long h = strtol(f[6], &end, 10);
    if (*end || h < 0) return -1;
    tb->head[i] = (int)h;
    return 0;
}

static void end_sentence(Treebank *tb, uint32_t first)
{
    if (tb->nword == first) return;
    if (tb->nsent == tb->capsent) {
        tb->capsent = tb->capsent ? tb->capsent * 2 : 1024;
        tb->sent = grow(tb->sent, tb->capsent, sizeof *tb->sent);
    }
    tb->sent[tb->nsent++] = (TbSent){first, tb->nword - first};
}

int treebank_read(Treebank *tb, const char *path, char *err, size_t errsz)
{
    memset(tb, 0, sizeof *tb);
    size_t len;
    tb->text = read_file(path, &len);
    if (!tb->text) {
        snprintf(err, errsz, "%s: cannot read", path);
        return -1;
    }
    uint32_t first = 0;
    long line = 0;
    for (char *p = tb->text; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        line++;
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r') p[--n] = '\0';
        if (!n) {
            end_sentence(tb, first);
            first = tb->nword;
        } else if (*p != '#') {
            char *f[10];
            int nf = 0;
            for (char *q = p; nf < 10;) {
                f[nf++] = q;
                q = strchr(q, '\t');
                if (!q) break;
                *q++ = '\0';
            }
            if (nf != 10) {
                snprintf(err, errsz, "%s:%ld: expected 10 tab-separated fields, found %d", path, line, nf);
                treebank_free(tb);
                return -1;
            }
            /* "3-4" multi-word tokens and "8.1" empty nodes are not words */
            if (!strchr(f[0], '-') && !strchr(f[0], '.') && add_word(tb, f) < 0) {
                snprintf(err, errsz, "%s:%ld: HEAD '%s' is not a word number", path, line, f[6]);
                treebank_free(tb);
                return -1;
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    end_sentence(tb, first);
    for (uint32_t s = 0; s < tb->nsent; s++)
        for (uint32_t i = 0; i < tb->sent[s].n; i++)
            if ((uint32_t)tb->head[tb->sent[s].first + i] > tb->sent[s].n) {
                snprintf(err, errsz, "%s: sentence %u: word %u has head %d beyond the sentence", path, s + 1,
                         i + 1, tb->head[tb->sent[s].first + i]);
                treebank_free(tb);
                return -1;
            }
    return 0;
}

void treebank_free(Treebank *tb)
{
    free(tb->text);
    free(tb->form);
    free(tb->upos);
    free(tb->xpos);
    free(tb->deprel);
    free(tb->head);
    free(tb->sent);
    memset(tb, 0, sizeof *tb);
}

/* "nsubj:pass" and "nsubj" share the universal relation */
static int same_universal(const char *a, const char *b)
{
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na == nb && !memcmp(a, b, na);
}

void treebank_eval(const Treebank *tb, const UdModel *m, TbScores *sc)
{
    memset(sc, 0, sizeof *sc);
    Arena a;
    arena_init(&a);
    UdMemo *memo = ud_memo_new(m);
    for (uint32_t s = 0; s < tb->nsent; s++) {
        uint32_t n = tb->sent[s].n, f0 = tb->sent[s].first;
        arena_reset(&a);
        UdWord *w = arena_alloc(&a, n * sizeof *w);
        uint8_t *tag = arena_alloc(&a, n), *lab = arena_alloc(&a, n);
        int *head = arena_alloc(&a, n * sizeof *head);
        for (uint32_t i = 0; i < n; i++) w[i] = (UdWord){tb->form[f0 + i], (uint32_t)strlen(tb->form[f0 + i])};
        ud_tag(m, w, n, NULL, tag, memo, &a);
        ud_parse(m, w, tag, n, head, lab, &a);     /* leaves head 0 without a parser */
        for (uint32_t i = 0; i < n; i++) {
            uint32_t g = f0 + i;
            sc->words++;
            sc->upos += !strcmp(ud_upos(m, tag[i]), tb->upos[g]);
            sc->xpos += !strcmp(ud_xpos(m, tag[i]), tb->xpos[g]);
            if (head[i] != tb->head[g]) continue;
            sc->uas++;
            sc->las += same_universal(ud_label(m, lab[i]), tb->deprel[g]);
            sc->las_full += !strcmp(ud_label(m, lab[i]), tb->deprel[g]);
        }
    }
    ud_memo_free(memo);
    arena_free(&a);
}
