/* plovereval.c - scores herodotus against hand-coded PLOVER records.
 *
 *   plover-eval RECORDS.json [--verbose | --triples] [--tree [--beam N]]
 *
 * --verbose lists the sentences whose gold category was missed; --triples
 * those whose category was found but a gold triple was not.
 *
 * RECORDS.json: a JSON array of records with "text", "event" (a PLOVER
 * category), "source" and "target" (lists of {"code"}; the target may be
 * empty), as in the PLOVER gold standard records.  Each sentence is coded
 * as a document of its own, events without a target kept, the record's
 * "date" as its publication date (office holders are coded by it).  Printed:
 *   category recall: sentences whose gold category is among their events'
 *   category precision: of each sentence's distinct event categories, the
 *     share that is the gold one
 *   triples: micro precision, recall and F1 over (source country, target
 *     country, category); compound actors give one triple each; a gold
 *     triple without target matches any target.
 * Codes without a PLOVER category (statements, appeals) are left out; the
 * 2016 category names are read as today's (FIGHT -> ASSAULT, DEMAND ->
 * REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE), and three older country
 * codes as ISO's (see country()). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cameo.h"
#include "pipeline.h"
#include "render.h"

static const char *category(const char *c)
{
    if (!strcmp(c, "FIGHT")) return "ASSAULT";
    if (!strcmp(c, "DEMAND")) return "REQUEST";
    if (!strcmp(c, "DISAPPROVE") || !strcmp(c, "INVESTIGATE")) return "ACCUSE";
    return c;
}

typedef struct Triple {
    char src[4], tgt[4];
    const char *cat;
    int used;
} Triple;

/* The first three letters of an actor code.  The records write three
 * countries with older CAMEO codes where herodotus uses ISO 3166-1:
 * Japan JAP, Italy ITL, Vietnam VTN; they are read as JPN, ITA, VNM. */
static void country(char out[4], const char *code)
{
    static const char *const legacy[][2] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}};
    snprintf(out, 4, "%s", code ? code : "");
    for (size_t i = 0; i < sizeof legacy / sizeof *legacy; i++)
        if (!strcmp(out, legacy[i][0])) memcpy(out, legacy[i][1], 4);
}

/* the actor codes of a "source" or "target" value: a list, "", or null */
static size_t codes(json_t *v, const char **out, size_t max)
{
    size_t n = 0, i;
    json_t *a;
    if (!json_is_array(v)) return 0;
    json_array_foreach(v, i, a) {
        const char *c = json_string_value(json_object_get(a, "code"));
        if (c && n < max) out[n++] = c;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: plover-eval RECORDS.json [--verbose | --triples] [--tree [--beam N]]\n");
        return 2;
    }
    int verbose = 0, tree = 0, beam = 0;
    for (int a = 2; a < argc; a++) {
        if (!strcmp(argv[a], "--verbose")) verbose = 1;
        else if (!strcmp(argv[a], "--triples")) verbose = 2;
        else if (!strcmp(argv[a], "--tree")) tree = 1;
        else if (!strcmp(argv[a], "--beam") && a + 1 < argc) beam = atoi(argv[++a]);
    }
    json_error_t je;
    json_t *root = json_load_file(argv[1], 0, &je);
    if (!json_is_array(root)) {
        fprintf(stderr, "plover-eval: %s:%d: %s\n", argv[1], je.line, root ? "not a JSON array" : je.text);
        return 1;
    }
    Coder coder;
    memset(&coder, 0, sizeof coder);
    coder.opt.keep_untargeted = 1;
    coder.opt.tree = tree;
    coder.opt.beam = beam;
    char lerr[4400];
    if (pipeline_load(&coder, lerr, sizeof lerr)) {
        fprintf(stderr, "plover-eval: %s\n", lerr);
        return 1;
    }
    Arena arena;
    arena_init(&arena);
    long sents = 0, cat_hit = 0, cats = 0, cats_right = 0, gold_n = 0, gold_hit = 0, pred_n = 0, pred_hit = 0;
    size_t i;
    json_t *r;
    json_array_foreach(root, i, r) {
        const char *text = json_string_value(json_object_get(r, "text"));
        const char *ev = json_string_value(json_object_get(r, "event"));
        if (!text || !ev || !strcmp(ev, "DOCUMENT")) continue;
        const char *gcat = category(ev);
        const char *src[16], *tgt[16];
        size_t ns = codes(json_object_get(r, "source"), src, 16), nt = codes(json_object_get(r, "target"), tgt, 16);
        Triple gold[256];
        size_t ng = 0;
        for (size_t a = 0; a < ns; a++)
            for (size_t b = 0; b < (nt ? nt : 1) && ng < 256; b++) {
                country(gold[ng].src, src[a]);
                country(gold[ng].tgt, nt ? tgt[b] : "");
                gold[ng].cat = gcat;
                gold[ng++].used = 0;
            }
        arena_reset(&arena);
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *date = json_string_value(json_object_get(r, "date"));   /* the record's, as a publication date */
        RawDoc raw = {argv[1], (long)i, id ? id : "record", NULL, date, NULL, NULL, text, strlen(text), NULL};
        Doc d;
        char err[512];
        int cut = 0;
        sents++;
        if (pipeline_run(&d, &arena, &raw, &coder.dict, &coder.models, &coder.opt, NULL, err, sizeof err, &cut)) {
            fprintf(stderr, "plover-eval: %s: %s\n", raw.id, err);
            gold_n += (long)ng;
            continue;
        }
        Triple pred[256];
        size_t np = 0;
        const char *seen[32];
        size_t nseen = 0;
        for (uint32_t k = 0; k < d.nev; k++) {
            const CameoCode *c = cameo_get(d.ev[k].code);
            if (!c || !c->plover) continue;
            Triple t;
            country(t.src, sym_name(d.ev[k].source));
            country(t.tgt, d.ev[k].target ? sym_name(d.ev[k].target) : "");
            t.cat = c->plover;
            t.used = 0;
            int dup = 0;
            for (size_t q = 0; q < np; q++)
                dup |= !strcmp(pred[q].src, t.src) && !strcmp(pred[q].tgt, t.tgt) && !strcmp(pred[q].cat, t.cat);
            if (!dup && np < 256) pred[np++] = t;
            int s = 0;
            for (size_t q = 0; q < nseen; q++) s |= !strcmp(seen[q], c->plover);
            if (!s && nseen < 32) seen[nseen++] = c->plover;
        }
        int hit = 0;
        for (size_t q = 0; q < nseen; q++) hit |= !strcmp(seen[q], gcat);
        cat_hit += hit;
        cats += (long)nseen;
        cats_right += hit;
        /* each predicted triple matches at most one gold triple and back */
        for (size_t p = 0; p < np; p++)
            for (size_t g = 0; g < ng; g++)
                if (!gold[g].used && !strcmp(pred[p].src, gold[g].src) && !strcmp(pred[p].cat, gold[g].cat) &&
                    (!gold[g].tgt[0] || !strcmp(pred[p].tgt, gold[g].tgt))) {
                    gold[g].used = pred[p].used = 1;
                    break;
                }
        for (size_t p = 0; p < np; p++) pred_hit += pred[p].used;
        for (size_t g = 0; g < ng; g++) gold_hit += gold[g].used;
        pred_n += (long)np;
        gold_n += (long)ng;
        int gmiss = 0;
        for (size_t g = 0; g < ng; g++) gmiss |= !gold[g].used;
        if (verbose > 1 && hit && gmiss) {
            printf("TRIP %s [%s] gold:", raw.id, gcat);
            for (size_t g = 0; g < ng; g++) printf(" %s>%s%s", gold[g].src, gold[g].tgt, gold[g].used ? "" : "*");
            printf(" pred:");
            for (size_t q = 0; q < np; q++) printf(" %s>%s:%s", pred[q].src, pred[q].tgt, pred[q].cat);
            printf("\n     %s\n", text);
        }
        if (verbose == 1 && !hit) {
            printf("MISS %s [%s]", raw.id, gcat);
            for (size_t p = 0; p < np; p++) printf(" %s>%s:%s", pred[p].src, pred[p].tgt, pred[p].cat);
            printf("\n     %s\n", text);
        }
    }
    double p = pred_n ? (double)pred_hit / (double)pred_n : 0, rc = gold_n ? (double)gold_hit / (double)gold_n : 0;
    double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    printf("sentences %ld\n", sents);
    printf("category recall %.3f (%ld of %ld sentences)\n", sents ? (double)cat_hit / (double)sents : 0, cat_hit, sents);
    printf("category precision %.3f (%ld of %ld categories)\n", cats ? (double)cats_right / (double)cats : 0,
           cats_right, cats);
    printf("triples precision %.3f recall %.3f F1 %.3f (%ld predicted, %ld gold)\n", p, rc, f1, pred_n, gold_n);
    arena_free(&arena);
    pipeline_unload(&coder);
    sym_free_all();
    json_decref(root);
    return 0;
}
