# herodotus - news in, CAMEO-coded political events out.
#   make          build build/herodotus
#   make demo     install dependencies, build, code examples/, write demo.db
#   make check    install dependencies, build, run every test (also under ASan+UBSan)
#   make bench    benchmark on a realistic 20 MB corpus and a templated 50 MB one
#   make bench-store  the store growing to 10 million events (about ten minutes, 10 GB of disk)
#   make model    retrain data/en_ewt.model (tagger and parser) from ../shared/ud/en_ewt
#   make deps     install the Debian packages listed in DEB_PACKAGES
#   make install  install binary, data, man page, library and header (PREFIX, DESTDIR)
#   make fuzz     build the libFuzzer targets (tests/fuzz/) and run each FUZZ_SECONDS (60)

DEB_PACKAGES = build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libzstd-dev \
               libxml2-dev libxml2-utils libutf8proc-dev liblingua-en-tagger-perl wordnet-base wamerican time \
               clang libclang-rt-14-dev libexttextcat-dev libexttextcat-data \
               libgeonames-dev iso-codes libmicrohttpd-dev chromium chromium-driver curl jq wrk \
               slurm-wlm munge libpq-dev postgresql
LIB_PKGS = sqlite3 jansson libxml-2.0 libutf8proc libexttextcat geonames libzstd libpq
PKGS   = $(LIB_PKGS) libmicrohttpd
# linked; the others are opened when a command first needs them (src/dyn.h:
# with their thirty libraries linked, every run took 25 ms more to start)
LINKED_PKGS = sqlite3 jansson libutf8proc libexttextcat libzstd
# the files dlopen opens: each library's SONAME, as the -dev package has it
soname = $(shell objdump -p "$$(pkg-config --variable=libdir $(1) 2>/dev/null)/lib$(2).so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
SONAMES := -DHD_SONAME_PQ='"$(call soname,libpq,pq)"' -DHD_SONAME_XML='"$(call soname,libxml-2.0,xml2)"' \
           -DHD_SONAME_GEONAMES='"$(call soname,geonames,geonames)"' \
           -DHD_SONAME_MHD='"$(call soname,libmicrohttpd,microhttpd)"'
CC    ?= cc
WARN   = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
         -Wpointer-arith -Wformat=2 -Wundef -Wvla -Werror
DATADIR ?= $(CURDIR)
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -DHERODOTUS_DATADIR='"$(DATADIR)"' \
               -DHERODOTUS_VERSION='"$(VERSION)"' $(SONAMES)
VERSION = 0.1.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(LINKED_PKGS) 2>/dev/null)
LIB_PKG_LIBS := $(PKG_LIBS)
XML_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -pthread $(WARN) $(CPPFLAGS_ALL) $(PKG_CFLAGS) $(CFLAGS)
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
TSAN = -fsanitize=thread
LDLIBS = $(PKG_LIBS) -lm -pthread -ldl

# the pipeline, in order, then primitives and outputs
LIB_SRC = src/read.c src/lang.c src/html.c src/input.c src/segment.c src/tag.c src/lemma.c src/depparse.c src/percep.c src/treebank.c src/wordlist.c src/actors.c \
          src/verbs.c src/nouns.c src/quotes.c src/when.c src/events.c src/places.c src/dict.c src/cameo.c src/dates.c \
          src/render.c src/render_jsonl.c src/render_tsv.c src/render_table.c src/store.c src/fulltext.c src/store_pg.c src/db.c src/pipeline.c src/parse.c src/writer.c src/validate.c src/query.c src/stats.c src/export.c src/rows.c src/svg.c src/dictcmd.c src/parsecmd.c src/shard.c src/shardcmd.c src/merge.c src/api.c \
          src/doc.c src/arena.c src/intern.c src/buf.c src/utf8.c src/dyn.c src/herodotus.c
# the command line, outside the library: main.c, and serve.c (the HTTP
# server, the one user of libmicrohttpd)
TEST_SRC = tests/unit.c

OBJ      = $(LIB_SRC:src/%.c=build/obj/%.o)
SAN_OBJ  = $(LIB_SRC:src/%.c=build/san/%.o)
TSAN_OBJ = $(LIB_SRC:src/%.c=build/tsan/%.o)

.PHONY: all deps demo check check-fast bench bench-store clean model install uninstall fuzz fuzz-build
all: build/herodotus

build/obj/%.o: src/%.c src/*.h | build/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@
build/san/%.o: src/%.c src/*.h | build/san
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -c $< -o $@
build/tsan/%.o: src/%.c src/*.h | build/tsan
	$(CC) $(ALL_CFLAGS) $(TSAN) -O1 -c $< -o $@
build/obj build/san build/tsan:
	mkdir -p $@

build/herodotus: $(OBJ) build/obj/main.o build/obj/serve.o
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)
build/herodotus-san: $(SAN_OBJ) build/san/main.o build/san/serve.o
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)
build/herodotus-tsan: $(TSAN_OBJ) build/tsan/main.o build/tsan/serve.o
	$(CC) $(ALL_CFLAGS) $(TSAN) -o $@ $^ $(LDLIBS)
build/threads-tsan: tests/threads.c src/herodotus.h $(TSAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(TSAN) -Isrc -o $@ tests/threads.c $(TSAN_OBJ) $(LDLIBS)
# the library (src/herodotus.h) and the example program that uses it
build/libherodotus.a: $(OBJ)
	rm -f $@
	ar rcs $@ $^
build/library: examples/library.c src/herodotus.h build/libherodotus.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ examples/library.c -Lbuild -lherodotus $(LDLIBS)
build/library-san: examples/library.c src/herodotus.h $(SAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -Isrc -o $@ examples/library.c $(SAN_OBJ) $(LDLIBS)
build/threads: tests/threads.c src/herodotus.h build/libherodotus.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tests/threads.c -Lbuild -lherodotus $(LDLIBS)
build/threads-san: tests/threads.c src/herodotus.h $(SAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -Isrc -o $@ tests/threads.c $(SAN_OBJ) $(LDLIBS)
build/unit: $(OBJ) tests/unit.c
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tests/unit.c $(OBJ) $(LDLIBS) $(XML_LIBS)
build/unit-san: $(SAN_OBJ) tests/unit.c
	$(CC) $(ALL_CFLAGS) $(SAN) -Isrc -o $@ tests/unit.c $(SAN_OBJ) $(LDLIBS) $(XML_LIBS)
build/train: $(OBJ) tools/train.c
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tools/train.c $(OBJ) $(LDLIBS)
build/plover-eval: $(OBJ) tools/plovereval.c
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tools/plovereval.c $(OBJ) $(LDLIBS)
build/gencorpus: bench/gencorpus.c bench/rng.h | build/obj
	$(CC) -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -o $@ $<
build/genreal: bench/genreal.c bench/rng.h | build/obj
	$(CC) -std=c11 -O2 -Wall -Wextra -Wpedantic -Wshadow -Werror -D_POSIX_C_SOURCE=200809L -o $@ $<

deps:
	@sh tests/deps.sh $(DEB_PACKAGES)

demo: deps
	$(MAKE) build/herodotus
	rm -f demo.db demo.db-wal demo.db-shm
	./build/herodotus code --format table examples/*.txt
	./build/herodotus ingest --db demo.db examples/*.txt
	@echo "events stored in demo.db:" $$(sqlite3 demo.db 'select count(*) from events')
	@echo "to look at them in a browser: ./build/herodotus serve --db demo.db, then open http://127.0.0.1:8080/"

check: deps
	$(MAKE) build/herodotus build/herodotus-san build/unit build/unit-san build/gencorpus build/plover-eval \
	        build/library build/library-san build/threads build/threads-san build/herodotus-tsan build/threads-tsan
	sh tests/run.sh

bench: deps
	$(MAKE) build/herodotus build/gencorpus build/genreal
	sh bench/run.sh

# the store as an archive grows to 10 million events (STORE_EVENTS=N for another size)
bench-store: deps
	$(MAKE) build/herodotus build/genreal
	sh bench/store.sh

# the tagger and parser model, from UD English EWT (CC BY-SA 4.0; see data/en_ewt.model.md)
UD_EWT ?= ../shared/ud/en_ewt
model: deps build/train build/herodotus
	@test -f $(UD_EWT)/en_ewt-ud-train.conllu || { echo "make model: $(UD_EWT)/en_ewt-ud-train.conllu not found (UD English EWT is needed to train)"; exit 1; }
	build/train $(UD_EWT)/en_ewt-ud-train.conllu $(UD_EWT)/en_ewt-ud-dev.conllu data/en_ewt.model.new
	mv data/en_ewt.model.new data/en_ewt.model
	./build/herodotus parse --eval $(UD_EWT)/en_ewt-ud-test.conllu

# make install PREFIX=/usr/local DESTDIR=: the binary, its data (the
# dictionaries, the CAMEO table, the model, the web page), the man page, the library and
# its header.  The installed binary finds its data in ../share/herodotus.
PREFIX ?= /usr/local
install: build/herodotus build/libherodotus.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/herodotus/dict $(DESTDIR)$(PREFIX)/share/herodotus/data \
	        $(DESTDIR)$(PREFIX)/share/herodotus/web $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 build/herodotus $(DESTDIR)$(PREFIX)/bin/herodotus
	install -m 644 dict/*.txt $(DESTDIR)$(PREFIX)/share/herodotus/dict/
	install -m 644 data/cameo.tsv data/en_ewt.model data/en_ewt.model.md $(DESTDIR)$(PREFIX)/share/herodotus/data/
	install -m 644 web/index.html web/app.js web/app.css web/favicon.svg $(DESTDIR)$(PREFIX)/share/herodotus/web/
	install -m 644 docs/herodotus.1 $(DESTDIR)$(PREFIX)/share/man/man1/herodotus.1
	install -m 644 build/libherodotus.a $(DESTDIR)$(PREFIX)/lib/libherodotus.a
	install -m 644 src/herodotus.h $(DESTDIR)$(PREFIX)/include/herodotus.h
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig
	@# the libraries opened when needed (src/dyn.h) are not linked: dlopen (-ldl) finds them
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: herodotus\nDescription: news in, CAMEO-coded political events out\nVersion: %s\nRequires.private: %s\nCflags: -I$${includedir}\nLibs: -L$${libdir} -lherodotus -lm -pthread\nLibs.private: %s\n' \
	       '$(PREFIX)' '$(VERSION)' '$(LINKED_PKGS)' '$(LIB_PKG_LIBS) -ldl' >$(DESTDIR)$(PREFIX)/lib/pkgconfig/herodotus.pc
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/herodotus $(DESTDIR)$(PREFIX)/share/man/man1/herodotus.1 \
	      $(DESTDIR)$(PREFIX)/lib/libherodotus.a $(DESTDIR)$(PREFIX)/include/herodotus.h \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/herodotus.pc
	rm -rf $(DESTDIR)$(PREFIX)/share/herodotus
# libFuzzer targets, one per reader (tests/fuzz/fuzz_*.c), on the library
# compiled by clang with the fuzzer's coverage and ASan+UBSan in a directory
# of its own; `make fuzz` runs each for FUZZ_SECONDS on a scratch copy of its
# seeds (tests/fuzz/corpus/TARGET/) and fails when one crashes, leaks, takes
# over 1 s or 256 MB; what it found is kept in build/fuzz/findings/
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = text jsonl conllu ptb dict_actors dict_verbs dict_agents dict_discards dict_nouns \
               validate_xml query_filter dates treebank html api shard merge model fulltext
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1
FUZZ_OBJ = $(LIB_SRC:src/%.c=build/fuzz/obj/%.o)
FUZZ_BIN = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/obj/%.o: src/%.c src/*.h | build/fuzz/obj
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/obj/fuzz_common.o: tests/fuzz/common.c tests/fuzz/fuzz.h src/*.h | build/fuzz/obj
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -Isrc -c $< -o $@
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/obj/fuzz_common.o $(FUZZ_OBJ)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Isrc -o $@ $< build/fuzz/obj/fuzz_common.o $(FUZZ_OBJ) $(LDLIBS)
build/fuzz/obj:
	mkdir -p $@

.SECONDARY: $(FUZZ_OBJ) build/fuzz/obj/fuzz_common.o
fuzz-build: $(FUZZ_BIN)

fuzz: deps
	$(MAKE) fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf build demo.db demo.db-wal demo.db-shm
