/* SPDX-License-Identifier: BSD-3-Clause */
/* What every scheduler shares: the default, switching, blocking, sleeping */
#include <uk/arch/lcpu.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/sched.h>

/* read through the inline uk_sched_get_default() in <uk/sched.h> */
struct uk_sched *_uk_sched_default;

void uk_sched_set_default(struct uk_sched *s)
{
	_uk_sched_default = s;
}

void uk_sched_init(struct uk_sched *s, struct uk_alloc *a)
{
	s->a = a;
	s->current = NULL;
	s->zombies = NULL;
	s->nr_switches = 0;
	if (!_uk_sched_default)
		_uk_sched_default = s;
}

void uk_sched_switch(struct uk_sched *s, struct uk_thread *prev, struct uk_thread *next)
{
	ukarch_ectx_save(prev->ectx);
	s->current = next;
	s->nr_switches++;
	ukarch_ectx_restore(next->ectx);
	if (next->tlsp != prev->tlsp)
		ukarch_tls_set(next->tlsp);
	ukarch_ctx_switch(&prev->ctx, &next->ctx);
	/* running as prev again */
	uk_sched_reap(s);
}

void uk_sched_start(struct uk_sched *s)
{
	struct ukarch_ctx boot;
	struct uk_thread *first;

	/* threads start with the interrupt state the boot code had */
	s->irq_flags = ukarch_irq_save();
	first = s->first(s);
	/* debug, not info: each boot log line costs ~0.2 ms of TCG boot time */
	uk_pr_debug("Starting scheduler: first thread \"%s\"\n", first->name);
	s->current = first;
	ukarch_ectx_restore(first->ectx);
	ukarch_tls_set(first->tlsp);
	ukarch_ctx_switch(&boot, &first->ctx);
	UK_CRASH("the boot context was resumed\n");
}

void uk_sched_yield(void)
{
	struct uk_sched *s = uk_sched_get_default();

	if (s && s->current)
		s->schedule(s);
}

int uk_thread_block_until(uint64_t deadline)
{
	struct uk_sched *s = uk_sched_get_default();
	struct uk_thread *t = s->current;
	unsigned long flags = ukarch_irq_save();

	t->flags &= ~UK_THREADF_RUNNABLE;
	t->wakeup_time = deadline;
	if (deadline)
		s->thread_blocked(s, t);
	/* interrupts stay off until we run again, so no wake-up slips in
	 * between deciding to block and switching away */
	s->schedule(s);
	ukarch_irq_restore(flags);
	return deadline && ukplat_monotonic_clock() >= deadline;
}

void uk_thread_wake(struct uk_thread *t)
{
	struct uk_sched *s = t->sched;
	unsigned long flags = ukarch_irq_save();

	if (t->flags & (UK_THREADF_RUNNABLE | UK_THREADF_EXITED))
		goto out;
	t->flags |= UK_THREADF_RUNNABLE;
	if (t->wakeup_time) {
		s->thread_untimed(s, t);
		t->wakeup_time = 0;
	}
	/* the current thread is queued by schedule() itself if still runnable */
	if (t != s->current)
		s->thread_runnable(s, t);
out:
	ukarch_irq_restore(flags);
}

void uk_sched_sleep_until(uint64_t deadline)
{
	struct uk_sched *s = uk_sched_get_default();

	/* before the scheduler runs (early init levels) there is nobody to
	 * switch to: just halt the CPU */
	if (!s || !s->current) {
		while (ukplat_monotonic_clock() < deadline)
			ukplat_lcpu_halt_until(deadline);
		return;
	}
	/* a wake-up meant for something else must not cut the sleep short */
	while (ukplat_monotonic_clock() < deadline)
		uk_thread_block_until(deadline);
}

void uk_sched_sleep_ns(uint64_t ns)
{
	uk_sched_sleep_until(ukplat_monotonic_clock() + ns);
}
