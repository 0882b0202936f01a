//! Any text a stranger puts in a link decodes into a scenario the model
//! accepts, with no panic.
#![no_main]

use crossover_pricing::compare;
use crossover_pricing::link::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(decoded) = decode(text) {
        assert!(decoded.scenario.workload.validate().is_ok(), "{text:?}");
        for d in &decoded.scenario.deployments {
            assert!(d.validate().is_ok(), "{text:?}");
        }
        assert!(compare(&decoded.scenario).is_ok(), "{text:?}");
    }
});
