/* train.c - trains the tagger and parser model from a UD treebank.
 *
 *   train TRAIN.conllu DEV.conllu OUT.model [TAG_EPOCHS PARSE_EPOCHS FOLDS BEAM BEAM_EPOCHS RTL_EPOCHS]
 *
 * The parser learns from tags the tagger predicted (ten-fold jackknife:
 * each tenth of the sentences tagged by a tagger trained on the other
 * nine), so that it meets the tagger's mistakes in training as it will
 * in use.  The greedy parser learns with a dynamic oracle (PARSE_EPOCHS,
 * 15); then, with BEAM > 1 (the default, 8), two beam parsers learn
 * globally with a beam of that many states: one left to right
 * (BEAM_EPOCHS, 12), one right to left on the sentences written
 * backwards (RTL_EPOCHS, 12; 0: none).  The jackknife's folds and the
 * two beam parsers run in two threads, each with its own trainer or
 * tables and its own seed: the same inputs give the same bytes on every
 * run.  Progress and dev-set figures go to stderr. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "depparse.h"
#include "lemma.h"
#include "segment.h"
#include "tag.h"
#include "treebank.h"
#include "wordlist.h"

typedef struct Names {
    char **s;
    int n;
} Names;

static int name_id(Names *v, const char *s, int add)
{
    for (int i = 0; i < v->n; i++)
        if (!strcmp(v->s[i], s)) return i;
    if (!add || v->n == 255) return -1;
    char **ns = realloc(v->s, (size_t)(v->n + 1) * sizeof *v->s);
    if (!ns) abort();
    v->s = ns;
    v->s[v->n] = strdup(s);
    return v->n++;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct Data {
    UdTrainSet set;
    uint32_t *first, *len;
    UdWord *word;
    uint8_t *gold_tag, *pred_tag, *label, *penn;
    int *head;
} Data;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) abort();
    return p;
}

static void load(const Models *env, Data *d, const Treebank *tb, Names *tags, Names *labels, int add)
{
    memset(d, 0, sizeof *d);
    d->first = xmalloc(tb->nsent * sizeof *d->first);
    d->len = xmalloc(tb->nsent * sizeof *d->len);
    d->word = xmalloc(tb->nword * sizeof *d->word);
    d->gold_tag = xmalloc(tb->nword);
    d->pred_tag = xmalloc(tb->nword);
    d->label = xmalloc(tb->nword);
    d->penn = xmalloc(tb->nword);
    d->head = xmalloc(tb->nword * sizeof *d->head);
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
    /* the HMM tagger's tags, a feature of the tagger, once */
    Token *tk = xmalloc(1024 * sizeof *tk);
    for (uint32_t s = 0; s < tb->nsent; s++) {
        uint32_t n = d->len[s] < 1024 ? d->len[s] : 1024;
        for (uint32_t i = 0; i < n; i++) {
            memset(&tk[i], 0, sizeof tk[i]);
            tk[i].s = d->word[d->first[s] + i].s;
            tk[i].n = d->word[d->first[s] + i].n;
            token_lookup(&tk[i]);
        }
        tag_tokens(env->tagger, env->lemmas, tk, n);
        for (uint32_t i = 0; i < d->len[s]; i++) d->penn[d->first[s] + i] = i < n ? tk[i].hmm : 0;
    }
    free(tk);
    d->set = (UdTrainSet){tb->nsent, d->first, d->len, d->word, d->gold_tag, d->penn, d->head, d->label};
}

/* The jackknife: folds first, first + 2, ... of the sentences, each
 * tagged by a tagger trained on the others. */
typedef struct Fold {
    Data *d;
    uint32_t nsent;
    int folds, first, epochs;
    UdTrainer *t;
} Fold;

static void *jackknife(void *arg)
{
    Fold *f = arg;
    Data *d = f->d;
    uint32_t *ids = xmalloc(f->nsent * sizeof *ids);
    Arena a;
    arena_init(&a);
    for (int k = f->first; k < f->folds && f->folds > 1; k += 2) {
        size_t n = 0;
        for (uint32_t s = 0; s < f->nsent; s++)
            if ((int)(s % (uint32_t)f->folds) != k) ids[n++] = s;
        udtrain_reset_tagger(f->t);
        udtrain_tagger(f->t, &d->set, ids, n, f->epochs, 1000 + (uint64_t)k);
        UdModel *m = udtrain_model(f->t, 0);
        for (uint32_t s = (uint32_t)k; s < f->nsent; s += (uint32_t)f->folds) {
            arena_reset(&a);
            ud_tag(m, d->word + d->first[s], d->len[s], d->penn + d->first[s], d->pred_tag + d->first[s], NULL, &a);
        }
        udmodel_free(m);
    }
    arena_free(&a);
    free(ids);
    return NULL;
}

/* One direction of the beam parsers' training, in a thread of its own. */
typedef struct BeamJob {
    UdTrainer *t;
    const UdTrainSet *set;
    int epochs, rtl;
    uint64_t seed;
    double t0;
} BeamJob;

static void *beam_epochs(void *arg)
{
    BeamJob *j = arg;
    for (int e = 1; e <= j->epochs; e++) {
        udtrain_parser_epoch_beam(j->t, j->set, e, j->seed, j->rtl);
        fprintf(stderr, "train: beam parser %s, epoch %d (%.0f s)\n", j->rtl ? "right to left" : "left to right", e,
                now() - j->t0);
    }
    return NULL;
}

static void data_free(Data *d)
{
    free(d->first), free(d->len), free(d->word), free(d->gold_tag), free(d->pred_tag), free(d->label);
    free(d->head), free(d->penn);
}

static void report(const char *what, const Treebank *tb, const UdModel *m)
{
    TbScores sc;
    treebank_eval(tb, m, &sc);
    double w = sc.words ? sc.words : 1;
    if (!ud_has_parser(m)) {
        fprintf(stderr, "train: %s: UPOS %.2f XPOS %.2f\n", what, 100 * sc.upos / w, 100 * sc.xpos / w);
        return;
    }
    fprintf(stderr, "train: %s: UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f (with subtypes %.2f)\n", what,
            100 * sc.upos / w, 100 * sc.xpos / w, 100 * sc.uas / w, 100 * sc.las / w, 100 * sc.las_full / w);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: train TRAIN.conllu DEV.conllu OUT.model [TAG_EPOCHS PARSE_EPOCHS FOLDS BEAM BEAM_EPOCHS RTL_EPOCHS]\n");
        return 2;
    }
    int tag_epochs = argc > 4 ? atoi(argv[4]) : 8, parse_epochs = argc > 5 ? atoi(argv[5]) : 15;
    int folds = argc > 6 ? atoi(argv[6]) : 10, beam = argc > 7 ? atoi(argv[7]) : 8;
    int beam_epochs_n = argc > 8 ? atoi(argv[8]) : 12, rtl_epochs = argc > 9 ? atoi(argv[9]) : 12;
    char err[512];
    Models env = {0};   /* the lexicon, WordNet and word list give features */
    if (!(env.tagger = tagger_load(TAGGER_DIR_DEFAULT, err, sizeof err)) ||
        !(env.lemmas = lemma_load(WORDNET_DIR_DEFAULT, err, sizeof err)) ||
        !(env.words = wordlist_load(WORDLIST_DEFAULT, err, sizeof err))) {
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
    load(&env, &d, &tr, &tags, &labels, 1);
    load(&env, &dd, &dev, &tags, &labels, 0);
    fprintf(stderr, "train: %u sentences, %u words, %d tags, %d relations\n", tr.nsent, tr.nword, tags.n,
            labels.n);
    UdTrainer *t = udtrain_new(&env, (const char *const *)tags.s, tags.n, (const char *const *)labels.s, labels.n);
    double t0 = now();
    /* jackknifed tags for the parser */
    uint32_t *ids = xmalloc(tr.nsent * sizeof *ids);
    memcpy(d.pred_tag, d.gold_tag, tr.nword);
    {   /* the folds in two threads, each with a trainer of its own */
        Fold fold[2];
        pthread_t th[2];
        for (int i = 0; i < 2; i++) {
            fold[i] = (Fold){&d, tr.nsent, folds, i, tag_epochs,
                             udtrain_new(&env, (const char *const *)tags.s, tags.n, (const char *const *)labels.s,
                                         labels.n)};
            if (pthread_create(&th[i], NULL, jackknife, &fold[i])) abort();
        }
        for (int i = 0; i < 2; i++) pthread_join(th[i], NULL), udtrain_free(fold[i].t);
    }
    size_t right = 0;
    for (uint32_t i = 0; i < tr.nword; i++) right += d.pred_tag[i] == d.gold_tag[i];
    fprintf(stderr, "train: jackknifed tags %.2f%% right (%.0f s)\n", 100.0 * (double)right / tr.nword, now() - t0);
    for (uint32_t s = 0; s < tr.nsent; s++) ids[s] = s;
    udtrain_reset_tagger(t);
    udtrain_tagger(t, &d.set, ids, tr.nsent, tag_epochs, 42);
    UdModel *m = udtrain_model(t, 0);
    char what[64];
    snprintf(what, sizeof what, "tagger, dev (%.0f s)", now() - t0);
    report(what, &dev, m);
    udmodel_free(m);
    UdTrainSet ps = d.set;
    ps.tag = d.pred_tag;
    for (int e = 1; e <= parse_epochs; e++) {
        udtrain_parser_epoch(t, &ps, e, e > 1 ? 0.9 : 0.0, 7);
        if (e % 5 == 0 || e == parse_epochs) {
            m = udtrain_model(t, 1);
            snprintf(what, sizeof what, "greedy, epoch %d, dev (%.0f s)", e, now() - t0);
            report(what, &dev, m);
            udmodel_free(m);
        }
    }
    if (beam > 1) {
        udtrain_set_beam(t, beam);
        /* the same sentences backwards for the right-to-left beam parser */
        UdWord *rword = xmalloc(tr.nword * sizeof *rword);
        uint8_t *rtag = xmalloc(tr.nword), *rlabel = xmalloc(tr.nword);
        int *rhead = xmalloc(tr.nword * sizeof *rhead);
        UdTrainSet rs = udtrain_reverse(&ps, rword, rtag, rhead, rlabel);
        BeamJob job[2] = {{t, &ps, beam_epochs_n, 0, 7, t0}, {t, &rs, rtl_epochs, 1, 11, t0}};
        pthread_t th[2];
        int nth = rtl_epochs > 0 ? 2 : 1;
        for (int i = 0; i < nth; i++)
            if (pthread_create(&th[i], NULL, beam_epochs, &job[i])) abort();
        for (int i = 0; i < nth; i++) pthread_join(th[i], NULL);
        free(rword), free(rtag), free(rlabel), free(rhead);
        m = udtrain_model(t, 1);
        ud_set_vote(m, 0);
        snprintf(what, sizeof what, "beam %d, left to right, dev (%.0f s)", beam, now() - t0);
        report(what, &dev, m);
        if (nth == 2) {
            ud_set_vote(m, 1);
            snprintf(what, sizeof what, "beams voting, dev (%.0f s)", now() - t0);
            report(what, &dev, m);
        }
        udmodel_free(m);
    }
    int status = 0;
    if (udtrain_write(t, argv[3], err, sizeof err)) {
        fprintf(stderr, "train: %s\n", err);
        status = 1;
    } else {
        fprintf(stderr, "train: wrote %s (%.0f s)\n", argv[3], now() - t0);
    }
    udtrain_free(t);
    free(ids);
    data_free(&d);
    data_free(&dd);
    for (int i = 0; i < tags.n; i++) free(tags.s[i]);
    for (int i = 0; i < labels.n; i++) free(labels.s[i]);
    free(tags.s);
    free(labels.s);
    treebank_free(&tr);
    treebank_free(&dev);
    tagger_free(env.tagger);
    lemma_free(env.lemmas);
    wordlist_free(env.words);
    sym_free_all();
    return status;
}
