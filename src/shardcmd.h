/* shardcmd.h - herodotus shard: the inputs cut into N balanced parts */
#ifndef HERODOTUS_SHARDCMD_H
#define HERODOTUS_SHARDCMD_H

int shard_main(int argc, char **argv);

#endif
