/* dictcmd.h - `herodotus dict check DIR` and `herodotus dict suggest CORPUS` */
#ifndef HERODOTUS_DICTCMD_H
#define HERODOTUS_DICTCMD_H

int dict_main(int argc, char **argv);

#endif
