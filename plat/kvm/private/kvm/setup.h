/* SPDX-License-Identifier: BSD-3-Clause */
/* Boot steps that have no better home */
#ifndef KVM_SETUP_H
#define KVM_SETUP_H

/* XSAVE/AVX state enable when the CPU has it (SSE is on since boot32.S) */
void kvm_cpu_features_init(void);
/* what kvm_cpu_features_init() enabled, for the boot summary */
extern char kvm_cpu_desc[64];

#endif /* KVM_SETUP_H */
