/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Crash report for a CPU exception: what happened, where (with the symbol
 * when a symbol table is linked in), all registers, and a frame-pointer
 * backtrace. Every pointer of the backtrace is checked against the page
 * tables first, so a corrupted stack cannot fault the report itself.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/bootstrap.h>
#include <kvm/paging.h>
#include <kvm/printk.h>
#include <kvm/traps.h>

#define BACKTRACE_MAX 16
#define VEC_PF        14
#define PF_FETCH      (1U << 4)

static const char *const exception_names[32] = {
    "Divide error",
    "Debug",
    "Non-maskable interrupt",
    "Breakpoint",
    "Overflow",
    "BOUND range exceeded",
    "Invalid opcode",
    "Device not available",
    "Double fault",
    "Coprocessor segment overrun",
    "Invalid TSS",
    "Segment not present",
    "Stack-segment fault",
    "General protection fault",
    "Page fault",
    "Reserved",
    "x87 floating-point error",
    "Alignment check",
    "Machine check",
    "SIMD floating-point error",
    "Virtualization exception",
    "Control protection exception",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Hypervisor injection",
    "VMM communication",
    "Security exception",
    "Reserved",
};

static void print_addr(const char *label, uint64_t addr)
{
	unsigned long off = 0;
	const char *sym = ukplat_symbol_lookup(addr, &off);

	if (sym)
		kvm_printf("%s0x%016lx <%s+0x%lx>\n", label, addr, sym, off);
	else
		kvm_printf("%s0x%016lx\n", label, addr);
}

static void print_pf_cause(uint64_t err)
{
	kvm_printf("Page fault: %s of a %s page, %s mode%s\n",
	           (err & (1U << 4)) ? "instruction fetch"
	           : (err & 2)       ? "write"
	                             : "read",
	           (err & 1) ? "present (protection violation)" : "non-present",
	           (err & 4) ? "user" : "kernel", (err & 8) ? ", reserved bit set" : "");
}

static void print_regs(const struct kvm_trap_regs *r)
{
	kvm_printf("RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax, r->rbx, r->rcx);
	kvm_printf("RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx, r->rsi, r->rdi);
	kvm_printf("RBP: %016lx RSP: %016lx R8:  %016lx\n", r->rbp, r->rsp, r->r8);
	kvm_printf("R9:  %016lx R10: %016lx R11: %016lx\n", r->r9, r->r10, r->r11);
	kvm_printf("R12: %016lx R13: %016lx R14: %016lx\n", r->r12, r->r13, r->r14);
	kvm_printf("R15: %016lx RFLAGS: %016lx CS: %04lx SS: %04lx\n", r->r15, r->rflags, r->cs,
	           r->ss);
	kvm_printf("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr0(), read_cr2(),
	           read_cr3(), read_cr4());
}

/* Walks saved (rbp, return address) pairs while they are sane: readable,
 * aligned, and moving up the stack */
static void print_backtrace(const struct kvm_trap_regs *r)
{
	uint64_t fp = r->rbp;
	int depth;

	kvm_printf("Backtrace:\n");
	print_addr(" #0 ", r->rip);
	depth = 1;
	/* a fetch fault right after a call (bad function pointer) has the
	 * caller's return address on top of the stack, not yet in a frame */
	if (r->vector == VEC_PF && (r->error & PF_FETCH) && kvm_paging_readable(r->rsp)) {
		kvm_printf(" #1 ");
		print_addr("", *(const uint64_t *)(uintptr_t)r->rsp);
		depth = 2;
	}
	for (; depth < BACKTRACE_MAX; depth++) {
		const uint64_t *frame = (const uint64_t *)(uintptr_t)fp;
		uint64_t next;

		if (!fp || (fp & 7) || !kvm_paging_readable(fp) || !kvm_paging_readable(fp + 8))
			break;
		if (!frame[1])
			break;
		kvm_printf(" #%d ", depth);
		print_addr("", frame[1]);
		next = frame[0];
		if (next <= fp)
			break;
		fp = next;
	}
	if (depth == BACKTRACE_MAX)
		kvm_printf(" ... (truncated)\n");
}

void kvm_crash_report(const struct kvm_trap_regs *r)
{
	static int crashing;
	uint64_t v = r->vector;

	/* a fault while reporting would recurse on the same IST stack */
	if (crashing++) {
		kvm_printf("\n*** CRASH: vector %lu while reporting a crash\n", (unsigned long)v);
		ukplat_crash();
	}

	kvm_printf("\n*** CRASH: %s (vector %lu), error code 0x%lx\n", exception_names[v & 31],
	           (unsigned long)v, r->error);
	if (v == VEC_PF) {
		kvm_printf("CR2 (faulting address): 0x%016lx\n", read_cr2());
		print_pf_cause(r->error);
	}
	print_addr("RIP: ", r->rip);
	print_regs(r);
	print_backtrace(r);
	ukplat_crash();
}
