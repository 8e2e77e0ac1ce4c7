/* parse.c - Penn Treebank trees and CoNLL-U as input */
#include "parse.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "doc.h"
#include "depparse.h"
#include "tag.h"

typedef struct {
    ParsedSentence *s;
    size_t n, cap;
    Arena *a;
} Vec;

static ParsedSentence *vec_push(Vec *v)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 8;
        v->s = arena_grow(v->a, v->s, v->cap * sizeof *v->s, nc * sizeof *v->s);
        v->cap = nc;
    }
    ParsedSentence *p = &v->s[v->n++];
    memset(p, 0, sizeof *p);
    return p;
}

static void sent_add(Arena *a, ParsedSentence *p, size_t *cap, const char *w, size_t wn, int tag)
{
    if (p->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        p->words = arena_grow(a, p->words, *cap * sizeof *p->words, nc * sizeof *p->words);
        p->tags = arena_grow(a, p->tags, *cap, nc);
        p->head = arena_grow(a, p->head, *cap * sizeof *p->head, nc * sizeof *p->head);
        p->rel = arena_grow(a, p->rel, *cap, nc);
        *cap = nc;
    }
    p->words[p->n] = arena_strndup(a, w, wn);
    p->tags[p->n] = (unsigned char)tag;
    p->n++;
}

/* Treebank bracket words back to the characters they stand for */
static const char *unbracket(const char *w, size_t *n)
{
    static const struct { const char *tb, *txt; } map[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"}, {"-LSB-", "["}, {"-RSB-", "]"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (*n == strlen(map[i].tb) && !memcmp(w, map[i].tb, *n)) {
            *n = 1;
            return map[i].txt;
        }
    return w;
}

long parse_ptb(const char *t, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz)
{
    Vec v = {NULL, 0, 0, a};
    size_t i = 0, line = 1;
    while (i < len) {
        while (i < len && t[i] != '(') {
            if (!isspace((unsigned char)t[i])) {
                snprintf(err, errsz, "line %zu: text outside a bracketed tree", line);
                return -1;
            }
            line += t[i++] == '\n';
        }
        if (i >= len) break;
        ParsedSentence *p = vec_push(&v);
        size_t cap = 0;
        long depth = 0;
        do {
            char c = t[i];
            if (c == '\n') line++;
            if (c == '(') {
                depth++;
                i++;
                /* label */
                size_t ls = i;
                while (i < len && !isspace((unsigned char)t[i]) && t[i] != '(' && t[i] != ')') i++;
                size_t le = i;
                while (i < len && t[i] != '(' && t[i] != ')' && isspace((unsigned char)t[i])) line += t[i++] == '\n';
                if (i < len && t[i] != '(' && t[i] != ')') {
                    /* a leaf: (TAG word) */
                    size_t ws = i;
                    while (i < len && t[i] != ')' && !isspace((unsigned char)t[i]) && t[i] != '(') i++;
                    size_t wn = i - ws;
                    while (i < len && isspace((unsigned char)t[i])) line += t[i++] == '\n';
                    if (i >= len || t[i] != ')') {
                        snprintf(err, errsz, "line %zu: expected ')' after a leaf", line);
                        return -1;
                    }
                    int tag = tag_from_name(t + ls, le - ls);
                    if (!tag && le > ls) {
                        /* -NONE- traces and unknown labels are skipped */
                        if (!(le - ls == 6 && !memcmp(t + ls, "-NONE-", 6))) tag = T_NN;
                    }
                    if (tag) {
                        const char *w = unbracket(t + ws, &wn);
                        sent_add(a, p, &cap, w, wn, tag);
                    }
                    i++;
                    depth--;
                }
            } else if (c == ')') {
                depth--;
                i++;
                if (depth < 0) {
                    snprintf(err, errsz, "line %zu: unbalanced ')'", line);
                    return -1;
                }
            } else {
                i++;
            }
        } while (i < len && depth > 0);
        if (depth != 0) {
            snprintf(err, errsz, "line %zu: tree not closed (%ld bracket%s open)", line, depth, depth == 1 ? "" : "s");
            return -1;
        }
        if (p->n == 0) v.n--;   /* an empty tree */
    }
    *out = v.s;
    return (long)v.n;
}

/* Universal POS -> the closest Penn tag (when XPOS is not Penn) */
static int upos_tag(const char *u, size_t n, const char *form)
{
    static const struct { const char *u; int t; } map[] = {
        {"ADJ", T_JJ}, {"ADP", T_IN}, {"ADV", T_RB}, {"AUX", T_VBZ}, {"CCONJ", T_CC}, {"DET", T_DT},
        {"INTJ", T_UH}, {"NOUN", T_NN}, {"NUM", T_CD}, {"PART", T_RP}, {"PRON", T_PRP}, {"PROPN", T_NNP},
        {"PUNCT", T_COMMA}, {"SCONJ", T_IN}, {"SYM", T_SYM}, {"VERB", T_VB}, {"X", T_FW}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (n == strlen(map[i].u) && !memcmp(u, map[i].u, n)) {
            if (map[i].t == T_COMMA && strcmp(form, ",")) return (!strcmp(form, ".") || !strcmp(form, "!") || !strcmp(form, "?")) ? T_PERIOD : T_COLON;
            return map[i].t;
        }
    return T_NN;
}

long parse_conllu(const char *t, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz)
{
    Vec v = {NULL, 0, 0, a};
    ParsedSentence *p = NULL;
    size_t cap = 0, line = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && t[e] != '\n') e++;
        line++;
        const char *l = t + i;
        size_t ln = e - i;
        if (ln && l[ln - 1] == '\r') ln--;
        i = e + 1;
        if (ln == 0) {
            p = NULL;
            continue;
        }
        if (l[0] == '#') continue;
        /* ten tab-separated fields */
        const char *f[10];
        size_t fl[10], nf = 0, s0 = 0;
        for (size_t k = 0; k <= ln && nf < 10; k++)
            if (k == ln || l[k] == '\t') {
                f[nf] = l + s0;
                fl[nf++] = k - s0;
                s0 = k + 1;
            }
        if (nf < 5) {
            snprintf(err, errsz, "line %zu: expected ID FORM LEMMA UPOS XPOS ... separated by tabs", line);
            return -1;
        }
        /* multi-word token ranges (1-2) and empty nodes (1.1) carry no tag of their own */
        int skip = 0;
        for (size_t k = 0; k < fl[0]; k++) skip |= f[0][k] == '-' || f[0][k] == '.';
        if (skip) continue;
        if (!p) {
            p = vec_push(&v);
            p->has_tree = 1;
            cap = 0;
        }
        char form[256];
        size_t fn = fl[1] < sizeof form - 1 ? fl[1] : sizeof form - 1;
        memcpy(form, f[1], fn);
        form[fn] = '\0';
        int tag = tag_from_name(f[4], fl[4]);
        if (!tag) tag = upos_tag(f[3], fl[3], form);
        sent_add(a, p, &cap, form, fn, tag);
        /* HEAD (word number, 0 the root) and DEPREL */
        long h = -1;
        if (nf >= 8 && fl[6] > 0 && fl[6] < 6) {
            h = 0;
            for (size_t k = 0; k < fl[6] && h >= 0; k++) h = f[6][k] >= '0' && f[6][k] <= '9' ? h * 10 + (f[6][k] - '0') : -1;
        }
        if (h < 0 || fl[7] == 0 || fl[7] > 31) {
            p->has_tree = 0;
        } else {
            char rel[32];
            memcpy(rel, f[7], fl[7]);
            rel[fl[7]] = '\0';
            p->head[p->n - 1] = (int16_t)(h - 1);
            p->rel[p->n - 1] = (uint8_t)rel_from_name(rel);
        }
    }
    for (size_t k = 0; k < v.n; k++)           /* heads inside their sentence */
        for (size_t w = 0; w < v.s[k].n && v.s[k].has_tree; w++)
            if (v.s[k].head[w] >= (int16_t)v.s[k].n || v.s[k].head[w] == (int16_t)w) v.s[k].has_tree = 0;
    *out = v.s;
    return (long)v.n;
}
