//! Print the probe kit for a registry (and an image): `cargo run -p acr-doctor-core --example kit -- REGISTRY [REPOSITORY:TAG] [--ps]`
//! (`--ps`: the PowerShell kit).
use acr_doctor_core::probe::kit_script::{files, ps, sh, Image};
use acr_doctor_core::probe::target::parse_target;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(target) = args.next().and_then(|r| parse_target(&r).ok()) else {
        eprintln!("usage: kit REGISTRY [REPOSITORY:TAG]");
        std::process::exit(2);
    };
    let rest: Vec<String> = args.collect();
    let image = rest
        .iter()
        .find(|a| *a != "--ps")
        .and_then(|i| Image::parse(i));
    if rest.iter().any(|a| a == "--ps") {
        print!(
            "{}",
            ps(files::PS, &target, image.as_ref()).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            sh(files::SH, &target, image.as_ref()).unwrap_or_default()
        );
    }
}
