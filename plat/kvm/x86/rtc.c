/* SPDX-License-Identifier: BSD-3-Clause */
/* CMOS real-time clock, read once at boot for the wall clock */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/time.h>
#include <uk/plat/time.h>

#define CMOS_INDEX   0x70
#define CMOS_DATA    0x71
#define CMOS_NMI_OFF 0x80
#define RTC_SEC      0x00
#define RTC_MIN      0x02
#define RTC_HOUR     0x04
#define RTC_DAY      0x07
#define RTC_MON      0x08
#define RTC_YEAR     0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY  0x32
#define STA_UIP      0x80 /* update in progress */
#define STB_24H      0x02
#define STB_BINARY   0x04
#define HOUR_PM      0x80
#define RTC_TRIES    8
/* An update cycle lasts under 2 ms; wait at most this long for one to end.
 * Bounded by time, not iterations: under an emulating hypervisor each port
 * access costs tens of microseconds. */
#define UIP_WAIT_NS 3000000ULL

struct rtc_time {
	unsigned int sec, min, hour, day, mon, year, century;
};

static unsigned int cmos_read(unsigned int reg)
{
	outb(CMOS_INDEX, (uint8_t)(CMOS_NMI_OFF | reg));
	return inb(CMOS_DATA);
}

static void rtc_read_raw(struct rtc_time *t)
{
	uint64_t end = ukplat_monotonic_clock() + UIP_WAIT_NS;

	while ((cmos_read(RTC_STATUS_A) & STA_UIP) && ukplat_monotonic_clock() < end)
		;
	t->sec = cmos_read(RTC_SEC);
	t->min = cmos_read(RTC_MIN);
	t->hour = cmos_read(RTC_HOUR);
	t->day = cmos_read(RTC_DAY);
	t->mon = cmos_read(RTC_MON);
	t->year = cmos_read(RTC_YEAR);
	t->century = cmos_read(RTC_CENTURY);
}

static int rtc_equal(const struct rtc_time *a, const struct rtc_time *b)
{
	return a->sec == b->sec && a->min == b->min && a->hour == b->hour && a->day == b->day &&
	       a->mon == b->mon && a->year == b->year && a->century == b->century;
}

static unsigned int bcd(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

static void rtc_normalize(struct rtc_time *t, unsigned int status_b)
{
	unsigned int pm = t->hour & HOUR_PM;

	t->hour &= ~HOUR_PM;
	if (!(status_b & STB_BINARY)) {
		t->sec = bcd(t->sec);
		t->min = bcd(t->min);
		t->hour = bcd(t->hour);
		t->day = bcd(t->day);
		t->mon = bcd(t->mon);
		t->year = bcd(t->year);
		t->century = bcd(t->century);
	}
	if (!(status_b & STB_24H))
		t->hour = (t->hour % 12) + (pm ? 12 : 0);
}

/* Howard Hinnant's days_from_civil algorithm (public domain description) */
int64_t kvm_days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

uint64_t kvm_rtc_read_epoch(void)
{
	struct rtc_time a, b;
	int tries = RTC_TRIES;
	int64_t days, year;

	/* read until two reads agree: an update may land between registers */
	rtc_read_raw(&a);
	do {
		b = a;
		rtc_read_raw(&a);
	} while (!rtc_equal(&a, &b) && --tries);
	rtc_normalize(&a, cmos_read(RTC_STATUS_B));
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31)
		return 0;
	year = (a.century >= 19 && a.century <= 30) ? a.century * 100 + a.year : 2000 + a.year;
	days = kvm_days_from_civil(year, a.mon, a.day);
	if (days < 0)
		return 0;
	return (uint64_t)days * 86400 + a.hour * 3600 + a.min * 60 + a.sec;
}
