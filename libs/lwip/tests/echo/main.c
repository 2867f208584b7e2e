/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP echo server on lwIP's socket API (the network was configured at the
 * sys init level from netdev.ip=): argv[1] port (7777), argv[2] number of
 * connections to serve (1); each is echoed until the client closes it, or
 * until a chunk ending in "#close\n" (then the guest closes first and its
 * side of the connection stays in TIME-WAIT).
 */
#include "lwip/opt.h"
#include "lwip/sockets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/sched.h>

#define CLOSE_MARK "#close\n"

static int serve(int c)
{
	static char buf[8192];
	long total = 0;
	int n;

	while ((n = lwip_recv(c, buf, sizeof(buf), 0)) > 0) {
		for (int off = 0; off < n;) {
			int w = lwip_send(c, buf + off, (size_t)(n - off), 0);

			if (w <= 0)
				return -1;
			off += w;
		}
		total += n;
		if ((size_t)n >= strlen(CLOSE_MARK) &&
		    !memcmp(buf + n - strlen(CLOSE_MARK), CLOSE_MARK, strlen(CLOSE_MARK)))
			break;
	}
	printf("echo: connection closed after %ld bytes\n", total);
	return n < 0 ? -1 : 0;
}

int main(int argc, char *argv[])
{
	int port = argc > 1 ? atoi(argv[1]) : 7777;
	int conns = argc > 2 ? atoi(argv[2]) : 1;
	struct sockaddr_in a = {0};
	int l, one = 1;

	l = lwip_socket(AF_INET, SOCK_STREAM, 0);
	a.sin_len = sizeof(a);
	a.sin_family = AF_INET;
	a.sin_port = lwip_htons((u16_t)port);
	a.sin_addr.s_addr = 0; /* INADDR_ANY */
	lwip_setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (l < 0 || lwip_bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || lwip_listen(l, 4) < 0) {
		printf("echo: cannot listen on port %d\n", port);
		return 1;
	}
	printf("echo: listening on port %d\n", port);
	for (int i = 0; i < conns; i++) {
		int c = lwip_accept(l, NULL, NULL);

		if (c < 0 || serve(c) < 0) {
			printf("echo: connection %d failed\n", i);
			return 1;
		}
		lwip_close(c);
	}
	lwip_close(l);
	printf("echo: done\n");
	/* the last frames (echo, FIN) may still sit in the device's queue:
	 * give them time to leave before main's return powers the VM off */
	uk_sched_sleep_ns(100000000);
	return 0;
}
