//! The wasm build's memory allocator: blocks in power-of-two size classes, a
//! free list per class, fresh memory from `memory.grow`, nothing handed back.
//! The standard one (dlmalloc) is about 2 KB more of the compressed bundle
//! (docs/performance.md). The widget allocates and frees the same few sizes
//! on every redraw, which size classes suit; what they waste is at most half
//! of each block.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr::null_mut;

pub const PAGE_BYTES: usize = 65_536;
/// Smallest block: room for the free list's link.
const MIN_CLASS: u32 = 3;
const CLASSES: usize = usize::BITS as usize;
/// Pages asked for at once, so small blocks do not grow memory one page at a time.
const MIN_GROW_PAGES: usize = 16;

/// Where fresh pages come from: `memory.grow` in the browser, a leaked
/// buffer in native tests.
pub trait Pages {
    /// Adds `count` pages and returns the address of the first, or `None`.
    fn grow(&self, count: usize) -> Option<usize>;
}

pub struct SizeClassAllocator<P> {
    pages: P,
    /// Head of each class's free list; 0 when empty. A free block's first
    /// word holds the next one's address.
    free: [Cell<usize>; CLASSES],
    next: Cell<usize>,
    end: Cell<usize>,
}

impl<P: Pages> SizeClassAllocator<P> {
    pub const fn new(pages: P) -> Self {
        SizeClassAllocator {
            pages,
            free: [const { Cell::new(0) }; CLASSES],
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }

    fn class(layout: Layout) -> Option<usize> {
        // Blocks are aligned to at most a page; larger alignments are refused.
        if layout.align() > PAGE_BYTES {
            return None;
        }
        let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
        let class = size.checked_next_power_of_two()?.trailing_zeros() as usize;
        (class < CLASSES).then_some(class)
    }

    /// A new block of `size` bytes, aligned to its size up to a page, so
    /// that it suits any layout of its class (alignment at most a page) when
    /// it is reused.
    fn carve(&self, size: usize) -> Option<usize> {
        let align = size.min(PAGE_BYTES);
        let aligned = |at: usize| at.checked_add(align - 1).map(|a| a & !(align - 1));
        let mut start = aligned(self.next.get())?;
        if start.checked_add(size)? > self.end.get() {
            let count = size
                .checked_add(align)?
                .div_ceil(PAGE_BYTES)
                .max(MIN_GROW_PAGES);
            let first = self.pages.grow(count)?;
            if first != self.end.get() {
                self.next.set(first);
            }
            self.end
                .set(first.checked_add(count.checked_mul(PAGE_BYTES)?)?);
            start = aligned(self.next.get())?;
        }
        self.next.set(start + size);
        Some(start)
    }
}

unsafe impl<P: Pages> GlobalAlloc for SizeClassAllocator<P> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class(layout) else {
            return null_mut();
        };
        let head = &self.free[class];
        let block = head.get();
        if block != 0 {
            // SAFETY: a free block of this class, whose first word dealloc wrote.
            head.set(unsafe { *(block as *const usize) });
            return block as *mut u8;
        }
        self.carve(1 << class).map_or(null_mut(), |b| b as *mut u8)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(class) = Self::class(layout) {
            let head = &self.free[class];
            // SAFETY: the caller gives back a block of at least 8 bytes, aligned to a word.
            unsafe { *(ptr as *mut usize) = head.get() };
            head.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller promises `new_size` is a valid size for `layout.align()`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if Self::class(layout) == Self::class(new_layout) {
            return ptr;
        }
        // SAFETY: as for any allocation; the two blocks do not overlap.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub struct WasmPages;

#[cfg(target_arch = "wasm32")]
impl Pages for WasmPages {
    fn grow(&self, count: usize) -> Option<usize> {
        let previous = core::arch::wasm32::memory_grow::<0>(count);
        (previous != usize::MAX).then(|| previous * PAGE_BYTES)
    }
}

// SAFETY: the widget's wasm build has one thread (no `atomics` target
// feature), so the cells are never touched from two threads.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for SizeClassAllocator<WasmPages> {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: SizeClassAllocator<WasmPages> = SizeClassAllocator::new(WasmPages);

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from one buffer that is never freed (tests only).
    struct Arena {
        base: usize,
        used: Cell<usize>,
        capacity: usize,
    }

    impl Arena {
        fn new(capacity: usize) -> Arena {
            let buffer = vec![0u8; capacity * PAGE_BYTES].leak();
            Arena {
                base: buffer.as_mut_ptr() as usize,
                used: Cell::new(0),
                capacity,
            }
        }
    }

    impl Pages for Arena {
        fn grow(&self, count: usize) -> Option<usize> {
            let used = self.used.get();
            (used + count <= self.capacity).then(|| {
                self.used.set(used + count);
                self.base + used * PAGE_BYTES
            })
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_reused_and_keep_their_bytes() {
        let heap = SizeClassAllocator::new(Arena::new(512));
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        // A fixed pseudo-random walk of allocations, reallocations and frees.
        let mut seed = 0x2545_f491_u32;
        for step in 0..20_000u32 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let size = 1 + ((seed as usize % 3000) >> (seed % 7));
            let align = 1 << (seed % 5);
            let fill = step as u8;
            match seed % 4 {
                0 | 1 => {
                    let layout = Layout::from_size_align(size, align).unwrap();
                    let ptr = unsafe { heap.alloc(layout) };
                    assert!(!ptr.is_null());
                    assert_eq!(ptr as usize % align, 0);
                    unsafe { ptr.write_bytes(fill, size) };
                    live.push((ptr, layout, fill));
                }
                2 if !live.is_empty() => {
                    let (ptr, layout, fill) = live.swap_remove(seed as usize % live.len());
                    let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
                    assert!(bytes.iter().all(|&b| b == fill), "a block was overwritten");
                    unsafe { heap.dealloc(ptr, layout) };
                }
                _ if !live.is_empty() => {
                    let i = seed as usize % live.len();
                    let (ptr, layout, fill) = live[i];
                    let moved = unsafe { heap.realloc(ptr, layout, size) };
                    assert!(!moved.is_null());
                    assert_eq!(moved as usize % layout.align(), 0);
                    let kept = layout.size().min(size);
                    let bytes = unsafe { std::slice::from_raw_parts(moved, kept) };
                    assert!(bytes.iter().all(|&b| b == fill), "realloc lost bytes");
                    unsafe { moved.write_bytes(fill, size) };
                    live[i] = (
                        moved,
                        Layout::from_size_align(size, layout.align()).unwrap(),
                        fill,
                    );
                }
                _ => {}
            }
        }
        let mut spans: Vec<(usize, usize)> = live
            .iter()
            .map(|&(p, l, _)| (p as usize, p as usize + l.size()))
            .collect();
        spans.sort_unstable();
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "live blocks overlap"
        );
        for (ptr, layout, fill) in live {
            let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            assert!(bytes.iter().all(|&b| b == fill), "a block was overwritten");
        }
        // Freed blocks come back before memory grows again.
        let used = heap.pages.used.get();
        let layout = Layout::from_size_align(100, 8).unwrap();
        for _ in 0..1000 {
            let ptr = unsafe { heap.alloc(layout) };
            unsafe { heap.dealloc(ptr, layout) };
        }
        assert_eq!(heap.pages.used.get(), used);
    }

    #[test]
    fn running_out_of_pages_or_a_huge_alignment_gives_null_not_a_panic() {
        let heap = SizeClassAllocator::new(Arena::new(MIN_GROW_PAGES));
        let huge = Layout::from_size_align(MIN_GROW_PAGES * PAGE_BYTES, 8).unwrap();
        assert!(unsafe { heap.alloc(huge) }.is_null());
        let too_big = Layout::from_size_align(isize::MAX as usize, 1).unwrap();
        assert!(unsafe { heap.alloc(too_big) }.is_null());
        let over_aligned = Layout::from_size_align(8, 2 * PAGE_BYTES).unwrap();
        assert!(unsafe { heap.alloc(over_aligned) }.is_null());
        let small = Layout::from_size_align(24, 8).unwrap();
        assert!(!unsafe { heap.alloc(small) }.is_null());
    }
}
