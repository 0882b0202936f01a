#![cfg(not(target_arch = "wasm32"))]
//! The catalogue schema (`build/schema/`, which build.rs runs on `data/`) fed
//! bad files: each class of bad input must be refused with the file and the
//! entry named, and the line (and column, where toml reports one).
//!
//! Each test takes the real catalogue, breaks one thing in one file and reads
//! the problems back.

#[allow(dead_code)]
#[path = "../build/schema/mod.rs"]
mod schema;

use schema::{Catalogue, FILES};

const DATA: [(&str, &str); 9] = [
    ("apis.toml", include_str!("../../data/apis.toml")),
    (
        "genai-prices.json",
        include_str!("../../data/genai-prices.json"),
    ),
    ("models.toml", include_str!("../../data/models.toml")),
    ("gpus.toml", include_str!("../../data/gpus.toml")),
    ("engines.toml", include_str!("../../data/engines.toml")),
    (
        "precisions.toml",
        include_str!("../../data/precisions.toml"),
    ),
    (
        "calibration.toml",
        include_str!("../../data/calibration.toml"),
    ),
    (
        "currencies.toml",
        include_str!("../../data/currencies.toml"),
    ),
    (
        "assumptions.toml",
        include_str!("../../data/assumptions.toml"),
    ),
];

fn text(file: &str) -> &'static str {
    DATA.iter().find(|(f, _)| *f == file).unwrap().1
}

fn load(edited: &[(&str, &str)]) -> Result<Catalogue, Vec<String>> {
    let texts: Vec<(&str, &str)> = DATA
        .iter()
        .map(|(f, t)| match edited.iter().find(|(e, _)| e == f) {
            Some((_, new)) => (*f, *new),
            None => (*f, *t),
        })
        .collect();
    Catalogue::from_texts(&texts)
}

/// The catalogue with one edit: the first `from` at or after `anchor` in
/// `file` becomes `to`.
struct Bad {
    problems: Vec<String>,
    /// Line of the edit.
    line: usize,
}

impl Bad {
    fn new(file: &str, anchor: &str, from: &str, to: &str) -> Bad {
        let original = text(file);
        let start = original
            .find(anchor)
            .unwrap_or_else(|| panic!("{file}: no {anchor:?}"));
        let at = start
            + original[start..]
                .find(from)
                .unwrap_or_else(|| panic!("{file}: no {from:?} after {anchor:?}"));
        let edited = format!("{}{to}{}", &original[..at], &original[at + from.len()..]);
        let line = original[..at].matches('\n').count() + 1;
        match load(&[(file, &edited)]) {
            Ok(_) => panic!("{file}: {from:?} -> {to:?} was accepted"),
            Err(problems) => Bad { problems, line },
        }
    }

    /// Some problem contains every one of `parts`.
    fn has(&self, parts: &[&str]) -> &Bad {
        assert!(
            self.problems
                .iter()
                .any(|p| parts.iter().all(|part| p.contains(part))),
            "no problem with {parts:?} in:\n{}",
            self.problems.join("\n")
        );
        self
    }

    /// `has`, with the line of the edit and the column given.
    fn at(&self, prefix: &str, column: usize, message: &str) -> &Bad {
        let place = format!("{prefix} (line {}, column {column}): ", self.line);
        self.has(&[&place, message])
    }

    /// `has`, with the line of the edit (no column: the check spans fields).
    fn on_line(&self, prefix: &str, message: &str) -> &Bad {
        let place = format!("{prefix} (line ");
        self.has(&[&place, message])
    }

    fn only(&self, n: usize) -> &Bad {
        assert_eq!(self.problems.len(), n, "{}", self.problems.join("\n"));
        self
    }
}

#[test]
fn the_catalogue_in_data_is_accepted() {
    let catalogue = load(&[]).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let rust = catalogue.to_rust(true, true);
    for table in [
        "pub static FAMILIES: &[&str]",
        "pub static APIS: &[ApiOffering]",
        "pub static MODELS: &[OpenModel]",
        "pub static GPUS: &[Gpu]",
        "pub static ENGINES: &[Engine]",
        "pub static PRECISIONS: &[PrecisionFormat]",
        "pub static CALIBRATION: &[CalibrationRecord]",
        "pub static LATENCY: &[CalibrationRecord]",
        "pub static OFFLINE_CONCURRENCY_CAP: u32",
        "pub static CURRENCIES: &[Currency]",
        "pub struct Defaults {",
        "pub static DEFAULTS: Defaults",
    ] {
        assert!(rust.contains(table), "no {table}");
    }
    assert!(!catalogue.to_rust(false, true).contains("notes: Some("));
}

// ---- syntax and shape ----

#[test]
fn a_toml_syntax_error_names_file_line_and_column() {
    Bad::new("gpus.toml", "id = \"h200\"", "vendor = ", "vendor  ")
        .has(&["data/gpus.toml (line ", ", column "]);
}

#[test]
fn a_missing_file_is_named() {
    let texts: Vec<(&str, &str)> = DATA
        .iter()
        .filter(|(f, _)| *f != "engines.toml")
        .copied()
        .collect();
    let problems = Catalogue::from_texts(&texts).err().unwrap();
    assert!(problems.iter().any(|p| p == "data/engines.toml: missing"));
    assert_eq!(FILES.len(), DATA.len());
}

#[test]
fn an_unknown_field_is_refused() {
    Bad::new("gpus.toml", "id = \"h200\"", "vendor = ", "vendr = ").at(
        "data/gpus.toml: h200",
        1,
        "unknown field `vendr`",
    );
}

#[test]
fn a_missing_field_is_named() {
    Bad::new("engines.toml", "id = \"sglang\"", "concurrency = 128\n", "")
        .on_line("data/engines.toml: sglang", "missing field `concurrency`");
}

#[test]
fn a_bad_id_is_refused() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-phi-4\"",
        "deepinfra-phi-4",
        "DeepInfra Phi",
    )
    .at(
        "data/apis.toml: DeepInfra Phi",
        6,
        "must be an id of lowercase letters",
    );
}

// ---- closed sets ----

#[test]
fn an_unknown_api_kind_is_refused() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-phi-4\"",
        "kind = \"hosted-open\"",
        "kind = \"open\"",
    )
    .at(
        "data/apis.toml: deepinfra-phi-4",
        8,
        "unknown variant `open`",
    )
    .only(1);
}

#[test]
fn an_unknown_precision_is_refused() {
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "native_precision = \"bf16\"",
        "native_precision = \"fp16\"",
    )
    .at(
        "data/models.toml: llama-3.1-8b",
        20,
        "unknown variant `fp16`",
    );
    Bad::new(
        "precisions.toml",
        "id = \"int4\"",
        "id = \"int4\"",
        "id = \"int3\"",
    )
    .at("data/precisions.toml: int3", 6, "unknown variant `int3`");
}

#[test]
fn an_unknown_multi_gpu_link_is_refused() {
    Bad::new(
        "gpus.toml",
        "id = \"h100-sxm\"",
        "multi_gpu_link = \"nvlink\"",
        "multi_gpu_link = \"infiniband\"",
    )
    .at(
        "data/gpus.toml: h100-sxm",
        18,
        "unknown variant `infiniband`",
    );
}

/// Each batching kind carries only its own parameters: an engine that
/// mixes prompts into decode steps has no prompt pass to time.
#[test]
fn a_batching_parameter_that_does_not_apply_is_refused() {
    Bad::new(
        "engines.toml",
        "id = \"vllm\"",
        "batching = \"mixed\"",
        "batching = { mixed = { overhead_ms_per_layer = 1.3 } }",
    )
    .at("data/engines.toml: vllm", 22, "expected empty table");
    Bad::new(
        "engines.toml",
        "id = \"sglang\"",
        "overhead_ms_per_layer",
        "first_token_ms = 4, overhead_ms_per_layer",
    )
    .has(&[
        "data/engines.toml: sglang",
        "unexpected keys in table: first_token_ms",
    ]);
    Bad::new(
        "engines.toml",
        "id = \"sglang\"",
        "overhead_ms_per_layer = 1.8",
        "",
    )
    .has(&[
        "data/engines.toml: sglang",
        "missing field `overhead_ms_per_layer`",
    ]);
}

#[test]
fn an_unknown_engine_kind_is_refused() {
    Bad::new(
        "engines.toml",
        "id = \"vllm\"",
        "kind = \"batched\"",
        "kind = \"server\"",
    )
    .at("data/engines.toml: vllm", 8, "unknown variant `server`");
}

#[test]
fn an_unknown_compute_rate_is_refused() {
    Bad::new(
        "precisions.toml",
        "id = \"fp8\"",
        "compute = [\"fp8\"]",
        "compute = [\"int8\"]",
    )
    .at("data/precisions.toml: fp8", 12, "unknown variant `int8`");
}

#[test]
fn an_unknown_basis_is_refused() {
    Bad::new(
        "assumptions.toml",
        "pue = ",
        "basis = \"sourced\"",
        "basis = \"guess\"",
    )
    .at("data/assumptions.toml: pue", 30, "unknown variant `guess`");
    Bad::new(
        "precisions.toml",
        "id = \"bf16\"",
        "basis = \"sourced\"",
        "basis = \"known\"",
    )
    .at("data/precisions.toml: bf16", 9, "unknown variant `known`");
}

// ---- provenance ----

#[test]
fn a_source_that_is_not_a_url_is_refused() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "source = \"https://",
        "source = \"deepinfra.com/",
    )
    .at(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        10,
        "must be an http:// or https:// URL",
    );
    Bad::new(
        "calibration.toml",
        "[[record]]",
        "source = \"https://",
        "source = \"",
    )
    .at(
        "data/calibration.toml: record 1 (deepseek-r1-0528 on b200)",
        10,
        "must be an http:// or https:// URL",
    );
}

#[test]
fn a_missing_source_is_refused() {
    Bad::new(
        "currencies.toml",
        "code = \"USD\"",
        "source = ",
        "# source = ",
    )
    .on_line("data/currencies.toml: USD", "missing field `source`");
}

#[test]
fn a_malformed_date_is_refused() {
    for bad in [
        "2026-13-01",
        "2026-02-30",
        "26-11-2026",
        "2026-1-5",
        "yesterday",
    ] {
        Bad::new(
            "gpus.toml",
            "id = \"h100-sxm\"",
            "as_of = \"2026-09-20\"",
            &format!("as_of = \"{bad}\""),
        )
        .at("data/gpus.toml: h100-sxm", 9, "must be a YYYY-MM-DD date");
    }
    // A TOML date-time with a time of day is not a date.
    Bad::new(
        "gpus.toml",
        "id = \"h100-sxm\"",
        "as_of = \"2026-09-20\"",
        "as_of = 2026-09-20T10:00:00",
    )
    .at(
        "data/gpus.toml: h100-sxm",
        9,
        "must be a date without a time",
    );
    Bad::new(
        "assumptions.toml",
        "as_of",
        "\"2026-11-26\"",
        "\"2026-11-31\"",
    )
    .at(
        "data/assumptions.toml: as_of",
        9,
        "must be a YYYY-MM-DD date",
    );
}

#[test]
fn a_toml_date_is_a_date() {
    let gpus = text("gpus.toml").replacen("as_of = \"2026-09-20\"", "as_of = 2026-09-20", 1);
    let catalogue = load(&[("gpus.toml", &gpus)]).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert_eq!(catalogue.gpus[0].as_of.0, "2026-09-20");
}

// ---- numbers ----

#[test]
fn a_negative_or_zero_number_is_refused_where_positive_is_required() {
    Bad::new(
        "gpus.toml",
        "id = \"h200\"",
        "board_power_w = ",
        "board_power_w = -",
    )
    .at("data/gpus.toml: h200", 17, "must be positive, got -");
    Bad::new(
        "gpus.toml",
        "id = \"h200\"",
        "memory_gb = ",
        "memory_gb = 0 # ",
    )
    .at("data/gpus.toml: h200", 13, "must be positive, got 0");
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "output_usd_per_mtok = 0.4",
        "output_usd_per_mtok = -0.4",
    )
    .at(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        23,
        "must be zero or more, got -0.4",
    );
}

#[test]
fn a_count_of_zero_is_refused() {
    Bad::new(
        "gpus.toml",
        "id = \"h200\"",
        "gpus_per_server = 8",
        "gpus_per_server = 0",
    )
    .at("data/gpus.toml: h200", 19, "must be a whole number from 1");
    Bad::new(
        "calibration.toml",
        "[[record]]",
        "gpu_count = 4",
        "gpu_count = 0",
    )
    .at(
        "data/calibration.toml: record 1 (deepseek-r1-0528 on b200)",
        13,
        "must be a whole number from 1",
    );
}

#[test]
fn a_non_finite_number_is_refused() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "context_window_tokens = 131072",
        "context_window_tokens = inf",
    )
    .at(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        25,
        "must be positive, got inf",
    );
    Bad::new(
        "engines.toml",
        "id = \"vllm\"",
        "memory_fraction = 0.90",
        "memory_fraction = nan",
    )
    .at("data/engines.toml: vllm", 19, "must be in (0, 1], got NaN");
}

#[test]
fn a_fraction_above_one_is_refused() {
    Bad::new(
        "engines.toml",
        "id = \"sglang\"",
        "memory_fraction = 0.88",
        "memory_fraction = 1.2",
    )
    .at(
        "data/engines.toml: sglang",
        19,
        "must be in (0, 1], got 1.2",
    );
}

// ---- assumptions.toml ----

#[test]
fn an_infinite_or_nan_default_is_refused() {
    Bad::new("assumptions.toml", "pue = ", "value = 1.4", "value = inf")
        .at(
            "data/assumptions.toml: pue",
            17,
            "pue must be finite, got inf",
        )
        .only(1);
    Bad::new(
        "assumptions.toml",
        "tokens_per_month = ",
        "value = 1e9",
        "value = nan",
    )
    .at(
        "data/assumptions.toml: tokens_per_month",
        30,
        "must be finite, got NaN",
    );
}

#[test]
fn a_share_outside_zero_to_one_is_refused() {
    Bad::new(
        "assumptions.toml",
        "cached_input_share = ",
        "value = 0.0",
        "value = 1.5",
    )
    .at(
        "data/assumptions.toml: cached_input_share",
        32,
        "must be from 0 to 1, got 1.5",
    );
    Bad::new(
        "assumptions.toml",
        "residual_share = ",
        "value = 0.2",
        "value = -0.2",
    )
    .at(
        "data/assumptions.toml: residual_share",
        28,
        "must be from 0 to 1, got -0.2",
    );
    Bad::new(
        "assumptions.toml",
        "target_utilisation = ",
        "value = 0.7",
        "value = 0",
    )
    .at(
        "data/assumptions.toml: target_utilisation",
        32,
        "above 0 and at most 1",
    );
}

#[test]
fn a_default_out_of_its_range_is_refused() {
    Bad::new("assumptions.toml", "pue = ", "value = 1.4", "value = 0.9").at(
        "data/assumptions.toml: pue",
        17,
        "pue must be at least 1, got 0.9",
    );
    Bad::new(
        "assumptions.toml",
        "service_hours_per_day = ",
        "value = 24",
        "value = 25",
    )
    .at(
        "data/assumptions.toml: service_hours_per_day",
        35,
        "at most 24",
    );
    Bad::new(
        "assumptions.toml",
        "hours_per_month = ",
        "value = 730",
        "value = 0",
    )
    .at(
        "data/assumptions.toml: hours_per_month",
        29,
        "must be positive, got 0",
    );
    Bad::new(
        "assumptions.toml",
        "engineer_usd_per_month = ",
        "value = 18000",
        "value = -1",
    )
    .at(
        "data/assumptions.toml: engineer_usd_per_month",
        36,
        "must be zero or more",
    );
}

#[test]
fn a_whole_number_default_must_be_a_whole_number() {
    Bad::new(
        "assumptions.toml",
        "min_replicas = ",
        "value = 1",
        "value = 1.5",
    )
    .at(
        "data/assumptions.toml: min_replicas",
        26,
        "must be a whole number",
    );
    Bad::new(
        "assumptions.toml",
        "min_replicas = ",
        "value = 1",
        "value = 0",
    )
    .at(
        "data/assumptions.toml: min_replicas",
        26,
        "must be a whole number, at least 1",
    );
}

#[test]
fn a_default_with_no_source_or_a_repeated_name_is_refused() {
    Bad::new(
        "assumptions.toml",
        "pue = ",
        ", source = \"",
        ", sauce = \"",
    )
    .on_line("data/assumptions.toml: pue", "unknown field `sauce`");
    Bad::new(
        "assumptions.toml",
        "[owned]\n",
        "[owned]\n",
        "[owned]\nbatch_share = { value = 0.5, basis = \"assumption\", source = \"x\" }\n",
    )
    .has(&["data/assumptions.toml: batch_share (line ", "appears twice"]);
}

#[test]
fn a_new_default_is_one_toml_entry() {
    let assumptions = text("assumptions.toml").replacen(
        "[owned]\n",
        "[owned]\nspare_share = { value = 0.1, basis = \"assumption\", says = \"S\", source = \"x\" }\nrack_units = { value = 2, basis = \"sourced\", says = \"R\", by = \"Acme\", url = \"https://acme.example\", source = \"x\" }\nliquid_cooled = { value = false, basis = \"assumption\", says = \"L\", source = \"x\" }\n",
        1,
    );
    let catalogue = load(&[("assumptions.toml", &assumptions)]).unwrap();
    let rust = catalogue.to_rust(true, true);
    for field in [
        "    pub spare_share: Sourced<f64>,",
        "    pub rack_units: Sourced<f64>,",
        "    pub liquid_cooled: Sourced<bool>,",
        "    pub min_replicas: Sourced<u32>,",
        "    spare_share: Sourced { value: 0.1_f64, basis: Basis::Assumption, index: 27, says: \"S\", cite: None, source: \"x\" },",
        "    rack_units: Sourced { value: 2.0_f64, basis: Basis::Sourced, index: 28, says: \"R\", cite: Some(Cite { by: \"Acme\", url: Some(\"https://acme.example\"), seen: None }), source: \"x\" },",
        "    liquid_cooled: Sourced { value: false, basis: Basis::Assumption, index: 29, says: \"L\", cite: None, source: \"x\" },",
    ] {
        assert!(rust.contains(field), "no {field:?}");
    }
    // The widget's tables leave the reader's words to the price list, and
    // the developers' reference out.
    let widget = catalogue.to_rust(false, false);
    assert!(
        widget.contains("index: 27, says: \"\", cite: None },")
            && !widget.contains("source: \"x\"")
    );
    let list = catalogue.price_list();
    assert!(list.contains("\n=spare_share\tS\t\t\t\n"), "{list}");
    assert!(list.contains("\n=rack_units\tR\tAcme\thttps://acme.example\t\n"));
}

#[test]
fn a_sourced_default_names_its_publisher() {
    Bad::new(
        "assumptions.toml",
        "pue = {",
        ", by = \"Red Hat's ConfigIQ cost assumptions\"",
        "",
    )
    .has(&[
        "data/assumptions.toml: pue (line ",
        "a sourced default names who published it (`by`)",
    ]);
}

// ---- uniqueness and references ----

#[test]
fn a_duplicate_id_is_refused() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-phi-4\"",
        "deepinfra-phi-4",
        "together-llama-3.3-70b",
    )
    .on_line(
        "data/apis.toml: together-llama-3.3-70b",
        "id \"together-llama-3.3-70b\" appears twice among the API offerings",
    );
    // A made id that clashes: two offerings of one provider whose model ids
    // differ only in what ids leave out.
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "id = \"fireworks-llama-4-maverick\"",
        "id = \"fireworks-gpt-oss-120b\"",
    )
    .has(&["appears twice among the API offerings; give one an `id`"]);
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "id = \"fireworks-llama-4-maverick\"",
        "old_ids = [\"gpt-5.4-mini\"]",
    )
    .has(&["old id \"gpt-5.4-mini\" is also another offering's id"]);
    Bad::new(
        "models.toml",
        "id = \"llama-3.3-70b\"",
        "llama-3.3-70b",
        "llama-3.1-8b",
    )
    .on_line("data/models.toml: llama-3.1-8b", "appears twice");
    Bad::new(
        "currencies.toml",
        "code = \"USD\"",
        "per_usd = 1.0",
        "per_usd = 1.1",
    )
    .has(&["data/currencies.toml: USD at 1.0 is required"]);
}

#[test]
fn a_dangling_reference_is_refused() {
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "\"llama-4-maverick\"",
        "\"llama-9\"",
    )
    .has(&[
        "data/apis.toml: offering ",
        "(fireworks/llama4-maverick-instruct-basic) (line ",
        "open_model \"llama-9\" is not in models.toml",
    ]);
    for (key, file) in [
        ("model", "models.toml"),
        ("gpu", "gpus.toml"),
        ("engine", "engines.toml"),
    ] {
        Bad::new(
            "calibration.toml",
            "[[record]]",
            &format!("{key} = \""),
            &format!("{key} = \"zz-"),
        )
        .has(&[
            "data/calibration.toml: record 1 (",
            ") (line ",
            &format!("{key} \"zz-"),
            &format!("is not in {file}"),
        ]);
        Bad::new(
            "assumptions.toml",
            "deployments = ",
            &format!("{key} = \""),
            &format!("{key} = \"zz-"),
        )
        .on_line(
            "data/assumptions.toml: default_scenario",
            &format!("is not in {file}"),
        );
    }
    Bad::new(
        "assumptions.toml",
        "apis = ",
        "\"gpt-5.4-mini\"",
        "\"gpt-0\"",
    )
    .on_line(
        "data/assumptions.toml: default_scenario",
        "api \"gpt-0\" is not in apis.toml",
    );
}

#[test]
fn a_missing_precision_entry_is_refused() {
    Bad::new(
        "precisions.toml",
        "[[precision]]\nid = \"int4\"",
        "[[precision]]\nid = \"int4\"",
        "[[precision]]\nid = \"fp8\"",
    )
    .has(&["data/precisions.toml: no entry for int4"])
    .on_line("data/precisions.toml: fp8", "appears twice");
}

// ---- families ----

#[test]
fn a_family_not_in_the_list_is_refused() {
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "family = \"Llama\"",
        "family = \"Lama\"",
    )
    .on_line(
        "data/models.toml: llama-3.1-8b",
        "family \"Lama\" is not in the families list",
    );
}

#[test]
fn a_family_without_a_model_is_refused() {
    Bad::new(
        "models.toml",
        "families = [",
        "\"Cohere\"]",
        "\"Cohere\", \"Falcon\"]",
    )
    .has(&["data/models.toml: families: no model of the Falcon family"])
    .only(1);
    Bad::new(
        "models.toml",
        "families = [",
        "\"Cohere\"]",
        "\"Cohere\", \"Phi\"]",
    )
    .has(&["data/models.toml: families: \"Phi\" appears twice"]);
}

#[test]
fn a_hugging_face_repository_is_organisation_slash_name() {
    for bad in [
        "Llama-3.1-8B",
        "meta-llama/",
        "https://huggingface.co/x/y",
        "a/b/c",
        "a b/c",
    ] {
        Bad::new(
            "models.toml",
            "id = \"llama-3.1-8b\"",
            "hf_repo = \"meta-llama/Llama-3.1-8B-Instruct\"",
            &format!("hf_repo = {bad:?}"),
        )
        .has(&["data/models.toml: llama-3.1-8b", "organisation/name"]);
    }
}

#[test]
fn openness_is_open_weight_or_fully_open_and_permissive_means_commercial() {
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "openness = \"open-weight\"",
        "openness = \"open-source\"",
    )
    .has(&["unknown variant `open-source`", "fully-open"]);
    Bad::new(
        "models.toml",
        "id = \"qwen3-32b\"",
        "commercial_use = true",
        "commercial_use = false",
    )
    .on_line(
        "data/models.toml: qwen3-32b",
        "a permissive licence allows commercial use",
    )
    .only(1);
}

#[test]
fn a_machine_without_rent_cites_none_and_engines_name_real_vendors() {
    Bad::new(
        "gpus.toml",
        "id = \"mac-studio-m3-ultra-96\"",
        "whole_machine_power = true",
        "whole_machine_power = true\nrent_sources = [\"somewhere\"]",
    )
    .on_line(
        "data/gpus.toml: mac-studio-m3-ultra-96",
        "rent_sources or rent_seen_at without rent_usd_per_gpu_hour",
    );
    Bad::new(
        "engines.toml",
        "id = \"mlx\"",
        "runs_on = [\"Apple\"]",
        "runs_on = [\"Qualcomm\"]",
    )
    .on_line(
        "data/engines.toml: mlx",
        "runs_on \"Qualcomm\" is no GPU's vendor in gpus.toml",
    );
    Bad::new(
        "precisions.toml",
        "id = \"q4_k_m\"",
        "engine_factors = \"int4\"",
        "engine_factors = \"q8_0\"",
    )
    .on_line(
        "data/precisions.toml: q4_k_m",
        "engine_factors must be bf16, fp8 or int4",
    );
}

// ---- fields that come together ----

#[test]
fn a_kv_layout_given_both_ways_or_neither_is_refused() {
    Bad::new(
        "models.toml",
        "kv.latent = ",
        "kv.latent = { kv_latent_dim = 576 }",
        "kv.latent = { kv_latent_dim = 576 }\nkv.grouped-query = { kv_heads = 1, head_dim = 64 }",
    )
    .has(&[
        "data/models.toml: deepseek-v3.1 (line ",
        "column ",
        "give kv.grouped-query = { kv_heads, head_dim } or kv.latent = { kv_latent_dim }, one of them",
    ]);
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "kv.grouped-query = { kv_heads = 8, head_dim = 128 }\n",
        "",
    )
    .on_line("data/models.toml: llama-3.1-8b", "missing field `kv`");
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "kv.grouped-query = { kv_heads = 8, head_dim = 128 }",
        "kv.grouped-query = { kv_heads = 8 }",
    )
    .on_line("data/models.toml: llama-3.1-8b", "missing field `head_dim`");
    Bad::new(
        "models.toml",
        "id = \"llama-3.1-8b\"",
        "kv.grouped-query = ",
        "kv.grouped = ",
    )
    .on_line("data/models.toml: llama-3.1-8b", "unknown field `grouped`");
}

#[test]
fn experts_and_sliding_windows_come_together() {
    Bad::new(
        "models.toml",
        "experts = ",
        "experts = { total = 128, per_token = 1 }",
        "experts = { total = 128 }",
    )
    .has(&["data/models.toml: ", "missing field `per_token`"]);
    Bad::new(
        "models.toml",
        "sliding_window = ",
        "sliding_window = { layers = 36, tokens = 8192 }",
        "sliding_window = { layers = 36 }",
    )
    .has(&["data/models.toml: ", "missing field `tokens`"]);
    Bad::new(
        "models.toml",
        "experts = ",
        "experts = { total = 128, per_token = 1 }",
        "experts = { total = 8, per_token = 8 }",
    )
    .has(&[
        "data/models.toml: ",
        "experts.per_token must be below experts.total",
    ]);
}

#[test]
fn prices_that_come_together_are_checked() {
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "output_usd_per_mtok = 0.4",
        "output_usd_per_mtok = 0.4\nbatch_input_usd_per_mtok = 0.1",
    )
    .on_line(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        "batch input and output prices come together",
    );
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "open_model = ",
        "kind = \"closed\"\nopen_model = ",
    )
    .has(&[
        "data/apis.toml: offering ",
        "(fireworks/llama4-maverick-instruct-basic) (line ",
        "a closed model has no open_model",
    ]);
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "open_model = ",
        "match_open_model = false\nopen_model = ",
    )
    .has(&["open_model and match_open_model = false contradict each other"]);
}

// ---- genai-prices ----

#[test]
fn an_offering_genai_prices_lacks_is_named() {
    Bad::new(
        "apis.toml",
        "[[offering]]",
        "model = \"llama4-maverick-instruct-basic\"",
        "model = \"llama4-maverick-instruct-basix\"",
    )
    .has(&[
        "data/apis.toml: offering ",
        "genai-prices has no fireworks/llama4-maverick-instruct-basix in data/genai-prices.json; run scripts/update-prices",
    ]);
    Bad::new(
        "apis.toml",
        "[[provider]]",
        "genai = \"cerebras\"",
        "genai = \"cerebrass\"",
    )
    .has(&[
        "data/genai-prices.json: cerebras/",
        "provider \"cerebras\" has no [[provider]] entry in data/apis.toml",
    ]);
}

#[test]
fn prices_by_the_hour_need_hours() {
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "open_model = ",
        "time_of_day = { weekdays_only = true, source = \"https://example.org\" }\nopen_model = ",
    )
    .has(&[
        "data/apis.toml: offering ",
        "(fireworks/llama4-maverick-instruct-basic) (line ",
        "time_of_day given, but genai-prices has no prices by the hour for it",
    ]);
    let genai = text("genai-prices.json");
    let hours = "\"utc_start\": \"06:00\"";
    assert!(genai.contains(hours));
    let overlapping = genai.replacen(hours, "\"utc_start\": \"03:00\"", 1);
    let problems = load(&[("genai-prices.json", &overlapping)]).err().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("two spans of prices by the hour overlap")),
        "{}",
        problems.join("\n")
    );
    let bad_clock = genai.replacen(hours, "\"utc_start\": \"6:00\"", 1);
    let problems = load(&[("genai-prices.json", &bad_clock)]).err().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"6:00\" is not a time of day HH:MM"))
    );
}

#[test]
fn a_price_is_typed_in_one_place_only() {
    Bad::new(
        "apis.toml",
        "model = \"llama4-maverick-instruct-basic\" }",
        "open_model = ",
        "input_usd_per_mtok = 5.0\nopen_model = ",
    )
    .has(&[
        "data/apis.toml: offering ",
        "(fireworks/llama4-maverick-instruct-basic) (line ",
        "unknown field `input_usd_per_mtok`",
    ]);
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "source = ",
        "# source = ",
    )
    .on_line(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        "missing field `source`",
    );
    Bad::new(
        "apis.toml",
        "id = \"deepinfra-llama-3.3-70b\"",
        "open_model = \"llama-3.3-70b\"\ncontext_window_tokens = 131072",
        "",
    )
    .on_line(
        "data/apis.toml: deepinfra-llama-3.3-70b",
        "no context window",
    );
}

#[test]
fn a_malformed_price_file_is_refused() {
    let genai = text("genai-prices.json");
    for (from, to, message) in [
        (
            "\"base\": \"0.15\"",
            "\"base\": \"-0.15\"",
            "must be zero or more",
        ),
        (
            "\"base\": \"0.15\"",
            "\"base\": \"cheap\"",
            "is not a decimal price",
        ),
        (
            "\"from\": \"2026-07-30\"",
            "\"from\": \"2026-07-32\"",
            "2026-07-32",
        ),
        (
            "\"package\": \"genai-prices\"",
            "\"package\": \"litellm\"",
            "not genai-prices",
        ),
        (
            "\"offerings\": [",
            "\"offerings\": {",
            "data/genai-prices.json",
        ),
    ] {
        let edited = genai.replacen(from, to, 1);
        assert_ne!(edited, genai, "{from}");
        let problems = load(&[("genai-prices.json", &edited)]).err().unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("data/genai-prices.json") && p.contains(message)),
            "{from} -> {to}: {}",
            problems.join("\n")
        );
    }
}

#[test]
fn a_rent_range_out_of_order_is_refused() {
    Bad::new("gpus.toml", "id = \"h100-sxm\"", "low = 1.99", "low = 19.9").on_line(
        "data/gpus.toml: h100-sxm",
        "rent must be low <= typical <= high",
    );
}

#[test]
fn a_bad_currency_code_is_refused() {
    Bad::new(
        "currencies.toml",
        "[[currency]]",
        "code = \"USD\"",
        "code = \"usd\"",
    )
    .on_line(
        "data/currencies.toml: usd",
        "code must be three capital letters",
    );
}

// ---- reporting ----

#[test]
fn every_problem_is_reported_one_line_each() {
    let apis = text("apis.toml")
        .replacen("kind = \"closed\"", "kind = \"shut\"", 1)
        .replacen("output_usd_per_mtok = ", "output_usd_per_mtok = -", 1);
    let gpus =
        text("gpus.toml").replacen("multi_gpu_link = \"nvlink\"", "multi_gpu_link = \"x\"", 1);
    let problems = load(&[("apis.toml", &apis), ("gpus.toml", &gpus)])
        .err()
        .unwrap();
    assert_eq!(problems.len(), 3, "{}", problems.join("\n"));
    for p in &problems {
        assert!(p.starts_with("data/"), "{p}");
        assert!(!p.contains('\n'), "{p}");
    }
}

#[test]
fn a_problem_across_fields_names_the_entry_header_line() {
    let apis = text("apis.toml");
    let anchor = "genai = { provider = \"fireworks\", model = \"llama4-maverick-instruct-basic\" }";
    let genai_line = apis[..apis.find(anchor).unwrap()].matches('\n').count() + 1;
    Bad::new("apis.toml", anchor, "\"llama-4-maverick\"", "\"llama-9\"").has(&[&format!(
        "(fireworks/llama4-maverick-instruct-basic) (line {}): open_model",
        genai_line - 1
    )]);
}

#[test]
fn a_latency_record_without_its_latency_is_refused() {
    Bad::new(
        "calibration.toml",
        "[[latency]]",
        "time_to_first_token_ms = ",
        "# time_to_first_token_ms = ",
    )
    .on_line(
        "data/calibration.toml: latency 1 (llama-3.1-8b on h100-sxm)",
        "a latency record needs concurrency, output_tokens_per_second_per_user and time_to_first_token_ms",
    )
    .only(1);
    Bad::new(
        "calibration.toml",
        "[[latency]]",
        "model = \"llama-3.1-8b\"",
        "model = \"llama-9\"",
    )
    .has(&[
        "data/calibration.toml: latency 1 (llama-9 on h100-sxm)",
        "model \"llama-9\" is not in models.toml",
    ]);
}

#[test]
fn compressed_attention_is_checked() {
    Bad::new(
        "models.toml",
        "id = \"deepseek-v4-flash\"",
        "{ layers = 21, ratio = 4",
        "{ layers = 40, ratio = 4",
    )
    .has(&[
        "data/models.toml: deepseek-v4-flash",
        "compressed layers exceed layers",
    ]);
    Bad::new(
        "models.toml",
        "id = \"deepseek-v4-flash\"",
        "{ layers = 20, ratio = 128 }",
        "{ layers = 20, ratio = 0 }",
    )
    .has(&[
        "data/models.toml: deepseek-v4-flash",
        "must be a whole number",
    ]);
    Bad::new(
        "models.toml",
        "id = \"deepseek-v4-flash\"",
        "{ layers = 20, ratio = 128 }",
        "{ layers = 20, ratio = 128, top_k = 5 }",
    )
    .has(&[
        "data/models.toml: deepseek-v4-flash",
        "unknown field `top_k`",
    ]);
    Bad::new(
        "models.toml",
        "id = \"kimi-k3\"",
        "linear_state_bytes = 434110464",
        "linear_state_bytes = -1",
    )
    .at("data/models.toml: kimi-k3", 22, "must be positive, got -1");
}
