//! Print what the decoder reads in a file: `cargo run -p acr-doctor-core --example dump -- FILE`.
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => {
            text = String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
        }
        None => {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
    }
    let report = acr_doctor_core::decode(&text);
    println!("verdict: {:?}", report.verdict());
    for f in &report.findings {
        println!(
            "finding {} {:?} status={:?} registry={:?} name={:?} lines={:?}\n  message={:?}\n  tool={:?} signs={:?}",
            f.code.title(), f.source, f.http_status, f.registry, f.registry_name, f.lines, f.message, f.tool_output, f.signs
        );
    }
    for c in &report.checks {
        println!("check {}: {:?}", c.line, c.item);
    }
    for n in &report.notes {
        println!("note {} (x{}): {:?}", n.line, n.count, n.item);
    }
    println!(
        "cli={:?} end={:?} registry={:?} name={:?}",
        report.cli_version, report.end, report.registry, report.registry_name
    );
}
