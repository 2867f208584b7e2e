/* Writes a sorted tree as a deterministic newc cpio archive. */
#ifndef UNIKIT_CPIO_WRITE_H
#define UNIKIT_CPIO_WRITE_H

#include <stdint.h>

#include "tree.h"

/* Writes to fd; every entry gets uid/gid 0, mtime `mtime`, dev/rdev 0 and an inode number
 * counted from 1 in list order (hard links share the first one's). 0 or -1 (logged). */
int cpio_write(int fd, const struct tree *t, uint32_t mtime);

#endif
