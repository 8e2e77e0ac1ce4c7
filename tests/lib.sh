# Shared by the shell test scripts: a scratch directory $T removed on exit,
# and the counters behind each script's "NAME: N passed, M failed" line.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 failn=0
ok()    { pass=$((pass + 1)); echo "ok   $1"; }
bad()   { failn=$((failn + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "     $2"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
