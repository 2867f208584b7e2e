/* SPDX-License-Identifier: BSD-3-Clause */
/* libs/lwip: what other libraries and tests may ask of the network stack */
#ifndef UK_LWIP_H
#define UK_LWIP_H

/* 1 once lwIP runs (its thread started at the sys init level), else 0 */
int uk_lwip_ready(void);

/* how many socket events lwIP reported (patched event_callback); tests */
unsigned long uk_lwip_socket_events(void);

#endif /* UK_LWIP_H */
