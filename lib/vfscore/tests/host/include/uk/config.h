/* Host build: the options the tested code looks at */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H
#define CONFIG_LIBUKDEBUG_PRINTK      1
#define CONFIG_LIBUKDEBUG_PRINTK_INFO 1
#define CONFIG_LIBDEVFS_DEVSTDOUT     1
#endif
