# The embedded initrd (CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD): a cpio archive
# linked into the image. Either the workspace provides it (initrd.cpio by
# default, as in the tutorial) or, with CONFIG_BUILD_EINITRD_FROM_ROOTFS, the
# build makes it from a directory with `unikit mkcpio` whenever that changes.
# UK_EINITRD is the archive the image embeds; UK_INITRD_TARGETS are made in
# the prepare phase.

UK_INITRD_TARGETS :=
ifeq ($(CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD),y)

uk_einitrd_opt := $(call uk_unquote,$(CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD_PATH))
ifeq ($(CONFIG_BUILD_EINITRD_FROM_ROOTFS),y)
uk_rootfs := $(call uk_abs,$(call uk_unquote,$(CONFIG_BUILD_EINITRD_ROOTFS)),$(UK_APP))
UK_EINITRD := $(BUILD_DIR)/initrd.cpio
uk_rootfs_list := $(BUILD_DIR)/.rootfs-files
ifeq ($(UK_PHASE),prepare)
# Every file and folder below the root, and their list (rewritten when it
# changes): an added or deleted file remakes the archive even when copies
# kept old modification times.
uk_rootfs_files := $(shell find $(uk_rootfs) 2>/dev/null | LC_ALL=C sort)
$(call uk_write_if_changed,$(uk_rootfs_list),$(uk_rootfs_files))
endif
$(UK_EINITRD): $(uk_rootfs_files) $(uk_rootfs_list) | unikit
	$(if $(wildcard $(uk_rootfs)/.),,$(error CONFIG_BUILD_EINITRD_ROOTFS: folder $(uk_rootfs) does not exist))
	$(call uk_step,MKCPIO,$(notdir $@) from $(uk_rootfs))
	$(Q)$(UNIKIT) mkcpio $@ $(uk_rootfs)
else
UK_EINITRD := $(call uk_abs,$(or $(uk_einitrd_opt),initrd.cpio),$(UK_APP))
# Only runs when the archive is missing: say what to do instead of make's
# "No rule to make target".
$(UK_EINITRD):
	@echo "error: the embedded initrd $@ does not exist (CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD=y)." >&2
	@echo "  Create it from your root filesystem folder with:" >&2
	@echo "    $(UK_ROOT)/support/scripts/mkcpio $@ $(UK_APP)/rootfs" >&2
	@echo "  or set CONFIG_BUILD_EINITRD_FROM_ROOTFS=y to build it automatically." >&2
	@exit 1
endif
UK_INITRD_TARGETS += $(UK_EINITRD)
endif
