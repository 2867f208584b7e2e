/* SPDX-License-Identifier: BSD-3-Clause */
/* The syscall instruction enters the same table (CONFIG_LIBSYSCALL_SHIM_HANDLER) */
#include <errno.h>
#include <stdint.h>
#include <uk/syscall.h>
#include <uk/test.h>

static long insn6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ __volatile__("syscall"
	                     : "=a"(ret)
	                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
	                     : "rcx", "r11", "memory");
	return ret;
}

UK_TESTCASE(syscall_insn, dispatches_with_arguments)
{
	UK_TEST_EXPECT_SNUM_EQ(insn6(__NR_getpid, 0, 0, 0, 0, 0, 0), 1);
	/* afs_syscall: the test handler of test_syscall.c sums its typed arguments */
	UK_TEST_EXPECT_SNUM_EQ(insn6(__NR_afs_syscall, 1, 2, (long)"abc", 1000, 5, 7),
	                       1 + 2 + 3 + 1000 + 5 + 7);
	UK_TEST_EXPECT_SNUM_EQ(insn6(__NR_kexec_load, 0, 0, 0, 0, 0, 0), -ENOSYS);
}

UK_TESTCASE(syscall_insn, preserves_registers_and_red_zone)
{
	/* values put in every register the ABI preserves, read back after the call */
	static uint64_t after[12];
	static const uint64_t want[12] = {0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666,
	                                  0x7777, 0x8888, 0x9999, 0xaaaa, 0xbbbb, 0xcccc};

	/* rcx and r11 belong to the instruction: the output pointer waits on the stack */
	__asm__ __volatile__(
	    "push %%rbx; push %%r12; push %%r13; push %%r14; push %%r15; push %%rbp\n\t"
	    "push %[out]\n\t"
	    "mov $0xcccc, %%rbx\n\t"
	    "movq $0x5a5a, -8(%%rsp)\n\t" /* a word in the red zone */
	    "mov $0x1111, %%rdi; mov $0x2222, %%rsi; mov $0x3333, %%rdx\n\t"
	    "mov $0x4444, %%r10; mov $0x5555, %%r8; mov $0x6666, %%r9\n\t"
	    "mov $0x7777, %%r12; mov $0x8888, %%r13; mov $0x9999, %%r14; mov $0xaaaa, %%r15\n\t"
	    "mov $0xbbbb, %%rbp\n\t"
	    "mov %[nr], %%eax\n\t"
	    "syscall\n\t"
	    "mov (%%rsp), %%r11\n\t"
	    "mov %%rdi, 0(%%r11); mov %%rsi, 8(%%r11); mov %%rdx, 16(%%r11)\n\t"
	    "mov %%r10, 24(%%r11); mov %%r8, 32(%%r11); mov %%r9, 40(%%r11)\n\t"
	    "mov %%r12, 48(%%r11); mov %%r13, 56(%%r11); mov %%r14, 64(%%r11)\n\t"
	    "mov %%r15, 72(%%r11); mov %%rbp, 80(%%r11); mov %%rbx, 88(%%r11)\n\t"
	    "cmpq $0x5a5a, -8(%%rsp); je 1f; movq $0, 88(%%r11)\n"
	    "1:\n\t"
	    "add $8, %%rsp\n\t"
	    "pop %%rbp; pop %%r15; pop %%r14; pop %%r13; pop %%r12; pop %%rbx\n\t"
	    :
	    : [out] "r"(after), [nr] "i"(__NR_getppid)
	    : "rax", "rcx", "rdi", "rsi", "rdx", "r8", "r9", "r10", "r11", "memory");
	for (int i = 0; i < 12; i++)
		UK_TEST_CHECK_(after[i] == want[i], "register %d: %#lx, want %#lx", i,
		               (unsigned long)after[i], (unsigned long)want[i]);
}
