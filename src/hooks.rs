//! The hooks `App` is built from, one per file: each keeps one piece of the
//! page in step with the state.

pub mod use_fragment_sync;
pub mod use_iframe_height;
pub mod use_palette;
