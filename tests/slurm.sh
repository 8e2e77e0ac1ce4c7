#!/bin/sh
# Coding on a cluster: contrib/slurm/submit.sh runs a job array of 4 tasks
# (each `herodotus ingest --shard K/4` into its own store) and a merge job
# after them, on a single-node Slurm this test starts in a scratch folder
# (munged, slurmctld and slurmd on ports of their own, as the current
# user); the merged store must equal one ingest of the same inputs, row for
# row.  When Slurm cannot run here, the test says why and runs the same
# scripts with the same arguments one after another.
# usage: tests/slurm.sh BINARY   (one line per test, then "slurm: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
H=$(cd "$(dirname "$H")" && pwd)/$(basename "$H")
ROOT=$(pwd)
stop_slurm() {
    for p in slurmd slurmctld munged; do
        [ -f "$T/$p.pid" ] && kill "$(cat "$T/$p.pid")" 2>/dev/null
    done
    sleep 1
}
trap 'stop_slurm; rm -rf "$T"' EXIT

./build/gencorpus 1 11 >"$T/a.jsonl"
set -- "$T/a.jsonl" "$ROOT/examples/border-clash.txt" "$ROOT/examples/lavrov-beijing.txt" "$ROOT/examples/tehran-talks.txt"
"$H" ingest --quiet --jobs 1 --db "$T/one.db" "$@" >/dev/null 2>&1

# a single-node Slurm: 0 when it answers with an idle node, else 1 with why in $T/why
start_slurm() {
    for c in munged slurmctld slurmd sbatch sinfo; do
        command -v "$c" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin
        command -v "$c" >/dev/null 2>&1 || { echo "$c is not installed (Debian: slurm-wlm, munge)" >"$T/why"; return 1; }
    done
    mkdir -p "$T/state" "$T/spool"
    head -c 1024 /dev/urandom >"$T/munge.key" && chmod 400 "$T/munge.key"
    munged --force --key-file="$T/munge.key" --socket="$T/munge.sock" --pid-file="$T/munged.pid" \
        --log-file="$T/munged.log" --seed-file="$T/munge.seed" 2>"$T/why" || return 1
    host=$(hostname -s) user=$(id -un) port=$((20000 + $$ % 20000))
    cat >"$T/slurm.conf" <<CONF
ClusterName=herodotus-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$T/munge.sock
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$T/slurm.conf"
    slurmctld -f "$T/slurm.conf" 2>"$T/why" || { echo "slurmctld did not start: $(tail -1 "$T/why")" >"$T/why"; return 1; }
    slurmd -f "$T/slurm.conf" 2>"$T/why" || { echo "slurmd did not start: $(tail -1 "$T/why")" >"$T/why"; return 1; }
    i=0
    while [ $i -lt 30 ]; do
        sinfo -h -o %t 2>/dev/null | grep -q idle && return 0
        sleep 1
        i=$((i + 1))
    done
    echo "the node did not come up in 30 s: $(tail -1 "$T/slurmctld.log" 2>/dev/null)" >"$T/why"
    return 1
}

export HERODOTUS="$H"
if start_slurm; then
    echo "note: a single-node Slurm is running (slurmctld, slurmd, munged in $T)"
    ids=$(SBATCH_ARGS="--wait --cpus-per-task=1" timeout 600 sh contrib/slurm/submit.sh 4 "$T/out" "$T/merged.db" "$@" 2>"$T/e")
    rc=$?
    check slurm_job_array_and_merge_job_succeed sh -c "[ $rc -eq 0 ] && [ -f '$T/merged.db' ]"
    [ $rc -eq 0 ] || cat "$T/e"
    check slurm_ran_four_array_tasks test "$(ls "$T/out"/part-[1-4].db 2>/dev/null | wc -l)" -eq 4
    check slurm_merge_job_ran_after_the_array grep -q '^herodotus merge: .* from 4 stores' "$T/out/merge.log"
    echo "note: jobs $ids"
else
    echo "note: Slurm cannot run here ($(cat "$T/why")): the same scripts run one after another"
    mkdir -p "$T/out"
    for k in 1 2 3 4; do SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_MAX=4 sh contrib/slurm/code-part.sbatch "$T/out" "$@"; done
    sh contrib/slurm/merge.sbatch "$T/out" 4 "$T/merged.db" 2>"$T/out/merge.log"
    check sequential_parts_and_merge_succeed test -f "$T/merged.db"
fi
dump "$T/one.db" >"$T/one.txt"
dump "$T/merged.db" >"$T/merged.txt" 2>/dev/null
check merged_cluster_store_equals_one_ingest sh -c "[ -s '$T/one.txt' ] && cmp -s '$T/one.txt' '$T/merged.txt'"

echo "slurm: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
