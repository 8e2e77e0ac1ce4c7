/* serve.h - `herodotus serve`: the page and the JSON API (api.h) over
 * HTTP, with libmicrohttpd (docs/api.md) */
#ifndef HERODOTUS_SERVE_H
#define HERODOTUS_SERVE_H

int serve_main(int argc, char **argv);

#endif
