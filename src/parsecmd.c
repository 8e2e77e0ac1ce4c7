/* parsecmd.c - herodotus parse: articles in, CoNLL-U trees out; and the
 * parser measured against a gold treebank */
#include "parsecmd.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "buf.h"
#include "depparse.h"
#include "input.h"
#include "lemma.h"
#include "pipeline.h"
#include "segment.h"
#include "tag.h"
#include "treebank.h"

static const char USAGE[] =
    "usage: herodotus parse [--format conllu] [--model FILE] [--beam N] [--no-vote] [--stats] [FILE...|-]\n"
    "       herodotus parse --eval GOLD.conllu [--model FILE] [--beam N] [--no-vote]\n"
    "\n"
    "Split articles into sentences and words, tag them and parse them into\n"
    "Universal Dependencies trees; print CoNLL-U (one block per sentence,\n"
    "# newdoc and # text comments).  Inputs as for 'herodotus code'.\n"
    "\n"
    "  --format conllu  the output format (the only one, and the default)\n"
    "  --eval GOLD      parse the gold file's words (its tokenization, herodotus's\n"
    "                   own tags) and print UPOS, XPOS, UAS and LAS against it\n"
    "  --model FILE     the tagger and parser model (default: data/en_ewt.model)\n"
    "  --beam N         parser states kept at each step, 1 to 64: 1 is the greedy\n"
    "                   parser (fastest); more, the two beam parsers and the greedy\n"
    "                   one voting (default: the beam they were trained with, 8)\n"
    "  --no-vote        with a beam, the left-to-right beam parser's tree alone\n"
    "                   (faster), not the tree the two beam parsers and the greedy\n"
    "                   one vote for\n"
    "  --stats          print documents, sentences, words, model load time and speed on stderr\n";

typedef struct PCtx {
    const UdModel *m;
    const Models *env;          /* the lemmas and word list */
    Arena arena, scratch;
    UdMemo *memo;           /* the tagger's */
    Buf out;
    long docs, sents, words;
} PCtx;

static void put_field(Buf *b, const char *s, size_t n)
{
    if (!n) {
        buf_putc(b, '_');
        return;
    }
    for (size_t i = 0; i < n; i++) buf_putc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void conllu_sentence(PCtx *c, const Doc *d, uint32_t si)
{
    const Sentence *s = &d->sent[si];
    size_t n = s->ntok;
    arena_reset(&c->scratch);
    UdWord *w = arena_alloc(&c->scratch, (n ? n : 1) * sizeof *w);
    uint8_t *tag = arena_alloc(&c->scratch, n + 1), *lab = arena_alloc(&c->scratch, n + 1);
    int *head = arena_alloc(&c->scratch, (n + 1) * sizeof *head);
    for (size_t i = 0; i < n; i++) w[i] = (UdWord){s->tok[i].s, s->tok[i].n};
    ud_tag(c->m, w, n, NULL, tag, c->memo, &c->scratch);
    ud_parse(c->m, w, tag, n, head, lab, &c->scratch);
    Buf *b = &c->out;
    buf_printf(b, "# sent_id = %s-%u\n# text = ", d->id ? d->id : "doc", si + 1);
    put_field(b, d->body + s->off, s->len);
    buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++) {
        const Token *t = &s->tok[i];
        buf_printf(b, "%zu\t", i + 1);
        put_field(b, t->s, t->n);
        buf_putc(b, '\t');
        const char *xpos = ud_xpos(c->m, tag[i]);
        int pt = ud_penn_tag(c->m, tag[i]);
        Sym lem = pt == T_NNP || pt == T_NNPS ? 0 : lemma_of(c->env->lemmas, t->s, t->n, pt);
        if (lem) put_field(b, sym_name(lem), sym_len(lem));
        else put_field(b, t->s, t->n);
        buf_printf(b, "\t%s\t%s\t_\t%d\t%s\t_\t", ud_upos(c->m, tag[i]), xpos, head[i], ud_label(c->m, lab[i]));
        int space = i + 1 < n && s->tok[i + 1].s > t->s + t->n;
        buf_puts(b, space || i + 1 == n ? "_" : "SpaceAfter=No");
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
    c->sents++;
    c->words += (long)n;
}

static int on_doc(const RawDoc *raw, void *vctx)
{
    PCtx *c = vctx;
    char err[512];
    Doc d;
    memset(&d, 0, sizeof d);
    arena_reset(&c->arena);
    if (read_article(&d, &c->arena, raw, c->env->words, err, sizeof err)) {
        if (raw->line) fprintf(stderr, "%s:%ld: %s\n", raw->file, raw->line, err);
        else fprintf(stderr, "%s: %s\n", raw->file, err);
        return -1;
    }
    segment(&d);
    buf_printf(&c->out, "# newdoc id = %s\n", d.id ? d.id : "doc");
    for (uint32_t i = 0; i < d.nsent; i++) {
        conllu_sentence(c, &d, i);
        if (c->out.len > (1u << 16)) {
            fwrite(c->out.data, 1, c->out.len, stdout);
            buf_clear(&c->out);
        }
    }
    c->docs++;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int eval(const UdModel *m, const char *gold)
{
    Treebank tb;
    char err[512];
    if (treebank_read(&tb, gold, err, sizeof err)) {
        fprintf(stderr, "herodotus parse: %s\n", err);
        return 1;
    }
    double t0 = now_s();
    TbScores sc;
    treebank_eval(&tb, m, &sc);
    double el = now_s() - t0, w = sc.words ? sc.words : 1;
    printf("%s: %u sentences, %u words\n", gold, tb.nsent, sc.words);
    printf("UPOS %.2f\nXPOS %.2f\nUAS %.2f\nLAS %.2f\nLAS with subtypes %.2f\n", 100 * sc.upos / w,
           100 * sc.xpos / w, 100 * sc.uas / w, 100 * sc.las / w, 100 * sc.las_full / w);
    printf("tagged and parsed in %.2f s (%.0f sentences/s)\n", el, el > 0 ? tb.nsent / el : 0.0);
    treebank_free(&tb);
    return 0;
}

UdModel *parse_load_model(const Models *env, const char *path)
{
    char def[4096 + 64], err[4096 + 256], dir[4096];
    if (!path) {
        snprintf(def, sizeof def, "%s/data/en_ewt.model", pipeline_datadir(dir, sizeof dir));
        path = def;
    }
    UdModel *m = udmodel_load(path, env, err, sizeof err);
    if (!m) fprintf(stderr, "herodotus: %s\n", err);
    return m;
}

int parse_main(int argc, char **argv)
{
    const char *gold = NULL, *model = NULL;
    int stats = 0, beam = 0, vote = 1;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            free(inputs);
            return 0;
        } else if (!strcmp(a, "--format") || !strcmp(a, "--eval") || !strcmp(a, "--model") ||
                   !strcmp(a, "--beam")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "herodotus parse: %s needs a value\n(see herodotus parse --help)\n", a);
                free(inputs);
                return 2;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--eval")) gold = v;
            else if (!strcmp(a, "--model")) model = v;
            else if (!strcmp(a, "--beam")) {
                char *end;
                long k = strtol(v, &end, 10);
                if (*end || k < 1 || k > 64) {
                    fprintf(stderr, "herodotus parse: --beam must be a number from 1 to 64, not '%s'\n"
                                    "(see herodotus parse --help)\n", v);
                    free(inputs);
                    return 2;
                }
                beam = (int)k;
            }
            else if (strcmp(v, "conllu")) {
                fprintf(stderr, "herodotus parse: --format must be conllu\n(see herodotus parse --help)\n");
                free(inputs);
                return 2;
            }
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "--no-vote")) {
            vote = 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "herodotus parse: unknown option '%s'\n(see herodotus parse --help)\n", a);
            free(inputs);
            return 2;
        } else {
            inputs[ninputs++] = a;
        }
    }
    if (gold && ninputs) {
        fprintf(stderr, "herodotus parse: --eval takes no other input\n(see herodotus parse --help)\n");
        free(inputs);
        return 2;
    }
    char lerr[4400];
    Models models;
    if (pipeline_load_models(&models, lerr, sizeof lerr)) {
        fprintf(stderr, "herodotus: %s\n", lerr);
        pipeline_unload_models(&models);
        free(inputs);
        return 1;
    }
    double t0 = now_s();
    UdModel *m = parse_load_model(&models, model);
    if (m && beam) ud_set_beam(m, beam);
    if (m && !vote) ud_set_vote(m, 0);
    double t1 = now_s();
    int status = 1;
    if (m && gold) {
        status = eval(m, gold);
    } else if (m) {
        PCtx c;
        memset(&c, 0, sizeof c);
        c.m = m;
        c.env = &models;
        arena_init(&c.arena);
        arena_init(&c.scratch);
        c.memo = ud_memo_new(m);
        if (!ninputs) inputs[ninputs++] = "-";
        long failed = 0;
        Input in = {on_doc, NULL, 0, input_say_stderr, &c, INPUT_MAX_DOC_DEFAULT, NULL, 0};
        for (int i = 0; i < ninputs; i++) failed += input_read(&in, inputs[i]);
        if (c.out.len) fwrite(c.out.data, 1, c.out.len, stdout);
        buf_free(&c.out);
        double t2 = now_s();
        if (stats)
            fprintf(stderr, "%ld documents, %ld sentences, %ld words; model %.0f ms, parsing %.2f s (%.0f sentences/s, "
                            "%.0f words/s)\n",
                    c.docs, c.sents, c.words, (t1 - t0) * 1000, t2 - t1, t2 > t1 ? (double)c.sents / (t2 - t1) : 0.0,
                    t2 > t1 ? (double)c.words / (t2 - t1) : 0.0);
        arena_free(&c.arena);
        arena_free(&c.scratch);
        ud_memo_free(c.memo);
        status = failed ? 1 : 0;
    }
    udmodel_free(m);
    pipeline_unload_models(&models);
    sym_free_all();
    free(inputs);
    if (fflush(stdout) != 0) return 1;
    return status;
}
