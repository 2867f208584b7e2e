/* SPDX-License-Identifier: BSD-3-Clause */
/* The whole platform API in one include */
#ifndef UK_PLAT_H
#define UK_PLAT_H

#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/memory.h>
#include <uk/plat/time.h>

#endif /* UK_PLAT_H */
