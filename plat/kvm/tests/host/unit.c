/*
 * Host unit tests of the platform's pure logic: memory map carving
 * (memregion.c), the formatter (format.c, compared with the host's
 * snprintf) and the RTC date conversion (rtc.c, compared with timegm).
 * Prints PASS/FAIL lines like every *.test.
 */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <uk/plat/memory.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>
#include <kvm/printk.h>
#include <kvm/time.h>

static int failed;

static void check(int ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS %s\n", name);
	else
		printf("FAIL %s: %s\n", name, why);
	failed |= !ok;
}

static int region(int i, uint64_t base, uint64_t len, uint16_t type)
{
	struct ukplat_memregion r;

	return ukplat_memregion_get(i, &r) == 0 && r.pbase == base && r.len == len &&
	       r.type == type;
}

/* RAM 0-640K and 1M-64M; reserve low memory, an image in the middle and a
 * module at the very end: the free ranges are what lies between */
static void test_memregion(void)
{
	struct ukplat_memregion r;

	kvm_mem_add_ram(0, 0x9fc00);
	kvm_mem_add_ram(0x100000, 0x3f00000);
	check(kvm_mem_reserve(0, 0x100000, UKPLAT_MEMRT_RESERVED, "low") == 0, "mem_reserve_low",
	      "rc");
	kvm_mem_reserve(0x200000, 0x100000, UKPLAT_MEMRT_KERNEL, "image");
	kvm_mem_reserve(0x3f00000, 0x100000, UKPLAT_MEMRT_INITRD, "initrd");
	check(kvm_mem_reserve(0x300000, 0, UKPLAT_MEMRT_STACK, "empty") == -EINVAL,
	      "mem_reserve_empty", "a zero-length region must be -EINVAL");
	kvm_mem_finalize();
	check(ukplat_memregion_count() == 5, "mem_count", "want 3 used + 2 free regions");
	check(region(0, 0, 0x100000, UKPLAT_MEMRT_RESERVED), "mem_used_first", "low memory");
	check(region(3, 0x100000, 0x100000, UKPLAT_MEMRT_FREE), "mem_free_below_image",
	      "1M-2M free");
	check(region(4, 0x300000, 0x3c00000, UKPLAT_MEMRT_FREE), "mem_free_between",
	      "3M-63M free, module excluded");
	check(ukplat_memregion_get(5, &r) == -EINVAL && ukplat_memregion_get(-1, &r) == -EINVAL &&
	          ukplat_memregion_get(0, NULL) == -EINVAL,
	      "mem_get_bounds", "out of range must be -EINVAL");
	check(kvm_mem_is_ram(0x100000, 0x1000) && !kvm_mem_is_ram(0x9f000, 0x1000) &&
	          kvm_mem_ram_top() == 0x4000000,
	      "mem_is_ram", "RAM lookup");
}

static void fmt_case(const char *name, const char *want, const char *fmt, ...)
{
	char got[64];
	va_list ap;

	va_start(ap, fmt);
	kvm_vsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	check(strcmp(got, want) == 0, name, got);
}

static void test_format(void)
{
	char small[6];
	int n;

	fmt_case("fmt_int", "-42 17 ff", "%d %u %x", -42, 17u, 255u);
	fmt_case("fmt_long", "0000000000104e80", "%016lx", 0x104e80UL);
	fmt_case("fmt_width", "[    0.000123]", "[%5lu.%06lu]", 0UL, 123UL);
	fmt_case("fmt_left", "ab   |", "%-5s|", "ab");
	fmt_case("fmt_neg_zero_pad", "-0042", "%05d", -42);
	fmt_case("fmt_null_str", "(null)", "%s", (char *)NULL);
	fmt_case("fmt_ptr_char", "0x10 c %", "%p %c %%", (void *)0x10, 'c');
	n = kvm_snprintf(small, sizeof(small), "%s", "truncated");
	check(n == 9 && strcmp(small, "trunc") == 0, "fmt_truncate", small);
}

static void test_civil(void)
{
	static const int dates[][3] = {{1970, 1, 1},  {2000, 2, 29}, {2024, 12, 31},
	                               {2026, 12, 4}, {2100, 3, 1},  {1999, 12, 31}};
	unsigned int i;
	int ok = 1;

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		struct tm tm = {.tm_year = dates[i][0] - 1900,
		                .tm_mon = dates[i][1] - 1,
		                .tm_mday = dates[i][2]};

		ok &= kvm_days_from_civil(dates[i][0], dates[i][1], dates[i][2]) * 86400 ==
		      (int64_t)timegm(&tm);
	}
	check(ok, "rtc_days_from_civil", "differs from timegm");
}

int main(void)
{
	test_memregion();
	test_format();
	test_civil();
	return failed;
}

/* rtc.c bounds its wait for the end of an RTC update with the monotonic
 * clock; on the host a counter that advances on every call is enough. */
uint64_t ukplat_monotonic_clock(void);
uint64_t ukplat_monotonic_clock(void)
{
	static uint64_t now;

	return now += 1000;
}
