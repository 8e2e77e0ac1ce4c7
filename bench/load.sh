#!/bin/sh
# herodotus serve under load: 32 concurrent clients (wrk) for SECONDS (30)
# against the million-event store, on a filtered events page and a dyad
# series, with the answer cache (the default) and without it (--no-cache:
# every request to the database).  Requests/s, p50/p99 latency, errors,
# and the server's memory before and after.
# usage: bench/load.sh DB [SECONDS]   (a benchmark, not a test)
DB=${1:-build/bench-1m.db}
SECS=${2:-30}
command -v wrk >/dev/null 2>&1 || { echo "load: wrk is not installed (make deps installs it)"; exit 0; }
W=$(mktemp -d)
trap 'kill $SPID 2>/dev/null; rm -rf "$W"' EXIT
# the 20 busiest dyads of countries, and their paths: 10 pages of events
# each, and their series by month and week, plain and by quad class
sqlite3 "$DB" "select substr(source, 1, 3) || ':' || substr(target, 1, 3) from events
  where length(source) >= 3 and length(target) >= 3 and substr(source, 1, 3) != substr(target, 1, 3)
  and substr(source, 1, 3) not in ('IGO', 'NGO', 'IMG') and substr(target, 1, 3) not in ('IGO', 'NGO', 'IMG')
  group by 1 order by count(*) desc limit 20" >"$W/dyads"
for d in $(cat "$W/dyads"); do
    for o in 0 50 100 150 200 250 300 350 400 450; do echo "/api/events?dyad=$d&both_ways=1&limit=50&offset=$o"; done
done >"$W/events.paths"
for d in $(cat "$W/dyads"); do
    for by in month week; do
        echo "/api/stats?by=$by&dyad=$d&both_ways=1"
        echo "/api/stats?by=$by&dyad=$d&both_ways=1&group=quad"
    done
done >"$W/series.paths"
for kind in events series; do
    cat >"$W/$kind.lua" <<EOF
local paths = {}
for line in io.lines("$W/$kind.paths") do paths[#paths + 1] = line end
local n = math.random(#paths)
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
EOF
done
# the server's own memory (RssAnon: the mapped database file, which the
# kernel may share and drop, is left out)
rss() { awk '/^RssAnon/ { printf "%.0f", $2 / 1024 }' /proc/$SPID/status; }
for mode in cache no-cache; do
    opt=""
    [ $mode = no-cache ] && opt=--no-cache
    # shellcheck disable=SC2086
    ./build/herodotus serve --db "$DB" --listen 127.0.0.1:0 $opt $SERVE_OPTS 2>"$W/serve.log" &
    SPID=$!
    i=0
    while [ $i -lt 100 ] && ! grep -q 'http://' "$W/serve.log" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
    URL=$(sed -n 's|.*\(http://[^ ]*\)/ .*|\1|p' "$W/serve.log" | head -1)
    start=$(rss)
    for kind in events series; do
        wrk -t2 -c32 -d"${SECS}s" --latency -s "$W/$kind.lua" "$URL" >"$W/wrk.out" 2>&1
        awk -v kind=$kind -v mode=$mode -v n="$(wc -l <"$W/$kind.paths")" -v rss="$(rss)" '
            /Requests\/sec/ { rps = $2 }
            $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
            /Non-2xx/ { bad += $NF } /Socket errors/ { sock = $0 }
            END { printf "serve (%s, 32 clients, %s distinct %s requests): %.0f requests/s, p50 %s, p99 %s, %d errors%s; server memory %s MB\n",
                  mode, n, kind == "events" ? "filtered events pages" : "dyad series", rps, p50, p99, bad, sock ? " (" sock ")" : "", rss }' "$W/wrk.out"
    done
    echo "serve ($mode): server memory (anonymous) $start MB before the load, $(rss) MB after"
    kill $SPID
    wait $SPID 2>/dev/null
done
