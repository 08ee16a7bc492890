//! Write the page's French as it reads it: `cargo run -p acr-doctor-core --example french >
//! static/data/acr-doctor-fr.json` (the test `french_data` says when to).
use std::path::Path;

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    match acr_doctor_core::french::from_sources(&src)
        .and_then(|f| serde_json::to_string_pretty(&f).map_err(|e| e.to_string()))
    {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("french: {e}");
            std::process::exit(1);
        }
    }
}
