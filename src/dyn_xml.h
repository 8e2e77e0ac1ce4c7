/* dyn_xml.h - libxml2, opened when first needed (dyn.h): include this, not
 * its own header, and call dyn_load(DYN_XML) before its functions */
#ifndef HERODOTUS_DYN_XML_H
#define HERODOTUS_DYN_XML_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "dyn.h"

#define htmlReadMemory DYN_FN(DYN_XML, htmlReadMemory)
#define xmlCleanupParser DYN_FN(DYN_XML, xmlCleanupParser)
#define xmlCreateFileParserCtxt DYN_FN(DYN_XML, xmlCreateFileParserCtxt)
#define xmlCtxtGetLastError DYN_FN(DYN_XML, xmlCtxtGetLastError)
#define xmlCtxtUseOptions DYN_FN(DYN_XML, xmlCtxtUseOptions)
#define xmlDocGetRootElement DYN_FN(DYN_XML, xmlDocGetRootElement)
#undef xmlFree   /* a variable: the library's deallocator */
#define xmlFree (*(xmlFreeFunc *)dyn_var(DYN_XML, DYN_SYM_xmlFree))
#define xmlFreeDoc DYN_FN(DYN_XML, xmlFreeDoc)
#define xmlFreeParserCtxt DYN_FN(DYN_XML, xmlFreeParserCtxt)
#define xmlGetProp DYN_FN(DYN_XML, xmlGetProp)
#define xmlNodeGetContent DYN_FN(DYN_XML, xmlNodeGetContent)
#define xmlParseDocument DYN_FN(DYN_XML, xmlParseDocument)
#define xmlStopParser DYN_FN(DYN_XML, xmlStopParser)
#define xmlStrdup DYN_FN(DYN_XML, xmlStrdup)

#endif
