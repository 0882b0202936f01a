#![cfg(not(target_arch = "wasm32"))]
//! The tables of quantities in docs/share-links.md are the field table's.
//! `UPDATE_DOCS=1 cargo test -p crossover-pricing --test docs` rewrites them.

use crossover_pricing::fields::{Scope, markdown_table};

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/share-links.md");

fn replace_between(text: &str, name: &str, table: &str) -> String {
    let start = format!("<!-- generated from pricing/src/fields.rs: {name} -->\n");
    let end = "<!-- end of generated table -->";
    let from = text.find(&start).expect("start marker") + start.len();
    let to = from + text[from..].find(end).expect("end marker");
    format!("{}{table}{}", &text[..from], &text[to..])
}

#[test]
fn share_link_tables_match_the_field_table() {
    let text = std::fs::read_to_string(DOC).unwrap();
    let expected = replace_between(&text, "workload", &markdown_table(Scope::Workload));
    let expected = replace_between(&expected, "deployment", &markdown_table(Scope::Deployment));
    let expected = replace_between(&expected, "custom", &markdown_table(Scope::Custom));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(DOC, &expected).unwrap();
        return;
    }
    assert!(
        text == expected,
        "docs/share-links.md differs from the field table; run UPDATE_DOCS=1 cargo test -p crossover-pricing --test docs"
    );
}
