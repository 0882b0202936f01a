//! The tables `docs/cost-model.md` shows, kept equal to what the tests
//! compute.

/// Fails, with the table to paste, unless `docs/cost-model.md` holds `table`.
pub fn assert_cost_model_shows(table: &str, what: &str) {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/cost-model.md"
    ))
    .unwrap();
    assert!(
        doc.contains(table),
        "docs/cost-model.md's {what} table is out of date; replace it with:\n\n{table}"
    );
}
