/* One HTTP(S)/FTP/file download into the cache, verified before it becomes visible. */
#ifndef UNIKIT_DOWNLOAD_H
#define UNIKIT_DOWNLOAD_H

#include <stddef.h>

struct download_cfg {
	long timeout_s; /* connect timeout, and the low-speed window (< 1 byte/s for this long) */
	int retries;    /* extra attempts after a transient failure (timeouts, 5xx, cut bodies) */
	int tty;        /* draw a progress bar on stderr */
};

/* Downloads `url` to a temp file in `dir`, hashing while streaming; if the SHA-256 equals
 * `want`, fsyncs it and renames it to dir/name. Else removes it and returns -1 with a one-line
 * reason in err. */
int download_verified(const struct download_cfg *cfg, const char *url, const char *dir,
                      const char *name, const char *want, char *err, size_t errlen);

#endif
