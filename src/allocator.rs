//! The wasm build's global allocator: lol_alloc's free list, which merges
//! neighbouring free blocks, so a long session reuses the memory it freed,
//! and which is the smallest of the allocators measured (dlmalloc, talc and
//! our own earlier size-class allocator; docs/performance.md).

// SAFETY: the widget's wasm build runs on one thread (no `atomics` target
// feature), which is what `AssumeSingleThreaded` requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
