/* The subcommands: each takes its own argv (argv[0] is the subcommand name). */
#ifndef UNIKIT_CMDS_H
#define UNIKIT_CMDS_H

int cmd_fetch(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_mkcpio(int argc, char **argv);
int cmd_kconfig_report(int argc, char **argv);

#endif
