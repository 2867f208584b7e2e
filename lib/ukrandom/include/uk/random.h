/* SPDX-License-Identifier: BSD-3-Clause */
/* Random numbers for the kernel and the program (docs/contracts.md section 8) */
#ifndef UK_RANDOM_H
#define UK_RANDOM_H

#include <stddef.h>
#include <stdint.h>

/* Fills buf with len bytes from the CSPRNG (seeded on first use if needed) */
void uk_random_fill(void *buf, size_t len);

/* Where the seed came from */
enum uk_random_source {
	UK_RANDOM_UNSEEDED,
	UK_RANDOM_RDSEED,
	UK_RANDOM_RDRAND,
	UK_RANDOM_CMDLINE, /* random.seed=[ ... ] */
	UK_RANDOM_WEAK,    /* the clock only: predictable */
};
enum uk_random_source uk_random_source(void);

/* --- ChaCha20 (RFC 8439), exposed for the known-answer tests ----------------- */
#define UK_CHACHA20_KEY_WORDS   8
#define UK_CHACHA20_NONCE_WORDS 3
#define UK_CHACHA20_BLOCK       64

/* the 64-byte block for (key, counter, nonce), serialized little-endian */
void uk_chacha20_block(const uint32_t key[UK_CHACHA20_KEY_WORDS], uint32_t counter,
                       const uint32_t nonce[UK_CHACHA20_NONCE_WORDS],
                       uint8_t out[UK_CHACHA20_BLOCK]);

/* the CSPRNG's state: a key that is replaced after every request */
struct uk_csprng {
	uint32_t key[UK_CHACHA20_KEY_WORDS];
	uint32_t nonce[UK_CHACHA20_NONCE_WORDS];
};

void uk_csprng_init(struct uk_csprng *c, const uint32_t seed[UK_CHACHA20_KEY_WORDS]);
void uk_csprng_fill(struct uk_csprng *c, void *buf, size_t len);

#endif
