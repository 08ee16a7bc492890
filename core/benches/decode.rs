//! Decoding throughput, reported (not asserted): `cargo bench -p acr-doctor-core`.
//! The page decodes on every paste, so a 10 MiB log must stay well under a second.

use std::time::Instant;

fn measure(name: &str, text: &str) {
    let runs = 5;
    let start = Instant::now();
    let mut findings = 0;
    for _ in 0..runs {
        findings = std::hint::black_box(acr_doctor_core::decode(text))
            .findings
            .len();
    }
    let per_run = start.elapsed().as_secs_f64() / f64::from(runs);
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{name:<32} {mib:>6.2} MiB  {:>8.1} ms/run  {:>7.1} MiB/s  ({findings} findings)",
        per_run * 1000.0,
        mib / per_run
    );
}

fn main() {
    let sample =
        include_str!("../tests/fixtures/real/09-acr490-ignore-errors-challenge-helm-notary.txt");
    let log_line = "2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build && echo done: ok\n";
    let log = log_line.repeat(10 * 1024 * 1024 / log_line.len()) + sample;
    let plain = "x".repeat(100) + "\n";
    measure("real sample 09", sample);
    measure("10 MiB CI log + sample", &log);
    measure(
        "10 MiB of plain lines",
        &plain.repeat(10 * 1024 * 1024 / plain.len()),
    );
    measure(
        "10 MiB of real samples",
        &sample.repeat(10 * 1024 * 1024 / sample.len()),
    );
    measure("10 MiB on one line", &"A".repeat(10 * 1024 * 1024));
}
