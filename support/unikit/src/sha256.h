/* SHA-256 (FIPS 180-4), streaming. */
#ifndef UNIKIT_SHA256_H
#define UNIKIT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN     32
#define SHA256_HEX_LEN 64

struct sha256 {
	uint32_t h[8];
	uint64_t total; /* bytes hashed so far */
	uint8_t block[64];
	size_t fill; /* bytes waiting in block */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, uint8_t out[SHA256_LEN]);
/* Final digest as 64 lower-case hex digits plus NUL. */
void sha256_final_hex(struct sha256 *c, char out[SHA256_HEX_LEN + 1]);
/* Hashes a whole file; 0 or -errno. */
int sha256_file(const char *path, char out[SHA256_HEX_LEN + 1]);
/* True if s is exactly 64 lower-case hex digits. */
int sha256_hex_valid(const char *s);

#endif
