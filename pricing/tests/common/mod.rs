// Each test crate uses a part of these.
#![allow(dead_code)]

pub mod doc;
pub mod fit;
pub mod invariants;
