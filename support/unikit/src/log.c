#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static const char *cur_cmd = "";

void log_set_cmd(const char *cmd)
{
	cur_cmd = cmd;
}

const char *log_cmd(void)
{
	return cur_cmd;
}

static void vprefixed(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "unikit%s%s: %s", *cur_cmd ? " " : "", cur_cmd, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprefixed("", fmt, ap);
	va_end(ap);
}

void log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprefixed("warning: ", fmt, ap);
	va_end(ap);
}

void log_step(const char *tag, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "  %-7s ", tag);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int log_usage_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprefixed("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'unikit %s --help'.\n", cur_cmd);
	return UNIKIT_EXIT_USAGE;
}
