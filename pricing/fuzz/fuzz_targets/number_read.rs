//! The number reader: a finite result or an error, the same value as Rust's
//! own parser where both read the text, and every field's reader agrees.
#![no_main]

use crossover_pricing::fields::FIELDS;
use crossover_pricing::units::{format_plain, parse_quantity, parse_share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let quantity = parse_quantity(text);
    if let Ok(v) = quantity {
        assert!(v.is_finite(), "{text:?} read as {v}");
        assert_eq!(parse_quantity(&format_plain(v)), Ok(v), "{text:?}");
    }
    let plain = text.trim();
    let std_readable = !plain.is_empty()
        && plain
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && plain.bytes().any(|b| b.is_ascii_digit());
    if let (true, Ok(expected)) = (std_readable, plain.parse::<f64>()) {
        if expected.is_finite() {
            let ours = quantity.expect("Rust reads it, so must we");
            // The documented contract: exact for the shortest text of a
            // float (all that links and the widget write), within a unit in
            // the last place for any other text.
            let ulps = ours.to_bits().abs_diff(expected.to_bits());
            let allowed = u64::from(significant(plain) != significant(&format_plain(expected)));
            assert!(ulps <= allowed, "{text:?}: {ours} against {expected}");
        }
    }
    if let Ok(v) = parse_share(text) {
        assert!(v.is_finite(), "{text:?} read as share {v}");
    }
    for spec in FIELDS {
        if let Ok(v) = spec.read(text) {
            assert!(v.is_finite(), "{:?} read {text:?} as {v}", spec.field);
        }
    }
});

/// The significant digits of a decimal text, without leading or trailing zeros.
fn significant(text: &str) -> String {
    let mantissa = text.split(['e', 'E']).next().unwrap_or_default();
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string()
}
