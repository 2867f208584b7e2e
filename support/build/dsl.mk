# The library DSL of Makefile.uk files (docs/build.md, docs/contracts.md).
#
#   $(eval $(call addlib,libfoo))                 always built
#   $(eval $(call addlib_s,libfoo,$(CONFIG_X)))   built when CONFIG_X=y
#
# Both define LIBFOO_BASE (the folder of the Makefile.uk) and LIBFOO_BUILD.
# A library then fills LIBFOO_SRCS-y, LIBFOO_CFLAGS-y, LIBFOO_CINCLUDES-y,
# LIBFOO_<STEM>_FLAGS-y (per file) and the global CINCLUDES-y.

UK_ENABLED_LIBS :=

define uk_declare_lib
$(call uk_uc,$(1))_BASE := $(_uk_curdir)
$(call uk_uc,$(1))_BUILD := $(BUILD_DIR)/$(1)
endef

define addlib
$(call uk_declare_lib,$(1))
UK_ENABLED_LIBS += $(1)
endef

addlib_s = $(if $(filter y,$(strip $(2))),$(call addlib,$(1)),$(call uk_declare_lib,$(1)))

# Includes one Makefile.uk with _uk_curdir pointing at its folder.
define uk_include_makefile
_uk_curdir := $(patsubst %/,%,$(dir $(1)))
include $(1)
endef

# --- objects ------------------------------------------------------------------
# A source under the library's folder or build folder maps to the same
# relative path in the build folder, with .o: lib/ukboot/boot.c ->
# build/libukboot/boot.o. Any other source goes under build/<lib>/ext/.
uk_src2obj = $(addsuffix .o,$(basename $(if $(filter $($(1)_BASE)/%,$(2)),\
	$(patsubst $($(1)_BASE)/%,$($(1)_BUILD)/%,$(2)),$(if $(filter $($(1)_BUILD)/%,$(2)),$(2),\
	$($(1)_BUILD)/ext$(2)))))

# File stem of a source, upper-cased, for per-file flags: boot.c -> BOOT.
uk_stem = $(call uk_uc,$(basename $(notdir $(1))))

# The compile flags of source $(2) of library variable prefix $(1), and the
# library name $(3) (printk shows it).
uk_flags = $(UK_COMMON_FLAGS) $(CINCLUDES-y) $($(1)_CINCLUDES-y) $($(1)_CFLAGS-y) \
	$($(1)_$(call uk_stem,$(2))_FLAGS-y) -D__LIBNAME__=$(3) -D__BASENAME__=$(notdir $(2))
uk_cc_cmd = $(CC) $(call uk_flags,$(1),$(2),$(3)) \
	$(if $(filter %.c,$(2)),$(UK_CFLAGS),$(UK_ASFLAGS)) -MMD -MP -c $(2) -o $(4)

# What the objects of a library depend on besides their sources: the
# compiler, the library-wide flags and the per-file flags. Written to
# build/<lib>/.flags when it changes, which rebuilds that library.
uk_lib_flagsig = $(CC) $(UK_CFLAGS) $(UK_ASFLAGS) $(call uk_flags,$(1),,$(2)) \
	$(foreach s,$($(1)_SRCS),$(if $($(1)_$(call uk_stem,$(s))_FLAGS-y),$(s): $($(1)_$(call uk_stem,$(s))_FLAGS-y)))

# Rules for library $(1) (variable prefix $(2)); a library without sources
# (headers only) has no object.
uk_lib_rules = $(if $(strip $($(2)_SRCS-y)),$(uk_lib_rules_))
define uk_lib_rules_
$(2)_SRCS := $$(strip $$($(2)_SRCS-y))
$(2)_OBJS := $$(foreach s,$$($(2)_SRCS),$$(call uk_src2obj,$(2),$$(s)))
$(2)_FLAGSFILE := $$($(2)_BUILD)/.flags
$$(call uk_write_if_changed,$$($(2)_FLAGSFILE),$$(call uk_lib_flagsig,$(2),$(1)))

# Each object names its source, so a missing source is "No rule to make
# target <source>" instead of a silently absent object.
$$(foreach s,$$($(2)_SRCS),$$(eval $$(call uk_src2obj,$(2),$$(s)): $$(s)))
$$($(2)_OBJS): UK_LIBVAR := $(2)
$$($(2)_OBJS): UK_LIB := $(1)
$$($(2)_OBJS): $$($(2)_FLAGSFILE) | $(UK_CONFIG_H)

$$($(2)_BUILD)/%.o: $$($(2)_BASE)/%.c
	$$(uk_compile)
$$($(2)_BUILD)/%.o: $$($(2)_BASE)/%.S
	$$(uk_compile)
$$($(2)_BUILD)/%.o: $$($(2)_BASE)/%.s
	$$(uk_compile)
ifneq ($$($(2)_BASE),$$($(2)_BUILD))
$$($(2)_BUILD)/%.o: $$($(2)_BUILD)/%.c
	$$(uk_compile)
$$($(2)_BUILD)/%.o: $$($(2)_BUILD)/%.S
	$$(uk_compile)
$$($(2)_BUILD)/%.o: $$($(2)_BUILD)/%.s
	$$(uk_compile)
endif
$$($(2)_BUILD)/ext/%.o: /%.c
	$$(uk_compile)
$$($(2)_BUILD)/ext/%.o: /%.S
	$$(uk_compile)

-include $$($(2)_OBJS:.o=.d)

# The partial link: one relocatable object a library. With exportsyms.uk
# only the listed symbols stay global (API boundaries enforced by the linker).
# The object list is a prerequisite too: removing a source relinks. ld reads
# it from that file: musl's ~1 300 object paths exceed the kernel's 128 KiB
# limit on one argument (the shell command) under a long build path.
$$(call uk_write_if_changed,$$($(2)_BUILD)/.objs,$$($(2)_OBJS))
$(BUILD_DIR)/$(1).o: $$($(2)_OBJS) $$($(2)_BUILD)/.objs $$(wildcard $$($(2)_BASE)/exportsyms.uk)
	$$(call uk_step,LD,$(1).o)
	$$(Q)$$(LD) -r -o $$@ @$$($(2)_BUILD)/.objs
	$$(if $$(wildcard $$($(2)_BASE)/exportsyms.uk),$$(Q)$$(OBJCOPY) \
		--keep-global-symbols=$$($(2)_BASE)/exportsyms.uk $$@)

UK_LIB_OBJS += $(BUILD_DIR)/$(1).o
UK_ALL_OBJS += $$($(2)_OBJS)
endef

uk_compile = $(call uk_step,$(if $(filter %.c,$<),CC,AS),$(UK_LIB): $(patsubst $($(UK_LIBVAR)_BUILD)/%,%,$@)) \
	mkdir -p $(@D) && $(call uk_cc_cmd,$(UK_LIBVAR),$<,$(UK_LIB),$@)
