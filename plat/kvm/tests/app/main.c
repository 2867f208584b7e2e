/*
 * Platform test guest: stands in for lib/ukboot's ukplat_entry() so the
 * platform can be tested alone. The command line is a list of scenarios,
 * run in order: memmap, touch, vga=<lines>, halt=<ms>, clock=<s>, mono=<s>, irq=<s>,
 * pciirq=<s>, prot,
 * highprot, sse, null, text, stack, rodataexec, ud, gp, de, exit=<status>.
 */
#include <stdarg.h>
#include <stdio.h>
#include <uk/plat.h>
#include <uk/plat/time.h>
#include "scenarios.h"

void kt_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	ukplat_coutk(buf, (unsigned int)n);
}

uint64_t kt_parse_u64(const char *s)
{
	uint64_t v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (uint64_t)(*s++ - '0');
	return v;
}

static int word_is(const char *w, unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n && name[i]; i++)
		if (w[i] != name[i])
			return 0;
	return i == n && !name[i];
}

static void run_word(const char *w, unsigned int n)
{
	unsigned int k = 0;

	while (k < n && w[k] != '=')
		k++;
	if (word_is(w, k, "memmap"))
		kt_memmap();
	else if (word_is(w, k, "halt"))
		kt_halt(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "clock"))
		kt_clock(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "mono"))
		kt_mono(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "prot"))
		kt_prot();
	else if (word_is(w, k, "sse"))
		kt_sse();
	else if (word_is(w, k, "irq"))
		kt_irq(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "pciirq"))
		kt_pciirq(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "highprot"))
		kt_highprot();
	else if (word_is(w, k, "touch"))
		kt_touch();
	else if (word_is(w, k, "vgabusy"))
		kt_vgabusy();
	else if (word_is(w, k, "vgastale"))
		kt_vgastale();
	else if (word_is(w, k, "vga"))
		kt_vga(kt_parse_u64(w + k + 1));
	else if (word_is(w, k, "ud") || word_is(w, k, "gp") || word_is(w, k, "de"))
		kt_exception(w);
	else if (word_is(w, k, "null"))
		kt_null_deref();
	else if (word_is(w, k, "text"))
		kt_text_write();
	else if (word_is(w, k, "stack"))
		kt_stack_overflow();
	else if (word_is(w, k, "rodataexec"))
		kt_rodata_exec();
	else if (word_is(w, k, "exit"))
		ukplat_terminate((int)kt_parse_u64(w + k + 1));
	else
		kt_printf("kvmtest: unknown scenario (%u characters)\n", n);
}

void ukplat_entry(void)
{
	const char *c = ukplat_cmdline();

	kt_printf("kvmtest: ukplat_entry reached at %lu ns, image \"%s\", cmdline \"%s\"\n",
	          (unsigned long)ukplat_monotonic_clock(), ukplat_image_name(), c);
	while (*c) {
		unsigned int n = 0;

		while (*c == ' ')
			c++;
		while (c[n] && c[n] != ' ')
			n++;
		if (n)
			run_word(c, n);
		c += n;
	}
	kt_printf("kvmtest: done\n");
	ukplat_terminate(0);
}
