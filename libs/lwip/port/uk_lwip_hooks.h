/* SPDX-License-Identifier: BSD-3-Clause */
/* Hooks lwIP calls into (LWIP_HOOK_FILENAME, see lwipopts.h) */
#ifndef UK_LWIP_HOOKS_H
#define UK_LWIP_HOOKS_H

/* end of sockets.c's event_callback (patches/0001): socket s (an lwIP
 * descriptor) got event evt (enum netconn_evt) */
void uk_lwip_socket_event(int s, int evt);

#endif /* UK_LWIP_HOOKS_H */
