/*
 * wxtest - the image's protections hold: `write-text` writes into kernel
 * code, `exec-data` jumps into a data buffer. Either must fault (a page
 * fault on a present page) and crash the domain; reaching the line after
 * the attempt is a failure.
 */
#include <pvmini.h>

static unsigned char code_in_data[16] = { 0xc3 }; /* ret */

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "write-text")) {
		volatile unsigned char *text = (unsigned char *)printk;

		printk("wxtest: writing to printk at %p\n", (void *)text);
		*text = 0xcc;
	} else if (argc == 2 && !strcmp(argv[1], "exec-data")) {
		void (*fn)(void) = (void (*)(void))code_in_data;

		printk("wxtest: calling data at %p\n", (void *)code_in_data);
		fn();
	} else {
		printk("usage: wxtest write-text|exec-data\n");
		return 2;
	}
	printk("wxtest: NOT PROTECTED\n");
	return 1;
}
