/* SPDX-License-Identifier: BSD-3-Clause */
/* Just enough ACPI for the MADT (interrupt controllers) and power-off */
#ifndef KVM_ACPI_H
#define KVM_ACPI_H

#include <stdint.h>

struct acpi_sdt_hdr {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

/* At boot, before the final page tables unmap page 0: notes the EBDA
 * segment from the BIOS data area for a later RSDP search */
void kvm_acpi_early(void);
/* Finds the RSDP (from PVH, else by scanning the EBDA and BIOS areas) once;
 * 0 or -ENOENT. kvm_acpi_find() calls it. */
int kvm_acpi_init(void);
/* A checksum-valid table by signature ("APIC", "FACP"), or NULL */
const struct acpi_sdt_hdr *kvm_acpi_find(const char sig[4]);
/* Reads the MADT: I/O APIC address and ISA overrides; -ENOENT if absent */
int kvm_madt_parse(void);
/* Enters S5 through the FADT; returns only on failure (-errno) */
int kvm_acpi_poweroff(void);

#endif /* KVM_ACPI_H */
