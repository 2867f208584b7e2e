/* SPDX-License-Identifier: BSD-3-Clause */
/* Parsing newc headers: every field checked against the buffer before use */
#include <errno.h>
#include <string.h>
#include <uk/cpio.h>

#define FIELD_LEN 8
#define TRAILER   "TRAILER!!!"

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* one 8-digit hex field; -1 on a non-hex digit */
static int64_t hex_field(const char *s)
{
	uint64_t v = 0;

	for (int i = 0; i < FIELD_LEN; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return -1;
		v = v * 16 + d;
	}
	return (int64_t)v;
}

/* the 13 fields after the 6-byte magic, in header order */
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_SIZE,
	F_DMAJ,
	F_DMIN,
	F_RMAJ,
	F_RMIN,
	F_NAMESIZE,
	F_CHECK,
	F_COUNT
};

static int parse_fields(const char *h, uint32_t *f)
{
	for (int i = 0; i < F_COUNT; i++) {
		int64_t v = hex_field(h + 6 + i * FIELD_LEN);

		if (v < 0)
			return -EINVAL;
		f[i] = (uint32_t)v;
	}
	return 0;
}

/* skips the zero padding between concatenated archives; 1 if a member follows */
static int skip_padding(const char *b, size_t len, size_t *pos)
{
	while (*pos < len && b[*pos] == '\0')
		(*pos)++;
	return *pos < len;
}

static int fill_entry(const char *b, size_t len, size_t pos, const uint32_t *f,
                      struct ukcpio_entry *e, size_t *next)
{
	size_t nameoff = pos + UKCPIO_HDR_SIZE, dataoff;
	size_t namesize = f[F_NAMESIZE];

	/* the name must fit, end in its NUL and contain no other */
	if (namesize < 2 || namesize > len - nameoff)
		return namesize < 2 ? -EINVAL : -EFBIG;
	if (b[nameoff + namesize - 1] != '\0' || memchr(b + nameoff, '\0', namesize - 1))
		return -EINVAL;
	dataoff = pad4(nameoff + namesize);
	if (dataoff > len || f[F_SIZE] > len - dataoff)
		return -EFBIG;
	e->off = pos;
	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->devmajor = f[F_DMAJ];
	e->devminor = f[F_DMIN];
	e->size = f[F_SIZE];
	e->name = b + nameoff;
	e->namelen = namesize - 1;
	e->data = b + dataoff;
	*next = dataoff + f[F_SIZE];
	/* the last member's data padding may be cut off at the end of the buffer */
	*next = pad4(*next) <= len ? pad4(*next) : len;
	return 0;
}

int ukcpio_next(const void *buf, size_t len, size_t *pos, struct ukcpio_entry *e)
{
	const char *b = buf;
	uint32_t f[F_COUNT];
	size_t next;
	int rc;

	for (;;) {
		if (!skip_padding(b, len, pos))
			return 0;
		if (len - *pos < UKCPIO_HDR_SIZE)
			return -EFBIG; /* truncated header */
		if (memcmp(b + *pos, "07070", 5) || (b[*pos + 5] != '1' && b[*pos + 5] != '2'))
			return -EINVAL;
		rc = parse_fields(b + *pos, f);
		if (rc == 0)
			rc = fill_entry(b, len, *pos, f, e, &next);
		if (rc)
			return rc;
		*pos = next;
		if (strcmp(e->name, TRAILER))
			return 1;
		/* a trailer ends one archive; another may follow */
	}
}
