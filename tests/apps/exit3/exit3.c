/* exit3 - returns 3: the kernel must say "exit code 3" and crash-stop. */
#include <pvmini.h>

int main(void)
{
	printk("exit3: returning 3\n");
	return 3;
}
