#ifndef UK_SYMTAB_H
#define UK_SYMTAB_H

/*
 * The function symbols of the image, sorted by address. The build driver
 * generates the table from a first link of the image (support/build/symtab.mk,
 * support/build/gensymtab.awk) and links it into the second.
 */
struct uk_symtab_entry {
	unsigned long addr;
	unsigned int name; /* offset into uk_symtab_names */
	unsigned int size; /* 0 when the symbol has no size */
};

extern const unsigned long uk_symtab_count;
extern const struct uk_symtab_entry uk_symtab_entries[];
extern const char uk_symtab_names[];

/* Name of the function containing addr and the offset into it, or NULL. */
const char *uk_symtab_lookup(unsigned long addr, unsigned long *off);

#endif
