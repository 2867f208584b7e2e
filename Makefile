# Unikit build driver. A workspace calls it as
#
#   make -C <unikit> A=<app folder> L=<lib>:<lib> O=<build folder> [goal]
#
# and gets <name>_<vmm>-<arch> in O. See docs/build.md for the goals, the
# phases and the library DSL; `make help` prints a summary.

UK_ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
export UK_ROOT
SHELL := /bin/bash
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.DEFAULT_GOAL := all

uk_mk := $(UK_ROOT)/support/build
include $(uk_mk)/functions.mk
include $(uk_mk)/verbose.mk

uk_config_goals := defconfig olddefconfig oldconfig menuconfig savedefconfig
uk_noconfig_goals := $(uk_config_goals) help clean properclean distclean

ifeq ($(filter help,$(MAKECMDGOALS)),)
include $(uk_mk)/paths.mk

# .config is make syntax: CONFIG_* variables for the Makefile.uk files.
ifneq ($(wildcard $(UK_CONFIG)),)
include $(UK_CONFIG)
else ifneq ($(filter-out $(uk_noconfig_goals),$(or $(MAKECMDGOALS),all)),)
$(error No configuration: $(UK_CONFIG) does not exist. Create it with \
`make defconfig` (defaults) or `UK_DEFCONFIG=<file> make defconfig`, or pick options with `make menuconfig`)
endif

include $(uk_mk)/toolchain.mk
include $(uk_mk)/dsl.mk
include $(uk_mk)/kconfig.mk
include $(uk_mk)/fetch.mk
include $(uk_mk)/initrd.mk

# The Makefile.uk of every selected part: arch, platforms, internal
# libraries, L= libraries, then the application (which may use them all).
ifneq ($(UK_PHASE),sync)
UK_MAKEFILES := $(wildcard $(UK_ROOT)/arch/$(call uk_unquote,$(CONFIG_UK_ARCH))/Makefile.uk) \
	$(sort $(wildcard $(UK_ROOT)/plat/*/Makefile.uk)) $(sort $(wildcard $(UK_ROOT)/lib/*/Makefile.uk)) \
	$(foreach l,$(UK_LIBS_EXT),$(l)/Makefile.uk) $(wildcard $(UK_APP)/Makefile.uk)
$(foreach f,$(UK_MAKEFILES),$(eval $(call uk_include_makefile,$(f))))
# Compile rules only where they are used: the prepare phase fetches and
# generates, and must not pay for reading every dependency file.
ifneq ($(UK_PHASE),prepare)
$(foreach l,$(UK_ENABLED_LIBS),$(eval $(call uk_lib_rules,$(l),$(call uk_uc,$(l)))))
endif
endif
include $(uk_mk)/image.mk
endif

# --- goals ----------------------------------------------------------------
# `all` runs three phases, each a fresh make that sees the result of the
# previous one: sync (.config and uk/config.h), prepare (unikit, sources
# fetched and extracted, initrd), build (compile and link).
.PHONY: all fetch prepare _sync _prepare _build clean properclean distclean help

all:
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=sync _sync
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=prepare _prepare
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=build _build

prepare:
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=sync _sync
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=prepare _prepare

fetch:
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=sync _sync
	$(Q)$(MAKE) -f $(UK_ROOT)/Makefile UK_PHASE=prepare _fetch

_sync: $(UK_CONFIG_STAMP)
	@:
_fetch: $(UK_FETCH_TARGETS)
	@:
_prepare: $(if $(uk_have_unikit),unikit) $(UK_PREPARE_TARGETS) $(UK_INITRD_TARGETS)
	@:
_build: $(UK_IMAGE) $(BUILD_DIR)/compile_commands.json
	@:

clean:
	$(call uk_step,CLEAN,objects and images in $(BUILD_DIR))
	$(Q)if [ -d $(BUILD_DIR) ]; then find $(BUILD_DIR) -path $(BUILD_DIR)/'*/origin' -prune -o \
		\( -name '*.o' -o -name '*.d' -o -name .flags -o -name .objs \) -type f -print0 | xargs -0r rm -f; fi
	$(Q)rm -f $(UK_IMAGE) $(UK_IMAGE).dbg $(BUILD_DIR)/compile_commands.json

properclean:
	$(call uk_step,CLEAN,$(BUILD_DIR))
	$(Q)rm -rf $(BUILD_DIR)

distclean: properclean
	$(Q)rm -f $(UK_CONFIG) $(UK_CONFIG).old

print-%:
	@echo '$*=$($*)'

help:
	@cat $(UK_ROOT)/support/build/help.txt
