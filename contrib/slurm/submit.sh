#!/bin/sh
# Code inputs on a Slurm cluster: N array tasks each ingest their part of
# the inputs (herodotus ingest --shard K/N) into OUT/part-K.db, then one job
# merges the parts into STORE once every task has succeeded.
#   sh contrib/slurm/submit.sh N OUT STORE FILE...
# HERODOTUS names the binary (default: herodotus on the PATH); SBATCH_ARGS
# are added to both sbatch calls (e.g. "--partition=short --wait").
# Prints the two job ids.
set -eu
[ $# -ge 4 ] || { echo "usage: sh submit.sh N OUT STORE FILE..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
n=$1 out=$2 db=$3
shift 3
mkdir -p "$out"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="1-$n" --chdir="$PWD" --output="$out/part-%a.log" \
    "$here/code-part.sbatch" "$out" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" --chdir="$PWD" --output="$out/merge.log" \
    "$here/merge.sbatch" "$out" "$n" "$db")
echo "$array ${merge%%;*}"
