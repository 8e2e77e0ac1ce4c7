/* dictcmd.c - checking dictionaries, and the work list for extending them */
#include "dictcmd.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cameo.h"
#include "dates.h"
#include "input.h"
#include "pipeline.h"

static const char USAGE[] =
    "usage: herodotus dict check DIR\n"
    "       herodotus dict suggest [--dict DIR] [--top N] [FILE...|-]\n"
    "\n"
    "check    load every dictionary in DIR, report each malformed entry as\n"
    "         FILE:LINE: what is wrong, print what was loaded; exit 1 on any problem\n"
    "suggest  code a corpus and list the proper-noun phrases no actor entry covers\n"
    "         and the verbs no verb entry covers, most frequent first, each with its\n"
    "         count and two example sentences: the work list for the dictionaries\n"
    "  --top N    how many of each to list (default 30)\n";

static int check(const char *dir)
{
    Dict d;
    dict_init(&d);
    int n = dict_load_dir(&d, dir);
    if (n < 0) {
        fprintf(stderr, "herodotus dict check: %s: cannot read directory\n", dir);
        dict_free(&d);
        return 1;
    }
    uint32_t npat = 0;
    for (uint32_t i = 0; i < d.nblocks; i++) npat += d.blocks[i].npat;
    /* a noun's code must be one of the CAMEO table's (data/cameo.tsv) */
    if (d.nnouns) {
        char path[4200], err[4400];
        char data[4096];
        snprintf(path, sizeof path, "%s/data/cameo.tsv", pipeline_datadir(data, sizeof data));
        if (cameo_load(path, err, sizeof err)) {
            fprintf(stderr, "herodotus dict check: %s (noun codes not checked)\n", err);
            d.problems++;
        } else {
            for (uint32_t i = 0; i < d.nnouns; i++) {
                const NounEntry *e = &d.nouns[i];
                for (int f = -1; f < (int)e->nframes; f++) {
                    const char *c = f < 0 ? e->code : e->frame[f].code;
                    if (!c || cameo_get(c)) continue;
                    fprintf(stderr, "%s:%u: unknown CAMEO code '%s' (not in data/cameo.tsv)\n", dict_ref_file(&d, e->ref),
                            dict_ref_line(e->ref), c);
                    d.problems++;
                }
            }
            cameo_free();
        }
    }
    printf("%s: %d dictionary files; %u actor entries, %u agents, %u verb blocks, %u verbs, %u patterns, "
           "%u synonym sets, %u transformations, %u discards, %u issue lines, %u event nouns, %u support verbs; "
           "%u problem%s\n",
           dir, n, d.nactors, d.nagents, d.nblocks, d.nventries, npat, d.nsynsets, d.ntransforms, d.ndiscards, d.nissues,
           d.nnouns, d.nsupports, d.problems, d.problems == 1 ? "" : "s");
    int status = d.problems || n == 0 ? 1 : 0;
    if (n == 0) fprintf(stderr, "herodotus dict check: %s: no dictionary files (*verbs*, *actors*, *agents*, *discards*, *nouns*)\n", dir);
    dict_free(&d);
    return status;
}

/* ---- suggest ---- */

typedef struct Item {
    char *key;
    long count;
    char *ex[2];
} Item;

typedef struct Tally {
    Item *items;
    size_t n, cap;
    size_t *slots;    /* 1 + item index */
    size_t nslots;
} Tally;

static void tally_add(Tally *t, const char *key, size_t kn, const char *ex, size_t exn)
{
    if (!t->nslots || t->n * 2 >= t->nslots) {
        size_t ns = t->nslots ? t->nslots * 2 : 1024;
        size_t *slots = calloc(ns, sizeof *slots);
        if (!slots) abort();
        for (size_t i = 0; i < t->n; i++) {
            size_t h = hash_bytes(t->items[i].key, strlen(t->items[i].key)) & (ns - 1);
            while (slots[h]) h = (h + 1) & (ns - 1);
            slots[h] = i + 1;
        }
        free(t->slots);
        t->slots = slots;
        t->nslots = ns;
    }
    size_t h = hash_bytes(key, kn) & (t->nslots - 1);
    while (t->slots[h]) {
        Item *it = &t->items[t->slots[h] - 1];
        if (strlen(it->key) == kn && !memcmp(it->key, key, kn)) {
            it->count++;
            if (!it->ex[1] && exn && strncmp(it->ex[0], ex, exn)) it->ex[1] = strndup(ex, exn);
            return;
        }
        h = (h + 1) & (t->nslots - 1);
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->items = realloc(t->items, t->cap * sizeof *t->items);
        if (!t->items) abort();
    }
    Item *it = &t->items[t->n];
    it->key = strndup(key, kn);
    it->count = 1;
    it->ex[0] = strndup(ex, exn);
    it->ex[1] = NULL;
    t->slots[h] = ++t->n;
}

static int by_count(const void *a, const void *b)
{
    const Item *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->key, y->key);
}

static void tally_print(Tally *t, const char *title, int top)
{
    qsort(t->items, t->n, sizeof *t->items, by_count);
    printf("%s (%zu distinct)\n", title, t->n);
    for (size_t i = 0; i < t->n && (int)i < top; i++) {
        printf("%7ld  %s\n", t->items[i].count, t->items[i].key);
        for (int k = 0; k < 2; k++)
            if (t->items[i].ex[k]) printf("           e.g. %.160s\n", t->items[i].ex[k]);
    }
}

static void tally_free(Tally *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].key);
        free(t->items[i].ex[0]);
        free(t->items[i].ex[1]);
    }
    free(t->items);
    free(t->slots);
}

typedef struct {
    Coder coder;            /* dictionaries, models, options */
    Arena arena;
    Tally names, verbs;
} SuggestCtx;

/* A word of a name no dictionary has: no mention covers it, or only an
 * office's mention stretched over the name after it */
static int unknown_name(const Sentence *s, uint32_t i)
{
    int m = s->tok[i].mention;
    return m < 0 || (s->men[m].titled && i >= s->men[m].end - s->men[m].titled);
}

static int suggest_doc(const RawDoc *raw, void *vctx)
{
    SuggestCtx *c = vctx;
    Doc d;
    char err[256];
    int cut;
    arena_reset(&c->arena);
    if (pipeline_run(&d, &c->arena, raw, &c->coder.dict, &c->coder.models, &c->coder.opt, NULL, err, sizeof err, &cut)) {
        fprintf(stderr, "%s: %s\n", raw->file, err);
        return -1;
    }
    for (uint32_t si = 0; si < d.nsent; si++) {
        const Sentence *s = &d.sent[si];
        const char *ex = d.body + s->off;
        /* proper-noun runs no mention covers (a sentence's first word alone is no name) */
        for (uint32_t i = 0; i < s->ntok;) {
            if (!((s->tok[i].tag == T_NNP || s->tok[i].tag == T_NNPS) && unknown_name(s, i))) {
                i++;
                continue;
            }
            uint32_t j = i;
            while (j < s->ntok && (s->tok[j].tag == T_NNP || s->tok[j].tag == T_NNPS) && unknown_name(s, j)) j++;
            int dateword = j == i + 1 && (weekday_from_name(s->tok[i].s, s->tok[i].n) >= 0 ||
                                          month_from_name(s->tok[i].s, s->tok[i].n));
            if (!(i == 0 && j == 1) && !dateword && !(s->tok[i].flags & TOK_PUNCT)) {
                char key[256];
                size_t kn = 0;
                for (uint32_t k = i; k < j && kn + s->tok[k].n + 2 < sizeof key; k++) {
                    if (k > i) key[kn++] = ' ';
                    memcpy(key + kn, s->tok[k].s, s->tok[k].n);
                    kn += s->tok[k].n;
                }
                tally_add(&c->names, key, kn, ex, s->len);
            }
            i = j;
        }
        /* verb heads without a verb entry */
        for (uint32_t k = 0; k < s->nvp; k++) {
            const Token *h = &s->tok[s->vp[k].head];
            const char *lemma = h->lemma ? sym_name(h->lemma) : NULL;
            if (!lemma || dict_verb_first(&c->coder.dict, h->lemma) || dict_verb_first(&c->coder.dict, h->lower)) continue;
            if (!strcmp(lemma, "be") || !strcmp(lemma, "have") || !strcmp(lemma, "do")) continue;
            tally_add(&c->verbs, lemma, strlen(lemma), ex, s->len);
        }
    }
    return 0;
}

static int suggest(int argc, char **argv)
{
    SuggestCtx c;
    memset(&c, 0, sizeof c);
    int top = 30;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--dict") && i + 1 < argc) c.coder.opt.dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--top") && i + 1 < argc) top = atoi(argv[++i]);
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "herodotus dict suggest: unknown option '%s'\n(see herodotus dict --help)\n", argv[i]);
            free(inputs);
            return 2;
        } else inputs[n++] = argv[i];
    }
    if (!n) inputs[n++] = "-";
    if (top <= 0) top = 30;
    char lerr[4400];
    if (pipeline_load(&c.coder, lerr, sizeof lerr)) {
        fprintf(stderr, "herodotus: %s\n", lerr);
        free(inputs);
        return 1;
    }
    arena_init(&c.arena);
    long failed = 0;
    Input in = {suggest_doc, NULL, 0, input_say_stderr, &c, INPUT_MAX_DOC_DEFAULT, NULL, 0};
    for (int i = 0; i < n; i++) failed += input_read(&in, inputs[i]);
    tally_print(&c.names, "proper-noun phrases no actor entry covers", top);
    printf("\n");
    tally_print(&c.verbs, "verbs no verb entry covers", top);
    tally_free(&c.names);
    tally_free(&c.verbs);
    arena_free(&c.arena);
    pipeline_unload(&c.coder);
    free(inputs);
    return failed ? 1 : 0;
}

int dict_main(int argc, char **argv)
{
    if (argc < 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        fputs(USAGE, argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) &&
        (!strcmp(argv[0], "check") || !strcmp(argv[0], "suggest"))) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (!strcmp(argv[0], "check")) {
        if (argc != 2) {
            fputs(USAGE, stderr);
            return 2;
        }
        return check(argv[1]);
    }
    if (!strcmp(argv[0], "suggest")) return suggest(argc - 1, argv + 1);
    fprintf(stderr, "herodotus dict: unknown subcommand '%s'\n(see herodotus dict --help)\n", argv[0]);
    return 2;
}
