//! Behaviour frozen: every fixture's full report and everything the page says of it, in both
//! languages, and every probe judgement with its words. A reshaping of the code must leave this
//! unchanged; a change of behaviour rewrites it on purpose, in a commit that says why:
//!
//! ```sh
//! ACR_SNAPSHOT=update cargo test -p acr-doctor-core --test snapshot
//! ```

mod util;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use acr_doctor_core::decode::decode;
use acr_doctor_core::explain::explain;
use acr_doctor_core::probe::steps::{self, Failure, Reached, Reply, SkipReason, StepId};
use acr_doctor_core::probe::target::parse_target;
use acr_doctor_core::probe::token::{self, scope_access};
use acr_doctor_core::probe::words::{outcome_text, problem_text, step_title};
use acr_doctor_core::probe::{dns, judge};
use acr_doctor_core::summary::{check_text, end_text, note_text, verdict_text, version_facts};
use acr_doctor_core::Lang;

const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The pastes: the real fixtures (below their marker or header), then the cases the other tests
/// decode (`snapshot/cases.jsonl`, one JSON string a line).
fn corpus() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    for sub in ["fixtures/real", "fixtures/beyond"] {
        let mut files: Vec<_> = std::fs::read_dir(dir().join(sub))
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("fixture");
            let paste = match text.split_once("# ----- verbatim paste below this line -----\n") {
                Some((_, p)) => p.to_owned(),
                // `# ` header lines, a blank line, then the paste.
                None => text
                    .lines()
                    .skip_while(|l| l.starts_with("# "))
                    .skip(1)
                    .map(|l| format!("{l}\n"))
                    .collect(),
            };
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            cases.push((format!("{sub}/{name}"), paste));
        }
    }
    let lines = std::fs::read_to_string(dir().join("snapshot/cases.jsonl")).expect("cases");
    for (i, line) in lines.lines().enumerate() {
        let paste: String = serde_json::from_str(line).expect("a JSON string");
        cases.push((format!("case {i}"), paste));
    }
    cases
}

fn reports() -> String {
    let mut out = String::new();
    for (name, paste) in corpus() {
        let r = decode(&paste);
        let _ = writeln!(out, "=== {name}\n{r:#?}\nverdict: {:?}", r.verdict());
        for lang in LANGS {
            let _ = writeln!(out, "--- {lang:?}\n{:#?}", verdict_text(&r, lang));
            for f in &r.findings {
                let _ = writeln!(out, "{:#?}", explain(f, lang));
            }
            for c in &r.checks {
                let _ = writeln!(out, "check: {}", check_text(&c.item, lang));
            }
            for n in &r.notes {
                let _ = writeln!(out, "note: {}", note_text(&n.item, lang));
            }
            if let Some(kit) = &r.kit {
                for k in acr_doctor_core::probe::kit::judge(kit) {
                    let _ = writeln!(
                        out,
                        "kit {:?} {:?} {:?}: {}",
                        k.step,
                        k.judged.status,
                        k.judged.code,
                        outcome_text(&k.judged.outcome, lang)
                    );
                }
            }
            if let Some(e) = &r.end {
                let _ = writeln!(out, "end: {}", end_text(e, lang));
            }
            for fact in version_facts(&r, lang) {
                let _ = writeln!(out, "fact: {fact}");
            }
        }
    }
    out
}

fn reply(status: u16, header: Option<&str>, body: &str) -> Result<Reply, Failure> {
    Ok(Reply {
        status,
        www_authenticate: header.map(str::to_owned),
        body: body.to_owned(),
        json: util::answer(body.as_bytes()),
    })
}

fn probes() -> String {
    let mut out = String::new();
    let mut judged = |what: &str, j: steps::Judged| {
        let _ = writeln!(
            out,
            "=== {what}\n{:?} {:?}\n{:?}",
            j.status, j.code, j.outcome
        );
        for lang in LANGS {
            let _ = writeln!(out, "{lang:?}: {}", outcome_text(&j.outcome, lang));
        }
    };
    let bearer = Some(r#"Bearer realm="https://r.azurecr.io/oauth2/token",service="r.azurecr.io""#);
    let denied = r#"{"errors":[{"code":"DENIED","message":"client with IP '1.2.3.4' is not allowed access."}]}"#;
    let public = parse_target("r").expect("target");
    for (what, answer) in [
        (
            "dns public",
            Ok(util::dns_answer(
                0,
                "r.azurecr.io",
                Some("r.privatelink.azurecr.io"),
                Some([20, 1, 2, 3]),
            )),
        ),
        (
            "dns private",
            Ok(util::dns_answer(
                0,
                "r.azurecr.io",
                Some("r.privatelink.azurecr.io"),
                Some([10, 0, 0, 5]),
            )),
        ),
        (
            "dns plain",
            Ok(util::dns_answer(
                0,
                "r.azurecr.io",
                None,
                Some([20, 1, 2, 3]),
            )),
        ),
        (
            "dns nxdomain",
            Ok(util::dns_answer(3, "r.azurecr.io", None, None)),
        ),
        (
            "dns empty",
            Ok(util::dns_answer(0, "r.azurecr.io", None, None)),
        ),
        (
            "dns servfail",
            Ok(util::dns_answer(2, "r.azurecr.io", None, None)),
        ),
        ("dns garbage", Ok(vec![1, 2, 3])),
        ("dns timeout", Err(Failure::Timeout)),
        ("dns network", Err(Failure::Network)),
    ] {
        judged(what, judge::judge_dns(&public, answer));
    }
    let regional = Ok(util::dns_answer(
        0,
        "r.azurecr.io",
        Some("r0910sec-az.swedencentral.cloudapp.azure.com"),
        Some([20, 1, 2, 3]),
    ));
    let dns_step = judge::judge_dns(&public, regional);
    judged("dns region", dns_step.clone());
    let mut v6 = [0u8; 16];
    v6[..4].copy_from_slice(&[0x26, 0x03, 0x10, 0x20]);
    v6[15] = 4;
    for (what, answer) in [
        (
            "dns region, ipv6",
            Ok(util::aaaa_answer("r.azurecr.io", Some(v6))),
        ),
        (
            "dns region, ipv4 only",
            Ok(util::aaaa_answer("r.azurecr.io", None)),
        ),
        ("dns region, aaaa garbage", Ok(vec![0, 1])),
    ] {
        judged(what, judge::with_ipv6(dns_step.clone(), answer));
    }
    let data_host = judge::data_endpoint_host(&public, &dns_step).expect("a data endpoint to ask");
    for (what, answer) in [
        (
            "dns region, data endpoint found",
            Ok(util::dns_answer(0, &data_host, None, Some([20, 1, 2, 9]))),
        ),
        (
            "dns region, data endpoint missing",
            Ok(util::dns_answer(3, &data_host, None, None)),
        ),
        ("dns region, data endpoint unknown", Err(Failure::Timeout)),
    ] {
        judged(
            what,
            judge::with_data_endpoint(dns_step.clone(), data_host.clone(), answer),
        );
    }
    judged(
        "dns address",
        judge::judge_dns(
            &parse_target("http://127.0.0.1:5000").expect("ip"),
            Err(Failure::Network),
        ),
    );
    let over = |origin| Reached::to(&parse_target(origin).expect("target"));
    for (what, r) in [
        ("reachable", Ok(over("https://r.azurecr.io"))),
        (
            "reachable, an address over http",
            Ok(over("http://127.0.0.1:5000")),
        ),
        (
            "reachable, localhost over https",
            Ok(over("https://localhost:5000")),
        ),
        ("unreachable network", Err(Failure::Network)),
        ("unreachable timeout", Err(Failure::Timeout)),
        ("unreachable cancelled", Err(Failure::Cancelled)),
    ] {
        judged(what, judge::judge_reachability(r));
    }
    for (what, r, reachable) in [
        ("challenge bearer", reply(401, bearer, ""), true),
        ("challenge 403", reply(403, None, denied), true),
        ("challenge 404", reply(404, None, ""), true),
        ("challenge 200", reply(200, None, "{}"), true),
        (
            "challenge basic",
            reply(401, Some(r#"Basic realm="r""#), ""),
            true,
        ),
        (
            "challenge bearer without service",
            reply(401, Some(r#"Bearer realm="x""#), ""),
            true,
        ),
        ("challenge blocked", Err(Failure::Network), true),
        ("challenge network", Err(Failure::Network), false),
        ("challenge timeout", Err(Failure::Timeout), true),
        ("challenge redirect", Err(Failure::Redirect), true),
    ] {
        judged(what, judge::judge_challenge(r, reachable).0);
    }
    for (what, r) in [
        ("exchange ok", reply(200, None, r#"{"refresh_token":"rt"}"#)),
        ("exchange no token", reply(200, None, r#"{"x":1}"#)),
        (
            "exchange 401",
            reply(
                401,
                None,
                r#"{"errors":[{"code":"UNAUTHORIZED","message":"bad token"}]}"#,
            ),
        ),
        ("exchange 403", reply(403, None, denied)),
        ("exchange 429", reply(429, None, "")),
        ("exchange 500", reply(500, None, "oops")),
        ("exchange blocked", Err(Failure::Network)),
        ("exchange timeout", Err(Failure::Timeout)),
        ("exchange redirect", Err(Failure::Redirect)),
    ] {
        judged(what, judge::judge_exchange(r.clone()).0);
        judged(
            &what.replace("exchange", "token"),
            judge::judge_token(r, "registry:catalog:*").0,
        );
    }
    for (what, r) in [
        (
            "catalog ok",
            reply(200, None, r#"{"repositories":["a","b"]}"#),
        ),
        ("tags ok", reply(200, None, r#"{"name":"a","tags":["v1"]}"#)),
        ("catalog not json", reply(200, None, "<html>")),
        (
            "catalog 404",
            reply(
                404,
                None,
                r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#,
            ),
        ),
        (
            "catalog 401 scope",
            reply(
                401,
                Some(r#"Bearer realm="r",service="s",error="insufficient_scope""#),
                "",
            ),
        ),
        ("catalog 403", reply(403, None, denied)),
        ("catalog blocked", Err(Failure::Network)),
        ("catalog timeout", Err(Failure::Timeout)),
    ] {
        judged(what, judge::judge_catalog(r, "catalog"));
    }
    for reason in [
        SkipReason::After(StepId::Challenge),
        SkipReason::NoEntraToken,
        SkipReason::RefreshTokenGiven,
        SkipReason::BasicCredentials,
        SkipReason::NoCredentials,
        SkipReason::Unreadable(StepId::Challenge),
        SkipReason::Cancelled,
        SkipReason::ForeignRealm {
            host: "auth.example.test".into(),
        },
        SkipReason::NotTrusted {
            origin: "http://127.0.0.1:5000".into(),
        },
        SkipReason::RefreshTokenForAnother {
            audience: "other.azurecr.io".into(),
        },
    ] {
        judged(&format!("skip {reason:?}"), steps::skipped(reason));
    }
    for typed in [
        "r",
        "r.azurecr.cn",
        "https://r.azurecr.us/v2/",
        "http://127.0.0.1:5000",
        "localhost:1",
        "proxy.example.com",
    ] {
        let t = parse_target(typed).expect("target");
        for step in StepId::ALL {
            let _ = writeln!(
                out,
                "command {typed} {step:?}: {}",
                steps::command(step, &t)
            );
        }
        for lang in LANGS {
            let _ = writeln!(out, "{lang:?} blocked: {:?}", steps::blocked_commands(&t));
        }
    }
    for step in StepId::ALL {
        for lang in LANGS {
            let _ = writeln!(out, "title {step:?} {lang:?}: {}", step_title(step, lang));
        }
    }
    for typed in [
        "",
        "ftp://x",
        "a@b",
        "r?x",
        "r#x",
        "bad host",
        "r.io:0",
        "http://r.azurecr.io",
    ] {
        for lang in LANGS {
            let e = parse_target(typed).expect_err("refused");
            let _ = writeln!(out, "target {typed:?} {lang:?}: {}", e.text(lang));
        }
    }
    // Tokens: an ACR access token with too little access, an expired Entra token for ARM.
    let jwt = |claims: &str| format!("e30.{}.c2ln", dns::base64url(claims.as_bytes()));
    for (what, claims, needed) in [
        (
            "access token",
            r#"{"iss":"Azure Container Registry","aud":"r.azurecr.io","exp":100,"grant_type":"access_token","access":[{"type":"repository","name":"a","actions":["pull"]}]}"#,
            Some(scope_access(Some("b"))),
        ),
        (
            "entra arm expired",
            r#"{"iss":"https://sts.windows.net/t/","aud":"https://management.azure.com/","tid":"t","exp":10,"upn":"a@b"}"#,
            None,
        ),
    ] {
        let c = util::claims(&jwt(claims)).expect("claims");
        let problems =
            token::diagnose(&c, 50, Some("r.azurecr.io"), Some("other"), needed.as_ref());
        let _ = writeln!(out, "=== token {what}\n{c:?}\n{problems:?}");
        for lang in LANGS {
            for p in &problems {
                let _ = writeln!(out, "{lang:?}: {}", problem_text(p, lang));
            }
        }
    }
    out
}

fn compare(file: &str, actual: String) {
    let path = dir().join("snapshot").join(file);
    if std::env::var("ACR_SNAPSHOT").as_deref() == Ok("update") {
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let around = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{file} differs from line {}:\n--- stored\n{}\n--- now\n{}\n(rewrite it on purpose with ACR_SNAPSHOT=update, and say why in the commit)",
            first + 1,
            around(&expected),
            around(&actual)
        );
    }
}

#[test]
fn every_report_and_what_the_page_says_of_it() {
    compare("reports.txt", reports());
}

#[test]
fn every_probe_judgement_and_its_words() {
    compare("probes.txt", probes());
}

/// A fix that depends on the registry's role-assignment mode, tier or public access comes after
/// the check that tells which applies, in every explanation of every paste.
#[test]
fn a_fix_for_one_answer_comes_after_its_check() {
    for (name, paste) in corpus() {
        let report = decode(&paste);
        for f in &report.findings {
            for lang in LANGS {
                let fixes = explain(f, lang).fixes;
                let index = |needle: &str| {
                    fixes
                        .iter()
                        .position(|x| x.command.as_deref().is_some_and(|c| c.contains(needle)))
                };
                let mode = index("roleAssignmentMode");
                let network = index("publicNetworkAccess");
                for (i, fix) in fixes.iter().enumerate() {
                    let t = &fix.text;
                    let check = if t.contains("LegacyRegistryPermissions:")
                        || t.contains("AbacRepositoryPermissions:")
                    {
                        Some(("mode", mode))
                    } else if t.contains("If the tier is")
                        || t.contains("Si le niveau est")
                        || t.contains("If public access is Disabled")
                        || t.contains("Si l’accès public est Disabled")
                    {
                        Some(("network settings", network))
                    } else {
                        None
                    };
                    if let Some((what, at)) = check {
                        assert!(
                            at.is_some_and(|at| at < i),
                            "{name} {:?} {lang:?}: fix {} ({t}) before the {what} check",
                            f.code,
                            i + 1
                        );
                    }
                }
            }
        }
    }
}
