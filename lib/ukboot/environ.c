/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main()'s environment: PATH=/bin unless the command line sets PATH, plus
 * every `env.vars=[ NAME=value ... ]` entry (the form container runtimes
 * such as urunc pass).
 */
#include <uk/libparam.h>
#include <uk/print.h>
#include "boot.h"

#define ENV_MAX 64

static char *env_vars[ENV_MAX];
static unsigned int env_nr;
UK_LIBPARAM_PARAM_ARR_PREFIX(env, vars, charp, env_vars, env_nr);

static char default_path[] = "PATH=/bin";
static char *envp[ENV_MAX + 2];

static int sets_path(const char *v)
{
	return v[0] == 'P' && v[1] == 'A' && v[2] == 'T' && v[3] == 'H' && v[4] == '=';
}

static int has_equal(const char *v)
{
	for (; *v; v++)
		if (*v == '=')
			return 1;
	return 0;
}

char **ukboot_environment(void)
{
	unsigned int i, n = 0, path = 0;

	for (i = 0; i < env_nr; i++)
		path |= sets_path(env_vars[i]);
	if (!path)
		envp[n++] = default_path;
	for (i = 0; i < env_nr; i++) {
		if (!has_equal(env_vars[i])) {
			uk_pr_warn("Ignoring environment entry without '=': %s\n", env_vars[i]);
			continue;
		}
		envp[n++] = env_vars[i];
	}
	envp[n] = NULL;
	return envp;
}

void ukboot_log_environment(char *const env[])
{
	uk_pr_info("Environment variables:\n");
	for (; *env; env++)
		uk_pr_info("       %s\n", *env);
}
