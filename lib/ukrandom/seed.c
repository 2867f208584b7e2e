/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Seeding, strongest source first: RDSEED (the CPU's entropy source), then
 * RDRAND (its DRBG), then random.seed=[ 8 x 32-bit words ] from the command
 * line (e.g. written by the VMM from the host's /dev/urandom), else the
 * clock, which an attacker can guess: said loudly at boot. Seed words
 * given on the command line are mixed in even when the CPU has a source.
 */
#include <errno.h>
#include <string.h>
#include <uk/init.h>
#include <uk/libparam.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/random.h>

#define SEED_WORDS UK_CHACHA20_KEY_WORDS
#define HW_RETRIES 64

static uint32_t cmdline_seed[SEED_WORDS];
static unsigned int cmdline_seed_nr;
UK_LIBPARAM_PARAM_ARR_PREFIX(random, seed, u32, cmdline_seed, cmdline_seed_nr);

static struct uk_csprng state;
static enum uk_random_source source = UK_RANDOM_UNSEEDED;

static void cpuid(uint32_t leaf, uint32_t *b, uint32_t *c)
{
	uint32_t a = leaf, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(*b), "=c"(*c), "=d"(d) : "c"(0));
}

static uint32_t cpuid_max_leaf(void)
{
	uint32_t a = 0, b, c, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return a;
}

static int have_rdseed(void)
{
	uint32_t b, c;

	if (cpuid_max_leaf() < 7)
		return 0;
	cpuid(7, &b, &c);
	return !!(b & (1U << 18));
}

static int have_rdrand(void)
{
	uint32_t b, c;

	cpuid(1, &b, &c);
	return !!(c & (1U << 30));
}

/* both instructions may fail transiently (carry clear): retry a bounded time */
static int hw_word(int seed, uint32_t *out)
{
	unsigned char ok;
	int i;

	for (i = 0; i < HW_RETRIES; i++) {
		if (seed)
			__asm__ __volatile__("rdseed %0; setc %1" : "=r"(*out), "=qm"(ok));
		else
			__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*out), "=qm"(ok));
		if (ok)
			return 0;
	}
	return -EIO;
}

static int hw_seed(int use_rdseed, uint32_t seed[SEED_WORDS])
{
	int i;

	for (i = 0; i < SEED_WORDS; i++)
		if (hw_word(use_rdseed, &seed[i]))
			return -EIO;
	return 0;
}

static void weak_seed(uint32_t seed[SEED_WORDS])
{
	uint64_t t = ukplat_monotonic_clock() ^ (ukplat_wall_clock() << 7);
	int i;

	for (i = 0; i < SEED_WORDS; i++) {
		t = t * 6364136223846793005ULL + 1442695040888963407ULL + ukplat_monotonic_clock();
		seed[i] = (uint32_t)(t >> 32);
	}
}

static void seed_now(void)
{
	uint32_t seed[SEED_WORDS] = {0};
	unsigned int i;

	if (have_rdseed() && !hw_seed(1, seed))
		source = UK_RANDOM_RDSEED;
	else if (have_rdrand() && !hw_seed(0, seed))
		source = UK_RANDOM_RDRAND;
	if (cmdline_seed_nr) {
		if (cmdline_seed_nr < SEED_WORDS)
			uk_pr_warn("random.seed has %u words, %d expected: padding with zeros\n",
			           cmdline_seed_nr, SEED_WORDS);
		for (i = 0; i < SEED_WORDS; i++)
			seed[i] ^= cmdline_seed[i];
		if (source == UK_RANDOM_UNSEEDED)
			source = UK_RANDOM_CMDLINE;
	}
	if (source == UK_RANDOM_UNSEEDED) {
		weak_seed(seed);
		source = UK_RANDOM_WEAK;
		uk_pr_warn("**********************************************************\n");
		uk_pr_warn("No RDSEED/RDRAND and no random.seed=[ ... ] on the command\n");
		uk_pr_warn("line: the random generator is seeded from the clock only.\n");
		uk_pr_warn("Its output is PREDICTABLE. Do not use it for keys.\n");
		uk_pr_warn("**********************************************************\n");
	}
	uk_csprng_init(&state, seed);
	memset(seed, 0, sizeof(seed));
	memset(cmdline_seed, 0, sizeof(cmdline_seed));
}

static const char *const source_names[] = {"none", "RDSEED", "RDRAND", "random.seed",
                                           "clock (weak)"};

static int random_init(void)
{
	if (source == UK_RANDOM_UNSEEDED)
		seed_now();
	uk_pr_info("Random generator seeded from %s\n", source_names[source]);
	return 0;
}
uk_initcall_prio(random_init, early, 1);

void uk_random_fill(void *buf, size_t len)
{
	if (source == UK_RANDOM_UNSEEDED)
		seed_now();
	uk_csprng_fill(&state, buf, len);
}

enum uk_random_source uk_random_source(void)
{
	return source;
}
