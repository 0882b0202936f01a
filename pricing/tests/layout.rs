#![cfg(not(target_arch = "wasm32"))]
//! The self-hosting wing stays in rooms a newcomer can read: no file over
//! 450 lines, and each opens with what it owns.

#[test]
fn every_self_hosting_file_is_short_and_says_what_it_owns() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/selfhost");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = text.lines().count();
        assert!(lines <= 450, "{}: {lines} lines", path.display());
        assert!(
            text.starts_with("//! "),
            "{} does not open with what it owns",
            path.display()
        );
        files += 1;
    }
    assert!(files >= 10, "{files} files read from {dir}");
}
