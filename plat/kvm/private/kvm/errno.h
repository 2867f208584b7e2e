/* SPDX-License-Identifier: BSD-3-Clause */
/* The few errno values the platform returns (Linux numbering), without
 * depending on a C library being configured. */
#ifndef KVM_ERRNO_H
#define KVM_ERRNO_H

#ifndef ENOENT
#define ENOENT 2
#endif
#ifndef ENOMEM
#define ENOMEM 12
#endif
#ifndef EBUSY
#define EBUSY 16
#endif
#ifndef EINVAL
#define EINVAL 22
#endif
#ifndef ENOSPC
#define ENOSPC 28
#endif
#ifndef ENOTSUP
#define ENOTSUP 95
#endif

#endif /* KVM_ERRNO_H */
