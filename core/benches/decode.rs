//! Decoding throughput, reported (not asserted): `cargo bench -p acr-doctor-core`.
//! The page decodes on every paste, so a 10 MiB log must stay well under a second. Beside the
//! decoder, in the same run and on the same file: `grep -c`, the floor for reading text at all.

use std::time::Instant;

/// Seconds per run of the decoder over `text` (the median of 5).
fn measure(name: &str, text: &str) -> f64 {
    let mut findings = 0;
    let per_run = median(|| {
        findings = std::hint::black_box(acr_doctor_core::decode(text))
            .findings
            .len();
    });
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{name:<32} {mib:>6.2} MiB  {:>8.1} ms/run  {:>7.1} MiB/s  ({findings} findings)",
        per_run * 1000.0,
        mib / per_run
    );
    per_run
}

/// The median of 5 timed runs of `f`, in seconds.
fn median(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[2]
}

/// `grep -c 'An error occurred'` over the same text in a file: the whole process, as a shell
/// runs it.
fn grep(text: &str) -> Option<f64> {
    let path = std::env::temp_dir().join(format!("acr-doctor-bench-{}.log", std::process::id()));
    std::fs::write(&path, text).ok()?;
    let mut ok = true;
    let t = median(|| {
        ok &= std::process::Command::new("grep")
            .args(["-c", "An error occurred"])
            .arg(&path)
            .output()
            .is_ok();
    });
    let _ = std::fs::remove_file(&path);
    ok.then_some(t)
}

fn main() {
    let sample =
        include_str!("../tests/fixtures/real/09-acr490-ignore-errors-challenge-helm-notary.txt");
    let log_line = "2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build && echo done: ok\n";
    let log = log_line.repeat(10 * 1024 * 1024 / log_line.len()) + sample;
    let plain = "x".repeat(100) + "\n";
    measure("real sample 09", sample);
    let decoder = measure("10 MiB CI log + sample", &log);
    match grep(&log) {
        Some(g) => println!(
            "{:<32} {:>6.2} MiB  {:>8.1} ms/run  the decoder takes {:.1}× as long",
            "  grep -c, same text",
            log.len() as f64 / (1024.0 * 1024.0),
            g * 1000.0,
            decoder / g
        ),
        None => println!("  grep -c, same text: grep could not run"),
    }
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
