//! The core's modules stand in layers, each above what it uses: `values` and `text` at the
//! bottom, then `probe` (the browser's checks, the kit's transcript, the challenge's grammar),
//! then `decode` (pastes, which may hold a transcript or a challenge). Nothing below imports
//! what stands above it.

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let text = std::fs::read_to_string(&path).expect("source");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn the_probes_do_not_use_the_decoder() {
    for (path, text) in sources("probe") {
        assert!(
            !text.contains("crate::decode"),
            "{path} imports the decoder"
        );
    }
}

#[test]
fn values_use_neither() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/values.rs"))
        .expect("values.rs");
    for above in [
        "crate::decode",
        "crate::probe",
        "crate::explain",
        "crate::catalog",
    ] {
        assert!(!text.contains(above), "values.rs uses {above}");
    }
}
