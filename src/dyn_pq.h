/* dyn_pq.h - PostgreSQL's libpq, opened when first needed (dyn.h): include this, not
 * its own header, and call dyn_load(DYN_PQ) before its functions */
#ifndef HERODOTUS_DYN_PQ_H
#define HERODOTUS_DYN_PQ_H
#include <libpq-fe.h>
#include "dyn.h"

#define PQcancel DYN_FN(DYN_PQ, PQcancel)
#define PQclear DYN_FN(DYN_PQ, PQclear)
#define PQconnectdb DYN_FN(DYN_PQ, PQconnectdb)
#define PQerrorMessage DYN_FN(DYN_PQ, PQerrorMessage)
#define PQexec DYN_FN(DYN_PQ, PQexec)
#define PQexecParams DYN_FN(DYN_PQ, PQexecParams)
#define PQexecPrepared DYN_FN(DYN_PQ, PQexecPrepared)
#define PQfinish DYN_FN(DYN_PQ, PQfinish)
#define PQfname DYN_FN(DYN_PQ, PQfname)
#define PQfreeCancel DYN_FN(DYN_PQ, PQfreeCancel)
#define PQfreemem DYN_FN(DYN_PQ, PQfreemem)
#define PQftype DYN_FN(DYN_PQ, PQftype)
#define PQgetCancel DYN_FN(DYN_PQ, PQgetCancel)
#define PQgetResult DYN_FN(DYN_PQ, PQgetResult)
#define PQgetisnull DYN_FN(DYN_PQ, PQgetisnull)
#define PQgetvalue DYN_FN(DYN_PQ, PQgetvalue)
#define PQnfields DYN_FN(DYN_PQ, PQnfields)
#define PQntuples DYN_FN(DYN_PQ, PQntuples)
#define PQprepare DYN_FN(DYN_PQ, PQprepare)
#define PQputCopyData DYN_FN(DYN_PQ, PQputCopyData)
#define PQputCopyEnd DYN_FN(DYN_PQ, PQputCopyEnd)
#define PQreset DYN_FN(DYN_PQ, PQreset)
#define PQresultErrorField DYN_FN(DYN_PQ, PQresultErrorField)
#define PQresultErrorMessage DYN_FN(DYN_PQ, PQresultErrorMessage)
#define PQresultStatus DYN_FN(DYN_PQ, PQresultStatus)
#define PQsendQueryParams DYN_FN(DYN_PQ, PQsendQueryParams)
#define PQsetSingleRowMode DYN_FN(DYN_PQ, PQsetSingleRowMode)
#define PQstatus DYN_FN(DYN_PQ, PQstatus)
#define PQunescapeBytea DYN_FN(DYN_PQ, PQunescapeBytea)

#endif
