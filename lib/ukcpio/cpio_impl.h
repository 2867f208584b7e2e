/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef CPIO_IMPL_H
#define CPIO_IMPL_H

#include <uk/cpio.h>

int ukcpio_name_safe(const char *name);

/* hard links: the first path extracted for each (inode, device) */
struct ukcpio_links;
struct ukcpio_links *ukcpio_links_new(void);
const char *ukcpio_links_find(struct ukcpio_links *l, const struct ukcpio_entry *e);
int ukcpio_links_add(struct ukcpio_links *l, const struct ukcpio_entry *e, const char *path);
void ukcpio_links_free(struct ukcpio_links *l);

#endif
