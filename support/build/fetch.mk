# unikit, the C orchestrator, is built first; external libraries declare
# their origin archives and get them fetched (verified, cached) and
# extracted (patched, stamped) before anything compiles:
#
#   $(eval $(call fetch,libmusl,$(LIBMUSL_BASE)/origins.uk))
#
# sets LIBMUSL_ORIGIN, the folder holding the extracted source tree.

UK_PREPARE_TARGETS :=
UK_FETCH_TARGETS :=

unikit:
	$(if $(uk_have_unikit),$(Q)$(MAKE) -C $(UK_ROOT)/support/unikit O=$(BUILD_DIR)/unikit CC=$(HOSTCC) \
		$(if $(filter 1,$(V)),V=1) >/dev/null,\
		$(error support/unikit is missing from $(UK_ROOT)))

define fetch
$(call uk_uc,$(1))_ORIGIN := $($(call uk_uc,$(1))_BUILD)/origin
$(if $(filter $(1),$(UK_ENABLED_LIBS)),$(call uk_fetch_rules,$(1),$(call uk_uc,$(1)),$(2)))
endef

define uk_fetch_rules
$(2)_ARCHIVE := $$($(2)_BUILD)/.archive
$(2)_STAMP := $$($(2)_BUILD)/.extracted

.PHONY: fetch-$(1)
fetch-$(1): unikit
	$$(Q)mkdir -p $$($(2)_BUILD)
	$$(Q)$$(UNIKIT) fetch --origins $(3) --dl-dir $$(UK_DL_DIR) --out-link $$($(2)_ARCHIVE) >/dev/null

$$($(2)_STAMP): $(3) $$(wildcard $$($(2)_BASE)/patches/*.patch) | unikit
	$$(Q)mkdir -p $$($(2)_BUILD)
	$$(Q)$$(UNIKIT) fetch --origins $(3) --dl-dir $$(UK_DL_DIR) --out-link $$($(2)_ARCHIVE) >/dev/null
	$$(call uk_step,EXTRACT,$(1): $$(notdir $$(realpath $$($(2)_ARCHIVE))))
	$$(Q)$$(UNIKIT) extract --archive $$($(2)_ARCHIVE) --dest $$($(2)_ORIGIN) --strip-components 1 \
		--patches $$($(2)_BASE)/patches --stamp $$@

UK_FETCH_TARGETS += fetch-$(1)
UK_PREPARE_TARGETS += $$($(2)_STAMP)
endef
