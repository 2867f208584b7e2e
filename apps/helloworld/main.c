#include <stdio.h>

int main(int argc, char *argv[])
{
	printf("Hello from Unikit!\n");
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	return 3;
}
