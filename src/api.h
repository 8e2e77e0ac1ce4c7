/* api.h - the JSON API over the event store (docs/api.md), apart from
 * HTTP: a request (method, path, parameters, body) in, a status and a JSON
 * body out.  serve.c puts it on the network; tests call it directly. */
#ifndef HERODOTUS_API_H
#define HERODOTUS_API_H
#include <stddef.h>
#include "buf.h"

typedef struct Api Api;
struct Coder;

typedef struct ApiParam {
    const char *key, *value;
} ApiParam;

typedef struct ApiRequest {
    const char *method;             /* "GET", "POST", ... */
    const char *path;               /* "/api/events/17" (decoded, without the query string) */
    const ApiParam *params;         /* the query string's, decoded, in order */
    int nparams;
    const char *body;               /* POST: the body (NULL none) */
    size_t body_len;
    const char *content_type;       /* its Content-Type header, NULL none */
} ApiRequest;

typedef struct ApiResponse {
    int status;                     /* HTTP status */
    Buf body;                       /* JSON (the caller frees it) */
    const char *allow;              /* 405: the methods the path takes */
} ApiResponse;

enum {
    API_MAX_BODY = 1 << 20,         /* bytes of a POST body */
    API_EXPLAIN_MAX = 4 << 20,      /* bytes of a stored article that an explanation codes again */
    API_QUERY_MS = 10000            /* database time a request may take */
};

/* The API over the store at db_path, read-only, with nconn connections
 * (one a worker thread: a request waits for a free one); coder codes
 * POST /api/code and explains stored events (it must have been loaded
 * with Options.notes).  NULL with err when the store cannot be opened. */
Api *api_open(const char *db_path, const struct Coder *coder, int nconn, char *err, size_t errsz);
/* An error answer: rs gets the status and {"error": {"status", "message"}}
 * (bytes of the message that are no UTF-8 become U+FFFD) */
void api_error(ApiResponse *rs, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Answer one request; thread-safe.  rs->body is emptied first. */
void api_handle(Api *a, const ApiRequest *rq, ApiResponse *rs);
/* Keep answers of GET requests until the store changes (on by default):
 * at most 4,096 of them, 64 MB in all, the least recently used dropped. */
void api_set_cache(Api *a, int on);
void api_close(Api *a);

#endif
