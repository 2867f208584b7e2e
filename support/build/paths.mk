# Resolve the workspace: A= (application), L= (external libraries), O= (build
# folder). A relative A= is taken from the caller's working directory ($PWD);
# relative L= and O= entries are taken from the application folder.

uk_caller_dir := $(or $(PWD),$(CURDIR))
uk_abs = $(abspath $(if $(filter /%,$(1)),$(1),$(2)/$(1)))

ifeq ($(strip $(A)),)
$(error A= is not set: give the application folder, e.g. make -C $(UK_ROOT) A=$$PWD (see docs/build.md))
endif
UK_APP := $(call uk_abs,$(A),$(uk_caller_dir))
ifeq ($(wildcard $(UK_APP)/.),)
$(error A=$(A): application folder $(UK_APP) does not exist)
endif

UK_APP_NAME := $(notdir $(UK_APP))

UK_LIBS_EXT :=
$(foreach l,$(subst :, ,$(L)),$(eval UK_LIBS_EXT += $(call uk_abs,$(l),$(UK_APP))))
uk_missing_libs := $(foreach l,$(UK_LIBS_EXT),$(if $(wildcard $(l)/.),,$(l)))
ifneq ($(strip $(uk_missing_libs)),)
$(error L=: library folder(s) not found: $(uk_missing_libs) (L= is a colon-separated list of folders))
endif
uk_nomk_libs := $(foreach l,$(UK_LIBS_EXT),$(if $(wildcard $(l)/Makefile.uk),,$(l)))
ifneq ($(strip $(uk_nomk_libs)),)
$(error L=: $(uk_nomk_libs): not a Unikit library (no Makefile.uk in the folder))
endif

BUILD_DIR := $(call uk_abs,$(or $(O),build),$(UK_APP))
UK_CONFIG ?= $(UK_APP)/.config
UK_KCONFIG_DIR := $(BUILD_DIR)/kconfig
UK_GEN_INCLUDE := $(BUILD_DIR)/include
UK_CONFIG_H := $(UK_GEN_INCLUDE)/uk/config.h
UK_DL_DIR ?= $(or $(UNIKIT_DL_DIR),$(if $(XDG_CACHE_HOME),$(XDG_CACHE_HOME),$(HOME)/.cache)/unikit/downloads)
export UNIKIT_DL_DIR := $(UK_DL_DIR)
