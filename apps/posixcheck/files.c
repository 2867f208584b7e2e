/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * File checks through musl and the VFS. The initrd (made by
 * tests/files.test from a rootfs it generates) holds:
 *
 *   /etc/motd         "hello from the initrd\n", mode 0640, mtime 1600000000
 *   /etc/motd.hard    a hard link to it
 *   /data/seq         the bytes 0..255 repeated to 64 KiB
 *   /data/empty/      an empty directory
 *   /data/list/a b c  three small files
 *   /motd.lnk         a symbolic link to etc/motd
 *
 * Each check prints a posixcheck: PASS|FAIL line; a FAIL makes main exit 1.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

#define MOTD       "hello from the initrd\n"
#define MOTD_MTIME 1600000000
#define SEQ_SIZE   65536

static int read_initrd_file(void)
{
	char buf[64] = {0};
	FILE *f = fopen("/etc/motd", "r");
	int ok = f && fgets(buf, sizeof(buf), f) && !strcmp(buf, MOTD);

	if (f)
		fclose(f);
	return check(ok, "files.read_initrd_file", "/etc/motd: %s", f ? buf : strerror(errno));
}

static int initrd_attributes(void)
{
	struct stat st, hard;
	int rc = stat("/etc/motd", &st) | stat("/etc/motd.hard", &hard);

	return check(rc == 0 && (st.st_mode & 07777) == 0640 && st.st_mtime == MOTD_MTIME &&
	                 st.st_size == (off_t)strlen(MOTD) && st.st_ino == hard.st_ino &&
	                 st.st_nlink == 2,
	             "files.initrd_mode_mtime_links", "rc %d mode %o mtime %lld nlink %lu", rc,
	             (unsigned int)st.st_mode, (long long)st.st_mtime, (unsigned long)st.st_nlink);
}

static int big_file(void)
{
	static unsigned char buf[SEQ_SIZE + 16];
	int fd = open("/data/seq", O_RDONLY);
	ssize_t n, total = 0;
	int bad = 0;

	while (fd >= 0 && (n = read(fd, buf + total, 4000)) > 0)
		total += n;
	for (ssize_t i = 0; i < total; i++)
		bad += buf[i] != (unsigned char)i;
	if (fd >= 0)
		close(fd);
	return check(fd >= 0 && total == SEQ_SIZE && !bad, "files.read_64k_file",
	             "fd %d, %zd bytes, %d wrong", fd, total, bad);
}

static int list_dir(void)
{
	DIR *d = opendir("/data/list");
	struct dirent *e;
	int seen = 0, others = 0;

	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, "a") || !strcmp(e->d_name, "b") || !strcmp(e->d_name, "c"))
			seen += e->d_type == DT_REG;
		else if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			others++;
	}
	if (d)
		closedir(d);
	return check(d && seen == 3 && !others, "files.list_directory", "%s: %d of 3, %d others",
	             d ? "listed" : strerror(errno), seen, others);
}

static int symlink_in_initrd(void)
{
	char buf[64] = {0};
	ssize_t n = readlink("/motd.lnk", buf, sizeof(buf) - 1);
	struct stat st;

	return check(n == 8 && !strcmp(buf, "etc/motd") && stat("/motd.lnk", &st) == 0 &&
	                 S_ISREG(st.st_mode) && lstat("/motd.lnk", &st) == 0 && S_ISLNK(st.st_mode),
	             "files.initrd_symlink", "readlink gave %zd \"%s\"", n, buf);
}

static int write_new_files(void)
{
	char buf[64] = {0};
	FILE *f;
	int ok = mkdir("/tmp", 0755) == 0 || errno == EEXIST;

	f = ok ? fopen("/tmp/out.txt", "w") : NULL;
	ok = f && fprintf(f, "line %d\n", 1) > 0 && fclose(f) == 0;
	f = ok ? fopen("/tmp/out.txt", "a") : NULL;
	ok = f && fputs("line 2\n", f) >= 0 && fclose(f) == 0;
	f = ok ? fopen("/tmp/out.txt", "r") : NULL;
	ok = f && fread(buf, 1, sizeof(buf) - 1, f) == 14 && !strcmp(buf, "line 1\nline 2\n");
	if (f)
		fclose(f);
	return check(ok, "files.write_append_read", "got \"%s\" (%s)", buf, strerror(errno));
}

static int modify_initrd_tree(void)
{
	char buf[64] = {0};
	int fd, ok;

	/* the root is a read-write ramfs: the initrd's files can change */
	fd = open("/etc/motd", O_WRONLY | O_APPEND);
	ok = fd >= 0 && write(fd, "more\n", 5) == 5 && close(fd) == 0;
	ok = ok && rename("/etc/motd.hard", "/data/empty/moved") == 0;
	fd = ok ? open("/data/empty/moved", O_RDONLY) : -1;
	ok = fd >= 0 && pread(fd, buf, sizeof(buf) - 1, 0) == (ssize_t)strlen(MOTD) + 5;
	if (fd >= 0)
		close(fd);
	ok = ok && unlink("/data/empty/moved") == 0 && rmdir("/data/empty") == 0;
	ok = ok && access("/data/empty", F_OK) == -1 && errno == ENOENT;
	ok = ok && rmdir("/data/list") == -1 && errno == ENOTEMPTY;
	return check(ok, "files.modify_initrd_tree", "\"%s\", errno %d", buf, errno);
}

static int descriptors(void)
{
	char buf[16] = {0};
	int fd = open("/etc/motd", O_RDONLY | O_CLOEXEC);
	int d = dup(fd), d2 = fcntl(fd, F_DUPFD, 50);
	int ok = fd >= 0 && d >= 0 && d2 >= 50 && (fcntl(fd, F_GETFD) & FD_CLOEXEC);

	ok = ok && lseek(fd, 6, SEEK_SET) == 6 && read(d, buf, 4) == 4 && !strcmp(buf, "from");
	ok = ok && dup2(d2, 40) == 40 && lseek(40, 0, SEEK_CUR) == 10;
	close(fd);
	close(d);
	close(d2);
	close(40);
	return check(ok, "files.dup_fcntl_lseek", "fds %d %d %d, \"%s\"", fd, d, d2, buf);
}

static int pipes_and_eventfd(void)
{
	int p[2] = {-1, -1}, efd, avail = 0;
	char buf[8] = {0};
	uint64_t v = 0;
	int ok = pipe2(p, O_NONBLOCK) == 0 && write(p[1], "pipe", 4) == 4;

	ok = ok && ioctl(p[0], FIONREAD, &avail) == 0 && avail == 4;
	ok = ok && read(p[0], buf, sizeof(buf)) == 4 && !strcmp(buf, "pipe");
	ok = ok && read(p[0], buf, 1) == -1 && errno == EAGAIN;
	close(p[1]);
	ok = ok && read(p[0], buf, 1) == 0;
	close(p[0]);
	efd = eventfd(3, EFD_NONBLOCK);
	ok = ok && efd >= 0 && eventfd_write(efd, 4) == 0 && eventfd_read(efd, &v) == 0 && v == 7;
	close(efd);
	return check(ok, "files.pipe_eventfd", "avail %d, eventfd %llu, errno %d", avail,
	             (unsigned long long)v, errno);
}

static int devices_and_stdio(void)
{
	unsigned char rnd[16] = {0};
	struct winsize ws = {0};
	struct stat st;
	int fd = open("/dev/urandom", O_RDONLY), nonzero = 0;
	int ok = fd >= 0 && read(fd, rnd, sizeof(rnd)) == sizeof(rnd);

	for (unsigned int i = 0; i < sizeof(rnd); i++)
		nonzero += rnd[i] != 0;
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	ok = ok && nonzero && fd >= 0 && write(fd, "x", 1) == 1;
	close(fd);
	ok = ok && isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0;
	ok = ok && fstat(1, &st) == 0 && S_ISCHR(st.st_mode);
	return check(ok, "files.dev_and_stdio", "urandom nonzero %d, cols %d", nonzero, ws.ws_col);
}

static int cwd_and_sendfile(void)
{
	char cwd[64] = {0}, buf[64] = {0};
	int in, out, ok;
	off_t off = 6;

	ok = chdir("/data/list") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/data/list");
	in = open("../../etc/motd", O_RDONLY);
	out = open("copy", O_WRONLY | O_CREAT | O_EXCL, 0600);
	ok = ok && in >= 0 && out >= 0 && sendfile(out, in, &off, 4) == 4 && off == 10;
	close(in);
	close(out);
	in = open("/data/list/copy", O_RDONLY);
	ok = ok && in >= 0 && read(in, buf, sizeof(buf)) == 4 && !strcmp(buf, "from");
	close(in);
	ok = ok && chdir("/") == 0;
	return check(ok, "files.cwd_sendfile", "cwd \"%s\", copy \"%s\"", cwd, buf);
}

int check_files(void)
{
	return read_initrd_file() + initrd_attributes() + big_file() + list_dir() +
	       symlink_in_initrd() + write_new_files() + modify_initrd_tree() + descriptors() +
	       pipes_and_eventfd() + devices_and_stdio() + cwd_and_sendfile();
}
