//! decode → encode → decode gives back the same scenario and view, and the
//! written text is a fixed point: links the widget writes read back whole.
#![no_main]

use crossover_pricing::link::{LinkWarning, decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(first) = decode(text) else { return };
    let written = encode(&first.scenario, &first.view);
    let again = decode(&written).expect("a written link is read");
    assert!(
        again
            .warnings
            .iter()
            .all(|w| matches!(w, LinkWarning::Retired { .. })),
        "{text:?} wrote {written:?}, read with {:?}",
        again.warnings
    );
    assert_eq!(again.scenario, first.scenario, "{text:?} wrote {written:?}");
    assert_eq!(again.view, first.view, "{text:?} wrote {written:?}");
    assert_eq!(encode(&again.scenario, &again.view), written, "{text:?}");
});
