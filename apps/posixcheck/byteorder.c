/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Byte order through musl's <endian.h> and <arpa/inet.h>. Also a build
 * check: with _GNU_SOURCE, <sys/types.h> pulls in endian.h's inline byte
 * swaps, which are not -Wall -Werror clean; musl's headers must be system
 * headers for this file to compile with the kernel's warning flags.
 */
#include <arpa/inet.h>
#include <endian.h>
#include <stdint.h>
#include <sys/types.h>
#include "check.h"

int check_byteorder(void)
{
	volatile uint32_t v32 = 0x11223344u;
	volatile uint16_t v16 = 0xa1b2u;
	volatile uint64_t v64 = 0x0102030405060708ull;
	int f = 0;

	f += check(htonl(v32) == 0x44332211u && ntohs(htons(v16)) == v16, "byteorder.inet",
	           "htonl 0x%08x", (unsigned)htonl(v32));
	f += check(htobe16(v16) == 0xb2a1u && le32toh(v32) == v32 &&
	               be64toh(v64) == 0x0807060504030201ull,
	           "byteorder.endian", "htobe16 0x%04x", (unsigned)htobe16(v16));
	return f;
}
