/* SPDX-License-Identifier: BSD-3-Clause */
/* Host stand-ins for the kernel services the VFS, ramfs and cpio use */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/plat/console.h>
#include <uk/random.h>
#include "vfs_os.h"

static struct uk_alloc host_alloc;
static uint64_t live; /* allocations not freed yet, for uk_alloc_stats */

int uk_alloc_stats(struct uk_alloc *a, struct uk_alloc_stats *out)
{
	(void)a;
	memset(out, 0, sizeof(*out));
	out->nr_allocs = live;
	return 0;
}

static void *count(void *p)
{
	live += p != NULL;
	return p;
}

static void uncount(void *p)
{
	live -= p != NULL;
}

struct uk_alloc *uk_alloc_get_default(void)
{
	return &host_alloc;
}

void *uk_malloc(struct uk_alloc *a, size_t size)
{
	(void)a;
	return count(malloc(size ? size : 1));
}

void *uk_calloc(struct uk_alloc *a, size_t n, size_t size)
{
	(void)a;
	return count(calloc(n ? n : 1, size ? size : 1));
}

void *uk_realloc(struct uk_alloc *a, void *p, size_t size)
{
	void *r;

	(void)a;
	r = realloc(p, size ? size : 1);
	if (r && !p)
		live++;
	return r;
}

void uk_free(struct uk_alloc *a, void *p)
{
	(void)a;
	uncount(p);
	free(p);
}

void *vfs_zalloc(size_t size)
{
	return uk_calloc(&host_alloc, 1, size);
}

void *vfs_realloc(void *p, size_t size)
{
	return uk_realloc(&host_alloc, p, size);
}

void vfs_free(void *p)
{
	uk_free(&host_alloc, p);
}

int64_t vfs_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int vfs_wait(int periodic)
{
	(void)periodic;
	return -EAGAIN; /* one thread: nobody could ever fill the pipe */
}

/* one thread: nothing can advance the generation while we would sleep */
int vfs_poll_block(const volatile uint64_t *gen, uint64_t seen, uint64_t deadline)
{
	(void)deadline;
	return *gen != seen ? 0 : -ETIMEDOUT;
}

void vfs_poll_wake(void)
{
}

/* the log goes to a buffer the tests inspect, and to stderr when VFS_HOST_LOG is set */
char host_log[1 << 16];
size_t host_log_len;

void _uk_printk(int lvl, const char *libname, const char *srcname, unsigned int line,
                const char *fmt, ...)
{
	va_list ap;
	char msg[1024];
	int n;

	(void)lvl;
	(void)srcname;
	(void)line;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = snprintf(host_log + host_log_len, sizeof(host_log) - host_log_len, "[%s] %s", libname,
	             msg);
	if (n > 0 && host_log_len + (size_t)n < sizeof(host_log))
		host_log_len += (size_t)n;
	if (getenv("VFS_HOST_LOG"))
		fprintf(stderr, "[%s] %s", libname, msg);
}

void _uk_crash(const char *libname, const char *srcname, unsigned int line, const char *fmt, ...)
{
	fprintf(stderr, "CRASH in %s %s:%u %s\n", libname, srcname, line, fmt);
	abort();
}

/* the console: output collected for the tests, input fed by them */
char host_console_out[1 << 16];
size_t host_console_out_len;
const char *host_console_in = "";

int ukplat_coutk(const char *buf, unsigned int len)
{
	size_t room = sizeof(host_console_out) - host_console_out_len;
	size_t n = len < room ? len : room;

	memcpy(host_console_out + host_console_out_len, buf, n);
	host_console_out_len += n;
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	unsigned int n = 0;

	while (n < maxlen && *host_console_in)
		buf[n++] = *host_console_in++;
	return (int)n;
}

/* the CSPRNG is lib/ukrandom's business: the host's kernel one stands in */
void uk_random_fill(void *buf, size_t len)
{
	FILE *f = fopen("/dev/urandom", "rb");

	if (!f || fread(buf, 1, len, f) != len)
		abort();
	fclose(f);
}
