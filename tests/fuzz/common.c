/* common.c - the fuzz targets' shared helpers (fuzz.h) */
#include "fuzz.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "lemma.h"
#include "pipeline.h"
#include "render.h"

const char fuzz_sentence[] =
    "ARDA CITY, Jan. 5 (Agency) - Ardanian Foreign Minister John Doe visited Belmoria on Monday and said "
    "Belmorian police fired rockets at protesters, after talks with Jane Roe and an attack on Arda City. "
    "The rebels scored a goal at the World Cup.\n";

static int models_loaded, parser_loaded;
static Models models;
static char datadir[4096];

const Models *fuzz_models(int parser)
{
    char err[4400];
    if (!models_loaded) {
        if (pipeline_load_models(&models, err, sizeof err)) {
            fprintf(stderr, "fuzz: %s\n", err);
            exit(1);
        }
        models_loaded = 1;
    }
    if (parser && !parser_loaded) {
        if (pipeline_load_parser(&models, err, sizeof err)) {
            fprintf(stderr, "fuzz: %s\n", err);
            exit(1);
        }
        parser_loaded = 1;
    }
    return &models;
}

const Dict *fuzz_builtin_dict(void)
{
    static Dict dict;
    static int loaded;
    if (!loaded) {
        char dir[4200];
        fuzz_models(0);
        dict_init(&dict);
        snprintf(dir, sizeof dir, "%s/dict", pipeline_datadir(datadir, sizeof datadir));
        if (dict_load_dir(&dict, dir) <= 0) {
            fprintf(stderr, "fuzz: %s: no dictionaries\n", dir);
            exit(1);
        }
        lemma_add_verbs(models.lemmas, &dict.verb);
        loaded = 1;
    }
    return &dict;
}

void fuzz_fixture_dicts(Dict *d, int skip)
{
    static const struct { int kind; const char *name; } fx[] = {
        {DK_ACTORS, "test.actors.txt"},     {DK_AGENTS, "test.agents.txt"}, {DK_DISCARDS, "test.discards.txt"},
        {DK_VERBS, "test.verbs.txt"},       {DK_NOUNS, "test.nouns.txt"},
    };
    char path[4200];
    for (size_t i = 0; i < sizeof fx / sizeof *fx; i++) {
        if (fx[i].kind == skip) continue;
        snprintf(path, sizeof path, "%s/tests/fixtures/%s", pipeline_datadir(datadir, sizeof datadir), fx[i].name);
        if (dict_load_file(d, path, fx[i].kind)) {
            fprintf(stderr, "fuzz: %s: cannot load\n", path);
            exit(1);
        }
    }
}

char *fuzz_str(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    if (size) memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

static char scratch[4096];

/* everything in the scratch folder: the files written here and what
 * SQLite made beside them (a connection left open keeps its -wal, -shm) */
static void scratch_remove(void)
{
    if (!scratch[0]) return;
    DIR *d = opendir(scratch);
    struct dirent *e;
    char path[4400];
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
            unlink(path);
        }
    if (d) closedir(d);
    rmdir(scratch);
}

const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[4200];
    if (!scratch[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(scratch, sizeof scratch, "%s/herodotus-fuzz-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(scratch)) {
            perror(scratch);
            exit(1);
        }
        atexit(scratch_remove);
    }
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
        perror(path);
        exit(1);
    }
    return path;
}

void fuzz_render(const Doc *d, const Dict *dict)
{
    static FILE *devnull;
    if (!devnull) devnull = fopen("/dev/null", "w");
    const Renderer *r[] = {&render_jsonl, &render_tsv, &render_table};
    Buf out = {0};
    for (size_t k = 0; k < sizeof r / sizeof *r; k++) {
        r[k]->begin(&out);
        for (uint32_t i = 0; i < d->nev; i++) {
            EventView v;
            event_view(d, &d->ev[i], &v, (i + k) % 2 ? dict : NULL);   /* with and without --explain */
            r[k]->event(&out, &v);
        }
        for (uint32_t i = 0; i < d->nnotes; i++) {
            NoteView nv;
            note_view(d, &d->notes[i], &nv, dict);
            r[k]->note(&out, &nv);
        }
        r[k]->end(&out, d->nev);
        buf_clear(&out);
    }
    buf_free(&out);
    if (devnull) debug_doc(d, devnull);
}

int fuzz_parsed_input(const uint8_t *data, size_t size, ParsedReader parse, const char *name)
{
    char *text = fuzz_str(data, size);
    Arena a;
    arena_init(&a);
    ParsedSentence *ps;
    char err[512];
    long n = parse(text, size, &a, &ps, err, sizeof err);
    if (n > 0) {
        Options o = {.tree = 1, .notes = 1};
        RawDoc raw = {name, 0, "fuzz", NULL, NULL, NULL, NULL, text, size, NULL};
        Doc d;
        pipeline_run_parsed(&d, &a, &raw, ps, (size_t)n, fuzz_builtin_dict(), &models, &o);
        fuzz_render(&d, fuzz_builtin_dict());
    }
    arena_free(&a);
    free(text);
    return 0;
}

int fuzz_dict_input(const uint8_t *data, size_t size, int kind, const char *name)
{
    static FILE *devnull;
    if (!devnull) devnull = fopen("/dev/null", "w");
    const Models *m = fuzz_models(0);
    Dict d;
    dict_init(&d);
    d.errs = devnull;   /* its problems are expected: any line may be one */
    const char *path = fuzz_file(name, data, size);
    dict_load_file(&d, path, kind);
    fuzz_fixture_dicts(&d, kind);
    lemma_add_verbs(m->lemmas, &d.verb);   /* the models are the process's: its verbs stay verbs */
    Options o = {.notes = 1, .pubdate = 20240108};
    RawDoc raw = {"fuzz.txt", 0, "fuzz", NULL, NULL, NULL, NULL, fuzz_sentence, sizeof fuzz_sentence - 1, NULL};
    Arena a;
    arena_init(&a);
    Doc doc;
    char err[512];
    int cut;
    if (!pipeline_run(&doc, &a, &raw, &d, m, &o, NULL, err, sizeof err, &cut)) fuzz_render(&doc, &d);
    arena_free(&a);
    dict_free(&d);
    return 0;
}
