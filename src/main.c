/* main.c - the herodotus command line */
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "buf.h"
#include "dates.h"
#include "depparse.h"
#include "parse.h"
#include "parsecmd.h"
#include "input.h"
#include "lemma.h"
#include "pipeline.h"
#include "render.h"
#include "segment.h"
#include "shard.h"
#include "store.h"
#include "writer.h"
#include "tag.h"
#include "utf8.h"
#include "validate.h"
#include "dictcmd.h"
#include "shardcmd.h"
#include "merge.h"
#include "query.h"
#include "serve.h"

#ifndef HERODOTUS_VERSION
#define HERODOTUS_VERSION "0.0.0"
#endif

static const char USAGE[] =
    "usage: herodotus <command> [options] [FILE...|-]\n"
    "\n"
    "Turn news reports into CAMEO-coded political events.\n"
    "\n"
    "commands:\n"
    "  code     code articles and print their events\n"
    "  ingest   code articles and store them in a SQLite database\n"
    "  quotes   print the quotes of articles: who said them, and through which media\n"
    "  parse    tag and parse articles into Universal Dependencies trees (CoNLL-U)\n"
    "  validate code validation records (PETRARCH XML) and compare with their expected events\n"
    "  dict     check dictionaries (dict check DIR); list what a corpus needs (dict suggest)\n"
    "  query    print stored events that pass filters (actor, dyad, code, dates, text)\n"
    "  stats    event counts and mean Goldstein per period; top dyads, actors, codes; SVG charts\n"
    "  export   write stored events as the GDELT 2.0 event table, JSON Lines or CSV\n"
    "  serve    a web page and a JSON API over a store (docs/api.md)\n"
    "  shard    cut the inputs into N balanced parts, for code/ingest --shard K/N on a cluster\n"
    "  merge    put the stores of a sharded ingest together into one\n"
    "  migrate  move a store into PostgreSQL (--from FILE.db --to postgresql://...)\n"
    "\n"
    "options:\n"
    "  --help       this text (herodotus CMD --help for a command)\n"
    "  --version    print the version\n";

static const char USAGE_CODE[] =
    "usage: herodotus code [--dict DIR] [--format jsonl|tsv|table] [--all] [--explain] [--stats]\n"
    "                      [--parse ptb|conllu] [--date YYYY-MM-DD] [--jobs N] [--max-size MB] [--shard K/N]\n"
    "                      [--inputs LIST] [FILE...|-]\n"
    "\n"
    "Code articles and print one line per event.  Inputs: .txt files (one\n"
    "article each), .jsonl files (one {\"id\",\"text\",...} object per line),\n"
    ".html/.htm web pages (their story and metadata), or - for standard input\n"
    "(JSON Lines when it starts with '{', a web page when it starts like one,\n"
    "else one article).  An article not in English is counted, not coded.\n"
    "\n"
    "  --dict DIR     use the dictionaries in DIR instead of the built-in ones\n"
    "  --format F     jsonl (default when not a terminal), tsv, table (default on a terminal)\n"
    "  --all          also print events that have no target (without it, only\n"
    "                 protests, riots, strikes, force postures and violence stand alone)\n"
    "  --dyadic       only events with both a source and a target\n"
    "  --tree         parse every sentence into a dependency tree and read the\n"
    "                 passive agent off it (slower; see herodotus parse)\n"
    "  --beam N       with --tree, the parser's beam: 1, the greedy parser (default,\n"
    "                 fastest), to 64; 8, as herodotus parse (the beam parsers and the\n"
    "                 greedy one voting), is more accurate and 10 times slower\n"
    "  --explain      with every event, the dictionary entries (file:line) of its verb\n"
    "                 pattern and actors and the rule that chose source and target; and\n"
    "                 the candidates dropped (negated, discarded, out of date, no actor)\n"
    "  --parse F      the inputs are sentences parsed elsewhere, one document per file:\n"
    "                 ptb (Penn Treebank bracketed trees) or conllu (CoNLL-U from a UD\n"
    "                 parser); their words and tags replace herodotus's own\n"
    "  --date D       the publication date of articles that give none of their own\n"
    "                 (no \"date\" field, no 'Date: 2024-05-14' or 'Published ...' line)\n"
    "  --jobs N       code in N threads (default: one a core); events are written in\n"
    "                 the order of the input all the same\n"
    "  --max-size MB  the largest document coded (default 64): a larger one is\n"
    "                 reported and skipped; coding takes at most 20 bytes of memory\n"
    "                 a byte of text\n"
    "  --stats        print documents, sentences, events, speed and peak memory on stderr\n"
    "  --shard K/N    only part K of N of the inputs (a cluster's job array: herodotus\n"
    "                 shard lists the parts, herodotus merge puts their stores together)\n"
    "  --inputs LIST  also the inputs named in LIST, one a line (PATH, or PATH<TAB>START\n"
    "                 <TAB>END: bytes of a .jsonl file, as herodotus shard --out writes)\n";

static const char USAGE_QUOTES[] =
    "usage: herodotus quotes [--format jsonl|tsv|table] [--date YYYY-MM-DD] [--jobs N] [FILE...|-]\n"
    "\n"
    "Print the quotes of articles (the inputs of herodotus code), one a line:\n"
    "doc_id, quote_id (1, 2, ... in the document, as the events said inside it\n"
    "carry it), the quoted text, its kind (whole: direct speech; partial: words\n"
    "quoted inside reported speech), the speaker (name, actor code, how found:\n"
    "named, pronoun, role, previous - a quote with no attribution continues the\n"
    "one before), and via: the outlets, platforms and accounts it was relayed\n"
    "through, in order (\"she told RIA Novosti\", \"according to Interfax\",\n"
    "\"in a post shared by the embassy on X\").\n";

static const char USAGE_INGEST[] =
    "usage: herodotus ingest --db FILE [--dict DIR] [--all] [--replace] [--quiet] [--date YYYY-MM-DD]\n"
    "                        [--jobs N] [--batch N] [--max-size MB] [--shard K/N] [--inputs LIST] [FILE...|-]\n"
    "\n"
    "Code articles and store documents, sentences and events in the SQLite\n"
    "database FILE (created when missing, migrated when older).  A document\n"
    "already stored, by id or by identical text, is skipped; --replace codes it\n"
    "again and replaces it and its events in one transaction.  Documents are\n"
    "committed in batches of 1024 (more in a large store; --batch N: N, 1 to\n"
    "commit each document as it comes): a run that is killed loses only its\n"
    "last batch, and the same command run again finishes the job.  Ctrl-C stops\n"
    "after the current batch.  On a terminal a progress line is shown unless\n"
    "--quiet.  --date D is the publication date of articles that give none of\n"
    "their own.  --max-size MB: the largest document coded (default 64).\n"
    "--jobs N: code in N threads (default one a core but one, which the writer\n"
    "thread takes); documents are stored in the order of the input all the\n"
    "same, by that one writer thread.  --shard K/N: only part K of N of the\n"
    "inputs, into a store of its own (herodotus shard, herodotus merge);\n"
    "--inputs LIST: the inputs named in LIST too, one a line.\n";

enum { UNDATED_NAMED = 5 };   /* undated documents named by ingest */

/* Documents not in English, by language (the first few languages by name) */
enum { LANGS_NAMED = 8 };
typedef struct LangCounts {
    char code[LANGS_NAMED][16];
    long n[LANGS_NAMED];
    int k;
    long other, total;
} LangCounts;

static void lang_count(LangCounts *l, const char *code, long n)
{
    l->total += n;
    for (int i = 0; i < l->k; i++)
        if (!strcmp(l->code[i], code)) {
            l->n[i] += n;
            return;
        }
    if (l->k == LANGS_NAMED) {
        l->other += n;
        return;
    }
    snprintf(l->code[l->k], sizeof l->code[0], "%s", code);
    l->n[l->k++] = n;
}

static void lang_add(LangCounts *to, const LangCounts *from)
{
    for (int i = 0; i < from->k; i++) lang_count(to, from->code[i], from->n[i]);
    to->other += from->other;
    to->total += from->other;
}

typedef struct Ctx {
    Coder coder;            /* dictionaries, models, options: made once, then only read */
    Arena arena;
    const Renderer *r;
    Buf out;
    Store *store;       /* ingest: the writer's connection */
    Store *check;       /* ingest: a second connection, to skip what is stored */
    Writer *writer;
    StorePacker *packer;    /* ingest: compresses the bodies coded by this thread (the main one) */
    UdMemo *memo;           /* --tree: this thread's memo of the tagger (the main one) */
    long docs, sents, events, skipped, failed_store;
    long parsed_sents;      /* --tree: sentences the events stage parsed */
    uint64_t stage_ns[STAGE_N], render_ns;   /* --stats: summed over the documents (and threads) */
    long undated_docs, undated_events;  /* ingest: documents with no date, and their undated events */
    LangCounts foreign;                 /* documents not in English, not coded */
    Buf undated;                        /* the first few of those documents' ids, ", "-separated */
    int debug, replace, progress;
    int quotes;             /* herodotus quotes: print quotes, not events */
    long nquotes;
    int store_failed;       /* ingest: a write failed; the rest of the input is not coded */
    double started, last_progress;
    long long bytes_total, bytes_before;
    Input in;               /* the reader of the inputs */
} Ctx;

/* Set by Ctrl-C: stop after the current article (the reader reads it) */
static volatile int stop_requested;



static void flush_out(Ctx *c)
{
    if (c->out.len) {
        fwrite(c->out.data, 1, c->out.len, stdout);
        buf_clear(&c->out);
    }
}

static void progress(Ctx *c, int last);

/* What coding one document adds to the run's counts */
typedef struct Counts {
    LangCounts foreign;     /* documents not coded: not in English */
    long docs, sents, events, parsed, quotes;
    uint64_t stage_ns[STAGE_N], render_ns;   /* --stats: time in each stage, and rendering */
} Counts;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A message about a document, as FILE[:LINE]: TEXT, into msg */
static void doc_msg(Buf *msg, const RawDoc *raw, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void doc_msg(Buf *msg, const RawDoc *raw, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (raw->line) buf_printf(msg, "%s:%ld: %s\n", raw->file, raw->line, text);
    else buf_printf(msg, "%s: %s\n", raw->file, text);
}

/* Code one document in arena: its events (and with --explain its notes)
 * rendered into out, its messages into msg, its counts into k; d is left
 * for the caller (ingest stores it).  Returns -1 when it was not coded,
 * 1 when it was coded but reported (run-on text, a date that is none). */
static int code_doc(const Ctx *c, UdMemo *memo, const RawDoc *raw, Arena *arena, Doc *d, Buf *out, Buf *msg, Counts *k)
{
    char err[512];
    int cut = 0;
    if (pipeline_run(d, arena, raw, &c->coder.dict, &c->coder.models, &c->coder.opt, memo, err, sizeof err, &cut)) {
        doc_msg(msg, raw, "%s", err);
        return -1;
    }
    if (cut)
        doc_msg(msg, raw, "text runs for more than %d tokens without a sentence end; cut %d time%s", MAX_SENTENCE_TOKENS,
                cut, cut == 1 ? "" : "s");
    if (d->bad_date)
        doc_msg(msg, raw, "date '%s' is no date (expected YYYY-MM-DD); the document is coded without one", d->bad_date);
    k->docs++;
    if (!doc_english(d)) lang_count(&k->foreign, d->lang, 1);
    k->sents += d->nsent;
    for (uint32_t i = 0; i < d->nsent; i++) k->parsed += d->sent[i].parsed;
    k->events += d->nev;
    k->quotes += d->nquotes;
    for (int s = 0; s < STAGE_N; s++) k->stage_ns[s] += d->stage_ns[s];
    double t0 = c->coder.opt.timing ? now_s() : 0;
    if (out && c->quotes) {
        for (uint32_t i = 0; i < d->nquotes; i++) {
            QuoteView v;
            quote_view(d, i, &v);
            c->r->quote(out, &v);
        }
    } else if (out) {
        /* written as it grows when it goes straight to stdout (not a
         * thread's buffer kept for the input's order): a long document's
         * events never wait in memory all at once */
        int direct = out == &c->out;
        for (uint32_t i = 0; i < d->nev; i++) {
            EventView v;
            event_view(d, &d->ev[i], &v, c->coder.opt.notes ? &c->coder.dict : NULL);
            c->r->event(out, &v);
            if (direct && out->len > (1u << 20)) {
                fwrite(out->data, 1, out->len, stdout);
                buf_clear(out);
            }
        }
        if (c->coder.opt.notes)
            for (uint32_t i = 0; i < d->nnotes; i++) {
                NoteView nv;
                note_view(d, &d->notes[i], &nv, &c->coder.dict);
                c->r->note(out, &nv);
            }
    }
    if (c->coder.opt.timing) k->render_ns += (uint64_t)((now_s() - t0) * 1e9);
    return cut || d->bad_date ? 1 : 0;
}

static void add_counts(Ctx *c, const Counts *k)
{
    c->docs += k->docs;
    lang_add(&c->foreign, &k->foreign);
    c->sents += k->sents;
    c->events += k->events;
    c->nquotes += k->quotes;
    c->parsed_sents += k->parsed;
    for (int s = 0; s < STAGE_N; s++) c->stage_ns[s] += k->stage_ns[s];
    c->render_ns += k->render_ns;
}

static int on_doc(const RawDoc *raw, void *vctx)
{
    Ctx *c = vctx;
    if (c->check && !c->replace && raw->id && store_has(c->check, raw->id, raw->text, raw->len)) {
        c->skipped++;
        return 0;
    }
    if (c->writer && writer_failed(c->writer)) {
        c->store_failed = 1;
        stop_requested = 1;
        return 0;
    }
    Doc d;
    Arena *arena = c->writer ? writer_slot(c->writer) : &c->arena;
    if (!c->writer) arena_reset(arena);
    Buf msg = {0};
    Counts k = {0};
    int st = code_doc(c, c->memo, raw, arena, &d, c->writer ? NULL : &c->out, &msg, &k);
    if (msg.len) fputs(msg.data, stderr);
    buf_free(&msg);
    if (st < 0) return -1;
    if (c->debug) debug_doc(&d, stderr);
    add_counts(c, &k);
    if (c->writer && !d.pubdate) {
        if (c->undated_docs++ < UNDATED_NAMED) buf_printf(&c->undated, "%s%s", c->undated.len ? ", " : "", raw->id);
        for (uint32_t i = 0; i < d.nev; i++) c->undated_events += !d.ev[i].date;
    }
    if (c->writer) {
        StoreView v;
        if (!c->packer) c->packer = store_packer_new(c->store);
        store_view(&v, &d, raw->text, raw->len, arena, c->packer);
        writer_submit(c->writer, &v);
        progress(c, 0);
    } else if (c->out.len > (1u << 16)) {
        flush_out(c);
    }
    return st ? -1 : 0;
}

/* ---- code --jobs N: documents coded in N threads, written in input order ---- */

enum { JOB_FREE, JOB_READY, JOB_DONE };
enum { POOL_INLINE = 4 << 20 };   /* bytes of text past which a document is not handed to a thread */

typedef struct Job {
    int state;
    RawDoc raw;             /* a whole article: its strings copied into arena */
    const char *line;       /* or a line of JSON Lines, unparsed, in arena (a thread parses it) */
    size_t line_len;
    Arena arena;
    Buf out, msg;
    Counts k;
    const char *id;         /* the document's id, in arena */
    int coded, skipped;     /* coded; or stored already (ingest) */
    int status;             /* code_doc's */
    long input_failed;      /* the line was no article, or a bad one */
    StoreView view;         /* ingest: the document as the store takes it, in arena */
    int undated;            /* ingest: no publication date */
    long undated_events;
} Job;

typedef struct Pool {
    Ctx *c;
    Job *job;
    long njob;
    long filled, taken, written;    /* documents handed in, taken by a thread, written out */
    int closed;                     /* no more documents */
    long failed;
    long waiting_for;               /* the document the writing side waits for, or -1 */
    int idle;                       /* threads waiting for a document */
    pthread_mutex_t mu;
    pthread_cond_t work, done;      /* a document to code; the one waited for is coded */
    pthread_mutex_t check_mu;       /* ingest: the connection that finds what is stored */
    size_t max_doc;                 /* the reader's size limit, for the threads that parse lines */
} Pool;

typedef struct JobRun {
    Pool *p;
    Job *j;
    StorePacker *packer;    /* the thread's */
    UdMemo *memo;           /* the thread's */
} JobRun;

/* In a coding thread: code raw (its strings live while this runs) into j */
static int job_doc(const RawDoc *raw, void *vrun)
{
    JobRun *run = vrun;
    Pool *p = run->p;
    Job *j = run->j;
    const Ctx *c = p->c;
    if (c->check && !c->replace && raw->id) {
        pthread_mutex_lock(&p->check_mu);
        int had = store_has(c->check, raw->id, raw->text, raw->len);
        pthread_mutex_unlock(&p->check_mu);
        if (had) {
            j->skipped = 1;   /* ingest: stored already */
            return 0;
        }
    }
    Doc d;
    j->coded = 1;
    j->id = arena_strdup(&j->arena, raw->id);
    j->status = code_doc(c, run->memo, raw, &j->arena, &d, c->writer ? NULL : &j->out, &j->msg, &j->k);
    if (c->writer && j->status >= 0) {
        store_view(&j->view, &d, raw->text, raw->len, &j->arena, run->packer);
        j->undated = !d.pubdate;
        j->undated_events = 0;
        for (uint32_t i = 0; i < d.nev; i++) j->undated_events += !d.ev[i].date;
    }
    return 0;
}

static void *pool_thread(void *arg)
{
    Pool *p = arg;
    StorePacker *packer = p->c->writer ? store_packer_new(p->c->store) : NULL;
    UdMemo *memo = ud_memo_new(p->c->coder.models.parser);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->filled && !p->closed) {
            p->idle++;
            pthread_cond_wait(&p->work, &p->mu);
            p->idle--;
        }
        if (p->taken == p->filled) break;
        long seq = p->taken++;
        Job *j = &p->job[seq % p->njob];
        pthread_mutex_unlock(&p->mu);
        JobRun run = {p, j, packer, memo};
        if (j->line)
            j->input_failed =
                input_json_doc(j->raw.file, j->raw.line, j->line, j->line_len, p->max_doc, &j->msg, job_doc, &run);
        else job_doc(&j->raw, &run);
        pthread_mutex_lock(&p->mu);
        j->state = JOB_DONE;
        if (p->waiting_for == seq) pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    store_packer_free(packer);
    ud_memo_free(memo);
    return NULL;
}

/* Write out the finished documents in input order: all of them when wait
 * (at the end), else those done so far, and when the ring is full the
 * oldest half of it (waiting for half a ring at once, not for each
 * document, keeps the threads from waking each other for every one). */
static void pool_write(Pool *p, int wait)
{
    pthread_mutex_lock(&p->mu);
    while (p->written < p->filled) {
        Job *j = &p->job[p->written % p->njob];
        int full = p->filled - p->written >= p->njob;
        if (j->state != JOB_DONE) {
            if (!wait && !full) break;
            long want = wait ? p->filled - 1 : p->written + p->njob / 2 - 1;
            if (want >= p->filled) want = p->filled - 1;
            if (want < p->written || p->job[want % p->njob].state == JOB_DONE) want = p->written;
            p->waiting_for = want;
            while (p->job[want % p->njob].state != JOB_DONE) pthread_cond_wait(&p->done, &p->mu);
            p->waiting_for = -1;
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        if (j->msg.len) fputs(j->msg.data, stderr);
        Ctx *c = p->c;
        p->failed += j->input_failed;
        if (j->skipped) c->skipped++;
        else if (!j->coded) {
            /* no article in the line: reported */
        } else if (j->status < 0) p->failed++;
        else {
            if (j->status) p->failed++;
            add_counts(c, &j->k);
            if (c->writer) {
                if (writer_failed(c->writer)) {
                    c->store_failed = 1;
                    stop_requested = 1;
                } else {
                    if (j->undated) {
                        if (c->undated_docs++ < UNDATED_NAMED)
                            buf_printf(&c->undated, "%s%s", c->undated.len ? ", " : "", j->id);
                        c->undated_events += j->undated_events;
                    }
                    /* the writer's own copy: this slot is reused before the writer is done */
                    StoreView v;
                    store_view_copy(&v, &j->view, writer_slot(c->writer));
                    writer_submit(c->writer, &v);
                    progress(c, 0);
                }
            } else {
                buf_put(&c->out, j->out.data ? j->out.data : "", j->out.len);
                if (c->out.len > (1u << 16)) flush_out(c);
            }
        }
        pthread_mutex_lock(&p->mu);
        j->state = JOB_FREE;
        p->written++;
    }
    pthread_mutex_unlock(&p->mu);
}

/* The next free slot, its last document written out first when the ring is full */
static Job *pool_slot(Pool *p)
{
    pool_write(p, 0);
    pthread_mutex_lock(&p->mu);
    Job *j = &p->job[p->filled % p->njob];
    pthread_mutex_unlock(&p->mu);
    arena_reset(&j->arena);
    buf_clear(&j->out);
    buf_clear(&j->msg);
    memset(&j->k, 0, sizeof j->k);
    j->line = NULL;
    j->line_len = 0;
    j->id = NULL;
    j->coded = j->skipped = j->status = 0;
    j->input_failed = 0;
    return j;
}

static void pool_hand(Pool *p, Job *j)
{
    pthread_mutex_lock(&p->mu);
    j->state = JOB_READY;
    p->filled++;
    if (p->idle) pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

static int on_doc_pool(const RawDoc *raw, void *vctx)
{
    Pool *p = vctx;
    if (p->c->store_failed) return 0;
    if (raw->len > POOL_INLINE) {
        /* a long document is coded here, after those before it, with no
         * copy of its text: its memory stays what one thread takes */
        pool_write(p, 1);
        return on_doc(raw, p->c);
    }
    Job *j = pool_slot(p);
    j->raw = (RawDoc){arena_strdup(&j->arena, raw->file), raw->line, arena_strdup(&j->arena, raw->id),
                      arena_strdup(&j->arena, raw->title), arena_strdup(&j->arena, raw->date), arena_strdup(&j->arena, raw->url),
                      arena_strdup(&j->arena, raw->source), arena_strndup(&j->arena, raw->text, raw->len), raw->len,
                      arena_strdup(&j->arena, raw->author)};
    pool_hand(p, j);
    return 0;
}

/* The reader's messages, after those of the documents before them */
static void pool_say(const char *msg, void *vctx)
{
    pool_write(vctx, 1);
    fputs(msg, stderr);
}

/* A line of JSON Lines is parsed by the thread that codes it (a line over
 * POOL_INLINE the reader parses, and on_doc_pool codes it here) */
static long on_line_pool(const char *name, long line, const char *s, size_t n, void *vctx)
{
    Pool *p = vctx;
    if (p->c->store_failed) return 0;
    Job *j = pool_slot(p);
    memset(&j->raw, 0, sizeof j->raw);
    j->raw.file = arena_strdup(&j->arena, name);
    j->raw.line = line;
    j->line = arena_strndup(&j->arena, s, n);
    j->line_len = n;
    pool_hand(p, j);
    return 0;
}

/* Code every input in n threads; returns the failed inputs and documents */
static long code_jobs(Ctx *c, const ShardPart *inputs, int ninputs, int n)
{
    Pool p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.njob = 8L * n;
    p.job = calloc((size_t)p.njob, sizeof *p.job);
    pthread_t *th = calloc((size_t)n, sizeof *th);
    if (!p.job || !th) abort();
    for (long i = 0; i < p.njob; i++) arena_init(&p.job[i].arena);
    p.waiting_for = -1;
    p.max_doc = c->in.max_doc;
    pthread_mutex_init(&p.mu, NULL);
    pthread_mutex_init(&p.check_mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    int started = 0;
    for (; started < n; started++)
        if (pthread_create(&th[started], NULL, pool_thread, &p) != 0) break;
    long failed = 0;
    if (!started) {
        fputs("herodotus: cannot start coding threads\n", stderr);
        failed = 1;
    } else {
        Input one = c->in;   /* the reader of one thread, given back after */
        c->in.doc = on_doc_pool;
        c->in.line = on_line_pool;
        c->in.line_max = POOL_INLINE;
        c->in.say = pool_say;
        c->in.ctx = &p;
        for (int i = 0; i < ninputs && !stop_requested; i++) {
            c->in.bytes_done = 0;
            failed += input_read_part(&c->in, inputs[i].path, inputs[i].start, inputs[i].end);
            c->bytes_before += c->in.bytes_done;
        }
        c->in = one;
    }
    pool_write(&p, 1);
    pthread_mutex_lock(&p.mu);
    p.closed = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    for (long i = 0; i < p.njob; i++) {
        arena_free(&p.job[i].arena);
        buf_free(&p.job[i].out);
        buf_free(&p.job[i].msg);
    }
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.mu);
    pthread_mutex_destroy(&p.check_mu);
    free(p.job);
    free(th);
    return failed + p.failed;
}

/* --parse ptb|conllu: a file (or stdin) of parsed sentences is one document */
static long code_parsed(Ctx *c, const char *path, const char *format)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    size_t len = 0;
    char *text;
    if (is_stdin) {
        Buf b = {0};
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) buf_put(&b, chunk, n);
        buf_reserve(&b, 0);
        text = b.data;
        len = b.len;
        text[len] = '\0';
    } else {
        text = read_file(path, &len);
    }
    if (!text) {
        fprintf(stderr, "%s: cannot open\n", path);
        return 1;
    }
    arena_reset(&c->arena);
    ParsedSentence *ps;
    char err[512];
    size_t bom = utf8_bom(text, len);
    long n = !strcmp(format, "conllu") ? parse_conllu(text + bom, len - bom, &c->arena, &ps, err, sizeof err)
                                       : parse_ptb(text + bom, len - bom, &c->arena, &ps, err, sizeof err);
    if (n <= 0) {
        if (n == 0) fprintf(stderr, "%s: no parsed sentence\n", name);
        else fprintf(stderr, "%s: %s\n", name, err);
        free(text);
        return 1;
    }
    char id[4096];
    if (is_stdin) input_stdin_id(text, len, id);
    else input_file_id(path, id, sizeof id);
    RawDoc r = {name, 0, id, NULL, NULL, NULL, NULL, text, len, NULL};
    Doc d;
    pipeline_run_parsed(&d, &c->arena, &r, ps, (size_t)n, &c->coder.dict, &c->coder.models, &c->coder.opt);
    if (c->debug) debug_doc(&d, stderr);
    c->docs++;
    c->sents += d.nsent;
    c->events += d.nev;
    for (uint32_t i = 0; i < d.nev; i++) {
        EventView v;
        event_view(&d, &d.ev[i], &v, c->coder.opt.notes ? &c->coder.dict : NULL);
        c->r->event(&c->out, &v);
    }
    flush_out(c);
    free(text);
    return 0;
}

static void on_sigint(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* the progress line of a long ingest, on a terminal */
static void progress(Ctx *c, int last)
{
    if (!c->progress) return;
    double t = now_s();
    if (!last && t - c->last_progress < 0.25) return;
    c->last_progress = t;
    double el = t - c->started;
    double dps = el > 0 ? (double)c->docs / el : 0, eps = el > 0 ? (double)c->events / el : 0;
    long long done = c->bytes_before + c->in.bytes_done;
    char eta[32] = "";
    if (c->bytes_total > 0 && done > 0 && done < c->bytes_total)
        snprintf(eta, sizeof eta, ", ETA %.0f s", el * (double)(c->bytes_total - done) / (double)done);
    fprintf(stderr, "\r%ld documents (%.0f/s), %ld events (%.0f/s), %.0f s elapsed%s   %s", c->docs, dps, c->events, eps,
            el, eta, last ? "\n" : "");
}

/* Is v a whole number in [lo, hi]?  Then *n is it. */
static int number_in(const char *v, long lo, long hi, long *n)
{
    char *end;
    *n = strtol(v, &end, 10);
    return *v && !*end && *n >= lo && *n <= hi;
}

static int usage_error(const char *cmd, const char *msg)
{
    fprintf(stderr, "herodotus%s%s: %s\n(see herodotus%s%s --help)\n", cmd ? " " : "", cmd ? cmd : "", msg,
            cmd ? " " : "", cmd ? cmd : "");
    return 2;
}

/* --inputs LIST: the inputs named in a file, a line each ("PATH", or
 * "PATH<TAB>START<TAB>END": bytes of a JSON Lines file, as herodotus shard
 * --out writes them), after those on the command line; --shard K/N: part K
 * of them all (shard.h).  The list's text stays in *buf.  0, or -1 with why. */
static int collect_inputs(const char *list, const char *shard, ShardPart **inputs, int *ninputs, char **buf, char *msg,
                          size_t msgsz)
{
    int k = 0, n = 0;
    if (shard && shard_spec(shard, &k, &n)) {
        snprintf(msg, msgsz, "--shard takes K/N, the part K of N (1 <= K <= N), not '%.200s'", shard);
        return -1;
    }
    if (list && shard_load_list(list, buf, inputs, ninputs, msg, msgsz)) return -1;
    if (!shard) return 0;
    if (!*ninputs) {
        snprintf(msg, msgsz, "standard input cannot be cut into shards: give the input files (the same to every part)");
        return -1;
    }
    const char **paths = shard_whole_paths(*inputs, *ninputs, msg, msgsz);
    if (!paths) return -1;
    ShardPart *mine = calloc((size_t)*ninputs + 1, sizeof *mine);
    int *of = calloc((size_t)*ninputs + 1, sizeof *of);
    if (!mine || !of) abort();
    long m = shard_split(paths, *ninputs, n, k, mine, of, msg, msgsz);
    free(paths);
    free(of);
    if (m < 0) {
        free(mine);
        return -1;
    }
    free(*inputs);
    *inputs = mine;
    *ninputs = (int)m;
    return 0;
}

static int run(int argc, char **argv, int ingest, int quotes)
{
    const char *cmd = ingest ? "ingest" : quotes ? "quotes" : "code";
    Ctx c;
    memset(&c, 0, sizeof c);
    c.quotes = quotes;
    c.in = (Input){on_doc, NULL, 0, input_say_stderr, &c, INPUT_MAX_DOC_DEFAULT, &stop_requested, 0};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores > 64) cores = 64;
    /* code: a thread a core unless --jobs says; ingest: one core fewer,
     * its writer thread takes one (more coding threads only wait for it) */
    int jobs = cores > 1 ? (int)(ingest ? cores - 1 : cores) : 1;
    long batch = 0;   /* --batch: documents a transaction holds (0: the store's choice) */
    const char *format = NULL, *db = NULL, *parsed = NULL;
    int stats = 0, quiet = 0;
    ShardPart *inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    const char *list = NULL, *shard = NULL;
    char *listbuf = NULL;   /* --inputs: the list's text, which its paths point into */
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(ingest ? USAGE_INGEST : quotes ? USAGE_QUOTES : USAGE_CODE, stdout);
            free(inputs);
            return 0;
        } else if (!strcmp(a, "--dict") || !strcmp(a, "--format") || !strcmp(a, "--db") || !strcmp(a, "--parse") ||
                   !strcmp(a, "--date") || !strcmp(a, "--max-size") || !strcmp(a, "--jobs") || !strcmp(a, "-j") ||
                   !strcmp(a, "--beam") || !strcmp(a, "--shard") || !strcmp(a, "--inputs") ||
                   (ingest && !strcmp(a, "--batch"))) {
            if (i + 1 >= argc) {
                free(inputs);
                return usage_error(cmd, "option needs a value");
            }
            if (!strcmp(a, "--date")) {
                const char *v = argv[++i];
                size_t used = 0;
                c.coder.opt.pubdate = date_parse(v, strlen(v), &used);
                if (c.coder.opt.pubdate < 10000000 || used != strlen(v)) {
                    char msg[256];
                    snprintf(msg, sizeof msg, "--date takes a date YYYY-MM-DD, not '%.200s'", v);
                    free(inputs);
                    return usage_error(cmd, msg);
                }
            } else if (!strcmp(a, "--beam")) {
                long n;
                if (!number_in(argv[++i], 1, 64, &n)) {
                    free(inputs);
                    return usage_error(cmd, "--beam takes a number of parser states, 1 to 64");
                }
                c.coder.opt.beam = (int)n;
            } else if (!strcmp(a, "--batch")) {
                if (!number_in(argv[++i], 1, 1000000, &batch)) {
                    free(inputs);
                    return usage_error(cmd, "--batch takes a number of documents a transaction holds, 1 to 1000000");
                }
            } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j") || !strcmp(a, "--max-size")) {
                int max_size = !strcmp(a, "--max-size");
                long n;
                if (!number_in(argv[++i], 1, max_size ? 4095 : 256, &n)) {
                    free(inputs);
                    return usage_error(cmd, max_size ? "--max-size takes megabytes, 1 to 4095"
                                                     : "--jobs takes a number of threads, 1 to 256");
                }
                if (max_size) c.in.max_doc = (size_t)n << 20;
                else jobs = (int)n;
            } else if (!strcmp(a, "--shard")) shard = argv[++i];
            else if (!strcmp(a, "--inputs")) list = argv[++i];
            else if (!strcmp(a, "--dict")) c.coder.opt.dict_dir = argv[++i];
            else if (!strcmp(a, "--format")) format = argv[++i];
            else if (!strcmp(a, "--parse")) parsed = argv[++i];
            else db = argv[++i];
        } else if (!strcmp(a, "--all")) {
            c.coder.opt.keep_untargeted = 1;
        } else if (!strcmp(a, "--dyadic")) {
            c.coder.opt.dyadic = 1;
        } else if (!strcmp(a, "--tree")) {
            c.coder.opt.tree = 1;
        } else if (!strcmp(a, "--explain")) {
            c.coder.opt.notes = 1;   /* --explain: the notes, and the dictionary lines of each event */
        } else if (!strcmp(a, "--debug")) {
            c.debug = 1;
        } else if (!strcmp(a, "--stats")) {
            c.coder.opt.timing = 1;
            stats = 1;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (!strcmp(a, "--replace") && ingest) {
            c.replace = 1;
        } else if (a[0] == '-' && a[1]) {
            char msg[256];
            snprintf(msg, sizeof msg, "unknown option '%s'", a);
            free(inputs);
            return usage_error(cmd, msg);
        } else {
            inputs[ninputs++] = (ShardPart){a, 0, -1};
        }
    }
    if (list || shard) {
        char msg[600];
        if (collect_inputs(list, shard, &inputs, &ninputs, &listbuf, msg, sizeof msg)) {
            free(inputs);
            free(listbuf);
            return usage_error(cmd, msg);
        }
    }
    if (ingest && !db) {
        free(inputs);
        return usage_error(cmd, "--db FILE is required");
    }
    if (!ingest && db) {
        free(inputs);
        return usage_error(cmd, "--db belongs to 'herodotus ingest'");
    }
    if (parsed && (ingest || (strcmp(parsed, "ptb") && strcmp(parsed, "conllu")))) {
        free(inputs);
        return usage_error(cmd, ingest ? "--parse belongs to 'herodotus code'" : "--parse must be ptb or conllu");
    }
    if (!format) format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
    if (!strcmp(format, "jsonl")) c.r = &render_jsonl;
    else if (!strcmp(format, "tsv")) c.r = &render_tsv;
    else if (!strcmp(format, "table")) c.r = &render_table;
    else {
        free(inputs);
        return usage_error(cmd, "--format must be jsonl, tsv or table");
    }
    if (!ninputs && !shard) inputs[ninputs++] = (ShardPart){"-", 0, -1};
    double t0 = now_s();
    char lerr[4400];
    if (pipeline_load(&c.coder, lerr, sizeof lerr)) {
        fprintf(stderr, "herodotus: %s\n", lerr);
        free(inputs);
        free(listbuf);
        return 1;
    }
    double t1 = now_s();
    c.memo = ud_memo_new(c.coder.models.parser);   /* NULL without --tree */
    int status = c.coder.dict.problems ? 1 : 0;
    char err[512];
    if (ingest) {
        c.store = store_open(db, err, sizeof err);
        /* a second connection skips what is stored before coding it; an
         * empty database needs none (the writer still skips repeats) */
        if (c.store && !store_empty(c.store)) {
            c.check = store_open(db, err, sizeof err);
            if (!c.check) {
                store_close(c.store);
                c.store = NULL;
            }
        }
        if (!c.store) {
            fprintf(stderr, "herodotus: %s\n", err);
            pipeline_unload(&c.coder);
            free(inputs);
            free(listbuf);
            return 1;
        }
    }
    arena_init(&c.arena);
    if (quotes) c.r->quote_begin(&c.out);
    else if (!ingest) c.r->begin(&c.out);
    long failed = 0;
    if (ingest) {
        /* Ctrl-C: stop after the current document, commit, leave */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        /* a file-size limit (ulimit -f) makes the write fail with an error
         * the store reports, instead of killing the process mid-batch */
        sa.sa_handler = SIG_IGN;
        sigaction(SIGXFSZ, &sa, NULL);
        c.progress = !quiet && isatty(STDERR_FILENO);
        if (batch) store_set_batch(c.store, batch);
        c.writer = writer_start(c.store, c.replace, err, sizeof err);
        if (!c.writer) {
            fprintf(stderr, "herodotus: %s\n", err);
            if (c.check) store_close(c.check);
            store_close(c.store);
            pipeline_unload(&c.coder);
            free(inputs);
            free(listbuf);
            return 1;
        }
        c.started = now_s();
        for (int i = 0; i < ninputs; i++) {
            struct stat stt;
            if (inputs[i].end >= 0) c.bytes_total += inputs[i].end - inputs[i].start;
            else if (strcmp(inputs[i].path, "-") && stat(inputs[i].path, &stt) == 0) c.bytes_total += (long long)stt.st_size;
        }
    }
    if (jobs > 1 && !parsed && !c.debug) {
        failed += code_jobs(&c, inputs, ninputs, jobs);
    } else {
        for (int i = 0; i < ninputs && !stop_requested; i++) {
            c.in.bytes_done = 0;
            failed += parsed ? code_parsed(&c, inputs[i].path, parsed)
                             : input_read_part(&c.in, inputs[i].path, inputs[i].start, inputs[i].end);
            c.bytes_before += c.in.bytes_done;
        }
    }
    if (ingest) progress(&c, 1);
    if (quotes) {
        if (c.r == &render_table) buf_printf(&c.out, "%ld quote%s\n", c.nquotes, c.nquotes == 1 ? "" : "s");
        flush_out(&c);
    } else if (!ingest) {
        c.r->end(&c.out, c.events);
        flush_out(&c);
    }
    long coded_sents = c.sents;   /* for the speed: sentences coded, stored or not */
    if (c.writer) {
        long stored, skipped;
        if (writer_finish(c.writer, &stored, &skipped, err, sizeof err)) {
            fprintf(stderr, "herodotus ingest: %s\n", err);
            c.store_failed = 1;
            failed++;
        }
        /* what is said stored is what was committed, not what was coded */
        StoreTotals tot = store_totals(c.store);
        c.skipped += skipped + tot.skipped;
        coded_sents = c.sents;
        c.docs = tot.docs;
        c.sents = tot.sentences;
        c.events = tot.events;
        if (tot.lost)
            fprintf(stderr, "herodotus ingest: %ld document%s coded but not stored (see above)\n", tot.lost,
                    tot.lost == 1 ? " was" : "s were");
    }
    store_close(c.check);
    store_close(c.store);
    double t2 = now_s();
    if (c.store_failed)
        fprintf(stderr, "herodotus ingest: stopped after a failed write; %ld documents stored; fix the problem above,"
                        " then run the same command again to store the rest\n", c.docs);
    else if (stop_requested && ingest)
        fprintf(stderr, "herodotus ingest: interrupted; %ld documents stored; run the same command again to go on\n",
                c.docs);
    if (c.undated_docs) {
        /* "2 documents have no date (a, b), so 3 events are stored undated; ..." */
        fprintf(stderr, "herodotus ingest: %ld document%s no date (%s%s)", c.undated_docs,
                c.undated_docs == 1 ? " has" : "s have", c.undated.data, c.undated_docs > UNDATED_NAMED ? ", ..." : "");
        if (c.undated_events)
            fprintf(stderr, ", so %ld event%s stored undated", c.undated_events, c.undated_events == 1 ? " is" : "s are");
        fprintf(stderr, "; give --date YYYY-MM-DD, or a line 'Date: YYYY-MM-DD' in the text\n");
    }
    if (c.foreign.total) {
        /* "2 documents are not in English (fr 1, de 1): stored uncoded" */
        fprintf(stderr, "herodotus %s: %ld document%s not in English (", cmd, c.foreign.total,
                c.foreign.total == 1 ? " is" : "s are");
        for (int i = 0; i < c.foreign.k; i++) fprintf(stderr, "%s%s %ld", i ? ", " : "", c.foreign.code[i], c.foreign.n[i]);
        if (c.foreign.other) fprintf(stderr, ", others %ld", c.foreign.other);
        fprintf(stderr, "): %s\n", ingest ? "stored with their language, not coded" : "not coded");
    }
    if (stats || (ingest && !quiet)) {
        if (ingest)
            fprintf(stderr, "%ld documents, %ld sentences, %ld events stored, %ld skipped as already stored; ",
                    c.docs, c.sents, c.events, c.skipped);
        else
            fprintf(stderr, "%ld documents, %ld sentences, %ld events; ", c.docs, c.sents, c.events);
        fprintf(stderr, "dictionaries %.0f ms, coding %.2f s (%.0f sentences/s)\n", (t1 - t0) * 1000, t2 - t1,
                (t2 - t1) > 0 ? (double)coded_sents / (t2 - t1) : 0.0);
        struct rusage ru;
        if (stats && getrusage(RUSAGE_SELF, &ru) == 0) fprintf(stderr, "peak memory %.0f MB\n", (double)ru.ru_maxrss / 1024.0);
        if (stats && c.sents) {
            /* time per stage, per sentence, summed over threads */
            static const char *const names[STAGE_N] = {"read", "segment", "tag", "actors", "verbs", "nouns", "quotes", "events", "places"};
            fprintf(stderr, "time per sentence:");
            for (int s = 0; s < STAGE_N; s++) fprintf(stderr, " %s %.2f us,", names[s], (double)c.stage_ns[s] / 1e3 / (double)coded_sents);
            fprintf(stderr, " render %.2f us\n", (double)c.render_ns / 1e3 / (double)coded_sents);
        }
        if (c.coder.opt.tree && !parsed)   /* --tree: how many sentences the events stage needed a tree for */
            fprintf(stderr, "%ld of %ld sentences parsed (the others' events need no tree)\n", c.parsed_sents, c.sents);
    }
    arena_free(&c.arena);
    store_packer_free(c.packer);
    ud_memo_free(c.memo);
    buf_free(&c.out);
    buf_free(&c.undated);
    pipeline_unload(&c.coder);
    sym_free_all();
    free(inputs);
    free(listbuf);
    if (fflush(stdout) != 0) return 1;
    if (c.store_failed) return 1;
    if (stop_requested && ingest) return 130;
    return failed ? 1 : status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("herodotus %s\n", HERODOTUS_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "code")) return run(argc - 2, argv + 2, 0, 0);
    if (!strcmp(cmd, "ingest")) return run(argc - 2, argv + 2, 1, 0);
    if (!strcmp(cmd, "quotes")) return run(argc - 2, argv + 2, 0, 1);
    if (!strcmp(cmd, "parse")) return parse_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "validate")) return validate_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "dict")) return dict_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "query")) return query_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "stats")) return stats_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "export")) return export_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "serve")) return serve_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "shard")) return shard_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "merge")) return merge_main(argc - 2, argv + 2);
    if (!strcmp(cmd, "migrate")) return migrate_main(argc - 2, argv + 2);
    char msg[256];
    snprintf(msg, sizeof msg, "unknown command '%s'", cmd);
    return usage_error(NULL, msg);
}
