/* SPDX-License-Identifier: BSD-3-Clause */
/* The steps of the boot sequence, one file each */
#ifndef UKBOOT_PRIVATE_BOOT_H
#define UKBOOT_PRIVATE_BOOT_H

/* Status the VM exits with when the boot cannot continue */
#define UKBOOT_EXIT_FAILURE 1

/* Stops the boot: `why` was already reported with uk_pr_crit */
void ukboot_fail(void) __attribute__((noreturn));

/* The default allocator over every free memory region; 0 or -errno */
int ukboot_init_memory(void);

/* The boot banner, unless configured off */
void ukboot_print_banner(void);

/* main()'s environment: defaults plus env.vars=[ ... ], NULL-terminated */
char **ukboot_environment(void);
/* The "Environment variables:" log lines */
void ukboot_log_environment(char *const env[]);

/* The "Calling main(...)" line */
void ukboot_log_main_call(int argc, char *const argv[]);

/* Runs the C constructors (.init_array, .ctors) */
void ukboot_run_ctors(void);

/* The application's arguments, from the command line */
extern int ukboot_argc;
extern char **ukboot_argv;

/* The main thread: init levels lib..late, then main() */
void ukboot_main_thread(void *arg) __attribute__((noreturn));

#endif /* UKBOOT_PRIVATE_BOOT_H */
