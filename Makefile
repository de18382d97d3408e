# kehu: customer management. `make run` and `make test` are the two commands;
# everything they need is installed by scripts/deps.sh.

SHELL    := /bin/bash
CC       ?= gcc
ROOT     := $(CURDIR)

# Release build in build/, sanitizer build (ASan + UBSan + LSan) in build-asan/.
SAN      ?= 0
ifeq ($(SAN),1)
BUILD    ?= build-asan
OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
BUILD    ?= build
OPTFLAGS := -O2 -g
endif
# libFuzzer build (make fuzz, scripts/fuzz.sh): clang-14, its own build-fuzz/;
# clang's warnings differ from gcc's, so they do not stop this build.
FUZZ     ?= 0
WERROR   := -Werror
ifeq ($(FUZZ),1)
BUILD    := build-fuzz
CC       := clang-14
OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
WERROR   :=
endif

CS_INC   := -I/usr/include/ClearSilver
DB_CFLAGS = $(shell mariadb_config --cflags 2>/dev/null)
DB_LIBS   = $(shell mariadb_config --libs 2>/dev/null)
CFLAGS   += -std=c11 -D_GNU_SOURCE -Wall -Wextra $(WERROR) $(OPTFLAGS) $(CS_INC) $(DB_CFLAGS) -Icgi-bin -pthread
LDLIBS   += -lneo_cgi -lneo_cs -lneo_utl -lfcgi -lsodium -lxlsxwriter -lzip -lexpat $(DB_LIBS) -lz -lm -pthread
LDFLAGS  += $(OPTFLAGS)

CORE_SRC := $(wildcard cgi-bin/core/*.c)
DB_SRC   := $(wildcard cgi-bin/db/*.c)
LIB_OBJ  := $(patsubst %.c,$(BUILD)/%.o,$(CORE_SRC) $(DB_SRC))
PROGS    := $(patsubst cgi-bin/%.c,$(BUILD)/%.fcgi,$(wildcard cgi-bin/*.c))
TOOLS    := $(BUILD)/kehu-gen $(BUILD)/hello.fcgi $(BUILD)/kehu-submit $(BUILD)/kehu-audit \
            $(BUILD)/kehu-notify $(BUILD)/kehu-sla $(BUILD)/kehu-analyse
UNIT     := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
# tests/fuzz/<target>.c: one libFuzzer harness each; make test runs every
# corpus file under tests/fuzz/ through each of them (test_fuzz_<target>).
FUZZ_TARGETS := request fields csv xlsx template
REPLAY   := $(patsubst %,$(BUILD)/tests/test_fuzz_%,$(FUZZ_TARGETS))

.PHONY: all run stop test deps build unit clean status fuzz fuzzers soak security \
        audit-check backup restore analyse
.DEFAULT_GOAL := all

# A program or test renamed or removed leaves its binary behind, which
# scripts/fcgi.sh would still start and scripts/test.sh still run: it goes
# with its source.
STALE    := $(filter-out $(PROGS) $(BUILD)/hello.fcgi,$(wildcard $(BUILD)/*.fcgi)) \
            $(filter-out $(UNIT) $(REPLAY),$(wildcard $(BUILD)/tests/test_*))

all: $(PROGS) $(TOOLS) $(UNIT) $(REPLAY)
	$(if $(strip $(STALE)),rm -f $(STALE))

# -MMD -MP: each object also depends on exactly the headers it includes.
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

$(BUILD)/libkehu.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# A program is cgi-bin/<name>.c (its route table) plus cgi-bin/<name>/*.c
# (its pages), linked with the shared runtime and data-access library.
page_objs = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi-bin/$(1)/*.c))
# Objects made through pattern chains are kept (no rebuild on the next run).
.SECONDARY:
.SECONDEXPANSION:
$(BUILD)/%.fcgi: $(BUILD)/cgi-bin/%.o $$(call page_objs,$$*) $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

# Staff register complaints taken by phone, letter or visit with the public
# form's fields and rules (issue 15): the staff program links those pages.
$(BUILD)/complaints.fcgi: $(patsubst %,$(BUILD)/cgi-bin/complaint_public/%.o,intake public rules upload)

$(BUILD)/kehu-gen: $(BUILD)/bench/gen.o $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/hello.fcgi: $(BUILD)/bench/hello.o
	$(CC) $(LDFLAGS) $^ -o $@ -lfcgi

$(BUILD)/kehu-submit: $(BUILD)/bench/submit.o
	$(CC) $(LDFLAGS) $^ -o $@ -lpthread

# Verifies the audit log's hash chain (docs/audit-chain.md).
$(BUILD)/kehu-audit: $(BUILD)/tools/kehu-audit.o $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

# Sends the outbox's mail and text messages (docs/notifications.md); runs
# under the programs' supervisor (scripts/fcgi.sh).
$(BUILD)/kehu-notify: $(BUILD)/tools/kehu-notify.o $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

# Business-hour clocks for complaints written without them (docs/sla-clock.md).
$(BUILD)/kehu-sla: $(BUILD)/tools/kehu-sla.o $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

# The customer-analysis batch (docs/analysis.md, "The batch"); its runner
# runs under the programs' supervisor.
$(BUILD)/kehu-analyse: $(BUILD)/tools/kehu-analyse.o $(BUILD)/libkehu.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/libkehu.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ -lcmocka $(LDLIBS)

$(BUILD)/tests/test_fuzz_%: $(BUILD)/tests/fuzz/%.o $(BUILD)/tests/fuzz/replay.o \
                           $(BUILD)/tests/fuzz/root.o $(BUILD)/libkehu.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

fuzzers: $(patsubst %,$(BUILD)/fuzz/%,$(FUZZ_TARGETS))

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(BUILD)/tests/fuzz/root.o $(BUILD)/libkehu.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LDLIBS)

# FUZZ_SECONDS (default 60) of libFuzzer per harness; see docs/fuzzing.md.
fuzz:
	@scripts/fuzz.sh

deps:
	@scripts/deps.sh

# The two commands.
# The mail server the outbox's sender hands mail to (Debian's exim4; never
# fatal, docs/notifications.md); make test uses a local SMTP sink instead.
run: deps
	@scripts/mta.sh setup
	@$(MAKE) --no-print-directory all
	@scripts/stack.sh start
	@scripts/stack.sh banner

stop:
	@scripts/stack.sh stop

status:
	@scripts/stack.sh status

test: deps
	@$(MAKE) --no-print-directory SAN=1 all
	@scripts/test.sh

# Faults under a steady write load on a throwaway stack (SOAK_SECONDS,
# default 600; make test runs a 75-second one).
soak: deps
	@$(MAKE) --no-print-directory SAN=1 all
	@scripts/soak.sh

# sqlmap and wapiti on every form, as each role and signed out (long: see
# docs/security-scan.md). Installs the scanners; make test does without.
security:
	@scripts/deps.sh security
	@$(MAKE) --no-print-directory SAN=1 all
	@scripts/security.sh

# The audit chain, backups and restores of the stack `make run` serves
# (docs/audit-chain.md, docs/backup.md).
audit-check: $(BUILD)/kehu-audit
	@. scripts/env.sh && $(ROOT)/$(BUILD)/kehu-audit check

# One analysis run now against the stack `make run` serves (KEHU_VAR).
analyse: $(BUILD)/kehu-analyse
	@. scripts/env.sh && $(ROOT)/$(BUILD)/kehu-analyse --once --reason manual

backup: $(BUILD)/kehu-audit
	@KEHU_BUILD=$(ROOT)/$(BUILD) scripts/backup.sh

restore: $(BUILD)/kehu-audit
	@KEHU_BUILD=$(ROOT)/$(BUILD) scripts/restore.sh $(BACKUP)

clean:
	rm -rf build build-asan build-fuzz
