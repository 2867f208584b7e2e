# Kconfig: the root Kconfig file is generated in the build folder from the
# core, arch, plat, every lib/*, the L= libraries and the application; the
# kconfig-frontends tools run there (they leave helper files in their cwd).

KCONF ?= kconfig-conf
KMCONF ?= kconfig-mconf

uk_kconfig_libs := $(sort $(wildcard $(UK_ROOT)/lib/*/Config.uk))
uk_kconfig_ext := $(foreach l,$(UK_LIBS_EXT),$(wildcard $(l)/Config.uk))
uk_kconfig_app := $(wildcard $(UK_APP)/Config.uk)
UK_KCONFIG := $(UK_KCONFIG_DIR)/Config.uk

define uk_kconfig_root
mainmenu "Unikit Configuration ($(UK_APP_NAME))"

config UK_NAME
	string "Image name"
	default "$(UK_APP_NAME)"
	help
	  Base name of the kernel image: <name>_<vmm>-<arch>. Defaults to the
	  name of the application folder.

config UK_APP_DIR
	string
	default "$(UK_APP)"

source "$(UK_ROOT)/Config.uk"
source "$(UK_ROOT)/arch/Config.uk"
$(if $(wildcard $(UK_ROOT)/plat/Config.uk),source "$(UK_ROOT)/plat/Config.uk")

menu "Library Configuration"
$(foreach f,$(uk_kconfig_libs),source "$(f)"
)endmenu
$(if $(uk_kconfig_ext),menu "External Libraries"
$(foreach f,$(uk_kconfig_ext),source "$(f)"
)endmenu)
$(if $(uk_kconfig_app),menu "Application Options"
source "$(uk_kconfig_app)"
endmenu)
endef

# Regenerated at parse time, rewritten only when the set of folders changes.
$(call uk_write_if_changed,$(UK_KCONFIG),$(uk_kconfig_root))

UK_KCONFIG_FILES := $(UK_KCONFIG) $(UK_ROOT)/Config.uk $(UK_ROOT)/arch/Config.uk \
	$(wildcard $(UK_ROOT)/arch/*/Config.uk $(UK_ROOT)/plat/Config.uk $(UK_ROOT)/plat/*/Config.uk) \
	$(uk_kconfig_libs) $(uk_kconfig_ext) $(uk_kconfig_app)

uk_kconf_env := KCONFIG_CONFIG=$(UK_CONFIG) srctree=$(UK_ROOT) UK_ROOT=$(UK_ROOT)
uk_kconf = cd $(UK_KCONFIG_DIR) && $(uk_kconf_env) $(KCONF) $(1) Config.uk

UNIKIT := $(BUILD_DIR)/unikit/unikit
uk_have_unikit := $(wildcard $(UK_ROOT)/support/unikit/Makefile)

UK_DEFCONFIG ?=
uk_defconfig_file = $(call uk_abs,$(UK_DEFCONFIG),$(uk_caller_dir))

# Report the defconfig values that did not survive (unknown symbol, unmet
# dependency, bad value): users must never lose them silently.
uk_kconfig_report = $(if $(and $(UK_DEFCONFIG),$(uk_have_unikit)),\
	cd $(UK_KCONFIG_DIR) && $(uk_kconf_env) $(UNIKIT) kconfig-report --kconfig Config.uk \
	--defconfig $(uk_defconfig_file) --config $(UK_CONFIG))

defconfig: $(if $(uk_have_unikit),unikit)
	$(if $(UK_DEFCONFIG),$(if $(wildcard $(uk_defconfig_file)),,\
		$(error UK_DEFCONFIG=$(UK_DEFCONFIG): file $(uk_defconfig_file) not found)))
	$(call uk_step,KCONFIG,defconfig $(if $(UK_DEFCONFIG),$(UK_DEFCONFIG),(defaults)))
	$(Q)$(call uk_kconf,$(if $(UK_DEFCONFIG),--defconfig=$(uk_defconfig_file),--alldefconfig))
	$(Q)$(uk_kconfig_report)

olddefconfig oldconfig:
	$(Q)$(call uk_kconf,--$@)

menuconfig:
	$(Q)cd $(UK_KCONFIG_DIR) && $(uk_kconf_env) $(KMCONF) Config.uk

savedefconfig:
	$(call uk_step,KCONFIG,savedefconfig -> $(BUILD_DIR)/defconfig)
	$(Q)$(call uk_kconf,--savedefconfig=$(BUILD_DIR)/defconfig)

# Bring .config up to date with the Kconfig files (new or removed options
# take their defaults) and generate uk/config.h, rewritten only on change.
UK_CONFIG_STAMP := $(UK_KCONFIG_DIR)/.synced

$(UK_CONFIG_STAMP): $(UK_CONFIG) $(UK_KCONFIG_FILES)
	$(call uk_step,KCONFIG,syncconfig)
	$(Q)$(call uk_kconf,-s --olddefconfig)
	$(Q)mkdir -p $(dir $(UK_CONFIG_H))
	$(Q)$(UK_ROOT)/support/kconfig/config2h $(UK_CONFIG) > $(UK_CONFIG_H).tmp
	$(Q)cmp -s $(UK_CONFIG_H).tmp $(UK_CONFIG_H) && rm $(UK_CONFIG_H).tmp || mv $(UK_CONFIG_H).tmp $(UK_CONFIG_H)
	$(Q)touch $@

.PHONY: defconfig olddefconfig oldconfig menuconfig savedefconfig
