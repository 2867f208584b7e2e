/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VGA text mode console: 80x25 cells at 0xb8000. Scrolling moves the CRTC
 * start address down the 32 KiB text window instead of copying the screen:
 * VGA memory is emulated MMIO, and under KVM every access is a VM exit, so
 * a copying scroll (2000 reads + 2000 writes a line) would dominate the
 * cost of printing. A RAM shadow of the visible screen is copied back to
 * the top of the window only when the window runs out (every ~180 lines).
 *
 * Output is not drawn at once: until the first idle (halt_until), the
 * timer interrupt boot arms 50 ms ahead, a crash or power-off, or 4 KiB of
 * text, it is kept in a RAM buffer and then drawn in one go (probe first).
 * Drawing the boot log cell by cell, each cell an emulated MMIO store, with
 * its code translated first under TCG, was ~0.3 ms of a 5 ms boot on pc:
 * time before main() for a screen that QEMU's -nographic runs never show.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/console.h>
#include <kvm/printk.h>

#define VGA_BASE       0xb8000UL
#define VGA_COLS       80
#define VGA_ROWS       25
#define VGA_MEM_ROWS   ((32 * 1024 / 2) / VGA_COLS) /* rows in the text window */
#define VGA_ATTR       0x07                         /* light grey on black */
#define VGA_BLANK      ((VGA_ATTR << 8) | ' ')
#define VGA_CRTC_I     0x3d4
#define VGA_CRTC_D     0x3d5
#define CRTC_START_HI  0x0c
#define CRTC_START_LO  0x0d
#define CRTC_CURSOR_HI 0x0e
#define CRTC_CURSOR_LO 0x0f
#define VGA_TABSTOP    8

#define VGA_PROBE 0x5a /* neither 0 nor all ones (what an absent port reads) */

#define VGA_DEFER_BYTES 4096 /* the boot log up to main() is ~1.1 KiB */

/*
 * 0 when the machine has no VGA (QEMU microvm, pc with -vga none). Writing
 * its text window anyway cost ~0.5 ms of TCG boot on microvm (the 2000-cell
 * clear, then every byte of the boot log), for a screen nobody has.
 */
int kvm_vga_present;

static uint16_t shadow[VGA_ROWS][VGA_COLS];
static unsigned int top; /* window row shown on the first screen line */
static unsigned int vga_row, vga_col;
/* cells [0, row_end) of the cursor's row were written since it was entered:
 * rows are blanked lazily, only as far as text did not cover them (a full
 * clear at boot stored 2000 cells, each an emulated MMIO write, ~0.3 ms of
 * TCG boot on pc) */
static unsigned int row_end;

/* 1 until kvm_vga_flush(): output is kept in deferred[]; 2: kept, and
 * due to be drawn at the next write (the timer interrupt came during one).
 * Initialised, so in .data: the .bss clearing runs after it is first read */
static volatile int deferring = 1;
static char deferred[VGA_DEFER_BYTES + 1]; /* a spare byte: keep() */
static unsigned int ndeferred;
/* writes into deferred[] under way (nested from an interrupt: 2) */
static volatile unsigned int keeping;

static void crtc_write16(uint8_t hi_reg, uint16_t v)
{
	outb(VGA_CRTC_I, hi_reg);
	outb(VGA_CRTC_D, v >> 8);
	outb(VGA_CRTC_I, hi_reg + 1);
	outb(VGA_CRTC_D, v & 0xff);
}

static void vga_store(unsigned int row, unsigned int col, uint16_t v)
{
	volatile uint16_t *mem = (volatile uint16_t *)VGA_BASE;

	shadow[row][col] = v;
	mem[(top + row) * VGA_COLS + col] = v;
}

/* Rewrites the whole screen at the top of the window from the shadow */
static void vga_rewind(void)
{
	unsigned int r, c;

	top = 0;
	for (r = 0; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			vga_store(r, c, shadow[r][c]);
}

static void vga_scroll(void)
{
	unsigned int r, c;

	for (r = 1; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			shadow[r - 1][c] = shadow[r][c];
	if (top + VGA_ROWS < VGA_MEM_ROWS)
		top++;
	else
		vga_rewind();
	/* the new bottom row is blanked lazily too (vga_finish_row) */
	for (c = 0; c < VGA_COLS; c++)
		shadow[VGA_ROWS - 1][c] = VGA_BLANK;
	crtc_write16(CRTC_START_HI, (uint16_t)(top * VGA_COLS));
}

static void vga_move_cursor(void)
{
	crtc_write16(CRTC_CURSOR_HI, (uint16_t)((top + vga_row) * VGA_COLS + vga_col));
}

/* Blanks what text left uncovered in the cursor's row */
static void vga_finish_row(void)
{
	for (; row_end < VGA_COLS; row_end++)
		vga_store(vga_row, row_end, VGA_BLANK);
}

static void vga_newline(void)
{
	vga_finish_row();
	row_end = 0;
	vga_col = 0;
	if (++vga_row == VGA_ROWS) {
		vga_scroll();
		vga_row = VGA_ROWS - 1;
	}
}

/* A CRTC register keeps a value written to it; without VGA the port reads
 * back all ones. (The text window is no test: QEMU's microvm has RAM there) */
static int vga_probe(void)
{
	outb(VGA_CRTC_I, CRTC_CURSOR_LO);
	outb(VGA_CRTC_D, VGA_PROBE);
	return inb(VGA_CRTC_D) == VGA_PROBE;
}

static void vga_init(void)
{
	unsigned int r, c;

	kvm_vga_present = vga_probe();
	if (!kvm_vga_present)
		return;
	/* the firmware's text stays in the rows below until the log gets there */
	top = 0;
	for (r = 0; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			shadow[r][c] = VGA_BLANK;
	vga_row = vga_col = row_end = 0;
	crtc_write16(CRTC_START_HI, 0);
	vga_move_cursor();
}

/* A character in the cell at the cursor (anything but \n, \r and \t) */
static void vga_put_glyph(char c)
{
	vga_store(vga_row, vga_col, (uint16_t)((VGA_ATTR << 8) | (uint8_t)c));
	if (row_end <= vga_col)
		row_end = vga_col + 1;
	if (++vga_col == VGA_COLS)
		vga_newline();
}

static void vga_putc(char c)
{
	/* the usual character first: one test on its path (under TCG each
	 * test on a path run at boot is one more block to translate) */
	if ((unsigned char)c > '\r') {
		vga_put_glyph(c);
		return;
	}
	switch (c) {
	case '\n':
		vga_newline();
		vga_move_cursor();
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\t':
		/* the skipped cells are written: they may hold older text */
		do
			vga_store(vga_row, vga_col++, VGA_BLANK);
		while (vga_col & (VGA_TABSTOP - 1));
		if (row_end < vga_col)
			row_end = vga_col;
		if (vga_col >= VGA_COLS)
			vga_newline();
		break;
	default:
		vga_put_glyph(c);
		break;
	}
}

/*
 * Kept for later without a branch on the way (under TCG each one is a
 * block to translate at boot). Past the buffer's end the spare byte is
 * overwritten, which only a nested write can reach: the outermost one
 * draws a full buffer. The timer interrupt does not draw in the middle of
 * this, it marks the drawing due (kvm_vga_due()).
 */
static void keep(char c)
{
	unsigned int outer = ++keeping == 1;
	unsigned int n = ndeferred;

	deferred[n] = c;
	ndeferred = n + (n < VGA_DEFER_BYTES);
	keeping--;
	if (outer & ((ndeferred >= VGA_DEFER_BYTES) | (deferring != 1)))
		kvm_vga_flush();
}

void kvm_vga_putc(char c)
{
	if (deferring) {
		keep(c);
		return;
	}
	if (kvm_vga_present)
		vga_putc(c);
}

void kvm_vga_due(void)
{
	if (!keeping)
		kvm_vga_flush();
	else if (deferring)
		deferring = 2;
}

void kvm_vga_flush(void)
{
	unsigned long flags = ukarch_irq_save();
	unsigned int i;

	if (deferring) {
		deferring = 0;
		vga_init();
		for (i = 0; kvm_vga_present && i < ndeferred; i++)
			vga_putc(deferred[i]);
		ndeferred = 0;
		if (kvm_vga_present)
			kvm_debug("VGA: text console at 0x%lx\n", VGA_BASE);
		else
			kvm_debug("VGA: none (the CRTC does not keep a value written to it)\n");
	}
	ukarch_irq_restore(flags);
}
