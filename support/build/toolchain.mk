# The compiler and the code-generation flags shared by all kernel code
# (docs/contracts.md section 2). CC= / CROSS_COMPILE= override the tools, so
# "make CC='ccache gcc'" works.

CROSS_COMPILE ?=
ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
CC ?= $(CROSS_COMPILE)gcc
LD ?= $(CROSS_COMPILE)ld
OBJCOPY ?= $(CROSS_COMPILE)objcopy
NM ?= $(CROSS_COMPILE)nm
HOSTCC ?= gcc

# Queried once per invocation: where the compiler's freestanding headers
# (stdint.h, stdarg.h, ...) and libgcc live.
UK_CC_INCLUDE := $(shell $(CC) -print-file-name=include)
UK_LIBGCC := $(shell $(CC) -print-libgcc-file-name)

UK_OPTFLAGS := $(if $(CONFIG_OPTIMIZE_PERF),-O2,-Os)

UK_ARCHFLAGS-$(CONFIG_ARCH_X86_64) += -m64 -mno-red-zone -mcmodel=small -fno-pic -fno-pie
UK_ARCHFLAGS-$(CONFIG_ARCH_X86_64_NOSSE) += -mgeneral-regs-only

# Flags for C and assembly. The compiler's own headers (stddef.h, stdarg.h...)
# come after every library's: a C library's -isystem folders (libs/musl) are
# searched before them.
UK_COMMON_FLAGS := -ffreestanding -nostdinc -idirafter $(UK_CC_INCLUDE) \
	-fno-stack-protector -fno-omit-frame-pointer -fno-common \
	-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
	$(UK_ARCHFLAGS-y) -g $(UK_OPTFLAGS) \
	-D__Unikit__ -I$(UK_GEN_INCLUDE) -include $(UK_CONFIG_H)
UK_CFLAGS := -std=gnu11 -Wall -Wextra -Werror
UK_ASFLAGS := -D__ASSEMBLY__

UK_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,max-page-size=0x1000 \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments \
	$(if $(CONFIG_OPTIMIZE_DEADELIM),-Wl$(uk_comma)--gc-sections)
