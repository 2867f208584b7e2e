/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "sockcheck serve <port> <connections>": an event-driven echo server the
 * way Nginx is one: non-blocking sockets, one epoll instance, the listener
 * level-triggered, connections edge-triggered (EPOLLIN | EPOLLOUT |
 * EPOLLRDHUP | EPOLLET), reads until EAGAIN, writes what the socket takes
 * and keeps the rest for the next EPOLLOUT. Serves <connections> clients
 * (concurrently), then exits 0.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "sockcheck.h"

#define BUF 16384

struct conn {
	int fd;
	size_t head, len; /* pending bytes in buf */
	int eof;
	long echoed;
	char buf[BUF];
};

/* 1 while the connection lives, 0 once done (closed), -1 on error */
static int pump(struct conn *c)
{
	for (;;) {
		while (c->len) {
			ssize_t w = send(c->fd, c->buf + c->head, c->len, MSG_NOSIGNAL);

			if (w < 0)
				return errno == EAGAIN ? 1 : -1; /* wait for EPOLLOUT */
			c->head += (size_t)w;
			c->len -= (size_t)w;
			c->echoed += w;
		}
		c->head = 0;
		if (c->eof)
			return 0;
		ssize_t r = recv(c->fd, c->buf, BUF, 0);

		if (r < 0)
			return errno == EAGAIN ? 1 : -1; /* wait for EPOLLIN */
		if (r == 0)
			c->eof = 1;
		c->len = (size_t)r;
	}
}

static int accept_all(int l, int ep, int *accepted)
{
	for (;;) {
		struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET};
		struct conn *c;
		int fd = accept4(l, NULL, NULL, SOCK_NONBLOCK);

		if (fd < 0)
			return errno == EAGAIN ? 0 : -1;
		c = calloc(1, sizeof(*c));
		if (!c)
			return -1;
		c->fd = fd;
		ev.data.ptr = c;
		if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
			return -1;
		(*accepted)++;
	}
}

int serve(int port, int conns)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL}, evs[16];
	int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1, ep = epoll_create1(0);
	int accepted = 0, done = 0;

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (l < 0 || ep < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 16) < 0 ||
	    epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev) < 0) {
		printf("serve: cannot listen on %d: errno %d\n", port, errno);
		return 1;
	}
	printf("serve: listening on port %d\n", port);
	fflush(stdout);
	while (done < conns) {
		int n = epoll_wait(ep, evs, 16, 60000);

		if (n <= 0) {
			printf("serve: epoll_wait %d errno %d\n", n, errno);
			return 1;
		}
		for (int i = 0; i < n; i++) {
			struct conn *c = evs[i].data.ptr;
			int rc;

			if (!c) {
				if (accept_all(l, ep, &accepted) < 0)
					return 1;
				continue;
			}
			rc = pump(c);
			if (rc == 1)
				continue;
			printf("serve: connection %s after %ld bytes\n", rc ? "failed" : "closed",
			       c->echoed);
			close(c->fd); /* epoll forgets it with the file */
			free(c);
			if (rc)
				return 1;
			done++;
		}
	}
	printf("serve: done, %d connections\n", accepted);
	close(ep);
	close(l);
	/* a closed socket's last bytes may still wait in the stack's send
	 * queue: give it time to send them before the VM powers off */
	usleep(500000);
	return 0;
}
