/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ACPI soft-off (S5): SLP_TYP comes from the \_S5 package in the DSDT,
 * written with SLP_EN either to the PM1a control block (classic, QEMU pc)
 * or to the sleep control register (hardware-reduced ACPI, QEMU microvm).
 * Offsets from the ACPI 6.x FADT table (5.2.9) and AML encoding (20.2).
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/acpi.h>
#include <kvm/errno.h>

#define FADT_DSDT         40
#define FADT_PM1A_CNT     64
#define FADT_FLAGS        112
#define FADT_X_DSDT       140
#define FADT_SLEEP_CTRL   244
#define FADT_HW_REDUCED   (1U << 20)
#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_EN        (1U << 13)
#define SLPCTL_TYP_SHIFT  2
#define SLPCTL_SLP_EN     (1U << 5)
#define GAS_SYSTEM_MEMORY 0
#define GAS_SYSTEM_IO     1
#define AML_NAME_OP       0x08
#define AML_PACKAGE_OP    0x12
#define AML_ZERO          0x00
#define AML_ONE           0x01
#define AML_BYTE_PREFIX   0x0a

static uint32_t rd32(const void *base, unsigned int off)
{
	uint32_t v;

	__builtin_memcpy(&v, (const uint8_t *)base + off, sizeof(v));
	return v;
}

static uint64_t rd64(const void *base, unsigned int off)
{
	uint64_t v;

	__builtin_memcpy(&v, (const uint8_t *)base + off, sizeof(v));
	return v;
}

/* SLP_TYPa of \_S5: Name(_S5, Package(){typ_a, typ_b, ...}); -ENOENT */
static int s5_sleep_type(const struct acpi_sdt_hdr *dsdt)
{
	const uint8_t *p = (const uint8_t *)(dsdt + 1);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;

	for (; p + 8 < end; p++) {
		if (p[0] != '_' || p[1] != 'S' || p[2] != '5' || p[3] != '_')
			continue;
		if ((p[-1] != AML_NAME_OP && p[-1] != '\\') || p[4] != AML_PACKAGE_OP)
			continue;
		p += 5 + 1 + (p[5] >> 6); /* PkgLength: lead byte + extra bytes */
		p++;                      /* NumElements */
		if (*p == AML_BYTE_PREFIX)
			return p[1];
		if (*p == AML_ZERO || *p == AML_ONE)
			return *p;
		return *p; /* small integers may appear as raw constants */
	}
	return -ENOENT;
}

static const struct acpi_sdt_hdr *fadt_dsdt(const struct acpi_sdt_hdr *fadt)
{
	uint64_t a = 0;

	if (fadt->length >= FADT_X_DSDT + 8)
		a = rd64(fadt, FADT_X_DSDT);
	if (!a)
		a = rd32(fadt, FADT_DSDT);
	return (const struct acpi_sdt_hdr *)(uintptr_t)a;
}

static int sleep_ctrl_write(const struct acpi_sdt_hdr *fadt, uint8_t v)
{
	const uint8_t *gas = (const uint8_t *)fadt + FADT_SLEEP_CTRL;
	uint64_t addr;

	if (fadt->length < FADT_SLEEP_CTRL + 12)
		return -ENOENT;
	addr = rd64(gas, 4);
	if (!addr)
		return -ENOENT;
	if (gas[0] == GAS_SYSTEM_IO)
		outb((uint16_t)addr, v);
	else if (gas[0] == GAS_SYSTEM_MEMORY)
		*(volatile uint8_t *)(uintptr_t)addr = v;
	else
		return -ENOTSUP;
	return 0;
}

int kvm_acpi_poweroff(void)
{
	const struct acpi_sdt_hdr *fadt, *dsdt;
	uint32_t pm1a;
	int typ;

	fadt = kvm_acpi_find("FACP");
	if (!fadt)
		return -ENOENT;
	dsdt = fadt_dsdt(fadt);
	typ = dsdt ? s5_sleep_type(dsdt) : -ENOENT;
	if (typ < 0)
		return typ;
	if (rd32(fadt, FADT_FLAGS) & FADT_HW_REDUCED)
		return sleep_ctrl_write(fadt,
		                        (uint8_t)(((typ & 7) << SLPCTL_TYP_SHIFT) | SLPCTL_SLP_EN));
	pm1a = rd32(fadt, FADT_PM1A_CNT);
	if (!pm1a)
		return -ENOENT;
	outw((uint16_t)pm1a, (uint16_t)(inw((uint16_t)pm1a) & ~(7U << PM1_SLP_TYP_SHIFT)) |
	                         (uint16_t)(((typ & 7) << PM1_SLP_TYP_SHIFT) | PM1_SLP_EN));
	return 0;
}
