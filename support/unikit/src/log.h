/* Messages and exit codes shared by every subcommand. */
#ifndef UNIKIT_LOG_H
#define UNIKIT_LOG_H

#define UNIKIT_EXIT_OK    0
#define UNIKIT_EXIT_FAIL  1
#define UNIKIT_EXIT_USAGE 2

#define UNIKIT_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Names the running subcommand, so every message starts "unikit <cmd>: ". */
void log_set_cmd(const char *cmd);
const char *log_cmd(void);

void log_err(const char *fmt, ...) UNIKIT_PRINTF(1, 2);
void log_warn(const char *fmt, ...) UNIKIT_PRINTF(1, 2);
/* One build-log line on stderr, Kbuild style: "  TAG     text". */
void log_step(const char *tag, const char *fmt, ...) UNIKIT_PRINTF(2, 3);
/* Prints "unikit <cmd>: <msg>\nTry 'unikit <cmd> --help'." and returns UNIKIT_EXIT_USAGE. */
int log_usage_err(const char *fmt, ...) UNIKIT_PRINTF(1, 2);

#endif
