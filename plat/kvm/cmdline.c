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

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Copies the first word of s into image_name; returns what follows it */
static const char *take_argv0(const char *s)
{
	unsigned int n = 0;

	s = skip_spaces(s);
	while (*s && *s != ' ' && *s != '\t') {
		if (n + 1 < sizeof(image_name))
			image_name[n++] = *s;
		s++;
	}
	image_name[n] = '\0';
	image_name_set = n > 0;
	return s;
}

void kvm_cmdline_set(const char *raw, int has_argv0)
{
	unsigned int n = 0;

	if (!raw)
		raw = "";
	if (has_argv0)
		raw = take_argv0(raw);
	raw = skip_spaces(raw);
	while (raw[n] && n + 1 < sizeof(cmdline)) {
		cmdline[n] = raw[n];
		n++;
	}
	cmdline[n] = '\0';
}

const char *ukplat_cmdline(void)
{
	return cmdline;
}

const char *ukplat_image_name(void)
{
	return image_name_set ? image_name : CONFIG_UK_NAME;
}
