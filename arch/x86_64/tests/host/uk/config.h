/* host stand-in for the generated <uk/config.h>: options come as -D flags */
