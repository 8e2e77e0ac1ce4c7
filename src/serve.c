/* serve.c - `herodotus serve`: the JSON API (api.c) and the page (web/)
 * over HTTP with libmicrohttpd.  Safe by default: loopback only, a
 * read-only store, a few fixed files, limits on everything a client sends. */
#include "serve.h"
#include "dyn_mhd.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include "api.h"
#include "db.h"
#include "buf.h"
#include "pipeline.h"

static const char USAGE[] =
    "usage: herodotus serve --db FILE [--listen HOST:PORT] [--dict DIR] [--threads N] [--no-cache] [--log]\n"
    "\n"
    "Serve the event store FILE: a page at / (events, a chart, top dyads and actors,\n"
    "a map, an event's provenance, a box to code an article) and a JSON API under\n"
    "/api/ (docs/api.md).  The database is opened read-only; ingest may write to it\n"
    "meanwhile.  Stops on Ctrl-C.\n"
    "\n"
    "  --listen HOST:PORT  where to listen (default 127.0.0.1:8080; port 0 picks a\n"
    "                      free one).  Anything but a loopback address serves the\n"
    "                      network, with no authentication.\n"
    "  --dict DIR          dictionaries for POST /api/code and explanations\n"
    "                      (default: the built-in ones)\n"
    "  --threads N         requests answered from the database at once (default:\n"
    "                      twice the cores, at least 4)\n"
    "  --no-cache          answer every request from the database (by default the\n"
    "                      answers of GET requests are kept until the store changes)\n"
    "  --log               one line per request on stderr\n";

/* The page's files: the only paths outside /api/ that are served */
static const struct {
    const char *path, *file, *type;
} PAGE[] = {{"/", "index.html", "text/html; charset=utf-8"},
            {"/index.html", "index.html", "text/html; charset=utf-8"},
            {"/app.js", "app.js", "text/javascript; charset=utf-8"},
            {"/app.css", "app.css", "text/css; charset=utf-8"},
            {"/favicon.svg", "favicon.svg", "image/svg+xml"}};
enum { NPAGE = sizeof PAGE / sizeof PAGE[0] };

static const char CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                          " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

enum { MAX_HEADER = 16 * 1024, MAX_CONNECTIONS = 256, MAX_PER_ADDRESS = 64, IDLE_SECONDS = 10, MAX_PARAMS = 64 };

typedef struct Server {
    Api *api;
    char *page[NPAGE];
    size_t page_len[NPAGE];
    int loopback;           /* listening on a loopback address: only local Host names are answered */
    int log;
} Server;

/* What one request gathers before it is answered */
typedef struct Request {
    Buf body;
    int too_big;
    ApiParam params[MAX_PARAMS];
    int nparams, too_many;
} Request;

static void add_headers(struct MHD_Response *r, const char *type, int api)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, api ? "no-store" : "no-cache");
}

/* Queue rs (its body handed over to MHD) */
static enum MHD_Result send_api(struct MHD_Connection *conn, ApiResponse *rs)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(rs->body.len, rs->body.data, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        buf_free(&rs->body);
        return MHD_NO;
    }
    rs->body.data = NULL;
    rs->body.len = rs->body.cap = 0;
    add_headers(r, "application/json; charset=utf-8", 1);
    if (rs->allow) MHD_add_response_header(r, "Allow", rs->allow);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)rs->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* the API's error answer (api_error), from the HTTP side */
static enum MHD_Result send_error(struct MHD_Connection *conn, int status, const char *allow, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static enum MHD_Result send_error(struct MHD_Connection *conn, int status, const char *allow, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ApiResponse rs = {.allow = allow};
    api_error(&rs, status, "%s", msg);
    return send_api(conn, &rs);
}

static enum MHD_Result take_param(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
    (void)kind;
    Request *rq = cls;
    if (rq->nparams == MAX_PARAMS) {
        rq->too_many = 1;
        return MHD_NO;
    }
    rq->params[rq->nparams++] = (ApiParam){k, v};
    return MHD_YES;
}

/* the Host header names this machine (checked when serving loopback, so
 * that a page elsewhere cannot reach the store through DNS rebinding) */
static int local_host(const char *h)
{
    if (!h) return 1;   /* HTTP/1.0 */
    size_t n = strlen(h);
    if (h[0] == '[') {
        const char *e = strchr(h, ']');
        n = e ? (size_t)(e - h + 1) : n;
    } else {
        const char *colon = strrchr(h, ':');
        if (colon) n = (size_t)(colon - h);
    }
    return (n == 9 && !strncasecmp(h, "localhost", 9)) || (n == 9 && !strncmp(h, "127.0.0.1", 9)) ||
           (n == 5 && !strncmp(h, "[::1]", 5));
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    Server *s = cls;
    Request *rq = *con_cls;
    if (!rq) {   /* the headers are in: refuse early what cannot be answered */
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        *con_cls = rq;
        const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (len && strtoull(len, NULL, 10) > API_MAX_BODY)
            return send_error(conn, 413, NULL, "the request body is %.30s bytes; at most %d", len, API_MAX_BODY);
        return MHD_YES;
    }
    if (*upload_size) {   /* a part of the body */
        if (rq->body.len + *upload_size > API_MAX_BODY) rq->too_big = 1;
        else buf_put(&rq->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (s->loopback && !local_host(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
        return send_error(conn, 421, NULL, "this server answers requests to localhost or 127.0.0.1 only");
    if (s->log) fprintf(stderr, "herodotus serve: %s %s\n", method, url);
    if (rq->too_big) return send_error(conn, 413, NULL, "the request body is over %d bytes", API_MAX_BODY);
    if (strncmp(url, "/api/", 5)) {   /* the page */
        for (int i = 0; i < NPAGE; i++)
            if (!strcmp(url, PAGE[i].path) && s->page[i]) {
                if (strcmp(method, "GET") && strcmp(method, "HEAD"))
                    return send_error(conn, 405, "GET, HEAD", "the page takes GET");
                struct MHD_Response *r =
                    MHD_create_response_from_buffer(s->page_len[i], s->page[i], MHD_RESPMEM_PERSISTENT);
                if (!r) return MHD_NO;
                add_headers(r, PAGE[i].type, 0);
                enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_OK, r);
                MHD_destroy_response(r);
                return ok;
            }
        return send_error(conn, 404, NULL, "not found (the page is at /, the API under /api/: docs/api.md)");
    }
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, take_param, rq);
    if (rq->too_many) return send_error(conn, 400, NULL, "more than %d parameters", MAX_PARAMS);
    buf_putc(&rq->body, '\0');   /* NUL-terminated for the JSON reader; not counted */
    rq->body.len--;
    ApiRequest req = {method, url, rq->params, rq->nparams, rq->body.data, rq->body.len,
                      MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE)};
    ApiResponse rs = {0};
    api_handle(s->api, &req, &rs);
    return send_api(conn, &rs);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)conn, (void)why;
    Request *rq = *con_cls;
    if (!rq) return;
    buf_free(&rq->body);
    free(rq);
    *con_cls = NULL;
}

/* HOST:PORT, [V6]:PORT or PORT into addr; 0, or -1 with msg */
static int parse_listen(const char *spec, struct sockaddr_storage *addr, socklen_t *len, int *v6, char *msg,
                        size_t msgsz)
{
    char host[256] = "127.0.0.1";
    const char *port = spec;
    if (spec[0] == '[') {
        const char *e = strchr(spec, ']');
        if (!e || e[1] != ':' || (size_t)(e - spec - 1) >= sizeof host) {
            snprintf(msg, msgsz, "--listen takes HOST:PORT or [IPV6]:PORT, not '%s'", spec);
            return -1;
        }
        snprintf(host, sizeof host, "%.*s", (int)(e - spec - 1), spec + 1);
        port = e + 2;
    } else if (strchr(spec, ':')) {
        const char *colon = strrchr(spec, ':');
        if ((size_t)(colon - spec) >= sizeof host) {
            snprintf(msg, msgsz, "--listen: host name too long");
            return -1;
        }
        snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
        port = colon + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535) {
        snprintf(msg, msgsz, "--listen: the port is a number from 0 to 65535, not '%s'", port);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE}, *res;
    int rc = getaddrinfo(*host ? host : NULL, port, &hints, &res);
    if (rc) {
        snprintf(msg, msgsz, "--listen: %s: %s", host, gai_strerror(rc));
        return -1;
    }
    memcpy(addr, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    *v6 = res->ai_family == AF_INET6;
    freeaddrinfo(res);
    return 0;
}

static int is_loopback(const struct sockaddr_storage *a)
{
    if (a->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)a)->sin_addr.s_addr) >> 24) == 127;
    return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)a)->sin6_addr);
}

static int usage(const char *msg)
{
    fprintf(stderr, "herodotus serve: %s\n(herodotus serve --help for help)\n", msg);
    return 2;
}

int serve_main(int argc, char **argv)
{
    const char *db = NULL, *listen = "127.0.0.1:8080", *dict = NULL;
    long threads = 0;
    int log = 0, cache = 1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            return 0;
        }
        if (!strcmp(a, "--log") || !strcmp(a, "--no-cache")) {
            if (a[2] == 'l') log = 1;
            else cache = 0;
            continue;
        }
        if (strcmp(a, "--db") && strcmp(a, "--listen") && strcmp(a, "--dict") && strcmp(a, "--threads")) {
            char msg[300];
            snprintf(msg, sizeof msg, "unknown option '%.200s'", a);
            return usage(msg);
        }
        if (i + 1 >= argc) {
            char msg[64];
            snprintf(msg, sizeof msg, "%s needs a value", a);
            return usage(msg);
        }
        const char *v = argv[++i];
        if (!strcmp(a, "--db")) db = v;
        else if (!strcmp(a, "--listen")) listen = v;
        else if (!strcmp(a, "--dict")) dict = v;
        else {
            char *end;
            threads = strtol(v, &end, 10);
            if (*end || threads < 1 || threads > 256) return usage("--threads takes a number from 1 to 256");
        }
    }
    if (!db) return usage("--db FILE is required");
    struct sockaddr_storage addr;
    socklen_t addrlen;
    int v6;
    char msg[600];
    if (parse_listen(listen, &addr, &addrlen, &v6, msg, sizeof msg)) return usage(msg);
    if (!threads) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 2 ? 2 * cores : 4;
    }

    Server s = {.loopback = is_loopback(&addr), .log = log};
    /* the page's files, read once */
    char dir[4096], path[4200];
    pipeline_datadir(dir, sizeof dir);
    for (int i = 0; i < NPAGE; i++) {
        snprintf(path, sizeof path, "%s/web/%s", dir, PAGE[i].file);
        s.page[i] = read_file(path, &s.page_len[i]);
    }
    if (!s.page[0]) fprintf(stderr, "herodotus serve: %s/web/index.html not found: serving the API only\n", dir);

    Coder coder = {0};
    coder.opt.dict_dir = dict;
    coder.opt.notes = 1;   /* explanations: the dictionary entries, the dropped candidates */
    char err[4400];
    if (dyn_load(DYN_MHD, err, sizeof err) || pipeline_load(&coder, err, sizeof err)) {
        fprintf(stderr, "herodotus serve: %s\n", err);
        pipeline_unload(&coder);
        for (int i = 0; i < NPAGE; i++) free(s.page[i]);
        return 1;
    }
    s.api = api_open(db, &coder, (int)threads, err, sizeof err);
    if (!s.api) {
        fprintf(stderr, "herodotus serve: %s\n", err);
        pipeline_unload(&coder);
        for (int i = 0; i < NPAGE; i++) free(s.page[i]);
        return 1;
    }
    api_set_cache(s.api, cache);

    /* Ctrl-C and SIGTERM are waited for here, in no worker */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    /* a thread a connection (a slow answer holds up no other client; measured
     * steadier under load than a pool of event loops), at most
     * MAX_CONNECTIONS of them; `threads` database connections between them */
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
                     (v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_PER_ADDRESS, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)IDLE_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MAX_HEADER,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    int status = 0;
    if (!d) {
        fprintf(stderr, "herodotus serve: cannot listen on %s (in use, or not an address of this machine)\n", listen);
        status = 1;
    } else {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        char host[INET6_ADDRSTRLEN] = "";
        if (addr.ss_family == AF_INET) inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
        else inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host, sizeof host);
        char shown[1024];
        db_shown(db, shown, sizeof shown);
        fprintf(stderr, "herodotus serve: http://%s%s%s:%u/ (%s, read-only; %d database connections%s)\n", v6 ? "[" : "", host,
                v6 ? "]" : "", info ? info->port : 0, shown, (int)threads,
                s.loopback ? "" : "; NOT loopback: anyone who can reach this address can read the store");
        fflush(stderr);
        int sig;
        sigwait(&stop, &sig);
        fprintf(stderr, "herodotus serve: stopping\n");
        MHD_stop_daemon(d);
    }
    api_close(s.api);
    pipeline_unload(&coder);
    for (int i = 0; i < NPAGE; i++) free(s.page[i]);
    return status;
}
