/* The embedded initrd: the cpio archive named by UK_EINITRD_PATH (set by the
 * build driver), between uk_einitrd_start and uk_einitrd_end. */
	.section .rodata.einitrd, "a"
	.balign 16
	.globl uk_einitrd_start
	.globl uk_einitrd_end
uk_einitrd_start:
	.incbin UK_EINITRD_PATH
uk_einitrd_end:
	.byte 0

	.section .note.GNU-stack, "", @progbits
