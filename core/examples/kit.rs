//! Print the probe kit for a registry (and an image): `cargo run -p acr-doctor-core --example kit -- REGISTRY [REPOSITORY:TAG]`.
use acr_doctor_core::probe::kit_script::{sh, Image};
use acr_doctor_core::probe::target::parse_target;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(target) = args.next().and_then(|r| parse_target(&r).ok()) else {
        eprintln!("usage: kit REGISTRY [REPOSITORY:TAG]");
        std::process::exit(2);
    };
    let image = args.next().and_then(|i| Image::parse(&i));
    print!("{}", sh(&target, image.as_ref()));
}
