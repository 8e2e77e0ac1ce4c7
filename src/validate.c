/* validate.c - run validation records and count what comes out right */
#include "validate.h"
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "dyn_xml.h"
#include "pipeline.h"
#include "render.h"

static const char USAGE[] =
    "usage: herodotus validate [--dict DIR] [--parse] [--quiet] [--debug] FILE.xml\n"
    "\n"
    "Code every <Sentence sentence=\"true\"> record of a validation file (the\n"
    "PETRARCH XML format) and compare the set of (source, target, code) with\n"
    "its <EventCoding> expectations; print each failing record, counts per\n"
    "category, and a last line 'N passed, M failed'.  The dictionaries are those\n"
    "its <Environment> names, looked up beside the file, or every dictionary in\n"
    "--dict DIR.\n"
    "\n"
    "  --parse    take words and tags from each record's <Parse> (Penn Treebank)\n"
    "             instead of herodotus's own tokeniser and tagger\n"
    "  --quiet    print only the counts\n"
    "  --debug    print every record's tokens, tags, actors and verb phrases\n";

typedef struct Triple { char s[96], t[96], c[16]; } Triple;

typedef struct Cat { char name[32]; int pass, fail; } Cat;

static const char *prop(xmlNodePtr n, const char *k, char *buf, size_t cap)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)k);
    if (!v) return NULL;
    /* attribute values may carry spaces: 'noevents = "True"' */
    const char *s = (const char *)v;
    while (isspace((unsigned char)*s)) s++;
    snprintf(buf, cap, "%s", s);
    size_t l = strlen(buf);
    while (l && isspace((unsigned char)buf[l - 1])) buf[--l] = '\0';
    xmlFree(v);
    return buf;
}

static int is_elem(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static int cmp_triple(const void *a, const void *b)
{
    const Triple *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    if (!c) c = strcmp(x->t, y->t);
    if (!c) c = strcmp(x->c, y->c);
    return c;
}

/* sort and drop duplicates */
static size_t normalise(Triple *t, size_t n)
{
    qsort(t, n, sizeof *t, cmp_triple);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || cmp_triple(&t[k - 1], &t[i])) t[k++] = t[i];
    return k;
}

static void print_triples(const Triple *t, size_t n)
{
    if (!n) printf("(none)");
    for (size_t i = 0; i < n; i++) printf("%s%s>%s:%s", i ? " " : "", t[i].s, *t[i].t ? t[i].t : "---", t[i].c);
}

/* Parenthesis balance of a Treebank parse: 0 when balanced. */
static int parse_unbalanced(const char *p)
{
    long depth = 0;
    for (; *p; p++) {
        if (*p == '(') depth++;
        else if (*p == ')' && --depth < 0) return 1;
    }
    return depth != 0;
}

/* "CEBU CITY: --", "NAIROBI (Agency) -": a dateline left inside a sentence */
static int has_dateline(const char *s)
{
    while (isspace((unsigned char)*s)) s++;
    const char *p = s;
    int caps = 0;
    while (*p && (isupper((unsigned char)*p) || *p == ' ' || *p == '.' || *p == '\'')) caps += isupper((unsigned char)*p++) != 0;
    if (caps < 3) return 0;
    while (*p == ' ') p++;
    if (*p == '(') {
        while (*p && *p != ')') p++;
        if (*p) p++;
        while (*p == ' ') p++;
    }
    if (*p == ':') p++;
    while (*p == ' ') p++;
    return p[0] == '-' && p[1] == '-';
}

/* The first entity a validation file declares (<!ENTITY ...>).  Such a
 * file is refused: an entity is never expanded (a "billion laughs" bomb of
 * nested entities would take minutes and gigabytes) nor loaded (SYSTEM). */
typedef struct EntityDecl { int line; char name[64]; } EntityDecl;

static void refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                          const xmlChar *system_id, xmlChar *content)
{
    xmlParserCtxtPtr c = ctx;
    EntityDecl *e = c->_private;
    (void)type, (void)public_id, (void)system_id, (void)content;
    if (!e->line) {
        e->line = c->input ? c->input->line : 0;
        snprintf(e->name, sizeof e->name, "%s", name ? (const char *)name : "");
    }
    xmlStopParser(c);   /* the entity is not declared: nothing can expand it */
}

/* Parse a validation file without network, external DTDs or entities;
 * NULL after printing why (FILE:LINE: ...). */
static xmlDocPtr read_xml(const char *file)
{
    char why[512];
    if (dyn_load(DYN_XML, why, sizeof why)) {
        fprintf(stderr, "%s: %s\n", file, why);
        return NULL;
    }
    FILE *f = fopen(file, "rb");   /* first, or libxml2 prints a warning of its own */
    xmlParserCtxtPtr c = f ? xmlCreateFileParserCtxt(file) : NULL;
    if (f) fclose(f);
    if (!c) {
        fprintf(stderr, "%s: cannot open: %s\n", file, strerror(f ? EIO : errno));
        return NULL;
    }
    EntityDecl ent = {0, ""};
    c->_private = &ent;
    c->sax->entityDecl = refuse_entity;
    xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    xmlParseDocument(c);
    xmlDocPtr x = c->myDoc;
    c->myDoc = NULL;
    if (ent.line || !c->wellFormed || !x) {
        if (ent.line)
            fprintf(stderr, "%s:%d: declares the XML entity '%s'; herodotus expands no entity in a validation file\n",
                    file, ent.line, ent.name);
        else {
            const xmlError *e = xmlCtxtGetLastError(c);
            fprintf(stderr, "%s:%d: not well-formed XML: %s", file, e ? e->line : 0,
                    e && e->message ? e->message : "\n");
        }
        xmlFreeDoc(x);
        x = NULL;
    }
    xmlFreeParserCtxt(c);
    return x;
}

int validate_main(int argc, char **argv)
{
    const char *file = NULL, *dict_dir = NULL;
    int quiet = 0, debug = 0, use_parse = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--dict") && i + 1 < argc) {
            dict_dir = argv[++i];
        } else if (!strcmp(argv[i], "--quiet")) {
            quiet = 1;
        } else if (!strcmp(argv[i], "--debug")) {
            debug = 1;
        } else if (!strcmp(argv[i], "--parse")) {
            use_parse = 1;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "herodotus validate: unknown option '%s'\n(see herodotus validate --help)\n", argv[i]);
            return 2;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "herodotus validate: one FILE.xml at a time\n");
            return 2;
        }
    }
    if (!file) {
        fprintf(stderr, "herodotus validate: FILE.xml is required\n(see herodotus validate --help)\n");
        return 2;
    }
    char lerr[4400];
    Models models;
    if (pipeline_load_models(&models, lerr, sizeof lerr)) {
        fprintf(stderr, "herodotus: %s\n", lerr);
        pipeline_unload_models(&models);
        return 1;
    }
    int rc;
    if (dict_dir) {
        Dict dict;
        dict_init(&dict);
        if (dict_load_dir(&dict, dict_dir) <= 0) {
            fprintf(stderr, "herodotus validate: no dictionaries loaded (none named in <Environment>, or --dict DIR empty)\n");
            rc = 1;
        } else {
            rc = validate_file(file, &dict, &models, quiet, debug, use_parse);
        }
        dict_free(&dict);
    } else {
        rc = validate_file(file, NULL, &models, quiet, debug, use_parse);
    }
    pipeline_unload_models(&models);
    char why[512];
    if (!dyn_load(DYN_XML, why, sizeof why)) xmlCleanupParser();
    return rc;
}

int validate_file(const char *file, const Dict *given, const Models *models, int quiet, int debug, int use_parse)
{
    /* the suite's defaults: comma clauses of 2-8 words dropped inside and at
     * the end of a sentence, never at its start */
    Options o = {.petrarch = 1, .comma_min = 2, .comma_max = 8, .comma_emin = 2, .comma_emax = 8};
    xmlDocPtr x = read_xml(file);
    if (!x) return 1;
    xmlNodePtr root = xmlDocGetRootElement(x);
    Dict own;
    const Dict *dict = given;
    if (!given) {
        /* the dictionaries its <Environment> names, beside the file */
        dict_init(&own);
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", file);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0';
        else snprintf(dir, sizeof dir, ".");
        int nloaded = 0;
        for (xmlNodePtr env = root ? root->children : NULL; env; env = env->next) {
            if (!is_elem(env, "Environment")) continue;
            for (xmlNodePtr c = env->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                const char *n = (const char *)c->name;
                int kind = !strcmp(n, "Verbfile") ? DK_VERBS : !strcmp(n, "Actorfile") ? DK_ACTORS
                         : !strcmp(n, "Agentfile") ? DK_AGENTS : !strcmp(n, "Discardfile") ? DK_DISCARDS
                         : !strcmp(n, "Issuefile") ? DK_ISSUES : DK_NONE;
                if (kind == DK_NONE) continue;
                xmlChar *v = xmlNodeGetContent(c);
                char list[4096];
                snprintf(list, sizeof list, "%s", (const char *)v);
                xmlFree(v);
                char *sv;
                for (char *f = strtok_r(list, ", \t\n", &sv); f; f = strtok_r(NULL, ", \t\n", &sv)) {
                    char path[8300];
                    snprintf(path, sizeof path, "%s/%s", dir, f);
                    if (dict_load_file(&own, path, kind) == 0) nloaded++;
                }
            }
        }
        if (nloaded <= 0) {
            fprintf(stderr, "herodotus validate: no dictionaries loaded (none named in <Environment>, or --dict DIR empty)\n");
            dict_free(&own);
            xmlFreeDoc(x);
            return 1;
        }
        dict = &own;
    }
    Arena arena;
    arena_init(&arena);
    Cat cats[64];
    int ncats = 0, pass = 0, fail = 0;
    int require_dyad = 1;
    Triple *exp = malloc(256 * sizeof *exp), *got = malloc(1024 * sizeof *got);
    for (xmlNodePtr ss = root ? root->children : NULL; ss; ss = ss->next) {
        if (!is_elem(ss, "Sentences")) continue;
        for (xmlNodePtr s = ss->children; s; s = s->next) {
            char buf[256], id[128], cat[32], date[32];
            if (is_elem(s, "Config")) {
                char v[32];
                if (!prop(s, "option", buf, sizeof buf) || !prop(s, "value", v, sizeof v)) continue;
                static const struct { const char *name; size_t off; } intopt[] = {
                    {"comma_min", offsetof(Options, comma_min)},   {"comma_max", offsetof(Options, comma_max)},
                    {"comma_bmin", offsetof(Options, comma_bmin)}, {"comma_bmax", offsetof(Options, comma_bmax)},
                    {"comma_emin", offsetof(Options, comma_emin)}, {"comma_emax", offsetof(Options, comma_emax)},
                    {"new_actor_length", offsetof(Options, new_actor_length)}};
                if (!strcmp(buf, "require_dyad")) require_dyad = !strcasecmp(v, "true");
                for (size_t k = 0; k < sizeof intopt / sizeof *intopt; k++)
                    if (!strcmp(buf, intopt[k].name)) *(int *)((char *)&o + intopt[k].off) = atoi(v);
                continue;
            }
            if (!is_elem(s, "Sentence")) continue;
            if (!prop(s, "sentence", buf, sizeof buf) || strcmp(buf, "true")) continue;
            if (!prop(s, "id", id, sizeof id)) snprintf(id, sizeof id, "(line %d)", s->line);
            if (!prop(s, "category", cat, sizeof cat)) snprintf(cat, sizeof cat, "NONE");
            if (!prop(s, "date", date, sizeof date)) date[0] = '\0';
            size_t nexp = 0, ngot = 0;
            char exp_error[64] = "", got_error[64] = "";
            char *text = NULL, *parse = NULL;
            for (xmlNodePtr c = s->children; c; c = c->next) {
                if (is_elem(c, "EventCoding")) {
                    char sc[96], tc[96], ec[16], v[32];
                    if (prop(c, "error", v, sizeof v)) snprintf(exp_error, sizeof exp_error, "%s", v);
                    else if (prop(c, "sourcecode", sc, sizeof sc) && prop(c, "targetcode", tc, sizeof tc) &&
                             prop(c, "eventcode", ec, sizeof ec) && nexp < 256) {
                        Triple *t = &exp[nexp++];
                        snprintf(t->s, sizeof t->s, "%s", sc);
                        snprintf(t->t, sizeof t->t, "%s", strcmp(tc, "---") ? tc : "");
                        snprintf(t->c, sizeof t->c, "%s", ec);
                    }
                } else if (is_elem(c, "Text")) {   /* the last of several */
                    xmlFree(text);
                    text = (char *)xmlNodeGetContent(c);
                } else if (is_elem(c, "Parse")) {
                    xmlFree(parse);
                    parse = (char *)xmlNodeGetContent(c);
                }
            }
            nexp = normalise(exp, nexp);
            if (!text) text = (char *)xmlStrdup((const xmlChar *)"");
            /* collapse the record's line breaks into one paragraph */
            for (char *p = text; *p; p++)
                if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
            if (parse && parse_unbalanced(parse)) snprintf(got_error, sizeof got_error, "bad_input_parse");
            else if (has_dateline(text)) snprintf(got_error, sizeof got_error, "dateline");
            if (!got_error[0]) {
                RawDoc r = {file, s->line, id, NULL, date, NULL, NULL, text, strlen(text), NULL};
                Doc d;
                char err[256];
                int cut, bad;
                o.keep_untargeted = !require_dyad;
                arena_reset(&arena);
                if (use_parse && parse) {
                    /* words and tags from the record's Treebank parse */
                    ParsedSentence *ps;
                    long np = parse_ptb(parse, strlen(parse), &arena, &ps, err, sizeof err);
                    bad = np <= 0 || pipeline_run_parsed(&d, &arena, &r, ps, (size_t)np, dict, models, &o);
                } else {
                    bad = pipeline_run(&d, &arena, &r, dict, models, &o, NULL, err, sizeof err, &cut);
                }
                if (bad) {
                    snprintf(got_error, sizeof got_error, "bad_input");
                } else {
                    if (debug) {
                        printf("%s:\n", id);
                        fflush(stdout);
                        debug_doc(&d, stdout);
                    }
                    int any_discard = 0;
                    for (uint32_t i = 0; i < d.nsent; i++) any_discard |= d.sent[i].discarded;
                    if (d.story_discarded) snprintf(got_error, sizeof got_error, "storydiscard");
                    else if (any_discard) snprintf(got_error, sizeof got_error, "sentencediscard");
                    for (uint32_t i = 0; i < d.nev && ngot < 1024; i++) {
                        Triple *t = &got[ngot++];
                        snprintf(t->s, sizeof t->s, "%s", sym_name(d.ev[i].source));
                        snprintf(t->t, sizeof t->t, "%s", d.ev[i].target ? sym_name(d.ev[i].target) : "");
                        snprintf(t->c, sizeof t->c, "%s", d.ev[i].code);
                    }
                }
            }
            ngot = normalise(got, ngot);
            int ok;
            if (exp_error[0] || got_error[0]) ok = !strcmp(exp_error, got_error);
            else {
                ok = nexp == ngot;
                for (size_t i = 0; ok && i < nexp; i++) ok = !cmp_triple(&exp[i], &got[i]);
            }
            int ci;
            for (ci = 0; ci < ncats && strcmp(cats[ci].name, cat); ci++) {}
            if (ci == ncats && ncats < 64) {
                snprintf(cats[ncats].name, sizeof cats[0].name, "%s", cat);
                cats[ncats].pass = cats[ncats].fail = 0;
                ncats++;
            }
            if (ci < 64) {
                if (ok) cats[ci].pass++;
                else cats[ci].fail++;
            }
            if (ok) pass++;
            else {
                fail++;
                if (!quiet) {
                    char *t = text;
                    while (*t == ' ') t++;
                    printf("FAIL %s [%s] %s\n  expected: ", id, cat, t);
                    if (exp_error[0]) printf("error %s", exp_error);
                    else print_triples(exp, nexp);
                    printf("\n  got:      ");
                    if (got_error[0]) printf("error %s", got_error);
                    else print_triples(got, ngot);
                    printf("\n");
                }
            }
            xmlFree(text);
            xmlFree(parse);
        }
    }
    printf("%-10s %6s %6s %8s\n", "category", "passed", "failed", "percent");
    for (int i = 0; i < ncats; i++) {
        int n = cats[i].pass + cats[i].fail;
        printf("%-10s %6d %6d %7.1f%%\n", cats[i].name, cats[i].pass, cats[i].fail, n ? 100.0 * cats[i].pass / n : 0.0);
    }
    printf("%d passed, %d failed\n", pass, fail);
    free(exp);
    free(got);
    arena_free(&arena);
    if (!given) dict_free(&own);
    xmlFreeDoc(x);
    return fail ? 1 : 0;
}
