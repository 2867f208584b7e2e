/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues in the legacy layout: descriptor table, then the
 * available ring, then (at the next 4 KiB boundary) the used ring, all in
 * one physically contiguous block from the page allocator. The image is
 * identity mapped, so the addresses given to the device are the pointers.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include "virtio.h"

#define PAGE_SIZE 4096UL

/* x86 keeps stores in order and loads in order; only the compiler must not
 * reorder, except store-then-load, which needs a full fence */
#define compiler_barrier() __asm__ __volatile__("" : : : "memory")
#define full_barrier()     __atomic_thread_fence(__ATOMIC_SEQ_CST)

static size_t align_up(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static size_t ring_bytes(uint16_t size, size_t *used_off)
{
	size_t avail_end = sizeof(struct vring_desc) * size + sizeof(uint16_t) * (3 + size);

	*used_off = align_up(avail_end, VIRTIO_LEG_RING_ALIGN);
	return *used_off + sizeof(uint16_t) * 3 + sizeof(struct vring_used_elem) * size;
}

static int virtq_alloc(struct virtq *vq, uint16_t size, uint16_t ndesc, uint32_t buf_size)
{
	struct uk_alloc *a = uk_alloc_get_default();
	size_t used_off, bytes = ring_bytes(size, &used_off);

	vq->ring_pages = align_up(bytes, PAGE_SIZE) / PAGE_SIZE;
	vq->buf_pages = align_up((size_t)ndesc * buf_size, PAGE_SIZE) / PAGE_SIZE;
	vq->ring_mem = uk_palloc(a, vq->ring_pages);
	vq->buffers = uk_palloc(a, vq->buf_pages);
	vq->free = uk_malloc(a, sizeof(uint16_t) * ndesc);
	if (!vq->ring_mem || !vq->buffers || !vq->free) {
		virtq_destroy(vq);
		return -ENOMEM;
	}
	memset(vq->ring_mem, 0, vq->ring_pages * PAGE_SIZE);
	vq->desc = vq->ring_mem;
	vq->avail =
	    (struct vring_avail *)((uint8_t *)vq->ring_mem + sizeof(struct vring_desc) * size);
	vq->used = (struct vring_used *)((uint8_t *)vq->ring_mem + used_off);
	return 0;
}

int virtq_create(struct virtq *vq, struct virtio_dev *vd, uint16_t index, uint16_t ndesc,
                 uint32_t buf_size)
{
	uint16_t size = virtio_queue_size(vd, index), i;
	int rc;

	memset(vq, 0, sizeof(*vq));
	/* legacy queue sizes are powers of two fixed by the device */
	if (size == 0 || (size & (size - 1)))
		return -ENODEV;
	if (buf_size == 0 || buf_size > PAGE_SIZE || (buf_size & (buf_size - 1)))
		return -EINVAL;
	vq->vdev = vd;
	vq->index = index;
	vq->size = size;
	vq->ndesc = ndesc < size ? ndesc : size;
	vq->buf_size = buf_size;
	rc = virtq_alloc(vq, size, vq->ndesc, buf_size);
	if (rc)
		return rc;
	for (i = 0; i < vq->ndesc; i++) {
		vq->desc[i].addr = (uint64_t)(uintptr_t)virtq_buf(vq, i);
		vq->free[i] = (uint16_t)(vq->ndesc - 1 - i);
	}
	vq->nfree = vq->ndesc;
	rc = virtio_queue_activate(vd, vq);
	if (rc)
		virtq_destroy(vq);
	return rc;
}

void virtq_destroy(struct virtq *vq)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (vq->ring_mem)
		uk_pfree(a, vq->ring_mem, vq->ring_pages);
	if (vq->buffers)
		uk_pfree(a, vq->buffers, vq->buf_pages);
	if (vq->free)
		uk_free(a, vq->free);
	vq->ring_mem = vq->buffers = NULL;
	vq->free = NULL;
}

void virtq_post(struct virtq *vq, uint16_t id, uint32_t len, int write)
{
	vq->desc[id].len = len;
	vq->desc[id].flags = write ? VRING_DESC_F_WRITE : 0;
	vq->desc[id].next = 0;
	vq->avail->ring[vq->avail_idx % vq->size] = id;
	vq->avail_idx++;
}

void virtq_kick(struct virtq *vq)
{
	/* descriptors and ring entries before the index that publishes them */
	compiler_barrier();
	*(volatile uint16_t *)&vq->avail->idx = vq->avail_idx;
	/* the device must see the new index before we read its flags */
	full_barrier();
	if (!(*(volatile uint16_t *)&vq->used->flags & VRING_USED_F_NO_NOTIFY))
		virtio_queue_notify(vq);
}

int virtq_has_used(const struct virtq *vq)
{
	return *(volatile uint16_t *)&vq->used->idx != vq->last_used;
}

int virtq_take_used(struct virtq *vq, uint16_t *id, uint32_t *len)
{
	struct vring_used_elem *e;

	while (virtq_has_used(vq)) {
		/* the element is read only after the index that published it */
		compiler_barrier();
		e = &vq->used->ring[vq->last_used % vq->size];
		vq->last_used++;
		/* an id we never posted would index past our buffers: skip it */
		if (e->id < vq->ndesc) {
			*id = (uint16_t)e->id;
			*len = e->len;
			return 1;
		}
	}
	return 0;
}

int virtq_alloc_desc(struct virtq *vq, uint16_t *id)
{
	if (!vq->nfree)
		return 0;
	*id = vq->free[--vq->nfree];
	return 1;
}

void virtq_free_desc(struct virtq *vq, uint16_t id)
{
	vq->free[vq->nfree++] = id;
}
