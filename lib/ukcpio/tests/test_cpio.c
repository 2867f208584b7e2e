/* SPDX-License-Identifier: BSD-3-Clause */
/* The cpio extractor: members of every kind, concatenation, hostile archives */
#include <uk/cpio.h>
#include <uk/test.h>
#include "vt.h"
#include "cpiogen.h"

#define CWD UK_AT_FDCWD

/* entries in directory path besides "." and "..", or a negative errno */
static int count_entries(const char *path)
{
	char buf[1024];
	int fd = uk_vfs_openat(CWD, path, UK_O_RDONLY | UK_O_DIRECTORY, 0), n = 0;
	ssize_t got;

	if (fd < 0)
		return fd;
	while ((got = uk_vfs_getdents64(fd, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0; off < got;) {
			struct uk_dirent64 *d = (struct uk_dirent64 *)(buf + off);

			n += strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
			off += d->d_reclen;
		}
	uk_vfs_close(fd);
	return got < 0 ? (int)got : n;
}

static void sample(struct cpiogen *g)
{
	struct cpiogen_member first = {
	    "./etc/hosts", UK_S_IFREG | 0644, 77, 2, 1000000, "", 0, 0, 0};
	struct cpiogen_member last = {"./etc/hosts.link",
	                              UK_S_IFREG | 0644,
	                              77,
	                              2,
	                              1000000,
	                              "127.0.0.1 localhost\n",
	                              20,
	                              0,
	                              0};
	struct cpiogen_member lnk = {
	    "./bin/sh", UK_S_IFLNK | 0777, 5, 1, 1000000, "../etc/hosts", 12, 0, 0};

	cpiogen_dir(g, ".", 0755);
	cpiogen_dir(g, "./etc", 0750);
	cpiogen_file(g, "./etc/passwd", 0600, "root:x:0:0::/:/bin/sh\n");
	/* GNU cpio style hard links: the data comes with the last name */
	cpiogen_member(g, &first);
	cpiogen_member(g, &last);
	cpiogen_dir(g, "./bin", 0755);
	cpiogen_member(g, &lnk);
	cpiogen_file(g, "empty", 0444, "");
	cpiogen_trailer(g);
}

UK_TESTCASE(ukcpio, extracts_dirs_files_links_with_attrs)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	struct uk_stat st, st2;
	char buf[64];

	sample(&g);
	UK_TEST_ASSERT(!g.failed);
	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "root", 0700) == 0);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract(g.buf, g.len, "/vt/root"), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("root/etc/passwd", buf, sizeof(buf)), 22);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root/etc/passwd", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFREG | 0600);
	UK_TEST_EXPECT_SNUM_EQ(st.st_mtim.tv_sec, 1000000);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root/etc", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFDIR | 0750);
	UK_TEST_EXPECT_SNUM_EQ(st.st_mtim.tv_sec, 1000000); /* set after its contents */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFDIR | 0755); /* "." took the archive's mode */
	UK_TEST_EXPECT_SNUM_EQ(vt_get("root/etc/hosts", buf, sizeof(buf)), 20);
	UK_TEST_EXPECT_STR_EQ(buf, "127.0.0.1 localhost\n");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root/etc/hosts", &st, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root/etc/hosts.link", &st2, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_ino, st2.st_ino);
	UK_TEST_EXPECT_UNUM_EQ(st.st_nlink, 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readlinkat(CWD, "root/bin/sh", buf, sizeof(buf)), 12);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("root/bin/sh", buf, sizeof(buf)), 20);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "root/empty", &st, 0), 0);
	UK_TEST_EXPECT(st.st_size == 0 && st.st_mode == (UK_S_IFREG | 0444));
	/* extracting again over the result replaces, it does not fail */
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract(g.buf, g.len, "/vt/root"), 0);
	UK_TEST_EXPECT_SNUM_EQ(count_entries("root"), 3);
	cpiogen_free(&g);
	VT_END();
}

UK_TESTCASE(ukcpio, concatenated_archives_all_extracted)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	char buf[16];

	cpiogen_file(&g, "one", 0644, "1");
	cpiogen_trailer(&g);
	cpiogen_dir(&g, "d", 0755);
	cpiogen_file(&g, "d/two", 0644, "22");
	cpiogen_trailer(&g);
	cpiogen_file(&g, "three", 0644, "333");
	cpiogen_trailer(&g);
	UK_TEST_ASSERT(!g.failed && uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract(g.buf, g.len, "/vt/r"), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("r/one", buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("r/d/two", buf, sizeof(buf)), 2);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("r/three", buf, sizeof(buf)), 3);
	cpiogen_free(&g);
	VT_END();
}

/* extraction must fail with rc, the check must name offset off, and r stays empty */
static int rejects(const struct cpiogen *g, int rc, size_t off)
{
	size_t bad = (size_t)-1;
	int v = ukcpio_validate(g->buf, g->len, &bad);
	int e = ukcpio_extract(g->buf, g->len, "/vt/r");

	return v == rc && e == rc && bad == off && count_entries("r") == 0;
}

UK_TESTCASE(ukcpio, truncated_anywhere_is_rejected_whole)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	size_t full, bad;
	int wrong = 0;

	cpiogen_dir(&g, "d", 0755);
	cpiogen_file(&g, "d/f", 0644, "0123456789abcdefghij");
	full = g.len;
	cpiogen_file(&g, "g", 0644, "xyz");
	UK_TEST_ASSERT(!g.failed && uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	/* every cut inside the last member (no trailer needed at the very end) */
	for (size_t cut = full + 1; cut < g.len - 1; cut++) {
		struct cpiogen t = g;

		t.len = cut;
		if (!rejects(&t, -EFBIG, full) && !rejects(&t, -EINVAL, full))
			wrong++;
	}
	UK_TEST_EXPECT_SNUM_EQ(wrong, 0);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_validate(g.buf, full + 50, &bad), -EFBIG);
	UK_TEST_EXPECT_UNUM_EQ(bad, full);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_validate(g.buf, g.len, &bad), 0);
	cpiogen_free(&g);
	VT_END();
}

UK_TESTCASE(ukcpio, bad_magic_and_bad_hex)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	size_t second;

	cpiogen_file(&g, "a", 0644, "aa");
	second = g.len;
	cpiogen_file(&g, "b", 0644, "bb");
	cpiogen_trailer(&g);
	UK_TEST_ASSERT(!g.failed && uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	g.buf[second + 5] = '7'; /* 070707: the old binary-ish "odc" magic */
	UK_TEST_EXPECT(rejects(&g, -EINVAL, second));
	g.buf[second + 5] = '1';
	g.buf[second + 6 + 8 * 6 + 3] = 'g'; /* a size digit that is not hex */
	UK_TEST_EXPECT(rejects(&g, -EINVAL, second));
	g.buf[0] = 'X';
	UK_TEST_EXPECT(rejects(&g, -EINVAL, 0));
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract("", 0, "/vt/r"), -EINVAL);
	cpiogen_free(&g);
	VT_END();
}

UK_TESTCASE(ukcpio, dotdot_names_are_rejected)
{
	VT_BEGIN();
	static const char *const evil[] = {"../evil", "a/../../evil", "..", "./..", "a/..", "././"};

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	for (size_t i = 0; i < sizeof(evil) / sizeof(evil[0]); i++) {
		struct cpiogen g = {0};
		size_t second;

		cpiogen_file(&g, "fine", 0644, "x");
		second = g.len;
		cpiogen_file(&g, evil[i], 0644, "pwned");
		cpiogen_trailer(&g);
		UK_TEST_EXPECT(rejects(&g, -EINVAL, second));
		cpiogen_free(&g);
	}
	UK_TEST_EXPECT_SNUM_EQ(count_entries("/vt"), 1); /* only r: nothing escaped */
	VT_END();
}

UK_TESTCASE(ukcpio, huge_sizes_and_bad_names)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	struct cpiogen_member huge = {"big", UK_S_IFREG | 0644, 0, 1, 0, "abcd", 4, 0, 0xffffffff};
	struct cpiogen_member noname = {"n", UK_S_IFREG | 0644, 0, 1, 0, "", 0, 1, 0};
	struct cpiogen_member longname = {"n", UK_S_IFREG | 0644, 0, 1, 0, "", 0, 0x7fffffff, 0};
	struct cpiogen_member shortname = {"name", UK_S_IFREG | 0644, 0, 1, 0, "", 0, 3, 0};

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	cpiogen_member(&g, &huge);
	cpiogen_trailer(&g);
	UK_TEST_EXPECT(rejects(&g, -EFBIG, 0));
	cpiogen_free(&g);
	cpiogen_member(&g, &noname);
	UK_TEST_EXPECT(rejects(&g, -EINVAL, 0));
	cpiogen_free(&g);
	cpiogen_member(&g, &longname);
	UK_TEST_EXPECT(rejects(&g, -EFBIG, 0));
	cpiogen_free(&g);
	cpiogen_member(&g, &shortname); /* the NUL is not where namesize says */
	cpiogen_trailer(&g);
	UK_TEST_EXPECT(rejects(&g, -EINVAL, 0));
	cpiogen_free(&g);
	VT_END();
}

UK_TESTCASE(ukcpio, ten_thousand_entries)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	char name[24], buf[16];

	cpiogen_dir(&g, "many", 0755);
	for (unsigned int i = 0; i < 10000; i++) {
		vt_numname(name, "many/f", i);
		cpiogen_file(&g, name, 0644, name + 5);
	}
	cpiogen_trailer(&g);
	UK_TEST_ASSERT(!g.failed && uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract(g.buf, g.len, "/vt/r"), 0);
	UK_TEST_EXPECT_SNUM_EQ(count_entries("r/many"), 10000);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("r/many/f9999", buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "f9999");
	cpiogen_free(&g);
	VT_END();
}

UK_TESTCASE(ukcpio, devices_skipped_fifos_made)
{
	VT_BEGIN();
	struct cpiogen g = {0};
	struct cpiogen_member chr = {"tty", UK_S_IFCHR | 0600, 0, 1, 0, "", 0, 0, 0};
	struct cpiogen_member fifo = {"fifo", UK_S_IFIFO | 0600, 0, 1, 0, "", 0, 0, 0};
	struct uk_stat st;

	cpiogen_member(&g, &chr);
	cpiogen_member(&g, &fifo);
	cpiogen_trailer(&g);
	UK_TEST_ASSERT(!g.failed && uk_vfs_mkdirat(CWD, "r", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(ukcpio_extract(g.buf, g.len, "/vt/r"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "r/tty", &st, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "r/fifo", &st, 0), 0);
	UK_TEST_EXPECT(UK_S_ISFIFO(st.st_mode));
	cpiogen_free(&g);
	VT_END();
}
