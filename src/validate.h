/* validate.h - `herodotus validate`: the field's validation records
 * (PETRARCH XML) coded and compared with their expected events */
#ifndef HERODOTUS_VALIDATE_H
#define HERODOTUS_VALIDATE_H

int validate_main(int argc, char **argv);

#endif
