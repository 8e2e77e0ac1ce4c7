#!/bin/sh
# The page of `herodotus serve` in a real browser: Chromium driven through
# the W3C WebDriver protocol (chromedriver) with curl and jq only.
# usage: tests/browser.sh BINARY   (one line per test, then "browser: N passed, M failed")
# Also writes build/serve-page.png, the screenshot README shows.
H=${1:-build/herodotus}
case $H in /*) ;; *) H="$PWD/$H" ;; esac
cd "$(dirname "$0")/.." || exit 2
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "browser: skipped: chromium and chromium-driver are not installed (make deps installs them)"
    echo "browser: 0 passed, 0 failed"
    exit 0
fi
for tool in curl jq; do
    command -v $tool >/dev/null 2>&1 || {
        echo "browser: skipped: $tool is not installed (make deps installs it)"
        echo "browser: 0 passed, 0 failed"
        exit 0
    }
done
. tests/lib.sh
start=$(date +%s)

SRV_PID='' CD_PID='' SID='' WD='' B=''
cleanup() {
    [ -n "$SID" ] && curl -s -m 5 -X DELETE "$WD/session/$SID" >/dev/null 2>&1
    # chromedriver runs in a process group of its own (setsid), with its Chromium
    [ -n "$CD_PID" ] && { kill -TERM -- "-$CD_PID" 2>/dev/null || kill -TERM "$CD_PID" 2>/dev/null; }
    [ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null
    [ -n "$SRV_PID" ] && wait "$SRV_PID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

finish() {
    echo "browser: $pass passed, $failn failed"
    [ "$failn" -eq 0 ]
    exit
}
fatal() {
    bad "$1" "$2"
    [ -s "$T/serve.log" ] && sed 's/^/     serve: /' "$T/serve.log" | tail -5
    finish
}

# a port nothing listens on, from a list of candidates
free_port() {
    for p in "$@"; do
        curl -s -m 1 -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
}
base=$((18000 + $$ % 1000))

# ---------- the store and the server ----------
"$H" ingest --quiet --db "$T/t.db" examples/*.txt >"$T/ingest.log" 2>&1 ||
    fatal server_starts "ingest failed: $(tail -1 "$T/ingest.log")"
for p in $base $((base + 7)) $((base + 131)) $((base + 389)) $((base + 577)); do
    p=$(free_port "$p") || continue
    "$H" serve --db "$T/t.db" --listen "127.0.0.1:$p" >"$T/serve.log" 2>&1 &
    SRV_PID=$!
    i=0
    while [ $i -lt 100 ]; do
        curl -s -m 1 -o /dev/null "http://127.0.0.1:$p/api/info" 2>/dev/null && { B="http://127.0.0.1:$p"; break; }
        kill -0 "$SRV_PID" 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    [ -n "$B" ] && break
    kill "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=''
done
[ -n "$B" ] || fatal server_starts "herodotus serve did not answer GET /api/info"

# ---------- chromedriver and a Chromium session ----------
for p in $((base + 1000)) $((base + 1013)) $((base + 1171)) $((base + 1319)) $((base + 1533)); do
    p=$(free_port "$p") || continue
    setsid /usr/bin/chromedriver --port="$p" --allowed-ips=127.0.0.1 >"$T/chromedriver.log" 2>&1 &
    CD_PID=$!
    i=0
    while [ $i -lt 100 ]; do
        curl -s -m 1 "http://127.0.0.1:$p/status" 2>/dev/null | jq -e '.value.ready' >/dev/null 2>&1 && { WD="http://127.0.0.1:$p"; break; }
        kill -0 "$CD_PID" 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    [ -n "$WD" ] && break
    kill -TERM -- "-$CD_PID" 2>/dev/null; wait "$CD_PID" 2>/dev/null; CD_PID=''
done
[ -n "$WD" ] || fatal chromedriver_starts "chromedriver did not become ready: $(tail -2 "$T/chromedriver.log" 2>/dev/null)"

# a browser that fails to start (seen once in a busy make check, with no message) gets two more tries,
# each with a profile of its own
for try in 1 2 3; do
    caps=$(jq -nc --arg prof "$T/profile$try" '{capabilities: {alwaysMatch: {browserName: "chrome",
        "goog:loggingPrefs": {browser: "ALL"},
        "goog:chromeOptions": {binary: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,1600", ("--user-data-dir=" + $prof)]}}}}')
    SID=$(curl -s -m 60 -X POST -H 'Content-Type: application/json' -d "$caps" "$WD/session" | tee "$T/session.json" | jq -r '.value.sessionId // empty')
    [ -n "$SID" ] && break
    echo "     (try $try: no browser session: $(head -c 300 "$T/session.json"); chromedriver: $(tail -2 "$T/chromedriver.log" | tr '\n' ' '))"
    sleep 2
done
[ -n "$SID" ] || fatal browser_session_starts "$(jq -r '.value.message // empty' "$T/session.json" 2>/dev/null | head -2)"

# ---------- WebDriver in shell functions ----------
ELEM=element-6066-11e4-a52e-4f735466cecf
wd_post() { curl -s -m 30 -X POST -H 'Content-Type: application/json' -d "${2:-"{}"}" "$WD/session/$SID$1"; }
wd_get() { curl -s -m 30 "$WD/session/$SID$1"; }
# js SCRIPT: runs SCRIPT (a function body) in the page, prints its value as JSON
js() { wd_post /execute/sync "$(jq -nc --arg s "$1" '{script: $s, args: []}')" | jq -c '.value'; }
# jsr SCRIPT: the same, a string value printed raw
jsr() { wd_post /execute/sync "$(jq -nc --arg s "$1" '{script: $s, args: []}')" | jq -r '.value // empty'; }
el() { wd_post /element "$(jq -nc --arg s "$1" '{using: "css selector", value: $s}')" | jq -r --arg k "$ELEM" '.value[$k] // empty'; }
click() { e=$(el "$1"); [ -n "$e" ] && wd_post "/element/$e/click" '{}' >/dev/null; }
clear_in() { e=$(el "$1"); [ -n "$e" ] && wd_post "/element/$e/clear" '{}' >/dev/null; }
type_in() { e=$(el "$1"); [ -n "$e" ] && wd_post "/element/$e/value" "$(jq -nc --arg t "$2" '{text: $t}')" >/dev/null; }
text_of() { e=$(el "$1"); [ -n "$e" ] && wd_get "/element/$e/text" | jq -r '.value // empty'; }
attr_of() { e=$(el "$1"); [ -n "$e" ] && wd_get "/element/$e/attribute/$2" | jq -r '.value // empty'; }
displayed() { e=$(el "$1"); [ -n "$e" ] && [ "$(wd_get "/element/$e/displayed" | jq -r '.value')" = true ]; }
goto() { wd_post /url "$(jq -nc --arg u "$1" '{url: $u}')" >/dev/null; }
press() { wd_post /actions "$(jq -nc --arg k "$1" '{actions: [{type: "key", id: "kb", actions: [{type: "keyDown", value: $k}, {type: "keyUp", value: $k}]}]}')" >/dev/null; }
# wait_for CONDITION: until no request is in flight and the JavaScript
# expression CONDITION holds (10 s at most)
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        [ "$(js "return document.body.dataset.loading === '0' && !!($1);")" = true ] && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
api() { curl -s -m 10 "$B$1"; }
rows() { js "return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.id).join(',');" | jq -r .; }
nrows() { js "return document.querySelectorAll('#events tbody tr').length;"; }
total_drawn() { attr_of '#chart svg' data-total; }
stats_total() { api "/api/stats?by=month$1" | jq '[.series[].events] | add // 0'; }

# ---------- 1. the page loads, no errors ----------
goto "$B/"
loaded=no
wait_for "document.querySelector('#events tbody tr') && document.querySelector('#chart svg') && document.querySelector('#map svg')" && loaded=yes
logs=$(wd_post /se/log '{"type": "browser"}')
if echo "$logs" | jq -e '.value | type == "array"' >/dev/null 2>&1; then
    errs=$(echo "$logs" | jq -r '.value[] | select(.level == "SEVERE" or (.message | test("Content.Security.Policy|Refused to"; "i"))) | .message')
else
    errs=''
fi
errs2=$(js "return (window.__errors || []).join('\n');" | jq -r .)
# the policy the page is held to: no violation means nothing if it was not sent
curl -s -m 5 -D "$T/headers" -o /dev/null "$B/"
grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" "$T/headers" || errs2="$errs2 (GET / sent no content-security-policy)"

[ "$(js 'return Array.isArray(window.__errors);')" = true ] || errs2="app.js did not run (no window.__errors)"
if [ $loaded = yes ] && [ -z "$errs$errs2" ]; then ok page_loads_with_no_console_errors_and_no_csp_violations
else bad page_loads_with_no_console_errors_and_no_csp_violations "loaded=$loaded; $(printf '%s %s' "$errs" "$errs2" | head -c 600)"; fi

# ---------- 2. the events table ----------
want=$(api "/api/events?limit=50" | jq '.events | length')
n=$(nrows)
if [ "${want:-0}" -gt 0 ] && [ "$n" = "$want" ]; then ok events_table_lists_the_stored_events
else bad events_table_lists_the_stored_events "rows $n, /api/events?limit=50 has ${want:-none}"; fi

# ---------- 3. the chart ----------
all_total=$(stats_total '')
drawn=$(total_drawn)
periods=$(attr_of '#chart svg' data-periods)
want_periods=$(api "/api/stats?by=month" | jq '[.series[].period] | unique | length')
if [ "${all_total:-0}" -gt 0 ] && [ "$drawn" = "$all_total" ] && [ "$periods" = "$want_periods" ]; then ok chart_draws_the_series
else bad chart_draws_the_series "data-total $drawn, /api/stats sum $all_total; data-periods $periods, periods $want_periods"; fi

# ---------- 4. a dyad filter ----------
dyad=$(api "/api/top?what=dyads&limit=1" | jq -r '.rows[0] | "\(.source):\(.target)"')
src=${dyad%%:*} tgt=${dyad#*:}
type_in '#f-dyad' "$dyad"
click '#f-apply'
wait_for "location.search.includes('dyad=') && document.querySelector('#chart svg') && document.querySelectorAll('#events tbody tr').length > 0 && [...document.querySelectorAll('#events tbody tr')].every(r => r.querySelector('.c-source').textContent.trim().startsWith('$src'))"
url=$(js 'return location.href;' | jq -r .)
mismatch=$(js "return [...document.querySelectorAll('#events tbody tr')].filter(r => !(r.querySelector('.c-source').textContent.trim().startsWith('$src') && r.querySelector('.c-target').textContent.trim().startsWith('$tgt'))).length;")
dyad_total=$(stats_total "&dyad=$dyad")
drawn=$(total_drawn)
case "$url" in *"dyad=$dyad"*|*"dyad=$src%3A$tgt"*|*"dyad=$src%3a$tgt"*) url_ok=yes ;; *) url_ok=no ;; esac
if [ -n "$src" ] && [ $url_ok = yes ] && [ "$mismatch" = 0 ] && [ "$(nrows)" -gt 0 ] && [ "$drawn" = "$dyad_total" ] && [ "$dyad_total" -lt "$all_total" ]; then
    ok filtering_by_a_dyad_changes_table_chart_and_url
else
    bad filtering_by_a_dyad_changes_table_chart_and_url "dyad $dyad; url $url; rows not matching $mismatch; data-total $drawn, /api/stats $dyad_total of $all_total"
fi

# ---------- 5. reloading keeps the filters ----------
before=$(rows)
goto "$url"
wait_for "document.querySelectorAll('#events tbody tr').length > 0 && document.querySelector('#chart svg')"
kept=$(js "return document.querySelector('#f-dyad').value;" | jq -r .)
after=$(rows)
if [ "$kept" = "$dyad" ] && [ -n "$after" ] && [ "$after" = "$before" ]; then ok reloading_the_url_restores_the_filters
else bad reloading_the_url_restores_the_filters "#f-dyad '$kept' (want $dyad); rows [$after] (before [$before])"; fi

# ---------- 6. an event's detail ----------
id=$(attr_of '#events tbody tr' data-id)
want_sentence=$(api "/api/events/$id" | jq -r '.event.sentence')
click '#events tbody tr'
wait_for "!document.querySelector('#detail').hidden && document.querySelector('#detail-explain').textContent.trim() !== ''"
shown=no; displayed '#detail' && shown=yes
got_sentence=$(jsr "return document.querySelector('#detail-sentence').textContent;")
explain=$(text_of '#detail-explain')
doc=$(text_of '#detail-document')
focus_in=$(js "return document.querySelector('#detail').contains(document.activeElement);")
press "$(printf '\356\200\214')"   # U+E00C, the WebDriver Escape key
wait_for "document.querySelector('#detail').hidden"
esc_closed=yes; displayed '#detail' && esc_closed=no
focus_back=$(js "return document.activeElement && document.activeElement.dataset.id === '$id';")
click '#events tbody tr'
wait_for "!document.querySelector('#detail').hidden && document.querySelector('#detail-explain').textContent.trim() !== ''"
click '#detail-close'
wait_for "document.querySelector('#detail').hidden"
btn_closed=yes; displayed '#detail' && btn_closed=no
if [ -n "$id" ] && [ $shown = yes ] && [ "$got_sentence" = "$want_sentence" ] && [ -n "$explain" ] && [ -n "$doc" ] &&
   [ "$focus_in" = true ] && [ $esc_closed = yes ] && [ "$focus_back" = true ] && [ $btn_closed = yes ]; then
    ok opening_an_event_shows_its_sentence_document_and_explanation
else
    bad opening_an_event_shows_its_sentence_document_and_explanation "id $id shown=$shown sentence_equal=$([ "$got_sentence" = "$want_sentence" ] && echo yes || echo no) explain='$(echo "$explain" | head -c 80)' focus_in=$focus_in escape_closes=$esc_closed focus_back=$focus_back button_closes=$btn_closed"
fi

# ---------- 7. coding an article ----------
article='OSLO, May 14 - Norwegian Prime Minister Jonas Gahr Store visited Sweden on Monday and met Swedish Prime Minister Ulf Kristersson in Stockholm.

Hundreds of students protested outside the parliament in Oslo on Tuesday against cuts to university funding, and Norwegian police arrested several demonstrators.'
click '#f-clear'
wait_for "location.search === '' && document.querySelectorAll('#events tbody tr').length > 0"
clear_in '#code-text'
type_in '#code-text' "$article"
click '#code-run'
wait_for "document.querySelectorAll('#code-events [data-code]').length > 0 || document.querySelector('#code-status').textContent !== ''"
got_codes=$(js "return [...document.querySelectorAll('#code-events [data-code]')].map(e => e.dataset.code).join(',');" | jq -r .)
want_codes=$(jq -nc --arg t "$article" '{text: $t}' | curl -s -m 20 -X POST -H 'Content-Type: application/json' --data-binary @- "$B/api/code" | jq -r '[.events[].code] | join(",")')
if [ -n "$got_codes" ] && [ "$got_codes" = "$want_codes" ]; then ok pasting_an_article_shows_its_events
else bad pasting_an_article_shows_its_events "page [$got_codes], POST /api/code [$want_codes]; error: $(text_of '#error')"; fi

# ---------- 8. the map ----------
want_places=$(api "/api/places?limit=500" | jq '.places | length')
circles=$(js "return document.querySelectorAll('#map svg circle').length;")
with_country=$(js "return [...document.querySelectorAll('#map svg circle')].every(c => c.hasAttribute('data-country'));")
if [ "${want_places:-0}" -gt 0 ] && [ "$circles" = "$want_places" ] && [ "$with_country" = true ]; then ok the_map_draws_the_places
else bad the_map_draws_the_places "circles $circles, /api/places ${want_places:-none}, all with data-country: $with_country"; fi

# ---------- 9. a phone's width ----------
wd_post /window/rect '{"width": 375, "height": 800}' >/dev/null
wait_for "window.innerWidth <= 400"
sleep 0.3   # the chart redraws 120 ms after a resize
sw=$(js "return document.documentElement.scrollWidth;")
iw=$(js "return window.innerWidth;")
if [ -n "$sw" ] && [ "$sw" -le $((iw + 1)) ] && [ "$iw" -le 400 ]; then ok the_page_fits_a_phone_width
else bad the_page_fits_a_phone_width "scrollWidth $sw at innerWidth $iw"; fi

# ---------- 10. the screenshot README shows ----------
wd_post /window/rect '{"width": 1280, "height": 1600}' >/dev/null
goto "$B/?group=quad"
wait_for "window.innerWidth >= 1200 && document.querySelectorAll('#events tbody tr').length > 0 && document.querySelector('#chart svg') && document.querySelector('#map svg circle')"
sleep 0.3
mkdir -p build
wd_get /screenshot | jq -r '.value // empty' | base64 -d >"$T/page.png" 2>/dev/null
size=$(wc -c <"$T/page.png" 2>/dev/null || echo 0)
if [ "$size" -gt 10240 ] && [ "$(head -c 8 "$T/page.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; then
    cp "$T/page.png" build/serve-page.png
    ok screenshot_of_the_page_is_written_to_build_serve_page_png
else
    bad screenshot_of_the_page_is_written_to_build_serve_page_png "$size bytes"
fi

secs=$(($(date +%s) - start))
[ "$secs" -le 60 ] || echo "     (the browser test took $secs s, more than 60)"
finish
