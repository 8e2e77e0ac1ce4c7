#!/bin/sh
# make install into a scratch DESTDIR: the installed binary codes from any
# directory with its installed data, the man page reads, the library and
# header build a program, and make uninstall takes it all away.
# usage: tests/install.sh   (one line per test, then "install: N passed, M failed")
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
R="$T/root"
make -s install PREFIX=/usr DESTDIR="$R" >"$T/log" 2>&1; rc=$?
check install_puts_everything_in_place sh -c "[ $rc -eq 0 ] && [ -x '$R/usr/bin/herodotus' ] && [ -f '$R/usr/share/herodotus/dict/countries.actors.txt' ] && [ -f '$R/usr/share/herodotus/data/en_ewt.model' ] && [ -f '$R/usr/share/man/man1/herodotus.1' ] && [ -f '$R/usr/lib/libherodotus.a' ] && [ -f '$R/usr/include/herodotus.h' ]"
cp examples/lavrov-beijing.txt "$T/article.txt"
# elsewhere, with the source tree out of reach of the data lookup (a copy of the binary's tree only)
(cd "$T" && env -u HERODOTUS_DATA "$R/usr/bin/herodotus" code --format tsv article.txt) >"$T/o" 2>"$T/e"; rc=$?
check installed_binary_finds_its_data sh -c "[ $rc -eq 0 ] && grep -q '	RUSGOV	CHN	042	' '$T/o'"
# ... its installed data, not the source tree's: an actor only the installed dictionaries have
printf 'ZEMBLANIA\n\t[ZMB]\n' >"$R/usr/share/herodotus/dict/zz-test.actors.txt"
(cd "$T" && printf 'Zemblania praised Russia.\n' | env -u HERODOTUS_DATA "$R/usr/bin/herodotus" code --format tsv --date 2024-05-14 -) >"$T/o" 2>"$T/e"
check installed_binary_reads_the_installed_dictionaries grep -q '	ZMB	RUS	051	' "$T/o"
rm -f "$R/usr/share/herodotus/dict/zz-test.actors.txt"
(cd "$T" && "$R/usr/bin/herodotus" code --tree --format tsv article.txt) >"$T/o" 2>"$T/e"; rc=$?
check installed_binary_loads_its_model sh -c "[ $rc -eq 0 ] && grep -q '	042	' '$T/o'"
# the installed server serves the installed page
if command -v curl >/dev/null 2>&1; then
    (cd "$T" && env -u HERODOTUS_DATA "$R/usr/bin/herodotus" ingest --quiet --db t.db article.txt >/dev/null 2>&1)
    (cd "$T" && exec env -u HERODOTUS_DATA "$R/usr/bin/herodotus" serve --db t.db --listen 127.0.0.1:0 2>serve.log) &
    spid=$!
    i=0
    while [ $i -lt 100 ] && ! grep -q 'http://' "$T/serve.log" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
    url=$(sed -n 's|.*\(http://[^ ]*/\).*|\1|p' "$T/serve.log" | head -1)
    curl -s "${url}app.js" >"$T/app.js"
    curl -s "${url}api/events" >"$T/ev.json"
    kill $spid 2>/dev/null; wait $spid 2>/dev/null
    check installed_server_serves_the_installed_page sh -c "[ -n '$url' ] && cmp -s '$T/app.js' '$R/usr/share/herodotus/web/app.js' && grep -q '\"code\":\"042\"' '$T/ev.json'"
else
    echo "skip installed_server_serves_the_installed_page (no curl on this machine)"
fi
if command -v man >/dev/null 2>&1; then
    man --warnings -l "$R/usr/share/man/man1/herodotus.1" >"$T/man" 2>"$T/manw"
    check man_page_reads_without_warnings sh -c "grep -q 'herodotus' '$T/man' && [ ! -s '$T/manw' ]"
else
    echo "skip man_page_reads_without_warnings (no man on this machine)"
fi
# a program of one's own against the installed library and header
cat >"$T/mine.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <herodotus.h>
int main(void)
{
    char err[256];
    hd_coder *c = hd_coder_new(NULL, 0, err, sizeof err);
    if (!c) return 1;
    const char *t = "Kenya criticised Uganda on Monday.";
    hd_doc *d = hd_code(c, t, strlen(t), "2024-05-14", err, sizeof err);
    hd_event e;
    int ok = d && hd_doc_nevents(d) == 1 && hd_doc_event(d, 0, &e) == 0 && !strcmp(e.source, "KEN") && !strcmp(e.target, "UGA");
    hd_doc_free(d);
    hd_coder_free(c);
    puts(ok ? "ok" : "wrong");
    return !ok;
}
C
# linked as pkg-config says (the installed herodotus.pc, its prefix where it was put)
PCDIR="$R/usr/lib/pkgconfig"
cc -std=c11 -I"$R/usr/include" -o "$T/mine" "$T/mine.c" -L"$R/usr/lib" \
    $(PKG_CONFIG_PATH="$PCDIR" pkg-config --static --libs herodotus | sed "s|-L/usr/lib |-L$R/usr/lib |") >"$T/cc" 2>&1 &&
    HERODOTUS_DATA="$R/usr/share/herodotus" "$T/mine" >"$T/o" 2>"$T/e"
check installed_library_and_header_build_a_program grep -q '^ok$' "$T/o"
make -s uninstall PREFIX=/usr DESTDIR="$R" >"$T/log" 2>&1
check uninstall_takes_it_away sh -c "[ ! -e '$R/usr/bin/herodotus' ] && [ ! -e '$R/usr/share/herodotus' ] && [ ! -e '$R/usr/lib/libherodotus.a' ]"

echo "install: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
