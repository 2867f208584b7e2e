/* SPDX-License-Identifier: BSD-3-Clause */
/* The boot banner: printed whatever the printk level, like the application's output */
#include <uk/fmt.h>
#include <uk/plat/console.h>
#include "boot.h"

#if CONFIG_LIBUKBOOT_BANNER_POWEREDBY
static const char art[] = "Powered by\n"
                          "##   ## ##   ## ## ##  ## ## ########\n"
                          "##   ## ###  ## ## ## ##  ##    ##\n"
                          "##   ## #### ## ## ####   ##    ##\n"
                          "##   ## ## #### ## ## ##  ##    ##\n"
                          " #####  ##  ### ## ##  ## ##    ##\n";
#endif

void ukboot_print_banner(void)
{
#if CONFIG_LIBUKBOOT_BANNER_POWEREDBY || CONFIG_LIBUKBOOT_BANNER_MINIMAL
	char line[80];
	int n;

#if CONFIG_LIBUKBOOT_BANNER_POWEREDBY
	ukplat_coutk(art, sizeof(art) - 1);
	n = uk_snprintf(line, sizeof(line), "%37s\n", CONFIG_UK_CODENAME " " CONFIG_UK_FULLVERSION);
#else
	n = uk_snprintf(line, sizeof(line), "Powered by Unikit %s (%s)\n", CONFIG_UK_FULLVERSION,
	                CONFIG_UK_CODENAME);
#endif
	if (n > 0 && n < (int)sizeof(line))
		ukplat_coutk(line, (unsigned int)n);
#endif
}
