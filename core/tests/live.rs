//! What real clients print against the ACR double (tests/acr-double), read as the matrix says.
//!
//! `tests/acr-double/matrix.tsv` is the specification: for each client and fault, the codes the
//! page must name (in order) and its verdict, written before the outputs were seen. The outputs
//! are in `fixtures/live/<client>-<fault>.txt`, a `# ` header then the client's words verbatim;
//! `tests/acr-double/run.sh` makes them anew (the test command checks a fresh run through
//! `ACR_LIVE_DIR`). Every finding that names a registry names the one the client was given.

use std::path::{Path, PathBuf};

use acr_doctor_core::decode::decode;

struct Case {
    client: String,
    fault: String,
    codes: Vec<String>,
    verdict: String,
}

fn matrix() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/acr-double/matrix.tsv");
    let text = std::fs::read_to_string(&path).expect("matrix.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "matrix line: {l}");
            Case {
                client: f[0].to_owned(),
                fault: f[1].to_owned(),
                codes: if f[2] == "-" {
                    Vec::new()
                } else {
                    f[2].split(',').map(str::to_owned).collect()
                },
                verdict: f[3].to_owned(),
            }
        })
        .collect()
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("ACR_LIVE_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/live"),
        PathBuf::from,
    )
}

/// The output below the `# ` header and its blank line.
fn output(text: &str) -> String {
    text.lines()
        .skip_while(|l| l.starts_with("# "))
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The registry the header's command addressed: its first `<name>.azurecr.io`.
fn addressed(text: &str) -> Option<String> {
    let command = text.lines().find_map(|l| l.strip_prefix("# command: "))?;
    command
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .find(|w| w.ends_with(".azurecr.io"))
        .map(str::to_owned)
}

#[test]
fn every_client_output_reads_as_the_matrix_says() {
    let dir = corpus_dir();
    let mut wrong = Vec::new();
    let cases = matrix();
    for case in &cases {
        let file = dir.join(format!("{}-{}.txt", case.client, case.fault));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e} (run tests/acr-double/run.sh)", file.display()));
        let report = decode(&output(&text));
        let codes: Vec<String> = report
            .findings
            .iter()
            .map(|f| f.code.title().to_owned())
            .collect();
        let verdict = report.verdict().id().to_owned();
        let registry = addressed(&text);
        let stray: Vec<&str> = report
            .findings
            .iter()
            .filter_map(|f| f.registry.as_deref())
            .filter(|r| {
                registry.as_deref().is_some_and(|want| {
                    !r.eq_ignore_ascii_case(want) && !r.ends_with(".data.azurecr.io")
                })
            })
            .collect();
        if codes != case.codes || verdict != case.verdict || !stray.is_empty() {
            wrong.push(format!(
                "{}-{}: codes {codes:?} verdict {verdict} (expected {:?} {}){}",
                case.client,
                case.fault,
                case.codes,
                case.verdict,
                if stray.is_empty() {
                    String::new()
                } else {
                    format!(", registries {stray:?}")
                }
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases read wrong:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}
