/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * musl's start-up, done by the kernel instead of crt1/__libc_start_main:
 * the thread pointer and libc state are set up at the first init level, so
 * kernel code running before main() may already use errno and stdio; the
 * main thread then inherits that thread pointer, and uk_libc_start_main()
 * hands main's environment over and ends with exit().
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <uk/arch/ctx.h>
#include <uk/init.h>
#include <uk/musl.h>
#include <uk/plat/bootstrap.h>
#include <uk/print.h>
#include <uk/syscall.h>

#define ARCH_SET_FS 0x1002

void __init_libc(char **envp, char *pn);
extern char **__environ;

/*
 * The program's __thread variables: the platform's linker script gathers
 * .tdata/.tbss between these symbols (docs/contracts.md section 3), with
 * the section aligned to UK_TLS_ALIGN. Weak: without them there is no TLS
 * image and musl's own per-thread data (errno, ...) still works.
 */
#define UK_TLS_ALIGN 64
extern const char __uk_tls_start[] __attribute__((weak));
extern const char __uk_tdata_end[] __attribute__((weak));
extern const char __uk_tls_end[] __attribute__((weak));

/* musl reads the TLS image's place and size from a PT_TLS program header */
static Elf64_Phdr tls_phdr;

/*
 * __init_libc() finds the auxiliary vector after the NULL ending envp, as
 * a process would on its initial stack: {envp..., NULL, auxv...}.
 */
static size_t boot_vector[2 + 2 * 6];
static unsigned long boot_tp;

static void auxv_fill(size_t *auxv)
{
	uintptr_t start = (uintptr_t)__uk_tls_start, end = (uintptr_t)__uk_tls_end;

	if (start && end > start) {
		tls_phdr.p_type = PT_TLS;
		tls_phdr.p_vaddr = start;
		tls_phdr.p_filesz = (uintptr_t)__uk_tdata_end - start;
		tls_phdr.p_memsz = end - start;
		tls_phdr.p_align = UK_TLS_ALIGN;
		*auxv++ = AT_PHDR;
		*auxv++ = (size_t)&tls_phdr;
		*auxv++ = AT_PHNUM;
		*auxv++ = 1;
		*auxv++ = AT_PHENT;
		*auxv++ = sizeof(tls_phdr);
	}
	*auxv++ = AT_PAGESZ;
	*auxv++ = 4096;
	*auxv++ = AT_SECURE;
	*auxv++ = 0;
	*auxv++ = AT_NULL;
	*auxv++ = 0;
}

static int musl_init_early(void)
{
	boot_vector[0] = 0; /* envp: empty until main's arrives */
	auxv_fill(&boot_vector[1]);
	__init_libc((char **)boot_vector, (char *)ukplat_image_name());
	boot_tp = ukarch_tls_get();
	if (!boot_tp) {
		uk_pr_crit("musl: no thread pointer after __init_libc\n");
		return -EINVAL;
	}
	return 0;
}
uk_initcall_prio(musl_init_early, early, 0);

/* The scheduler starts the main thread with its own (empty) thread pointer */
static int musl_init_main_thread(void)
{
	long r = uk_syscall(__NR_arch_prctl, ARCH_SET_FS, (long)boot_tp, 0, 0, 0, 0);

	if (r < 0)
		uk_pr_crit("musl: cannot give the main thread its TLS: %ld\n", r);
	return (int)r;
}
uk_initcall_prio(musl_init_main_thread, lib, 0);

int uk_libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp)
{
	__environ = envp;
	exit(main(argc, argv, envp));
}
