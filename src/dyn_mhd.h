/* dyn_mhd.h - libmicrohttpd, opened when first needed (dyn.h): include this, not
 * its own header, and call dyn_load(DYN_MHD) before its functions */
#ifndef HERODOTUS_DYN_MHD_H
#define HERODOTUS_DYN_MHD_H
#include <microhttpd.h>
#include "dyn.h"

#define MHD_add_response_header DYN_FN(DYN_MHD, MHD_add_response_header)
#define MHD_create_response_from_buffer DYN_FN(DYN_MHD, MHD_create_response_from_buffer)
#define MHD_destroy_response DYN_FN(DYN_MHD, MHD_destroy_response)
#define MHD_get_connection_values DYN_FN(DYN_MHD, MHD_get_connection_values)
#define MHD_get_daemon_info DYN_FN(DYN_MHD, MHD_get_daemon_info)
#define MHD_lookup_connection_value DYN_FN(DYN_MHD, MHD_lookup_connection_value)
#define MHD_queue_response DYN_FN(DYN_MHD, MHD_queue_response)
#define MHD_start_daemon DYN_FN(DYN_MHD, MHD_start_daemon)
#define MHD_stop_daemon DYN_FN(DYN_MHD, MHD_stop_daemon)

#endif
