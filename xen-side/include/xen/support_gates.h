/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_gates.h: the gates of the boot policy (support=), each naming
 * the SUPPORT.md feature it asks about by its stable key: the generated
 * xen/support_features.h defines SUPPORT_KEY_<KEY> as the id of the
 * feature whose heading is one of the key's headings in
 * xen/suptab_features.def ("XSM & FLASK" up to 4.19, "FLASK XSM Module"
 * after), so each release builds with its own statement.  A document in
 * which no heading matches fails the build here, with a message naming
 * the gate and the key.
 * Sites call support_gate(SUPPORT_GATE_<NAME>, ...) (xen/support.h);
 * docs/support-policy.md lists every site.
 */
#ifndef __XEN_SUPPORT_GATES_H__
#define __XEN_SUPPORT_GATES_H__

/* One message line per gate, however long: grep finds it. */
/* clang-format off */
#ifndef SUPPORT_KEY_SCHED_CREDIT
#error "support gate 'sched=credit': no heading of SUPPORT_MD is stable key SCHED_CREDIT (Credit Scheduler)"
#endif
#define SUPPORT_GATE_SCHED_CREDIT SUPPORT_KEY_SCHED_CREDIT

#ifndef SUPPORT_KEY_SCHED_CREDIT2
#error "support gate 'sched=credit2': no heading of SUPPORT_MD is stable key SCHED_CREDIT2 (Credit2 Scheduler)"
#endif
#define SUPPORT_GATE_SCHED_CREDIT2 SUPPORT_KEY_SCHED_CREDIT2

#ifndef SUPPORT_KEY_SCHED_RTDS
#error "support gate 'sched=rtds': no heading of SUPPORT_MD is stable key SCHED_RTDS (RTDS based Scheduler)"
#endif
#define SUPPORT_GATE_SCHED_RTDS SUPPORT_KEY_SCHED_RTDS

#ifndef SUPPORT_KEY_SCHED_ARINC653
#error "support gate 'sched=arinc653': no heading of SUPPORT_MD is stable key SCHED_ARINC653 (ARINC653 Scheduler)"
#endif
#define SUPPORT_GATE_SCHED_ARINC653 SUPPORT_KEY_SCHED_ARINC653

#ifndef SUPPORT_KEY_SCHED_NULL
#error "support gate 'sched=null': no heading of SUPPORT_MD is stable key SCHED_NULL (Null Scheduler)"
#endif
#define SUPPORT_GATE_SCHED_NULL SUPPORT_KEY_SCHED_NULL

#ifndef SUPPORT_KEY_SYNC_CONSOLE
#error "support gate 'sync_console': no heading of SUPPORT_MD is stable key SYNC_CONSOLE (Hypervisor synchronous console output (sync_console))"
#endif
#define SUPPORT_GATE_SYNC_CONSOLE SUPPORT_KEY_SYNC_CONSOLE

#ifndef SUPPORT_KEY_DEBUG_KEYS
#error "support gate 'debug keys': no heading of SUPPORT_MD is stable key DEBUG_KEYS (Hypervisor 'debug keys')"
#endif
#define SUPPORT_GATE_DEBUG_KEYS SUPPORT_KEY_DEBUG_KEYS

#ifndef SUPPORT_KEY_VPMU
#error "support gate 'vpmu': no heading of SUPPORT_MD is stable key VPMU (vPMU)"
#endif
#define SUPPORT_GATE_VPMU SUPPORT_KEY_VPMU

#ifndef SUPPORT_KEY_ALTP2M
#error "support gate 'altp2m': no heading of SUPPORT_MD is stable key ALTP2M (Alternative p2m)"
#endif
#define SUPPORT_GATE_ALTP2M SUPPORT_KEY_ALTP2M

#ifndef SUPPORT_KEY_NESTED_HVM
#error "support gate 'nestedhvm': no heading of SUPPORT_MD is stable key NESTED_HVM (x86/Nested HVM)"
#endif
#define SUPPORT_GATE_NESTED_HVM SUPPORT_KEY_NESTED_HVM

#ifndef SUPPORT_KEY_MEM_SHARING
#error "support gate 'mem-sharing': no heading of SUPPORT_MD is stable key MEM_SHARING (Memory Sharing)"
#endif
#define SUPPORT_GATE_MEM_SHARING SUPPORT_KEY_MEM_SHARING

#ifndef SUPPORT_KEY_MEM_PAGING
#error "support gate 'mem-paging': no heading of SUPPORT_MD is stable key MEM_PAGING (Memory Paging)"
#endif
#define SUPPORT_GATE_MEM_PAGING SUPPORT_KEY_MEM_PAGING

#ifndef SUPPORT_KEY_FLASK
#error "support gate 'flask': no heading of SUPPORT_MD is stable key FLASK (FLASK XSM Module or XSM & FLASK)"
#endif
#define SUPPORT_GATE_XSM_FLASK SUPPORT_KEY_FLASK

#ifndef SUPPORT_KEY_HOST_ACPI
#error "support gate 'acpi=force': no heading of SUPPORT_MD is stable key HOST_ACPI (Host ACPI (via Domain 0))"
#endif
#define SUPPORT_GATE_ACPI SUPPORT_KEY_HOST_ACPI

#ifndef SUPPORT_KEY_GICV3_ITS
#error "support gate 'gicv3-its': no heading of SUPPORT_MD is stable key GICV3_ITS (ARM/GICv3 ITS)"
#endif
#define SUPPORT_GATE_GICV3_ITS SUPPORT_KEY_GICV3_ITS
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
