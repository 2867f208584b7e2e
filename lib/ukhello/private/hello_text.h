#ifndef HELLO_TEXT_H
#define HELLO_TEXT_H

/* Private header: only lib/ukhello sees this folder. */
#ifdef HELLO_LOUD
#define HELLO_TEXT "HELLO FROM LIBUKHELLO"
#else
#define HELLO_TEXT "Hello from libukhello"
#endif

#endif
