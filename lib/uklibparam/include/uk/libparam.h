/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Library parameters on the kernel command line.
 *
 *   netdev.ip=10.0.2.15/24 vfs.fstab=[ a b ] -- -c /nginx/conf/nginx.conf
 *
 * The line is split on white space; single and double quotes group words
 * and a backslash escapes the next character (also inside double quotes).
 * Words before `--` of the form `prefix.name=value` set the parameter
 * `name` of the library whose prefix is `prefix`; arrays are written
 * `p.a=[ v0 v1 ]` or `p.a=[v0 v1]`. Everything after `--` is the
 * application's argv (argv[0] is the image name). Without `--` the WHOLE
 * line is the application's argv and no parameter is set.
 *
 * Unknown parameters and bad values are reported as warnings and skipped
 * (the variable keeps its default). Syntax errors (unterminated quote,
 * trailing backslash) and exceeded limits stop the parse with an error.
 *
 * Limits, enforced with a message naming the limit:
 *   UK_LIBPARAM_MAX_LINE   bytes in the command line (NUL excluded)
 *   UK_LIBPARAM_MAX_TOKENS words in the command line
 *   UK_LIBPARAM_MAX_ARGV   entries of the application's argv, argv[0] included
 */
#ifndef UK_LIBPARAM_H
#define UK_LIBPARAM_H

#include <stddef.h>
#include <stdint.h>

#define UK_LIBPARAM_MAX_LINE   4096
#define UK_LIBPARAM_MAX_TOKENS 256
#define UK_LIBPARAM_MAX_ARGV   128

enum uk_libparam_type {
	UK_LIBPARAM_BOOL,
	UK_LIBPARAM_S8,
	UK_LIBPARAM_U8,
	UK_LIBPARAM_S16,
	UK_LIBPARAM_U16,
	UK_LIBPARAM_S32,
	UK_LIBPARAM_U32,
	UK_LIBPARAM_S64,
	UK_LIBPARAM_U64,
	UK_LIBPARAM_CHARP, /* points into the command line, which lives forever */
};

/*
 * One registered parameter; an array of these lives in section .uk_libparam.
 * Each variable is declared aligned(8): without it gcc aligns objects of 32
 * bytes or more to 32 on x86_64, which would leave gaps in the array.
 */
struct uk_libparam_desc {
	const char *libname; /* e.g. "libukboot": default prefix "ukboot" */
	const char *prefix;  /* explicit prefix, or NULL */
	const char *name;
	enum uk_libparam_type type;
	unsigned int capacity; /* 1 for a scalar, else the array's length */
	unsigned int *count;   /* arrays: receives the number of values; else NULL */
	void *addr;
} __attribute__((aligned(8)));

/* The type words accepted by the registration macros and their C types */
#define UK_LIBPARAM_T_bool  UK_LIBPARAM_BOOL
#define UK_LIBPARAM_T_s8    UK_LIBPARAM_S8
#define UK_LIBPARAM_T_u8    UK_LIBPARAM_U8
#define UK_LIBPARAM_T_s16   UK_LIBPARAM_S16
#define UK_LIBPARAM_T_u16   UK_LIBPARAM_U16
#define UK_LIBPARAM_T_s32   UK_LIBPARAM_S32
#define UK_LIBPARAM_T_u32   UK_LIBPARAM_U32
#define UK_LIBPARAM_T_s64   UK_LIBPARAM_S64
#define UK_LIBPARAM_T_u64   UK_LIBPARAM_U64
#define UK_LIBPARAM_T_int   UK_LIBPARAM_S32
#define UK_LIBPARAM_T_uint  UK_LIBPARAM_U32
#define UK_LIBPARAM_T_long  UK_LIBPARAM_S64
#define UK_LIBPARAM_T_ulong UK_LIBPARAM_U64
#define UK_LIBPARAM_T_charp UK_LIBPARAM_CHARP
#define UK_LIBPARAM_C_bool  _Bool
#define UK_LIBPARAM_C_s8    int8_t
#define UK_LIBPARAM_C_u8    uint8_t
#define UK_LIBPARAM_C_s16   int16_t
#define UK_LIBPARAM_C_u16   uint16_t
#define UK_LIBPARAM_C_s32   int32_t
#define UK_LIBPARAM_C_u32   uint32_t
#define UK_LIBPARAM_C_s64   int64_t
#define UK_LIBPARAM_C_u64   uint64_t
#define UK_LIBPARAM_C_int   int
#define UK_LIBPARAM_C_uint  unsigned int
#define UK_LIBPARAM_C_long  long
#define UK_LIBPARAM_C_ulong unsigned long
#define UK_LIBPARAM_C_charp char *
#define UK_LIBPARAM_C2_bool UK_LIBPARAM_C_bool
/* `bool` is a macro for _Bool once <stdbool.h> is in, and gets expanded on the way */
#define UK_LIBPARAM_T__Bool  UK_LIBPARAM_BOOL
#define UK_LIBPARAM_C__Bool  _Bool
#define UK_LIBPARAM_C2__Bool _Bool
#define UK_LIBPARAM_C2_s8    UK_LIBPARAM_C_s8
#define UK_LIBPARAM_C2_u8    UK_LIBPARAM_C_u8
#define UK_LIBPARAM_C2_s16   UK_LIBPARAM_C_s16
#define UK_LIBPARAM_C2_u16   UK_LIBPARAM_C_u16
#define UK_LIBPARAM_C2_s32   UK_LIBPARAM_C_s32
#define UK_LIBPARAM_C2_u32   UK_LIBPARAM_C_u32
#define UK_LIBPARAM_C2_s64   UK_LIBPARAM_C_s64
#define UK_LIBPARAM_C2_u64   UK_LIBPARAM_C_u64
#define UK_LIBPARAM_C2_int   UK_LIBPARAM_C_int
#define UK_LIBPARAM_C2_uint  UK_LIBPARAM_C_uint
#define UK_LIBPARAM_C2_long  UK_LIBPARAM_C_long
#define UK_LIBPARAM_C2_ulong UK_LIBPARAM_C_ulong
#define UK_LIBPARAM_C2_charp const char *

#define UK_LIBPARAM_STR_(x) #x
#define UK_LIBPARAM_STR(x)  UK_LIBPARAM_STR_(x)

/* A library may choose its prefix: #define UK_LIBPARAM_PREFIX netdev before the include */
#ifdef UK_LIBPARAM_PREFIX
#define UK_LIBPARAM_PREFIX_STR UK_LIBPARAM_STR(UK_LIBPARAM_PREFIX)
#else
#define UK_LIBPARAM_PREFIX_STR NULL
#endif
#ifdef __LIBNAME__
#define UK_LIBPARAM_LIBNAME UK_LIBPARAM_STR(__LIBNAME__)
#else
#define UK_LIBPARAM_LIBNAME "libunknown"
#endif

/* The outer macros paste and stringify the name before it could be macro-expanded */
#define UK_LIBPARAM_DESC_(id, pfx, namestr, tenum, ctype, ctype2, cap, cnt, var)                   \
	_Static_assert(__builtin_types_compatible_p(__typeof__(var), ctype) ||                     \
	                   __builtin_types_compatible_p(__typeof__(var), ctype2),                  \
	               "parameter " namestr ": variable of the wrong type");                       \
	static const struct uk_libparam_desc id                                                    \
	    __attribute__((used, section(".uk_libparam"), aligned(8))) = {                         \
	        UK_LIBPARAM_LIBNAME, pfx, namestr, tenum, cap, cnt, &(var)}

#define UK_LIBPARAM_DESC_T_(id, pfx, namestr, type, cap, cnt, var)                                 \
	UK_LIBPARAM_DESC_(id, pfx, namestr, UK_LIBPARAM_T_##type, UK_LIBPARAM_C_##type,            \
	                  UK_LIBPARAM_C2_##type, cap, cnt, var)

/* Scalar parameter `prefix.name`; `var` must have the C type of `type` */
#define UK_LIBPARAM_PARAM(name, type, var)                                                         \
	UK_LIBPARAM_DESC_T_(__uk_libparam_##name, UK_LIBPARAM_PREFIX_STR, #name, type, 1, NULL, var)

/* Array parameter: fills `arr` (a C array) and stores how many values in the unsigned `nr` */
#define UK_LIBPARAM_PARAM_ARR(name, type, arr, nr)                                                 \
	UK_LIBPARAM_DESC_T_(__uk_libparam_##name, UK_LIBPARAM_PREFIX_STR, #name, type,             \
	                    sizeof(arr) / sizeof((arr)[0]), &(nr), (arr)[0])

/* The same with an explicit prefix word, e.g. UK_LIBPARAM_PARAM_PREFIX(env, vars, ...) */
#define UK_LIBPARAM_PARAM_PREFIX(prefix, name, type, var)                                          \
	UK_LIBPARAM_DESC_T_(__uk_libparam_##prefix##_##name, #prefix, #name, type, 1, NULL, var)
#define UK_LIBPARAM_PARAM_ARR_PREFIX(prefix, name, type, arr, nr)                                  \
	UK_LIBPARAM_DESC_T_(__uk_libparam_##prefix##_##name, #prefix, #name, type,                 \
	                    sizeof(arr) / sizeof((arr)[0]), &(nr), (arr)[0])

/* -------- the parser (pure C: also built and tested on the host) -------- */

/* One word of the command line after quote removal */
struct uk_libparam_tok {
	char *s;
	int qstart; /* index of the first character that was quoted/escaped, -1 if none */
	int qend;   /* index after the last quoted/escaped character, 0 if none */
};

/*
 * Splits `line` in place into at most `max` words.
 * Returns the number of words, -E2BIG (too many words), or -EINVAL
 * (unterminated quote or trailing backslash); *err_at points at the problem.
 */
int uk_libparam_tokenize(char *line, struct uk_libparam_tok *toks, int max, const char **err_at);

/* Receives warnings (fatal = 0) and errors (fatal = 1) of the parser */
typedef void (*uk_libparam_report_t)(void *arg, int fatal, const char *what, const char *detail);

struct uk_libparam_parser {
	const struct uk_libparam_desc *descs; /* the parameters that exist */
	size_t ndescs;
	uk_libparam_report_t report;
	void *report_arg;
	struct uk_libparam_tok *toks; /* scratch of max_toks entries */
	int max_toks;
	char **argv; /* receives argv, NULL-terminated: max_argv + 1 entries */
	int max_argv;
};

/*
 * Parses `line` (modified in place; values and argv point into it): sets
 * the parameters and fills p->argv with argv0 and the application's words.
 * Returns argc (>= 1) or a negative errno after reporting a fatal error.
 */
int uk_libparam_parse(const struct uk_libparam_parser *p, char *line, const char *argv0);

/* Parses one value of type `t` into *out (validated, nothing else written) */
int uk_libparam_value(enum uk_libparam_type t, const char *s, void *out);

/* The prefix of a parameter: the explicit one, else the library name without "lib" */
const char *uk_libparam_prefix(const struct uk_libparam_desc *d);

/* Kernel side: parses the command line against every registered parameter */
int uk_libparam_parse_cmdline(const char *cmdline, const char *argv0, int *argc, char ***argv);

#endif /* UK_LIBPARAM_H */
