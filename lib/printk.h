/* printk.h - where printk's text goes (lib/printk.c). */
#ifndef LIB_PRINTK_H
#define LIB_PRINTK_H

#include <stddef.h>

/* The console driver's write function; called once it can write. */
void printk_set_output(void (*write)(const char *s, size_t n));

#endif
