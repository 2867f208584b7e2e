/* SPDX-License-Identifier: BSD-3-Clause */
/* Who and where we are: pid, ids, uname, limits, sysinfo, fork refused */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "check.h"

int check_identity(void)
{
	struct rlimit rl, rl2;
	struct utsname u;
	struct sysinfo si;
	int fails = 0;

	fails += check(getpid() == 1, "identity.getpid", "%d", (int)getpid());
	fails += check(gettid() == 1, "identity.gettid_main", "%d", (int)gettid());
	fails +=
	    check(getuid() == 0 && geteuid() == 0 && getgid() == 0, "identity.root", "not root");
	fails += check(!uname(&u) && !strcmp(u.machine, "x86_64") && u.sysname[0], "identity.uname",
	               "%s %s", u.sysname, u.machine);
	fails +=
	    check(!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max,
	          "identity.getrlimit_nofile", "%llu/%llu", (unsigned long long)rl.rlim_cur,
	          (unsigned long long)rl.rlim_max);
	rl.rlim_cur = 100;
	fails +=
	    check(!setrlimit(RLIMIT_NOFILE, &rl) && !getrlimit(RLIMIT_NOFILE, &rl2) &&
	              rl2.rlim_cur == 100,
	          "identity.setrlimit_roundtrip", "got %llu", (unsigned long long)rl2.rlim_cur);
	rl.rlim_cur = rl.rlim_max + 1;
	fails += check(rl.rlim_max == RLIM_INFINITY || setrlimit(RLIMIT_NOFILE, &rl) == -1,
	               "identity.setrlimit_cur_above_max", "accepted");
	fails += check(!sysinfo(&si) && si.totalram > 0 && si.freeram <= si.totalram,
	               "identity.sysinfo", "total %lu free %lu", si.totalram, si.freeram);
	errno = 0;
	fails += check(fork() == -1 && errno == ENOSYS, "identity.fork_enosys", "errno %d", errno);
	errno = 0;
	fails += check(setuid(1000) == -1 && errno == EPERM, "identity.setuid_other_eperm",
	               "errno %d", errno);
	return fails;
}
