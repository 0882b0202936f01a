//! Reading the numbers people type (`2.5B`, `300M`, `1.2e9`, `40,000,000`,
//! `20%`) and writing numbers people read (`1.4B`, `$12.4k`).

use std::cmp::Ordering;
use std::fmt;
use std::fmt::Write as _;

use serde::Serialize;

/// Why a typed number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ParseNumberError {
    Empty,
    /// Characters that are not part of a number.
    NotANumber,
    /// A comma that does not separate groups of three digits, as in `2,5`.
    AmbiguousComma,
    UnknownSuffix(String),
}

impl fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseNumberError::Empty => write!(f, "enter a number"),
            ParseNumberError::NotANumber => {
                write!(f, "not a number; try 2.5B, 300M, 1.2e9 or 40,000,000")
            }
            ParseNumberError::AmbiguousComma => write!(
                f,
                "commas may only separate thousands (40,000,000); use a dot for decimals"
            ),
            ParseNumberError::UnknownSuffix(s) => write!(
                f,
                "unknown unit \"{}\"; use k, M, B or T (thousand, million, billion, trillion)",
                truncate(s, 12)
            ),
        }
    }
}

impl std::error::Error for ParseNumberError {}

const SUFFIXES: [(&str, f64); 12] = [
    ("k", 1e3),
    ("thousand", 1e3),
    ("m", 1e6),
    ("mm", 1e6),
    ("million", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("g", 1e9),
    ("billion", 1e9),
    ("t", 1e12),
    ("trillion", 1e12),
    ("q", 1e15),
];

/// Reads a quantity: digits with an optional decimal point and exponent,
/// thousands separated by commas, underscores or spaces, an optional leading
/// `$`, and an optional scale suffix (k, M, B, T, Q or the words). The result
/// is finite; range checks are the caller's.
pub fn parse_quantity(text: &str) -> Result<f64, ParseNumberError> {
    let text = text.trim();
    let text = text.strip_prefix('$').unwrap_or(text).trim_start();
    if text.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    let split = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || matches!(c, '.' | ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '+' | '-')
                || ((c == 'e' || c == 'E') && is_exponent(&text[i..])))
        })
        .map_or(text.len(), |(i, _)| i);
    let (number, suffix) = text.split_at(split);
    let scale = match suffix.trim().to_ascii_lowercase().as_str() {
        "" => 1.0,
        s => match SUFFIXES.iter().find(|(name, _)| *name == s) {
            Some(&(_, scale)) => scale,
            // Only letters after digits read as a unit; `0x10`, `1e`,
            // `-Infinity` and digits of other scripts are no number at all.
            None if number.bytes().any(|b| b.is_ascii_digit())
                && !s.starts_with('e')
                && s.bytes().all(|b| b.is_ascii_alphabetic()) =>
            {
                return Err(ParseNumberError::UnknownSuffix(suffix.trim().to_string()));
            }
            None => return Err(ParseNumberError::NotANumber),
        },
    };
    let digits = strip_separators(number.trim())?;
    if digits.is_empty() || !digits.bytes().any(|b| b.is_ascii_digit()) {
        return Err(ParseNumberError::NotANumber);
    }
    let value = parse_decimal(&digits).ok_or(ParseNumberError::NotANumber)?;
    let value = value * scale;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ParseNumberError::NotANumber)
    }
}

/// Reads a share: `0.2`, `20%` or `20 %`. Returns the fraction (0.2).
pub fn parse_share(text: &str) -> Result<f64, ParseNumberError> {
    let text = text.trim();
    match text.strip_suffix('%') {
        Some(percent) => Ok(parse_quantity(percent)? / 100.0),
        None => parse_quantity(text),
    }
}

/// Significant digits and decimal exponent of a number: `(b"25", 8)` for
/// 2.5e9, meaning 0.25e10 → digits "25" times 10^(exponent - digits).
/// Leading and trailing zeros are dropped; zero is `(b"", 0)`.
fn decimal_digits(text: &str) -> Option<(Vec<u8>, i64)> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], exponent_of(&text[i + 1..])?),
        None => (text, 0),
    };
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if integer.is_empty() && fraction.is_empty()
        || !integer
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut digits: Vec<u8> = integer.bytes().chain(fraction.bytes()).collect();
    // Value = 0.DIGITS x 10^point.
    let mut point = integer.len() as i64 + exponent.clamp(-100_000, 100_000);
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    point -= leading as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        point = 0;
    }
    Some((digits, point))
}

/// Reads `[+-]digits` as an exponent, saturating far beyond any float's
/// range: `1e-99999999999999999999` is zero, as in Rust's own parser.
fn exponent_of(text: &str) -> Option<i64> {
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits
        .bytes()
        .fold(0i64, |e, b| (e * 10 + i64::from(b - b'0')).min(1_000_000));
    Some(sign * magnitude)
}

/// Reads `[+-]digits[.digits][e[+-]digits]` as the nearest f64: exactly for
/// anything Rust's shortest formatting ([`format_plain`], [`format_exponent`])
/// wrote, so share links round-trip; within a unit in the last place for
/// any other text (`pricing/fuzz`, target `number_read`, checks both).
/// Small by design: the standard parser brings 20 KB of tables into the widget.
pub(crate) fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (digits, point) = decimal_digits(unsigned)?;
    let magnitude = if digits.is_empty() {
        0.0
    } else if point > 310 {
        return None;
    } else if point < -330 {
        0.0
    } else {
        // Up to 19 significant digits fit a u64; more only round the last place.
        let kept = digits.len().min(19);
        let mantissa = digits[..kept]
            .iter()
            .fold(0u64, |m, d| m * 10 + u64::from(d - b'0'));
        let scale = point - kept as i64;
        let approx = scaled(mantissa as f64, scale);
        // Walk from the estimate towards the input until a float's shortest
        // decimal equals it; for longer input, stop where the walk turns.
        let target = (digits, point);
        let mut candidate = approx;
        let mut best = approx;
        let mut last_step = Ordering::Equal;
        for _ in 0..64 {
            if !candidate.is_finite() {
                break;
            }
            let step = decimal_order(&shortest_digits(candidate), &target);
            if step == Ordering::Equal {
                best = candidate;
                break;
            }
            if last_step == step.reverse() {
                // The input lies between this float's shortest decimal and
                // the previous one's: either is within a unit in the last place.
                best = candidate;
                break;
            }
            last_step = step;
            candidate = match step {
                Ordering::Less => candidate.next_up(),
                _ => candidate.next_down(),
            };
        }
        best
    };
    if !magnitude.is_finite() {
        return None;
    }
    Some(if negative { -magnitude } else { magnitude })
}

/// Orders two non-negative decimals given as [`decimal_digits`] writes them.
fn decimal_order((a, a_point): &(Vec<u8>, i64), (b, b_point): &(Vec<u8>, i64)) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a_point.cmp(b_point).then_with(|| a.cmp(b)),
    }
}

/// The shortest decimal that reads back as exactly `value`, as
/// significant digits and point position (see [`decimal_digits`]); the sign
/// is dropped.
fn shortest_digits(value: f64) -> (Vec<u8>, i64) {
    decimal_digits(&format_plain(value.abs())).unwrap_or_default()
}

/// The shortest text that reads back as exactly `value`, without exponent
/// (`2500000000`, `0.25`): Rust's `{}`.
pub fn format_plain(value: f64) -> String {
    format!("{value}")
}

/// [`format_plain`] to 12 significant digits: exact for what a person
/// types, without the noise of arithmetic (`-0.0002`, not
/// `-0.00019999999999999998`).
pub fn format_exact(value: f64) -> String {
    format_plain(round_significant(value, 12))
}

/// `value` as Rust's `{:e}` writes it (`2.5e9`, `1e-7`, `0e0`), built from
/// the shortest digits: core's exponent formatter is 2 KB more in the widget.
pub fn format_exponent(value: f64) -> String {
    if !value.is_finite() {
        return format_plain(value);
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let (digits, point) = shortest_digits(value);
    let Some((first, rest)) = digits.split_first() else {
        return format!("{sign}0e0");
    };
    let rest: String = rest.iter().map(|&d| char::from(d)).collect();
    let dot = if rest.is_empty() { "" } else { "." };
    format!("{sign}{}{dot}{rest}e{}", char::from(*first), point - 1)
}

/// `value × 10^power`, in steps that stay exact while they can.
fn scaled(value: f64, power: i64) -> f64 {
    let mut value = value;
    let mut power = power;
    while power > 22 {
        value *= 1e22;
        power -= 22;
    }
    while power < -22 {
        value /= 1e22;
        power += 22;
    }
    let factor = 10f64.powi(power.unsigned_abs() as i32);
    if power >= 0 {
        value * factor
    } else {
        value / factor
    }
}

fn is_exponent(rest: &str) -> bool {
    let rest = &rest[1..];
    let rest = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

fn strip_separators(number: &str) -> Result<String, ParseNumberError> {
    let mantissa_end = number.find(['e', 'E']).unwrap_or(number.len());
    let (mantissa, exponent) = number.split_at(mantissa_end);
    if mantissa.contains(',') {
        let integer = mantissa.split('.').next().unwrap_or("");
        let mut groups = integer.split(',');
        let first = groups.next().unwrap_or("");
        let lead = first.trim_start_matches(['+', '-']);
        let well_formed = !lead.is_empty()
            && lead.len() <= 3
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(ParseNumberError::AmbiguousComma);
        }
    }
    Ok(mantissa
        .chars()
        .chain(exponent.chars())
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect())
}

const SCALES: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];

/// `1_400_000_000.0` -> `"1.4B"`: three significant digits, a scale suffix.
pub fn format_count(value: f64) -> String {
    format_significant(value, 3)
}

/// [`format_count`] to `digits` significant digits: ranges, which are
/// rough, take two (`"10–21"`).
pub fn format_significant(value: f64, digits: i32) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    // Past a thousand trillion, "1e300" and not three hundred digits.
    if magnitude >= 1e18 {
        let exponent = magnitude.log10().floor();
        let mantissa = round_significant(magnitude / crate::units::pow(10.0, exponent), digits);
        return format!("{sign}{}e{exponent}", trim_decimal(mantissa));
    }
    for (scale, suffix) in SCALES {
        let scaled = round_significant(magnitude / scale, digits);
        if scaled >= 1.0 {
            return format!("{sign}{}{suffix}", trim_decimal(scaled));
        }
    }
    format!(
        "{sign}{}",
        trim_decimal(round_significant(magnitude, digits))
    )
}

/// `base` to the power `exponent`, for a positive base: by `exp` and `ln`,
/// which the widget carries anyway, in place of `f64::powf`, whose libm
/// routine alone is 2.2 KB of the bundle (docs/performance.md). Relative
/// error about 1e-15 for fractional exponents; whole ones are exact.
pub fn pow(base: f64, exponent: f64) -> f64 {
    // Whole exponents by multiplication: powers of ten stay exact.
    if exponent.fract() == 0.0 && exponent.abs() <= 64.0 {
        return base.powi(exponent as i32);
    }
    (exponent * base.ln()).exp()
}

/// `12_400.0` -> `"$12.4k"`; small amounts keep cents or significant digits.
pub fn format_usd(value: f64) -> String {
    format_amount(value, "$")
}

/// An amount already in a currency, with its symbol: `"€11.4k"`.
pub fn format_amount(amount: f64, symbol: &str) -> String {
    if !amount.is_finite() {
        return "–".to_string();
    }
    let sign = if amount < 0.0 { "-" } else { "" };
    let magnitude = amount.abs();
    let number = if magnitude >= 1e3 {
        format_count(magnitude)
    } else if magnitude >= 1.0 || magnitude == 0.0 {
        trim_decimal(round_significant(magnitude, 3))
    } else {
        trim_decimal(round_significant(magnitude, 2))
    };
    format!("{sign}{symbol}{number}")
}

/// `12_345.67` -> `"$12,346"`: whole dollars with thousands separators.
pub fn format_usd_whole(value: f64) -> String {
    format_whole(value, "$")
}

/// An amount already in a currency, whole, with thousands separators.
pub fn format_whole(amount: f64, symbol: &str) -> String {
    if !amount.is_finite() {
        return "–".to_string();
    }
    let sign = if amount < 0.0 { "-" } else { "" };
    let digits = format_fixed(amount.abs(), 0);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{symbol}{grouped}")
}

/// A share as a percentage: `0.4237` -> `"42%"`, `0.004` -> `"0.4%"`.
pub fn format_percent(share: f64) -> String {
    if !share.is_finite() {
        return "–".to_string();
    }
    let percent = share * 100.0;
    if percent.abs() >= 10.0 || percent == 0.0 {
        format!("{}%", format_fixed(percent, 0))
    } else {
        format!("{}%", trim_decimal(round_significant(percent, 2)))
    }
}

/// `value` with exactly `decimals` digits after the point, rounded half away
/// from zero: `format_fixed(2.345, 2)` is `"2.35"`. Integer arithmetic, so the
/// widget carries no fixed-precision float formatter.
pub fn format_fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let scale = 10u64.pow(decimals.min(9));
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 9e15 {
        return format_plain(value);
    }
    let scaled = scaled as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let whole = scaled / scale;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = (scaled % scale).to_string();
    let padding = "0".repeat(decimals as usize - fraction.len());
    format!("{sign}{whole}.{padding}{fraction}")
}

/// Like [`format_fixed`], without trailing zeros or a bare point: `"2.5"`, `"3"`.
pub fn format_trimmed(value: f64, max_decimals: u32) -> String {
    let text = format_fixed(value, max_decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (value * factor).round() / factor
}

fn trim_decimal(value: f64) -> String {
    format_trimmed(value, 6)
}

/// Characters that reorder text around them (Unicode bidirectional
/// controls): untrusted text quoted back must not carry them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Untrusted text with every character that does not show (controls,
/// text-direction controls, zero-width and other invisible format
/// characters) written as its code point, `\u{200B}`: a notice quoting
/// `3B` followed by a zero-width space must not read `"3B": not a number`.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let invisible = c.is_control()
            || is_bidi_control(c)
            || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}');
        if invisible {
            let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// At most `max` characters of untrusted text, for messages.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        for (text, value) in [
            ("2.5B", 2.5e9),
            ("300M", 3e8),
            ("300m", 3e8),
            ("1.2e9", 1.2e9),
            ("40,000,000", 4e7),
            ("40 000 000", 4e7),
            ("40_000_000", 4e7),
            ("3 billion", 3e9),
            ("10T", 1e13),
            ("12k", 12e3),
            ("$2.90", 2.9),
            (" 7 ", 7.0),
            ("1,234.5", 1234.5),
            ("2E+6", 2e6),
            ("1.5 bn", 1.5e9),
            ("-3", -3.0),
        ] {
            assert_eq!(parse_quantity(text), Ok(value), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_quantity(""), Err(ParseNumberError::Empty));
        assert_eq!(parse_quantity("  $ "), Err(ParseNumberError::Empty));
        assert_eq!(
            parse_quantity("2,5B"),
            Err(ParseNumberError::AmbiguousComma)
        );
        assert_eq!(
            parse_quantity("1,00"),
            Err(ParseNumberError::AmbiguousComma)
        );
        assert_eq!(
            parse_quantity("5 abc"),
            Err(ParseNumberError::UnknownSuffix("abc".into()))
        );
        // Not units: hexadecimal, a bare exponent, words for infinity,
        // digits of other scripts, letters alone.
        for text in [
            "0x10",
            "1e",
            "-Infinity",
            "NaN",
            "\u{661}\u{662}",
            "abc",
            "12 \u{661}",
        ] {
            assert_eq!(
                parse_quantity(text),
                Err(ParseNumberError::NotANumber),
                "{text}"
            );
        }
        assert_eq!(
            parse_quantity("5 parsecs"),
            Err(ParseNumberError::UnknownSuffix("parsecs".into()))
        );
        for text in ["NaN", "inf", "1e999", "1..2", "--1", ".", "1e", "e9"] {
            assert!(parse_quantity(text).is_err(), "{text}");
        }
    }

    #[test]
    fn decimals_read_back_exactly_what_rust_writes() {
        for v in [
            0.1,
            0.2,
            0.3,
            2.9,
            1.0 / 3.0,
            2.5e9,
            1e16,
            1e-7,
            123_456.789,
            1.0 / 7.0,
            std::f64::consts::E,
            5e-324,
            f64::MAX,
            9_007_199_254_740_993.0,
            3.041_666_666_666_666_5e9,
            1.6875e-6,
        ] {
            for text in [format!("{v}"), format!("{v:e}"), format!("{v:?}")] {
                assert_eq!(parse_decimal(&text), Some(v), "{text}");
            }
        }
        assert_eq!(parse_decimal("-0.5"), Some(-0.5));
        assert_eq!(parse_decimal("00012.50"), Some(12.5));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal("0e5"), Some(0.0));
        assert_eq!(parse_decimal("1e-400"), Some(0.0));
        // Found by fuzzing: an exponent beyond i64 saturates as Rust's does.
        assert_eq!(parse_decimal("5e-010902841550500000010902846"), Some(0.0));
        assert_eq!(parse_decimal("0e99999999999999999999"), Some(0.0));
        assert_eq!(parse_decimal("1e99999999999999999999"), None);
        for bad in [
            "", ".", "e5", "1e", "1e+", "1..2", "--1", "1e999", "0x10", "1_0", " 1",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        // Longer than shortest: within a unit in the last place of the standard parser.
        for long in [
            "0.10000000000000000555111512312578270211815834045410156250001",
            "2.88222005449619600001e295",
            "1.7976931348623157e308",
            "4.9406564584124654e-324",
            // Found by fuzzing: 17 digits that are no float's shortest text.
            "66666666666226626",
            "777777777777777777777776602",
        ] {
            let (ours, std) = (parse_decimal(long).unwrap(), long.parse::<f64>().unwrap());
            assert!(
                (ours.to_bits() as i64 - std.to_bits() as i64).abs() <= 1,
                "{long}: {ours:e} against {std:e}"
            );
        }
    }

    #[test]
    fn reads_shares() {
        assert_eq!(parse_share("20%"), Ok(0.2));
        assert_eq!(parse_share("0.35"), Ok(0.35));
        assert_eq!(parse_share("12.5 %"), Ok(0.125));
    }

    #[test]
    fn writes_counts_people_read() {
        for (value, text) in [
            (1.4e9, "1.4B"),
            (2.5e12, "2.5T"),
            (3e8, "300M"),
            (12_000.0, "12k"),
            (950.0, "950"),
            (999_950_000.0, "1B"),
            (1_234_567.0, "1.23M"),
            (0.0, "0"),
            (1e16, "10000T"),
        ] {
            assert_eq!(format_count(value), text, "{value}");
        }
        assert_eq!(format_count(f64::NAN), "–");
    }

    #[test]
    fn fixed_decimals_without_a_float_formatter() {
        assert_eq!(format_fixed(2.345, 2), "2.35");
        assert_eq!(format_fixed(-0.004, 2), "0.00");
        assert_eq!(format_fixed(-1.5, 0), "-2");
        assert_eq!(format_fixed(0.05, 3), "0.050");
        assert_eq!(format_fixed(12_345.678, 0), "12346");
        assert_eq!(format_trimmed(2.5000, 4), "2.5");
        assert_eq!(format_trimmed(3.0, 4), "3");
        assert_eq!(format_trimmed(0.0001, 4), "0.0001");
        assert_eq!(format_fixed(f64::NAN, 2), "–");
        for v in [0.1, 1.0 / 3.0, 123.456, 1e-7, 7e10] {
            assert_eq!(format_fixed(v, 4), format!("{v:.4}"), "{v}");
        }
        // Beyond u64's reach the shortest form is exact enough.
        assert_eq!(format_fixed(7e14, 4), "700000000000000");
    }

    #[test]
    fn writes_money_people_read() {
        assert_eq!(format_usd(12_400.0), "$12.4k");
        assert_eq!(format_usd(1_250_000.0), "$1.25M");
        assert_eq!(format_usd(950.0), "$950");
        assert_eq!(format_usd(2.5), "$2.5");
        assert_eq!(format_usd(0.42), "$0.42");
        assert_eq!(format_usd(0.00314), "$0.0031");
        assert_eq!(format_usd(-3_000.0), "-$3k");
        assert_eq!(format_usd_whole(12_345.67), "$12,346");
        assert_eq!(format_usd_whole(999.0), "$999");
        assert_eq!(format_usd_whole(-1_000_000.0), "-$1,000,000");
        assert_eq!(format_percent(0.4237), "42%");
        assert_eq!(format_percent(0.004), "0.4%");
    }
}
