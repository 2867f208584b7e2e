/* SPDX-License-Identifier: BSD-3-Clause */
/* RSDP discovery and table lookup through the XSDT (or RSDT). Layouts
 * from the ACPI 6.x specification, section 5.2. */
#include <stddef.h>
#include <stdint.h>
#include <kvm/acpi.h>
#include <kvm/printk.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>

struct acpi_rsdp {
	char signature[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length; /* revision >= 2 from here on */
	uint64_t xsdt;
	uint8_t ext_checksum;
	uint8_t reserved[3];
} __attribute__((packed));

#define RSDP_V1_LEN  20
#define BDA_EBDA_SEG 0x40e
#define BIOS_AREA    0xe0000
#define BIOS_F_SEG   0xf0000
#define BIOS_END     0x100000
#define RSDP_ALIGN   16

static const struct acpi_sdt_hdr *root;
static int root_is_xsdt;
static int searched;   /* kvm_acpi_init() ran: root is what it found */
static uintptr_t ebda; /* from the BIOS data area, read at boot */

static int checksum_ok(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;
	uint32_t i;

	for (i = 0; i < len; i++)
		sum += b[i];
	return sum == 0;
}

static int sig_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static const struct acpi_rsdp *rsdp_at(uintptr_t a)
{
	const struct acpi_rsdp *r = (const void *)a;

	if (!sig_eq(r->signature, "RSD PTR ", 8) || !checksum_ok(r, RSDP_V1_LEN))
		return NULL;
	return r;
}

static const struct acpi_rsdp *rsdp_scan(uintptr_t from, uintptr_t to)
{
	const struct acpi_rsdp *r;

	/* "RSD PTR " as one little-endian word: one load per candidate, the
	 * scan covers 8192 of them (costly where the guest is emulated) */
	const uint64_t sig = 0x2052545020445352ULL;

	for (; from + sizeof(*r) <= to; from += RSDP_ALIGN) {
		if (*(const volatile uint64_t *)from != sig)
			continue;
		r = rsdp_at(from);
		if (r)
			return r;
	}
	return NULL;
}

/* The BIOS data area word with the EBDA segment, read while page 0 is
 * still mapped (the final page tables leave it out). The address goes
 * through an empty asm so GCC does not flag a dereference of a constant
 * address. */
void kvm_acpi_early(void)
{
	uintptr_t a = BDA_EBDA_SEG;

	__asm__("" : "+r"(a));
	ebda = (uintptr_t)(*(const volatile uint16_t *)a) << 4;
}

static const struct acpi_rsdp *rsdp_find(void)
{
	const struct acpi_rsdp *r;

	if (kvm_bootinfo_rsdp)
		return rsdp_at(kvm_bootinfo_rsdp);
	r = (ebda >= 0x80000 && ebda < 0xa0000) ? rsdp_scan(ebda, ebda + 1024) : NULL;
	/* the F segment first: SeaBIOS and qboot put the RSDP there (QEMU pc
	 * 0xf59d0, microvm 0xf34d0), 4-6 times fewer candidates than from
	 * 0xe0000 on; the E segment is still searched after it */
	if (!r)
		r = rsdp_scan(BIOS_F_SEG, BIOS_END);
	return r ? r : rsdp_scan(BIOS_AREA, BIOS_F_SEG + sizeof(struct acpi_rsdp));
}

int kvm_acpi_init(void)
{
	const struct acpi_rsdp *r;

	if (searched)
		return root ? 0 : -ENOENT;
	searched = 1;
	r = rsdp_find();
	if (!r)
		return -ENOENT;
	kvm_debug("ACPI: RSDP at 0x%lx\n", (unsigned long)(uintptr_t)r);
	if (r->revision >= 2 && r->xsdt && checksum_ok(r, r->length)) {
		root = (const void *)(uintptr_t)r->xsdt;
		root_is_xsdt = 1;
	} else {
		root = (const void *)(uintptr_t)r->rsdt;
		root_is_xsdt = 0;
	}
	if (!root || !checksum_ok(root, root->length)) {
		root = NULL;
		return -ENOENT;
	}
	return 0;
}

static uint64_t root_entry(uint32_t i)
{
	const uint8_t *e = (const uint8_t *)(root + 1);

	if (root_is_xsdt) {
		uint64_t v;

		__builtin_memcpy(&v, e + 8 * i, sizeof(v)); /* entries are unaligned */
		return v;
	}
	return ((const uint32_t *)e)[i];
}

const struct acpi_sdt_hdr *kvm_acpi_find(const char sig[4])
{
	uint32_t n, i;

	/* searched on first use: nothing needs ACPI before main() (the MADT
	 * when the first IRQ is registered, the FADT at power-off) */
	if (kvm_acpi_init())
		return NULL;
	n = (root->length - sizeof(*root)) / (root_is_xsdt ? 8 : 4);
	for (i = 0; i < n; i++) {
		const struct acpi_sdt_hdr *t = (const void *)(uintptr_t)root_entry(i);

		if (t && sig_eq(t->signature, sig, 4) && checksum_ok(t, t->length))
			return t;
	}
	return NULL;
}
