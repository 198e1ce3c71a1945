/*
 * hello-libc - hello, through newlib's stdio: the same greeting as
 * apps/hello, so that `make size` shows what the C library costs.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("Hello from pvmini and newlib!\n");
	for (int i = 1; i < argc; i++)
		printf("argv[%d]: \"%s\"\n", i, argv[i]);
	return 0;
}
