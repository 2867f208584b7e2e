/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * netdev.ip=<addr>/<prefix len>[:<gateway>[:<dns0>[:<dns1>]]], one entry
 * per device, either a single word (the tutorial's form) or an array
 * netdev.ip=[ <netdev0> <netdev1> ]. uklibparam accepts both forms for an
 * array parameter, so one registration covers them.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/netdev.h>
#include <uk/print.h>

#define UK_LIBPARAM_PREFIX netdev
#include <uk/libparam.h>

/* set by uklibparam before any init level runs, read-only afterwards */
static char *ip_cfg[UK_NETDEV_MAX];
static unsigned int ip_cfg_count;
UK_LIBPARAM_PARAM_ARR(ip, charp, ip_cfg, ip_cfg_count);

#define MAX_FIELDS 4 /* address/prefix, gateway, dns0, dns1 */

static uint32_t to_net(uint32_t host)
{
	return __builtin_bswap32(host); /* x86 is little endian */
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* a decimal number of 1..3 digits no greater than max at *s; advances *s */
static int parse_num(const char **s, unsigned int max, unsigned int *out)
{
	unsigned int v = 0, n = 0;

	while (is_digit(**s) && n < 4) {
		v = v * 10 + (unsigned int)(**s - '0');
		(*s)++;
		n++;
	}
	if (n == 0 || n > 3 || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

/* dotted quad a.b.c.d at *s (host byte order); advances *s past it */
static int parse_quad(const char **s, uint32_t *out)
{
	unsigned int i, v;
	uint32_t a = 0;

	for (i = 0; i < 4; i++) {
		if (i && *(*s)++ != '.')
			return -EINVAL;
		if (parse_num(s, 255, &v))
			return -EINVAL;
		a = a << 8 | v;
	}
	*out = a;
	return 0;
}

/* an optional address field ending at ':' or the end; empty gives 0 */
static int parse_opt_addr(const char **s, uint32_t *out)
{
	*out = 0;
	if (**s == ':' || **s == '\0')
		return 0;
	return parse_quad(s, out);
}

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -EINVAL;
}

static int parse_addr_prefix(const char **s, uint32_t *addr, uint32_t *mask, const char **why)
{
	unsigned int plen;

	if (parse_quad(s, addr))
		return fail(why, "address is not a dotted quad a.b.c.d (0-255 each)");
	if (*addr == 0)
		return fail(why, "address 0.0.0.0");
	if (**s != '/')
		return fail(why, "missing /<prefix length> after the address");
	(*s)++;
	if (parse_num(s, 32, &plen))
		return fail(why, "prefix length is not a number from 0 to 32");
	*mask = plen ? 0xffffffffU << (32 - plen) : 0;
	return 0;
}

int uk_netdev_ipv4_parse(const char *text, struct uk_netdev_ipv4 *out, const char **why)
{
	static const char *const bad_field[MAX_FIELDS] = {
	    NULL, "gateway is not a dotted quad a.b.c.d (0-255 each)",
	    "first DNS server is not a dotted quad a.b.c.d (0-255 each)",
	    "second DNS server is not a dotted quad a.b.c.d (0-255 each)"};
	uint32_t v[MAX_FIELDS] = {0}, mask = 0;
	const char *s = text;
	unsigned int i;

	if (!text || !out || !*text)
		return fail(why, "empty");
	if (parse_addr_prefix(&s, &v[0], &mask, why))
		return -EINVAL;
	for (i = 1; i < MAX_FIELDS && *s == ':'; i++) {
		s++;
		if (parse_opt_addr(&s, &v[i]))
			return fail(why, bad_field[i]);
	}
	if (*s == ':')
		return fail(why, "more than 4 ':'-separated fields");
	if (*s)
		return fail(why, "unexpected text after the last field");
	out->addr = to_net(v[0]);
	out->netmask = to_net(mask);
	out->gateway = to_net(v[1]);
	out->dns[0] = to_net(v[2]);
	out->dns[1] = to_net(v[3]);
	return 0;
}

int uk_netdev_ipv4_config(unsigned int id, struct uk_netdev_ipv4 *out)
{
	const char *why = "";

	if (id >= ip_cfg_count || !ip_cfg[id])
		return -ENOENT;
	if (uk_netdev_ipv4_parse(ip_cfg[id], out, &why)) {
		uk_pr_warn("netdev.ip entry %u \"%s\" ignored: %s (expected "
		           "<addr>/<prefix len>[:<gateway>[:<dns0>[:<dns1>]]])\n",
		           id, ip_cfg[id], why);
		return -EINVAL;
	}
	return 0;
}
