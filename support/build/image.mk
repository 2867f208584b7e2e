# The final image: every library's partial link, linked with the platform's
# linker script into <name>_<vmm>-<arch>.dbg (ELF64 with symbols), then
# converted into the stripped ELF32 image that QEMU's multiboot loader takes.

UK_NAME := $(call uk_unquote,$(CONFIG_UK_NAME))
UK_ARCH := $(call uk_unquote,$(CONFIG_UK_ARCH))
UK_VMM := $(if $(CONFIG_KVM_VMM_FIRECRACKER),fc,qemu)
UK_IMAGE := $(BUILD_DIR)/$(UK_NAME)_$(UK_VMM)-$(UK_ARCH)

uk_ldscript = $(firstword $(UK_LDSCRIPT-y))

uk_link = $(CC) $(UK_LDFLAGS) -Wl,-T,$(uk_ldscript) -o $(1) $(UK_LIB_OBJS) $(2) $(UK_LIBGCC)

# The link command (script, flags, objects) is a prerequisite too: another
# linker script or a changed flag relinks even when no file is newer.
uk_linksig := $(BUILD_DIR)/.link
ifeq ($(UK_PHASE),build)
$(call uk_write_if_changed,$(uk_linksig),$(call uk_link,IMAGE) $(CONFIG_LIBUKSYMTAB))
endif
UK_IMAGE_DEPS += $(uk_linksig)

ifeq ($(CONFIG_LIBUKSYMTAB),y)
# Two links: the first one's function symbols become a table (lib/uksymtab)
# that the second one embeds. The table sits in read-only data after all
# code, so no function moves between the links; the build checks that.
uk_symdir := $(BUILD_DIR)/symtab
uk_nm_text = $(NM) -n -S --defined-only $(1) | awk -f $(UK_ROOT)/support/build/gensymtab.awk
uk_as = $(CC) -c -x assembler-with-cpp -o $(1) $(2)

$(UK_IMAGE).dbg: $(UK_LIB_OBJS) $(UK_LDSCRIPT-y) $(UK_IMAGE_DEPS) $(UK_ROOT)/support/build/gensymtab.awk
	$(if $(uk_ldscript),,$(error no linker script: is a platform selected? (CONFIG_PLAT_KVM=y)))
	$(Q)mkdir -p $(uk_symdir)
	$(Q)awk -f $(UK_ROOT)/support/build/gensymtab.awk </dev/null >$(uk_symdir)/empty.S
	$(Q)$(call uk_as,$(uk_symdir)/empty.o,$(uk_symdir)/empty.S)
	$(call uk_step,LD,$(notdir $@) (pass 1))
	$(Q)$(call uk_link,$(uk_symdir)/pass1.dbg,$(uk_symdir)/empty.o)
	$(call uk_step,SYMTAB,$(notdir $@))
	$(Q)$(call uk_nm_text,$(uk_symdir)/pass1.dbg) >$(uk_symdir)/symtab.S
	$(Q)$(call uk_as,$(uk_symdir)/symtab.o,$(uk_symdir)/symtab.S)
	$(call uk_step,LD,$(notdir $@))
	$(Q)$(call uk_link,$@,$(uk_symdir)/symtab.o)
	$(Q)$(call uk_nm_text,$@) >$(uk_symdir)/check.S; cmp -s $(uk_symdir)/symtab.S $(uk_symdir)/check.S || \
	  { echo "error: functions moved between the two links of $(notdir $@); see $(uk_symdir)" >&2; \
	    rm -f $@; exit 1; }
else
$(UK_IMAGE).dbg: $(UK_LIB_OBJS) $(UK_LDSCRIPT-y) $(UK_IMAGE_DEPS)
	$(if $(uk_ldscript),,$(error no linker script: is a platform selected? (CONFIG_PLAT_KVM=y)))
	$(call uk_step,LD,$(notdir $@))
	$(Q)$(call uk_link,$@)
endif

# QEMU's multiboot loader takes only ELF32; Firecracker loads ELF64 (through
# the PVH note), so its flavour stays 64-bit.
uk_image_format := $(if $(CONFIG_KVM_VMM_FIRECRACKER),,-O elf32-i386)

$(UK_IMAGE): $(UK_IMAGE).dbg
	$(call uk_step,OBJCOPY,$(notdir $@))
	$(Q)$(OBJCOPY) $(uk_image_format) --strip-all $< $@

# compile_commands.json for clangd and static analysers, rewritten when an
# object was rebuilt.
$(BUILD_DIR)/compile_commands.json: $(UK_ALL_OBJS)
	$(call uk_step,GEN,compile_commands.json)
	$(file >$@,$(uk_compdb))

uk_json_str = "$(subst ",\",$(subst \,\\,$(1)))"
uk_compdb_entries = $(foreach l,$(UK_ENABLED_LIBS),$(foreach s,$($(call uk_uc,$(l))_SRCS),\
	$(uk_comma){ "directory": "$(UK_ROOT)"$(uk_comma) "file": "$(s)"$(uk_comma) "command": $(call uk_json_str,$(strip \
	$(call uk_cc_cmd,$(call uk_uc,$(l)),$(s),$(l),$(call uk_src2obj,$(call uk_uc,$(l)),$(s))))) }))
uk_compdb = $(subst [$(uk_comma),[,[$(strip $(uk_compdb_entries))])
