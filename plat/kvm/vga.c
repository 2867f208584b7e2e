/* SPDX-License-Identifier: BSD-3-Clause */
/* VGA text mode console: 80x25 cells at 0xb8000, scrolls at the bottom */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/console.h>

#define VGA_BASE    0xb8000UL
#define VGA_COLS    80
#define VGA_ROWS    25
#define VGA_ATTR    0x07 /* light grey on black */
#define VGA_CRTC_I  0x3d4
#define VGA_CRTC_D  0x3d5
#define VGA_TABSTOP 8

static unsigned int vga_row, vga_col;

static volatile uint16_t *vga_cell(unsigned int row, unsigned int col)
{
	return (volatile uint16_t *)VGA_BASE + row * VGA_COLS + col;
}

static void vga_clear_row(unsigned int row)
{
	unsigned int c;

	for (c = 0; c < VGA_COLS; c++)
		*vga_cell(row, c) = (VGA_ATTR << 8) | ' ';
}

static void vga_scroll(void)
{
	unsigned int r, c;

	for (r = 1; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			*vga_cell(r - 1, c) = *vga_cell(r, c);
	vga_clear_row(VGA_ROWS - 1);
}

static void vga_move_cursor(void)
{
	uint16_t pos = (uint16_t)(vga_row * VGA_COLS + vga_col);

	outb(VGA_CRTC_I, 0x0f);
	outb(VGA_CRTC_D, pos & 0xff);
	outb(VGA_CRTC_I, 0x0e);
	outb(VGA_CRTC_D, pos >> 8);
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row == VGA_ROWS) {
		vga_scroll();
		vga_row = VGA_ROWS - 1;
	}
}

void kvm_vga_init(void)
{
	unsigned int r;

	for (r = 0; r < VGA_ROWS; r++)
		vga_clear_row(r);
	vga_row = vga_col = 0;
	vga_move_cursor();
}

void kvm_vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_newline();
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\t':
		vga_col = (vga_col + VGA_TABSTOP) & ~(VGA_TABSTOP - 1);
		if (vga_col >= VGA_COLS)
			vga_newline();
		break;
	default:
		*vga_cell(vga_row, vga_col) = (uint16_t)((VGA_ATTR << 8) | (uint8_t)c);
		if (++vga_col == VGA_COLS)
			vga_newline();
		break;
	}
	if (c == '\n')
		vga_move_cursor();
}
