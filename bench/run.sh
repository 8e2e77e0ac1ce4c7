#!/bin/sh
# make bench: code a generated corpus of at least 50 MB of news-like text and
# report sentences/s, MB/s, peak RSS and dictionary load time.
cd "$(dirname "$0")/.." || exit 2
MB=${BENCH_MB:-50}
CORPUS=build/bench-corpus-$MB.jsonl
[ -s "$CORPUS" ] || ./build/gencorpus "$MB" >"$CORPUS"
bytes=$(wc -c <"$CORPUS")
echo "corpus: $CORPUS ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB, $(wc -l <"$CORPUS") documents)"
# dictionary load time: code an empty-ish input, best of 5
best=""
for i in 1 2 3 4 5; do
    ms=$(echo '{"id":"x","text":"Nothing happened."}' | ./build/herodotus code --stats - 2>&1 >/dev/null |
         sed -n 's/.*dictionaries \([0-9]*\) ms.*/\1/p')
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
done
echo "built-in dictionaries load: $best ms (best of 5)"
PHX=${HERODOTUS_SHARED:-../shared}/peers/petrarch2/phoenix
if [ -d "$PHX" ]; then
    pbest=""
    for i in 1 2 3 4 5; do
        ms=$(echo '{"id":"x","text":"Nothing happened."}' | ./build/herodotus code --stats --dict "$PHX" - 2>&1 >/dev/null |
             sed -n 's/.*dictionaries \([0-9]*\) ms.*/\1/p')
        [ -z "$pbest" ] || [ "$ms" -lt "$pbest" ] && pbest=$ms
    done
    echo "Phoenix dictionaries (27,000 actors, 4,600 verb patterns) load: $pbest ms (best of 5)"
else
    echo "Phoenix dictionaries: $PHX is absent, not measured"
fi
/usr/bin/time -v ./build/herodotus code --stats --format jsonl "$CORPUS" >build/bench-events.jsonl 2>build/bench-time.txt
grep -E 'documents,' build/bench-time.txt
secs=$(sed -n 's/.*coding \([0-9.]*\) s.*/\1/p' build/bench-time.txt)
sents=$(sed -n 's/.* \([0-9]*\) sentences,.*/\1/p' build/bench-time.txt)
rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' build/bench-time.txt)
awk -v s="$secs" -v n="$sents" -v b="$bytes" -v r="$rss" 'BEGIN {
    printf "throughput: %.0f sentences/s, %.2f MB/s (one core, end to end from raw text)\n", n / s, b / 1048576 / s
    printf "peak RSS: %.1f MB\n", r / 1024 }'
echo "events: $(wc -l <build/bench-events.jsonl)"
