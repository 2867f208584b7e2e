#include "cmds.h"
#include "log.h"
int cmd_fetch(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	log_err("not implemented");
	return 1;
}
