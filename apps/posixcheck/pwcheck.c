/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * getpwnam/getgrnam read /etc/passwd and /etc/group (musl parses them);
 * with lib/vfscore only. The files are written here if the root file
 * system has none, and removed again.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int put(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	ssize_t n;

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 1 : -1;
}

int check_passwd(void)
{
	int made_pw, made_gr, fails = 0;
	struct passwd *pw;
	struct group *gr;

	mkdir("/etc", 0755);
	made_pw = put("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"
	                             "posixcheck:x:1234:4321:check:/home/pc:/bin/false\n");
	made_gr = put("/etc/group", "root:x:0:\nposixcheck:x:4321:posixcheck\n");
	if (made_pw < 0 || made_gr < 0)
		return check(0, "passwd.setup", "cannot write /etc/passwd or /etc/group: %s",
		             strerror(errno));
	pw = getpwnam("root");
	fails += check(pw && pw->pw_uid == 0 && !strcmp(pw->pw_dir, "/root"),
	               "passwd.getpwnam_root", "%s", pw ? pw->pw_dir : "not found");
	if (made_pw) {
		pw = getpwuid(1234);
		fails += check(pw && !strcmp(pw->pw_name, "posixcheck") && pw->pw_gid == 4321,
		               "passwd.getpwuid", "%s", pw ? pw->pw_name : "not found");
	}
	gr = getgrnam("root");
	fails +=
	    check(gr && gr->gr_gid == 0, "passwd.getgrnam_root", "%s", gr ? "gid" : "not found");
	fails += check(!getpwnam("nobody-here-at-all"), "passwd.unknown_user", "found");
	if (made_pw)
		unlink("/etc/passwd");
	if (made_gr)
		unlink("/etc/group");
	return fails;
}
