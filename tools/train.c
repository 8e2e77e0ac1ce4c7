/* train.c - trains the tagger and parser model from a UD treebank.
 *
 *   train TRAIN.conllu DEV.conllu OUT.model [TAG_EPOCHS PARSE_EPOCHS]
 *
 * The parser learns from tags the tagger predicted (ten-fold jackknife:
 * each tenth of the sentences tagged by a tagger trained on the other
 * nine), so that it sees the tagger's mistakes it will meet.  Everything
 * is seeded: the same inputs give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "depparse.h"
#include "tag.h"
#include "wordlist.h"
#include "treebank.h"

typedef struct Names {
    char **s;
    int n;
} Names;

static int name_id(Names *v, const char *s, int add)
{
    for (int i = 0; i < v->n; i++)
        if (!strcmp(v->s[i], s)) return i;
    if (!add) return -1;
    v->s = realloc(v->s, (size_t)(v->n + 1) * sizeof *v->s);
    v->s[v->n] = strdup(s);
    return v->n++;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct Data {
    UdTrainSet set;
    uint32_t *first, *len;
    UdWord *word;
    uint8_t *gold_tag, *pred_tag, *label;
    int *head;
} Data;

static void load(Data *d, const Treebank *tb, Names *tags, Names *labels, int add)
{
    memset(d, 0, sizeof *d);
    d->first = malloc(tb->nsent * sizeof *d->first);
    d->len = malloc(tb->nsent * sizeof *d->len);
    d->word = malloc(tb->nword * sizeof *d->word);
    d->gold_tag = malloc(tb->nword);
    d->pred_tag = malloc(tb->nword);
    d->label = malloc(tb->nword);
    d->head = malloc(tb->nword * sizeof *d->head);
    for (uint32_t s = 0; s < tb->nsent; s++) d->first[s] = tb->sent[s].first, d->len[s] = tb->sent[s].n;
    char buf[256];
    for (uint32_t i = 0; i < tb->nword; i++) {
        d->word[i] = (UdWord){tb->form[i], (uint32_t)strlen(tb->form[i])};
        snprintf(buf, sizeof buf, "%s %s", tb->xpos[i], tb->upos[i]);
        int t = name_id(tags, buf, add), l = name_id(labels, tb->deprel[i], add);
        d->gold_tag[i] = (uint8_t)(t < 0 ? 0 : t);
        d->label[i] = (uint8_t)(l < 0 ? 0 : l);
        d->head[i] = tb->head[i];
    }
    d->set = (UdTrainSet){tb->nsent, d->first, d->len, d->word, d->gold_tag, NULL, d->head, d->label};
}

static void report(const char *what, const Treebank *tb, const UdModel *m)
{
    TbScores sc;
    treebank_eval(tb, m, &sc);
    double w = sc.words ? sc.words : 1;
    fprintf(stderr, "%s: UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f (with subtypes %.2f)\n", what, 100 * sc.upos / w,
            100 * sc.xpos / w, 100 * sc.uas / w, 100 * sc.las / w, 100 * sc.las_full / w);
}

/* the tagger's most frequent mistakes on tb (gold -> predicted) */
static void confusion(const Treebank *tb, const UdModel *m)
{
    static int cnt[256][256];
    Arena a;
    arena_init(&a);
    for (uint32_t s = 0; s < tb->nsent; s++) {
        uint32_t n = tb->sent[s].n, f0 = tb->sent[s].first;
        arena_reset(&a);
        UdWord *w = arena_alloc(&a, n * sizeof *w);
        uint8_t *tag = arena_alloc(&a, n);
        for (uint32_t i = 0; i < n; i++) w[i] = (UdWord){tb->form[f0 + i], (uint32_t)strlen(tb->form[f0 + i])};
        ud_tag(m, w, n, tag, &a);
        for (uint32_t i = 0; i < n; i++) {
            int g = -1;
            for (int t = 0; t < ud_ntags(m); t++)
                if (!strcmp(ud_xpos(m, t), tb->xpos[f0 + i])) { g = t; break; }
            if (g >= 0 && strcmp(ud_xpos(m, g), ud_xpos(m, tag[i]))) cnt[g][tag[i]]++;
            if (getenv("DUMP")) printf("%s\t%s\t%s\n", tb->form[f0 + i], tb->xpos[f0 + i], ud_xpos(m, tag[i]));
        }
    }
    for (int k = 0; k < 25; k++) {
        int bg = 0, bp = 0;
        for (int g = 0; g < 256; g++)
            for (int p = 0; p < 256; p++)
                if (cnt[g][p] > cnt[bg][bp]) bg = g, bp = p;
        if (!cnt[bg][bp]) break;
        fprintf(stderr, "  %s -> %s: %d\n", ud_xpos(m, bg), ud_xpos(m, bp), cnt[bg][bp]);
        cnt[bg][bp] = 0;
    }
    arena_free(&a);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: train TRAIN.conllu DEV.conllu OUT.model [TAG_EPOCHS PARSE_EPOCHS FOLDS]\n");
        return 2;
    }
    int tag_epochs = argc > 4 ? atoi(argv[4]) : 8, parse_epochs = argc > 5 ? atoi(argv[5]) : 15;
    int folds = argc > 6 ? atoi(argv[6]) : 10;
    char err[512];
    if (tagger_load(TAGGER_DIR_DEFAULT, err, sizeof err) ||   /* its lexicon gives features */
        wordlist_load(WORDLIST_DEFAULT, err, sizeof err)) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    Treebank tr, dev;
    if (treebank_read(&tr, argv[1], err, sizeof err) || treebank_read(&dev, argv[2], err, sizeof err)) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    Names tags = {0}, labels = {0};
    Data d, dd;
    load(&d, &tr, &tags, &labels, 1);
    load(&dd, &dev, &tags, &labels, 0);
    fprintf(stderr, "train: %u sentences, %u words, %d tags, %d relations\n", tr.nsent, tr.nword, tags.n,
            labels.n);
    UdTrainer *t = udtrain_new((const char *const *)tags.s, tags.n, (const char *const *)labels.s, labels.n);
    double t0 = now();
    /* jackknifed tags for the parser */
    uint32_t *ids = malloc(tr.nsent * sizeof *ids);
    memcpy(d.pred_tag, d.gold_tag, tr.nword);
    for (int k = 0; k < folds && folds > 1; k++) {
        size_t n = 0;
        for (uint32_t s = 0; s < tr.nsent; s++)
            if ((int)(s % (uint32_t)folds) != k) ids[n++] = s;
        udtrain_reset_tagger(t, 0);
        udtrain_tagger(t, &d.set, ids, n, tag_epochs, 1000 + (uint64_t)k, 0);
        UdModel *m = udtrain_model(t, 0);
        Arena a;
        arena_init(&a);
        for (uint32_t s = (uint32_t)k; s < tr.nsent; s += (uint32_t)folds) {
            arena_reset(&a);
            ud_tag(m, d.word + d.first[s], d.len[s], d.pred_tag + d.first[s], &a);
        }
        arena_free(&a);
        udmodel_free(m);
    }
    size_t right = 0;
    for (uint32_t i = 0; i < tr.nword; i++) right += d.pred_tag[i] == d.gold_tag[i];
    fprintf(stderr, "train: jackknifed tags %.2f%% right (%.0f s)\n", 100.0 * right / tr.nword, now() - t0);
    for (uint32_t s = 0; s < tr.nsent; s++) ids[s] = s;
    udtrain_reset_tagger(t, 0);
    udtrain_tagger(t, &d.set, ids, tr.nsent, tag_epochs, 42, 0);
    if (getenv("TWO_PASS")) {      /* the second pass learns from the first's jackknifed tags */
        d.set.first_tag = d.pred_tag;
        udtrain_tagger(t, &d.set, ids, tr.nsent, tag_epochs, 43, 1);
    }
    {
        UdModel *m = udtrain_model(t, 0);
        char what[64];
        snprintf(what, sizeof what, "tagger dev (%.0f s)", now() - t0);
        report(what, &dev, m);
        if (getenv("CONFUSION")) confusion(&dev, m);
        udmodel_free(m);
    }
    UdTrainSet ps = d.set;
    ps.tag = d.pred_tag;
    for (int e = 1; e <= parse_epochs; e++) {
        udtrain_parser_epoch(t, &ps, e, e > 1 ? 0.9 : 0.0, 7);
        if (e % 3 == 0 || e == parse_epochs) {
            UdModel *m = udtrain_model(t, 1);
            char what[64];
            snprintf(what, sizeof what, "epoch %d dev (%.0f s)", e, now() - t0);
            report(what, &dev, m);
            udmodel_free(m);
        }
    }
    if (getenv("MINABS_LIST")) {
        char *list = strdup(getenv("MINABS_LIST"));
        for (char *v = strtok(list, ","); v; v = strtok(NULL, ",")) {
            setenv("HERODOTUS_MINABS", v, 1);
            UdModel *m = udtrain_model(t, 1);
            char what[64];
            snprintf(what, sizeof what, "minabs %s", v);
            report(what, &dev, m);
            udmodel_free(m);
            char path[256];
            snprintf(path, sizeof path, "/tmp/minabs-%s.model", v);
            udtrain_write(t, path, err, sizeof err);
        }
        unsetenv("HERODOTUS_MINABS");
    }
    if (udtrain_write(t, argv[3], err, sizeof err)) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    fprintf(stderr, "train: wrote %s (%.0f s)\n", argv[3], now() - t0);
    udtrain_free(t);
    treebank_free(&tr);
    treebank_free(&dev);
    return 0;
}
