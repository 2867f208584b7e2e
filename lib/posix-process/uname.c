/* SPDX-License-Identifier: BSD-3-Clause */
/* uname(2): what the kernel is (the Linux ABI struct: six 65-byte strings) */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <uk/syscall.h>

#define UTS_LEN 65

struct uk_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN], version[UTS_LEN],
	    machine[UTS_LEN], domainname[UTS_LEN];
};

static char nodename[UTS_LEN] = CONFIG_LIBPOSIX_PROCESS_HOSTNAME;

static void put(char *dst, const char *src)
{
	strncpy(dst, src, UTS_LEN - 1);
	dst[UTS_LEN - 1] = '\0';
}

UK_SYSCALL_R_DEFINE(int, uname, struct uk_utsname *, u)
{
	if (!u)
		return -EFAULT;
	memset(u, 0, sizeof(*u));
	put(u->sysname, "Unikit");
	put(u->nodename, nodename);
	/* programs parse release as Linux's (glibc checks >= 2.6.32 etc.) */
	put(u->release, "5.10.0-unikit");
	/* no build date: images stay reproducible */
	put(u->version, "#1 Unikit");
	put(u->machine, "x86_64");
	put(u->domainname, "(none)");
	return 0;
}

UK_SYSCALL_R_DEFINE(int, sethostname, const char *, name, size_t, len)
{
	if (!name)
		return -EFAULT;
	if (len >= UTS_LEN)
		return -EINVAL;
	memcpy(nodename, name, len);
	nodename[len] = '\0';
	return 0;
}
