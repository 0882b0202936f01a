//! Reads the catalogue in `../data/*.toml`, checks it, and writes it out as
//! static Rust tables (`$OUT_DIR/catalogue.rs`, included by `src/catalogue.rs`)
//! and as the widget's price list (`$OUT_DIR/price-list.txt`).
//! The schema, its checks and the code generation live in `build/schema/`,
//! where `tests/schema.rs` feeds them bad files. A catalogue error stops the
//! build with one line per problem, naming the file and entry.

use std::path::{Path, PathBuf};

#[path = "build/schema/mod.rs"]
mod schema;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    println!("cargo:rerun-if-changed={}", data.display());
    for file in schema::FILES {
        println!("cargo:rerun-if-changed={}", data.join(file).display());
    }
    println!("cargo:rerun-if-changed=build");
    let catalogue = match schema::Catalogue::from_dir(&data) {
        Ok(c) => c,
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!("error: data/ has {} problem(s)", problems.len());
            std::process::exit(1);
        }
    };
    let notes = std::env::var_os("CARGO_FEATURE_NOTES").is_some();
    let all_offerings = std::env::var_os("CARGO_FEATURE_ALL_OFFERINGS").is_some();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(
        out.join("catalogue.rs"),
        catalogue.to_rust(notes, all_offerings),
    )
    .unwrap();
    std::fs::write(out.join("price-list.txt"), catalogue.price_list()).unwrap();
}
