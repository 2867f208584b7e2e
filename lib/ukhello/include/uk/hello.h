#ifndef UK_HELLO_H
#define UK_HELLO_H

/* The greeting ukhello printed at boot (exported API of the example library). */
const char *uk_hello_greeting(void);

#endif
