/* pipeline.c - read -> segment -> tag -> actors -> verbs -> nouns -> quotes -> events -> places */
#include "pipeline.h"
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "actors.h"
#include "cameo.h"
#include "dates.h"
#include "events.h"
#include "lang.h"
#include "lemma.h"
#include "segment.h"
#include "tag.h"
#include "depparse.h"
#include "nouns.h"
#include "places.h"
#include "quotes.h"
#include "verbs.h"
#include "wordlist.h"

#ifndef HERODOTUS_DATADIR
#define HERODOTUS_DATADIR "."
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int pipeline_load_parser(Models *m, char *err, size_t errsz)
{
    if (m->parser) return 0;
    char path[4096 + 64], dir[4096];
    snprintf(path, sizeof path, "%s/data/en_ewt.model", pipeline_datadir(dir, sizeof dir));
    m->parser = udmodel_load(path, m, err, errsz);
    return m->parser ? 0 : -1;
}

/* dict/ and data/: $HERODOTUS_DATA, then beside the binary (../ of
 * build/herodotus, or ../share/herodotus), then the build-time path. */
const char *pipeline_datadir(char *datadir, size_t cap)
{
    const char *env = getenv("HERODOTUS_DATA");
    char probe[4096 + 16];
    if (env && *env) {
        snprintf(datadir, cap, "%s", env);
        return datadir;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';   /* the parent of the binary's directory */
            const char *cands[] = {"", "/share/herodotus"};
            for (int i = 0; i < 2; i++) {
                snprintf(probe, sizeof probe, "%s%s/dict", exe, cands[i]);
                if (is_dir(probe)) {
                    snprintf(datadir, cap, "%s%s", exe, cands[i]);
                    return datadir;
                }
            }
        }
    }
    snprintf(datadir, cap, "%s", HERODOTUS_DATADIR);
    return datadir;
}

int pipeline_load_models(Models *m, char *err, size_t errsz)
{
    char path[4096 + 64], dir[4096];
    const char *tdir = getenv("HERODOTUS_TAGGER_DIR");
    const char *wdir = getenv("WNSEARCHDIR");
    memset(m, 0, sizeof *m);
    if (!(m->tagger = tagger_load(tdir && *tdir ? tdir : TAGGER_DIR_DEFAULT, err, errsz)) ||
        !(m->lemmas = lemma_load(wdir && *wdir ? wdir : WORDNET_DIR_DEFAULT, err, errsz)) ||
        !(m->words = wordlist_load(WORDLIST_DEFAULT, err, errsz)) || !(m->lang = lang_load(err, errsz)) ||
        !(m->gaz = gazetteer_load(err, errsz)))
        return -1;
    snprintf(path, sizeof path, "%s/data/cameo.tsv", pipeline_datadir(dir, sizeof dir));
    return cameo_load(path, err, errsz);
}

void pipeline_unload_models(Models *m)
{
    tagger_free(m->tagger);
    lemma_free(m->lemmas);
    wordlist_free(m->words);
    udmodel_free(m->parser);
    lang_free(m->lang);
    gazetteer_free(m->gaz);
    memset(m, 0, sizeof *m);
    cameo_free();
}

int pipeline_load(Coder *c, char *err, size_t errsz)
{
    char path[4096 + 64], ddir[4096];
    Dict *dict = &c->dict;
    const Options *o = &c->opt;
    dict_init(dict);   /* first, so that pipeline_unload frees what there is */
    if (pipeline_load_models(&c->models, err, errsz)) return -1;
    if (o->tree && pipeline_load_parser(&c->models, err, errsz)) return -1;
    if (o->tree) ud_set_beam(c->models.parser, o->beam ? o->beam : 1);
    const char *dir = o->dict_dir;
    if (!dir) {
        snprintf(path, sizeof path, "%s/dict", pipeline_datadir(ddir, sizeof ddir));
        dir = path;
    }
    int n = dict_load_dir(dict, dir);
    if (!o->dict_dir) {
        /* the built-in dictionaries are named as in the source tree: dict/NAME */
        size_t pl = strlen(dir);
        for (uint32_t i = 0; i < dict->nfiles; i++)
            if (!strncmp(dict->files[i], dir, pl) && dict->files[i][pl] == '/')
                dict->files[i] = dict->files[i] + pl - 4;   /* ".../dict/x" -> "dict/x" */
    }
    if (n < 0) {
        snprintf(err, errsz, "%s: cannot read dictionary directory", dir);
        return -1;
    }
    if (n == 0) {
        snprintf(err, errsz, "%s: no dictionary files (*verbs*, *actors*, *agents*, *discards*)", dir);
        return -1;
    }
    lemma_add_verbs(c->models.lemmas, &dict->verb);
    lemma_freeze(c->models.lemmas);
    return 0;
}

void pipeline_unload(Coder *c)
{
    dict_free(&c->dict);
    pipeline_unload_models(&c->models);
}

/* The events stage with trees where it reads them: the events are made
 * once without trees; the sentences where the stage fell back to the tree
 * (a passive's agent, a subject or target the rules did not find) are
 * parsed, and the events made again.  Sentences whose actors the rules
 * found, most of an article, are never parsed; the events are those of
 * parsing every sentence (the stage reads trees nowhere else). */
static void events_with_trees(Doc *d, const Dict *dict, const Models *m, const Options *o, UdMemo *memo, Arena *a)
{
    make_events(d, dict, o);
    int parsed = 0;
    for (uint32_t i = 0; i < d->nsent; i++) {
        Sentence *s = &d->sent[i];
        if (s->wants_tree && !s->parsed) {
            parse_sentence(m->parser, s, memo, a);
            parsed = 1;
        }
    }
    if (!parsed) return;
    d->nev = 0;
    d->nnotes = 0;
    make_events(d, dict, o);
}

/* The dateline city's country by the gazetteer, for the actors stage when
 * the dictionaries do not know the city */
static void dateline_country(Doc *d, const Models *m)
{
    const char *iso = d->place && m->gaz ? gazetteer_city_country(m->gaz, d->place, strlen(d->place)) : NULL;
    d->place_gaz = iso ? sym_intern(iso, strlen(iso)) : 0;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* With Options.timing, the time since *t goes to stage s */
static void lap(Doc *d, const Options *o, int s, uint64_t *t)
{
    if (!o->timing) return;
    uint64_t n = now_ns();
    d->stage_ns[s] += n - *t;
    *t = n;
}

int pipeline_run(Doc *d, Arena *a, const RawDoc *raw, const Dict *dict, const Models *m, const Options *o,
                 UdMemo *memo, char *err, size_t errsz, int *cut_sentences)
{
    memset(d, 0, sizeof *d);
    uint64_t t = o->timing ? now_ns() : 0;
    if (read_article(d, a, raw, m->words, err, errsz)) return -1;
    dateline_country(d, m);
    d->keep_notes = (uint8_t)(o->notes != 0);
    if (!d->pubdate) d->pubdate = o->pubdate;
    lang_detect(m->lang, d->body, d->body_len, d->lang);
    lap(d, o, STAGE_READ, &t);
    if (!doc_english(d)) return 0;   /* stored with its language, not coded as English */
    *cut_sentences = segment(d);
    lap(d, o, STAGE_SEGMENT, &t);
    for (uint32_t i = 0; i < d->nsent; i++) {
        tag_sentence(m->tagger, m->lemmas, &d->sent[i]);
        drop_comma_clauses(&d->sent[i], o);   /* needs the tags to tell clause commas */
        lemmatise(m->lemmas, &d->sent[i]);
    }
    lap(d, o, STAGE_TAG, &t);
    find_actors(d, dict, m->words, m->gaz, o);
    lap(d, o, STAGE_ACTORS, &t);
    find_verbs(d, dict, o);
    lap(d, o, STAGE_VERBS, &t);
    find_nouns(d, dict, o);
    lap(d, o, STAGE_NOUNS, &t);
    find_quotes(d, o);
    lap(d, o, STAGE_QUOTES, &t);
    if (o->tree) events_with_trees(d, dict, m, o, memo, a);
    else make_events(d, dict, o);
    lap(d, o, STAGE_EVENTS, &t);
    d->gaz = m->gaz;
    find_places(d, m->gaz);
    lap(d, o, STAGE_PLACES, &t);
    return 0;
}

int pipeline_run_parsed(Doc *d, Arena *a, const RawDoc *raw, const ParsedSentence *ps, size_t n, const Dict *dict,
                        const Models *m, const Options *o)
{
    memset(d, 0, sizeof *d);
    read_metadata(d, a, raw);
    dateline_country(d, m);
    d->keep_notes = (uint8_t)(o->notes != 0);
    if (!d->pubdate) d->pubdate = o->pubdate;
    const char *const **w = arena_alloc(a, (n + 1) * sizeof *w);
    const unsigned char **t = arena_alloc(a, (n + 1) * sizeof *t);
    size_t *k = arena_alloc(a, (n + 1) * sizeof *k);
    for (size_t i = 0; i < n; i++) {
        w[i] = (const char *const *)ps[i].words;
        t[i] = ps[i].tags;
        k[i] = ps[i].n;
    }
    segment_parsed(d, w, t, k, n);
    /* the trees that came with them (CoNLL-U), else herodotus's own (--tree) */
    const int16_t **heads = arena_alloc(a, (n + 1) * sizeof *heads);
    const uint8_t **rels = arena_alloc(a, (n + 1) * sizeof *rels);
    int given = 0;
    for (size_t i = 0; i < n; i++)
        if (ps[i].has_tree && ps[i].n <= MAX_SENTENCE_TOKENS) heads[i] = ps[i].head, rels[i] = ps[i].rel, given = 1;
    segment_trees(d, heads, rels);
    for (uint32_t i = 0; i < d->nsent; i++) {
        if (d->sent[i].ntok > MAX_SENTENCE_TOKENS) d->sent[i].ntok = MAX_SENTENCE_TOKENS;
        if (!d->sent[i].parsed) drop_comma_clauses(&d->sent[i], o);   /* a given tree keeps every word */
        lemmatise(m->lemmas, &d->sent[i]);
    }
    find_actors(d, dict, m->words, m->gaz, o);
    find_verbs(d, dict, o);
    find_nouns(d, dict, o);
    find_quotes(d, o);
    if (o->tree && !given) events_with_trees(d, dict, m, o, NULL, a);
    else make_events(d, dict, o);
    d->gaz = m->gaz;
    find_places(d, m->gaz);
    return 0;
}
