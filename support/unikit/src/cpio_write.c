#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpio_write.h"
#include "log.h"
#include "must.h"

/* What the archive says about an entry, computed before writing anything. */
struct meta {
	uint32_t ino;
	uint32_t nlink;
	size_t group;      /* index of the first entry of its hard-link group (itself if none) */
	bool carries_data; /* newc stores a hard-linked file's body with the group's last entry */
};

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static size_t find_group(const struct tree *t, const struct meta *m, size_t i)
{
	size_t j;

	if (!S_ISREG(t->v[i].st.st_mode) || t->v[i].st.st_nlink < 2)
		return i;
	/* Quadratic, but only over earlier multiply-linked files: initrds are small. */
	for (j = 0; j < i; j++)
		if (m[j].group == j && S_ISREG(t->v[j].st.st_mode) &&
		    same_file(&t->v[j].st, &t->v[i].st))
			return j;
	return i;
}

static size_t parent_of(const struct tree *t, size_t i)
{
	const char *rel = t->v[i].rel, *slash = strrchr(rel, '/');
	size_t len = (size_t)(slash - rel), j;

	for (j = i; j-- > 0;)
		if (strlen(t->v[j].rel) == len && !strncmp(t->v[j].rel, rel, len))
			return j;
	return 0;
}

static struct meta *plan(const struct tree *t)
{
	struct meta *m = must_calloc(t->n, sizeof(*m));
	size_t *last = must_calloc(t->n, sizeof(*last)), i;
	uint32_t next_ino = 1;

	for (i = 0; i < t->n; i++) {
		size_t g = find_group(t, m, i);

		m[i].group = g;
		m[i].ino = g == i ? next_ino++ : m[g].ino;
		if (g == i)
			m[i].nlink = S_ISDIR(t->v[i].st.st_mode) ? 2 : 1;
		else
			m[g].nlink++;
		last[g] = i;
		if (i && S_ISDIR(t->v[i].st.st_mode))
			m[parent_of(t, i)].nlink++; /* a subfolder's ".." links its parent */
	}
	for (i = 0; i < t->n; i++) {
		m[i].nlink = m[m[i].group].nlink;
		m[i].carries_data = last[m[i].group] == i;
	}
	free(last);
	return m;
}

static int arch_err(struct archive *a, const char *what)
{
	log_err("%s: %s", what, archive_error_string(a));
	return -1;
}

/* Copies exactly st_size bytes: a file that changes size while we read it is an error. */
static int write_body(struct archive *a, const struct tree_entry *e)
{
	char buf[65536];
	off_t done = 0;
	ssize_t n;
	int fd = open(e->src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), err = 0;

	if (fd < 0) {
		log_err("%s: cannot read: %s", e->src, strerror(errno));
		return -1;
	}
	while (!err && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			log_err("%s: cannot read: %s", e->src, strerror(errno));
			err = -1;
			break;
		}
		if (done + n > e->st.st_size) {
			log_err("%s: changed size while archiving", e->src);
			err = -1;
		} else if (archive_write_data(a, buf, (size_t)n) != n) {
			err = arch_err(a, e->src);
		}
		done += n;
	}
	if (!err && done != e->st.st_size) {
		log_err("%s: changed size while archiving", e->src);
		err = -1;
	}
	close(fd);
	return err;
}

static char *read_link(const struct tree_entry *e)
{
	size_t cap = (size_t)e->st.st_size + 1;
	char *buf = must_malloc(cap);
	ssize_t n = readlink(e->src, buf, cap);

	if (n < 0 || (size_t)n >= cap) {
		log_err("%s: cannot read symlink: %s", e->src,
		        n < 0 ? strerror(errno) : "changed while archiving");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static int fill_entry(struct archive_entry *ae, const struct tree_entry *e, const struct meta *m,
                      uint32_t mtime)
{
	archive_entry_set_pathname(ae, e->rel);
	archive_entry_set_mode(ae, e->st.st_mode & (S_IFMT | 07777));
	archive_entry_set_uid(ae, 0);
	archive_entry_set_gid(ae, 0);
	archive_entry_set_mtime(ae, mtime, 0);
	archive_entry_set_dev(ae, 0);
	archive_entry_set_rdev(ae, 0);
	archive_entry_set_ino(ae, m->ino);
	archive_entry_set_nlink(ae, m->nlink);
	archive_entry_set_size(ae, 0);
	if (S_ISREG(e->st.st_mode) && m->carries_data) {
		if ((uint64_t)e->st.st_size > UINT32_MAX) {
			log_err("%s: larger than 4 GiB, which newc cpio cannot hold", e->src);
			return -1;
		}
		archive_entry_set_size(ae, e->st.st_size);
	}
	if (S_ISLNK(e->st.st_mode)) {
		char *target = read_link(e);

		if (!target)
			return -1;
		archive_entry_set_symlink(ae, target);
		free(target);
	}
	return 0;
}

static int write_entry(struct archive *a, const struct tree_entry *e, const struct meta *m,
                       uint32_t mtime)
{
	struct archive_entry *ae = archive_entry_new();
	int err;

	if (!ae) {
		log_err("out of memory");
		return -1;
	}
	err = fill_entry(ae, e, m, mtime);
	if (!err && archive_write_header(a, ae) != ARCHIVE_OK)
		err = arch_err(a, e->src);
	if (!err && S_ISREG(e->st.st_mode) && m->carries_data)
		err = write_body(a, e);
	archive_entry_free(ae);
	return err;
}

int cpio_write(int fd, const struct tree *t, uint32_t mtime)
{
	struct archive *a = archive_write_new();
	struct meta *m;
	size_t i;
	int err = 0;

	if (!a) {
		log_err("out of memory");
		return -1;
	}
	/* Padded to 512 bytes, as GNU cpio does, instead of libarchive's default 10 KiB blocks. */
	if (archive_write_set_format_cpio_newc(a) != ARCHIVE_OK ||
	    archive_write_add_filter_none(a) != ARCHIVE_OK ||
	    archive_write_set_bytes_per_block(a, 512) != ARCHIVE_OK ||
	    archive_write_set_bytes_in_last_block(a, 512) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK) {
		err = arch_err(a, "cannot start the archive");
		archive_write_free(a);
		return err;
	}
	m = plan(t);
	for (i = 0; !err && i < t->n; i++)
		err = write_entry(a, &t->v[i], &m[i], mtime);
	if (archive_write_close(a) != ARCHIVE_OK && !err)
		err = arch_err(a, "cannot finish the archive");
	archive_write_free(a);
	free(m);
	return err;
}
