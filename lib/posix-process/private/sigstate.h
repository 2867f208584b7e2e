/* SPDX-License-Identifier: BSD-3-Clause */
/* Signal state of the process (Linux x86_64 ABI layouts) */
#ifndef POSIX_PROCESS_SIGNAL_H
#define POSIX_PROCESS_SIGNAL_H

#include <stdint.h>

#define UK_NSIG         64
#define UK_SIGKILL      9
#define UK_SIGSTOP      19
#define UK_SIG_DFL      ((uintptr_t)0)
#define UK_SIG_IGN      ((uintptr_t)1)
#define UK_SA_SIGINFO   0x00000004UL
#define UK_SA_NODEFER   0x40000000UL
#define UK_SA_RESETHAND 0x80000000UL
#define UK_SI_USER      0
#define UK_SI_TKILL     (-6)
#define UK_SI_KERNEL    0x80

/* what rt_sigaction() passes: struct kernel_sigaction */
struct uk_ksigaction {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	uint64_t mask;
};

/* siginfo_t as a handler with SA_SIGINFO sees it (128 bytes) */
struct uk_siginfo {
	int signo, err, code, pad;
	int pid;
	unsigned int uid;
	char rest[104];
};

static inline uint64_t sig_bit(int sig)
{
	return 1ULL << (sig - 1);
}

extern struct uk_ksigaction posix_sigactions[UK_NSIG + 1];
/* sent and not delivered yet (the process's and its threads' together) */
extern uint64_t posix_sigpending;
extern int posix_sigpending_code[UK_NSIG + 1];

#endif
