/* Scenarios of the platform test guest, one per command-line word */
#ifndef KVMPLATTEST_SCENARIOS_H
#define KVMPLATTEST_SCENARIOS_H

#include <stdint.h>

void kt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t kt_parse_u64(const char *s);

void kt_memmap(void);
void kt_null_deref(void);
void kt_text_write(void);
void kt_stack_overflow(void);
void kt_rodata_exec(void);
void kt_halt(uint64_t ms);
void kt_clock(uint64_t seconds);
void kt_mono(uint64_t seconds);
void kt_prot(void);
void kt_sse(void);
void kt_irq(uint64_t seconds);
void kt_pciirq(uint64_t seconds);
void kt_touch(void);
void kt_highprot(void);
void kt_vga(uint64_t lines);
void kt_vgabusy(void);
void kt_vgastale(void);
void kt_exception(const char *which);

#endif
