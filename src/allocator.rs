//! The wasm build's global allocator: talc, whose free blocks sit in size
//! bins, so finding and returning one takes the same few steps however many
//! blocks the heap holds. lol_alloc's free list, smaller by 319 B, walks its
//! list on every allocation and free: a scenario of 12 APIs and 8
//! deployments spent half of each change there (docs/performance.md).

// The widget's wasm build runs on one thread (no `atomics` target feature),
// which talc's wasm allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
