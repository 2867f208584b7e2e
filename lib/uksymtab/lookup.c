#include <stddef.h>
#include <uk/symtab.h>
#include <uk/plat/bootstrap.h>

/* Index of the last entry whose address is <= addr, or -1. */
static long last_at_or_below(unsigned long addr)
{
	long lo = 0, hi = (long)uk_symtab_count - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (uk_symtab_entries[mid].addr <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *uk_symtab_lookup(unsigned long addr, unsigned long *off)
{
	long i = last_at_or_below(addr);
	const struct uk_symtab_entry *e;

	if (i < 0)
		return NULL;
	e = &uk_symtab_entries[i];
	/* Past the end of a sized symbol: the address is in padding or in
	 * code without a symbol, naming the previous function would lie. */
	if (e->size && addr - e->addr >= e->size)
		return NULL;
	if (off)
		*off = addr - e->addr;
	return &uk_symtab_names[e->name];
}

/* Overrides the platform's weak default (docs/contracts.md). */
const char *ukplat_symbol_lookup(unsigned long addr, unsigned long *off)
{
	return uk_symtab_lookup(addr, off);
}
