/* SPDX-License-Identifier: BSD-3-Clause */
/* The kernel command line and image name, copied out of loader memory */
#include <uk/config.h>
#include <uk/plat/bootstrap.h>
#include <kvm/bootinfo.h>

#ifndef CONFIG_UK_NAME
#define CONFIG_UK_NAME "unikit"
#endif
#define KVM_IMAGE_NAME_MAX 256

static char cmdline[KVM_CMDLINE_MAX];
static char image_name[KVM_IMAGE_NAME_MAX];
static int image_name_set;

/*
 * Copies, after leading blanks, one word (`word`) or the rest of the line
 * at s into dst (NUL-terminated, cut to `size`); returns where it stopped.
 * Out of line: the image name and the command line share one copy loop,
 * one piece of code for TCG to translate at boot.
 */
static int blank(char c)
{
	return (c == ' ') | (c == '\t');
}

/* The tests are bitwise, not branches: under TCG each branch on the way is
 * one more block to translate (a loop body here is one block) */
static __attribute__((noinline)) const char *copy_part(char *dst, unsigned int size, const char *s,
                                                       int word)
{
	unsigned int n = 0;

	while (blank(*s))
		s++;
	for (; (*s != '\0') & !(word & blank(*s)); s++) {
		dst[n] = *s; /* cut to size: the last byte is rewritten, then ended */
		n += n + 1 < size;
	}
	dst[n] = '\0';
	return s;
}

void kvm_cmdline_set(const char *raw, int has_argv0)
{
	if (!raw)
		raw = "";
	if (has_argv0) {
		raw = copy_part(image_name, sizeof(image_name), raw, 1);
		image_name_set = image_name[0] != '\0';
	}
	copy_part(cmdline, sizeof(cmdline), raw, 0);
}

const char *ukplat_cmdline(void)
{
	return cmdline;
}

const char *ukplat_image_name(void)
{
	return image_name_set ? image_name : CONFIG_UK_NAME;
}
