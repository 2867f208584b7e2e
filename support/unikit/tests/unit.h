/* Shared by the unit-test tables. */
#ifndef UNIKIT_UNIT_H
#define UNIKIT_UNIT_H

void unit_result(const char *suite, const char *name, int ok, const char *why);
/* The tables for fetch and kconfig helpers (unit_more.c). */
void unit_more(void);

#endif
