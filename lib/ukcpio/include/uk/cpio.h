/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cpio "newc" archives (magic 070701, or 070702 with a checksum field that
 * is not verified): parsing, and extraction into the VFS.
 *
 * ukcpio_extract() first validates the whole buffer (every header, name and
 * size, every member of concatenated archives) and only then creates
 * anything, so a malformed or truncated archive leaves the destination
 * untouched and the error names the byte offset of the bad header.
 */
#ifndef UK_CPIO_H
#define UK_CPIO_H

#include <stddef.h>
#include <stdint.h>

#define UKCPIO_HDR_SIZE 110

struct ukcpio_entry {
	size_t off; /* of the header in the buffer */
	uint32_t ino, mode, uid, gid, nlink, mtime;
	uint32_t devmajor, devminor;
	uint64_t size;    /* of the data */
	const char *name; /* NUL-terminated, inside the buffer */
	size_t namelen;   /* without the NUL */
	const void *data;
};

/*
 * Reads the member at *pos. Returns 1 (entry filled, *pos advanced past it),
 * 0 (no member left: the end of the buffer, possibly after trailers and
 * zero padding) or a negative errno with *pos at the offending header:
 * -EINVAL (bad magic, a field that is not hex, a bad name) or -EFBIG (a
 * header, name or data running past the end: truncated or a huge size).
 * Trailers (TRAILER!!!) and the zero padding after them are skipped, so
 * concatenated archives read as one sequence of members.
 */
int ukcpio_next(const void *buf, size_t len, size_t *pos, struct ukcpio_entry *e);

/*
 * 0 if buf is a newc archive whose every member is well formed and safely
 * named (no ".." component, not empty once "./" and "/" are stripped);
 * else a negative errno with *bad_off at the offending header. An empty
 * buffer or one that does not start with a header is -EINVAL at 0.
 */
int ukcpio_validate(const void *buf, size_t len, size_t *bad_off);

/*
 * Extracts every member into the directory dest (which must exist):
 * directories, regular files (mode, mtime), symbolic links, hard links
 * (members sharing an inode number). Device nodes and sockets are skipped
 * with a warning. Returns 0 or a negative errno; errors are logged with the
 * offset of the member concerned.
 */
int ukcpio_extract(const void *buf, size_t len, const char *dest);

#endif /* UK_CPIO_H */
