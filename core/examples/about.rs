//! Write what each code means beyond its fixes, as the page reads it: `cargo run -p
//! acr-doctor-core --example about > static/data/acr-doctor-about.json` (the test `about_data`
//! says when to).

fn main() {
    match serde_json::to_string_pretty(&acr_doctor_core::about::from_catalogue()) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("about: {e}");
            std::process::exit(1);
        }
    }
}
