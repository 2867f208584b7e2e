#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "download.h"
#include "log.h"
#include "path.h"
#include "sha256.h"
#include "must.h"

struct sink {
	int fd;
	struct sha256 sha;
	curl_off_t bytes;
	int write_errno;
	const char *name;
	int tty;
	time_t last_draw;
};

static size_t on_data(char *p, size_t size, size_t n, void *arg)
{
	struct sink *s = arg;
	size_t len = size * n, done = 0;

	while (done < len) {
		ssize_t w = write(s->fd, p + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			s->write_errno = errno;
			return 0; /* makes curl stop with CURLE_WRITE_ERROR */
		}
		done += (size_t)w;
	}
	sha256_update(&s->sha, p, len);
	s->bytes += (curl_off_t)len;
	return len;
}

static void draw_bar(const struct sink *s, curl_off_t now, curl_off_t total)
{
	int pct = total > 0 ? (int)(now * 100 / total) : 0, i;

	fprintf(stderr, "\r  FETCH   %-32.32s [", s->name);
	for (i = 0; i < 30; i++)
		fputc(total > 0 && i < pct * 30 / 100 ? '#' : ' ', stderr);
	fprintf(stderr, "] %3d%% %8.1f KiB", pct, (double)now / 1024);
}

static int on_progress(void *arg, curl_off_t total, curl_off_t now, curl_off_t ut, curl_off_t un)
{
	struct sink *s = arg;
	time_t t = time(NULL);

	(void)ut;
	(void)un;
	if (s->tty && (t != s->last_draw || (total && now == total))) {
		s->last_draw = t;
		draw_bar(s, now, total);
	}
	return 0;
}

static CURL *make_handle(const struct download_cfg *cfg, const char *url, struct sink *s,
                         char *curl_err)
{
	CURL *c = curl_easy_init();

	if (!c)
		return NULL;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,ftp,file");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https,ftp");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg->timeout_s);
	/* No total timeout (archives can be big); a stalled transfer is cut after timeout_s. */
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, cfg->timeout_s);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "unikit-fetch/1");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, cfg->tty ? 0L : 1L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
	return c;
}

static int transient(CURLcode rc, long http)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
		return 1;
	case CURLE_HTTP_RETURNED_ERROR:
		return http >= 500 || http == 408 || http == 429;
	default:
		return 0;
	}
}

static void describe(const struct download_cfg *cfg, CURLcode rc, long http, const char *curl_err,
                     const struct sink *s, char *err, size_t errlen)
{
	if (rc == CURLE_OPERATION_TIMEDOUT)
		snprintf(
		    err, errlen,
		    "timed out: no progress for %ld s (UNIKIT_FETCH_TIMEOUT), %lld bytes received",
		    cfg->timeout_s, (long long)s->bytes);
	else if (rc == CURLE_HTTP_RETURNED_ERROR)
		snprintf(err, errlen, "HTTP %ld", http);
	else if (rc == CURLE_WRITE_ERROR && s->write_errno)
		snprintf(err, errlen, "cannot write to the cache: %s", strerror(s->write_errno));
	else if (rc == CURLE_PARTIAL_FILE)
		snprintf(err, errlen, "body cut short after %lld bytes (%s)", (long long)s->bytes,
		         *curl_err ? curl_err : curl_easy_strerror(rc));
	else
		snprintf(err, errlen, "%s", *curl_err ? curl_err : curl_easy_strerror(rc));
}

/* One transfer, restarted from byte 0 up to cfg->retries times. 0 or -1 with err set. */
static int transfer(const struct download_cfg *cfg, const char *url, struct sink *s, char *err,
                    size_t errlen)
{
	char curl_err[CURL_ERROR_SIZE];
	CURLcode rc = CURLE_OK;
	long http = 0;
	int attempt;

	for (attempt = 0; attempt <= cfg->retries; attempt++) {
		CURL *c = make_handle(cfg, url, s, curl_err);

		if (!c) {
			snprintf(err, errlen, "cannot start libcurl");
			return -1;
		}
		if (attempt)
			sleep(attempt < 3 ? attempt : 3); /* short backoff: builds wait on us */
		if (ftruncate(s->fd, 0) || lseek(s->fd, 0, SEEK_SET)) {
			snprintf(err, errlen, "cannot reset the temp file: %s", strerror(errno));
			curl_easy_cleanup(c);
			return -1;
		}
		sha256_init(&s->sha);
		s->bytes = 0;
		curl_err[0] = '\0';
		rc = curl_easy_perform(c);
		http = 0;
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http);
		curl_easy_cleanup(c);
		if (cfg->tty)
			fputc('\n', stderr);
		if (rc == CURLE_OK)
			return 0;
		describe(cfg, rc, http, curl_err, s, err, errlen);
		if (!transient(rc, http))
			break;
		if (attempt < cfg->retries)
			log_warn("%s: %s; retrying", url, err);
	}
	return -1;
}

static int publish(int fd, const char *tmp, const char *dir, const char *name, char *err,
                   size_t errlen)
{
	char *final = path_join(dir, name);
	int r = 0;

	if (fchmod(fd, 0644) || fsync(fd) || rename(tmp, final))
		r = -errno;
	if (!r)
		r = fsync_dir(dir);
	if (r)
		snprintf(err, errlen, "cannot store %s: %s", final, strerror(-r));
	free(final);
	return r ? -1 : 0;
}

int download_verified(const struct download_cfg *cfg, const char *url, const char *dir,
                      const char *name, const char *want, char *err, size_t errlen)
{
	char *tmp = must_asprintf("%s/.%s.partXXXXXX", dir, name), got[SHA256_HEX_LEN + 1];
	struct sink s = {.name = name, .tty = cfg->tty};
	int r;

	s.fd = mkstemp(tmp);
	if (s.fd < 0) {
		snprintf(err, errlen, "cannot create a temp file in %s: %s", dir, strerror(errno));
		free(tmp);
		return -1;
	}
	log_step("FETCH", "%s from %s", name, url);
	r = transfer(cfg, url, &s, err, errlen);
	if (!r) {
		sha256_final_hex(&s.sha, got);
		if (strcmp(got, want)) {
			snprintf(err, errlen, "wrong SHA-256 %s (want %s); download rejected", got,
			         want);
			r = -1;
		}
	}
	if (!r)
		r = publish(s.fd, tmp, dir, name, err, errlen);
	close(s.fd);
	if (r)
		unlink(tmp);
	free(tmp);
	return r;
}
