/* store.h - the SQLite event store (schema in docs/schema.md): documents,
 * sentences (full-text indexed), events, stories of wire reprints. */
#ifndef HERODOTUS_STORE_H
#define HERODOTUS_STORE_H
#include <stddef.h>
#include "arena.h"
#include "doc.h"
#include "render.h"

typedef struct Store Store;

#define STORE_BATCH 1024
#define STORE_SCHEMA_VERSION 20

/* SQL: the month a date is kept under in the rollups and the full-text
 * index (YYYYMM as a number; 999999 undated) */
#define STORE_YM(d) "CASE WHEN " d " IS NULL OR " d " = 'undated' THEN 999999 ELSE CAST(substr(" d ", 1, 4) || substr(" d ", 6, 2) AS INTEGER) END"

/* SQL: the day a date is kept under in the rollup's rows (event_days,
 * version 16) and the events' (event_rows, version 19): days since
 * 1970-01-01, STORE_UNDATED for none (after every date); and back, NULL
 * when undated */
#define STORE_UNDATED 9999999
#define STORE_DAY(d) "coalesce(CAST(julianday(" d ") - 2440587.5 AS INTEGER), 9999999)"
#define STORE_DAY_DATE(n) "CASE WHEN " n " = 9999999 THEN NULL ELSE date(" n " + 2440587.5) END"
/* the month (as STORE_YM) of a day number */
#define STORE_DAY_YM(n) "CASE WHEN " n " = 9999999 THEN 999999 ELSE CAST(strftime('%Y%m', " n " + 2440587.5) AS INTEGER) END"

/* Open (creating or migrating) the database at path. */
Store *store_open(const char *path, char *err, size_t errsz);
/* An event as the store takes it: what its columns need (an EventView
 * also holds --explain's references, kilobytes an event) */
typedef struct StoredEvent {
    uint32_t sentence;
    char date[11], root[3];
    int quad;
    double goldstein;
    const char *source, *target, *code, *name, *plover, *place, *rule;
    const char *date_basis;         /* "text", "publication", "" undated */
    Span source_text, target_text, verb_text, date_text;
    uint32_t quote;                 /* the quote it was said in (1, 2, ... in the document), 0 none */
    char place_country[4];          /* where it happened (place is its name, NULL none) */
    double place_lat, place_lon;
    const char *place_how;          /* "sentence", "dateline", "none" (constant strings) */
    int place_city;                 /* a city (else a country) */
    const char *place_region;       /* the city's region */
} StoredEvent;

/* A quote as the store takes it */
typedef struct StoredQuote {
    uint32_t sentence;
    const char *text, *kind, *how;
    const char *speaker, *code, *role;   /* NULL none */
    Via via[QUOTE_MAX_VIA];
    uint32_t nvia;
} StoredQuote;

#define STORE_SIG_N 64   /* values in a body's MinHash signature */

/* A coded document as the store takes it: self-contained (every string
 * in one arena), so that another thread may store it while the next
 * document is coded. */
typedef struct StoreView {
    const char *id, *url, *source, *title, *place, *author;
    char language[16];              /* lang.h's code ("en", "fr", "und") */
    int pubdate;
    const char *stored_at;          /* when it was first stored ("2024-04-08T12:00:00Z"; NULL now): merge and
                                     * migrate keep it */
    char hash[17];                  /* the raw text's content hash */
    const char *body;               /* the cleaned body (for reprint detection) */
    uint32_t body_len;
    uint32_t nsent;
    const uint32_t *sent_off, *sent_len;
    const uint32_t *sent_first;     /* the sentence's first event (its index in ev), UINT32_MAX none */
    uint32_t nev;
    const StoredEvent *ev;
    uint32_t nquotes;
    const StoredQuote *quotes;
    /* made by store_view in the coding thread, not by the writer: */
    int shingles;                   /* the body's 5-word shingles (reprints are looked for from 8) */
    uint32_t sig[STORE_SIG_N];      /* their MinHash signature */
    const char *spans;              /* "start+length" of every sentence, space-separated */
    uint32_t spans_len;
    const void *packed;             /* the body compressed (zstd), as stored */
    uint32_t packed_len;            /* 0: it does not shrink, the body is stored as text */
} StoreView;

/* What compresses bodies, one per thread (store_view's; NULL: a new one
 * each time, slower).  With st (a store file open for writing, which
 * outlives it), it packs with st's dictionary once st has one. */
typedef struct StorePacker StorePacker;
StorePacker *store_packer_new(Store *st);
void   store_packer_free(StorePacker *pk);
/* v's sentences (nsent, sent_off, sent_len, in a) from spans as stored
 * ("start+length ..."); -1 when one is malformed or outside the body */
/* body's MinHash signature into sig, as a view's (store_view): its shingles */
int    store_sig_of(const char *body, size_t n, uint32_t sig[STORE_SIG_N]);
int    store_view_spans(StoreView *v, const char *spans, Arena *a);
/* v's sent_first from its events and sentences (in a) */
void   store_view_sentence_firsts(StoreView *v, Arena *a);
/* Make v from d in arena a (which must hold d too). */
void   store_view(StoreView *v, const Doc *d, const char *text, size_t len, Arena *a, StorePacker *pk);
/* dst: src with everything it points to copied into a (another thread's
 * arena, so that the document's own may be reused before it is stored). */
void   store_view_copy(StoreView *dst, const StoreView *src, Arena *a);
/* 1 when no document is stored (one index probe, whatever the store's size). */
int    store_empty(Store *st);
/* 1 when a document with this id or this content hash is stored. */
int    store_has(Store *st, const char *doc_id, const char *text, size_t len);
/* Store a coded document, its sentences and events; with replace, a
 * document of the same id or text is removed first (in the same
 * transaction), without it such a document is skipped.  Returns 0 stored,
 * 1 skipped, -1 on error (err; the running batch is rolled back). */
int    store_doc(Store *st, const StoreView *v, int replace, char *err, size_t errsz);
/* Commit the running batch (also done every STORE_BATCH documents; in a
 * large store, every document for 128 events it holds, up to 16 times
 * STORE_BATCH). */
int    store_commit(Store *st, char *err, size_t errsz);
/* When the running batch holds STORE_BATCH documents or more whose events
 * are not yet in the rollups, add them there now, the batch's transaction
 * left open: what its commit would do for them, so that a large store's
 * long batch does not end on all of it at once (ingest's writer thread
 * calls it after each document: the coder goes on meanwhile).  Returns 1
 * when it did, 0 when there was too little to do, or -1 as store_doc
 * does. */
int    store_settle(Store *st, char *err, size_t errsz);
/* Documents a transaction holds from now on (at least 1): otherwise
 * STORE_BATCH, more in a large SQLite store. */
void   store_set_batch(Store *st, long docs);
/* What this connection has committed, and the documents of batches lost
 * to a failed write (rolled back whole).  skipped: documents that
 * store_doc said stored but that a batch stored again (after the server
 * broke a deadlock, PostgreSQL) found stored already by another process
 * (negative for the other way round): to add to the calls that said 1. */
typedef struct StoreTotals { long docs, sentences, events, lost, skipped; } StoreTotals;
StoreTotals store_totals(const Store *st);
void   store_close(Store *st);

/* Open an existing database for reading (queries), with the SQL
 * functions its readers use: hd_km(lat1, lon1, lat2, lon2), the distance
 * of --near; hd_text(body), a document's text (bodies are stored
 * compressed); hd_sentence(body, spans, idx), one of its sentences.
 * NULL with err. */
struct sqlite3;
struct sqlite3 *store_open_read(const char *path, char *err, size_t errsz);

#endif
