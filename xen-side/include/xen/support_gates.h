/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_gates.h: the gates of the boot policy (support=), each naming
 * the SUPPORT.md feature it asks about by the generated identifier
 * (xen/support_features.h).  A document without one of these features
 * fails the build here, with a message naming the gate and the feature.
 * Sites call support_gate(SUPPORT_GATE_<NAME>, ...) (xen/support.h);
 * docs/support-policy.md lists every site.
 */
#ifndef __XEN_SUPPORT_GATES_H__
#define __XEN_SUPPORT_GATES_H__

/* One message line per gate, however long: grep finds it. */
/* clang-format off */
#ifndef SUPPORT_FEAT_CREDIT_SCHEDULER
#error "support gate 'sched=credit': feature SUPPORT_FEAT_CREDIT_SCHEDULER is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SCHED_CREDIT SUPPORT_FEAT_CREDIT_SCHEDULER

#ifndef SUPPORT_FEAT_CREDIT2_SCHEDULER
#error "support gate 'sched=credit2': feature SUPPORT_FEAT_CREDIT2_SCHEDULER is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SCHED_CREDIT2 SUPPORT_FEAT_CREDIT2_SCHEDULER

#ifndef SUPPORT_FEAT_RTDS_BASED_SCHEDULER
#error "support gate 'sched=rtds': feature SUPPORT_FEAT_RTDS_BASED_SCHEDULER is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SCHED_RTDS SUPPORT_FEAT_RTDS_BASED_SCHEDULER

#ifndef SUPPORT_FEAT_ARINC653_SCHEDULER
#error "support gate 'sched=arinc653': feature SUPPORT_FEAT_ARINC653_SCHEDULER is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SCHED_ARINC653 SUPPORT_FEAT_ARINC653_SCHEDULER

#ifndef SUPPORT_FEAT_NULL_SCHEDULER
#error "support gate 'sched=null': feature SUPPORT_FEAT_NULL_SCHEDULER is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SCHED_NULL SUPPORT_FEAT_NULL_SCHEDULER

#ifndef SUPPORT_FEAT_HYPERVISOR_SYNCHRONOUS_CONSOLE_OUTPUT_SYNC_CONSOLE
#error "support gate 'sync_console': feature SUPPORT_FEAT_HYPERVISOR_SYNCHRONOUS_CONSOLE_OUTPUT_SYNC_CONSOLE is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_SYNC_CONSOLE SUPPORT_FEAT_HYPERVISOR_SYNCHRONOUS_CONSOLE_OUTPUT_SYNC_CONSOLE

#ifndef SUPPORT_FEAT_HYPERVISOR_DEBUG_KEYS
#error "support gate 'debug keys': feature SUPPORT_FEAT_HYPERVISOR_DEBUG_KEYS is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_DEBUG_KEYS SUPPORT_FEAT_HYPERVISOR_DEBUG_KEYS

#ifndef SUPPORT_FEAT_VPMU
#error "support gate 'vpmu': feature SUPPORT_FEAT_VPMU is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_VPMU SUPPORT_FEAT_VPMU

#ifndef SUPPORT_FEAT_ALTERNATIVE_P2M
#error "support gate 'altp2m': feature SUPPORT_FEAT_ALTERNATIVE_P2M is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_ALTP2M SUPPORT_FEAT_ALTERNATIVE_P2M

#ifndef SUPPORT_FEAT_X86_NESTED_HVM
#error "support gate 'nestedhvm': feature SUPPORT_FEAT_X86_NESTED_HVM is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_NESTED_HVM SUPPORT_FEAT_X86_NESTED_HVM

#ifndef SUPPORT_FEAT_MEMORY_SHARING
#error "support gate 'mem-sharing': feature SUPPORT_FEAT_MEMORY_SHARING is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_MEM_SHARING SUPPORT_FEAT_MEMORY_SHARING

#ifndef SUPPORT_FEAT_MEMORY_PAGING
#error "support gate 'mem-paging': feature SUPPORT_FEAT_MEMORY_PAGING is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_MEM_PAGING SUPPORT_FEAT_MEMORY_PAGING

#ifndef SUPPORT_FEAT_XSM_FLASK
#error "support gate 'flask': feature SUPPORT_FEAT_XSM_FLASK is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_XSM_FLASK SUPPORT_FEAT_XSM_FLASK

#ifndef SUPPORT_FEAT_HOST_ACPI_VIA_DOMAIN_0
#error "support gate 'acpi=force': feature SUPPORT_FEAT_HOST_ACPI_VIA_DOMAIN_0 is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_ACPI SUPPORT_FEAT_HOST_ACPI_VIA_DOMAIN_0

#ifndef SUPPORT_FEAT_ARM_GICV3_ITS
#error "support gate 'gicv3-its': feature SUPPORT_FEAT_ARM_GICV3_ITS is not in SUPPORT_MD"
#endif
#define SUPPORT_GATE_GICV3_ITS SUPPORT_FEAT_ARM_GICV3_ITS
/* clang-format on */

#endif /* __XEN_SUPPORT_GATES_H__ */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
