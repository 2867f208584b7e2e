/* SPDX-License-Identifier: BSD-3-Clause */
/* Kernel consoles: COM1 and VGA text mode (contracts.md section 4) */
#ifndef UK_PLAT_CONSOLE_H
#define UK_PLAT_CONSOLE_H

/* Writes to every configured console; usable from the first instruction of
 * C code on. Returns len, or -EINVAL for a NULL buffer. */
int ukplat_coutk(const char *buf, unsigned int len);
/* Non-blocking serial read: number of bytes read (0 when none is waiting) */
int ukplat_cink(char *buf, unsigned int maxlen);

#endif /* UK_PLAT_CONSOLE_H */
