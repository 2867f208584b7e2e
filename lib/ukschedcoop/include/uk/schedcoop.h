/* SPDX-License-Identifier: BSD-3-Clause */
/* Cooperative scheduler (contracts.md section 6.1) */
#ifndef UK_SCHEDCOOP_H
#define UK_SCHEDCOOP_H

#include <uk/alloc.h>

struct uk_sched;

/* A scheduler with its idle thread; the first one created becomes the
 * default. NULL when a is NULL or out of memory. */
struct uk_sched *uk_sched_create_coop(struct uk_alloc *a);

#endif /* UK_SCHEDCOOP_H */
