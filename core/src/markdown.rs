//! The explanation as Markdown, for the engineer who receives it in a ticket or an issue: what
//! was wrong (the verdict, each finding with what the output shows, the paste's own lines as
//! evidence, and which problem a consequence follows from), when (the timestamps the tool printed),
//! what was run already, the fixes to try with their commands, the run and, when probes ran, a
//! table of their steps. No token, no password: quoted lines are masked, and the person may leave
//! the lines out.
//!
//! Text from a paste (a registry, a repository, a version) may be anything: every value is
//! written as inert text (`<`, `>`, `&`, `[`, `]`, `|` and `\` escaped) and every block of
//! commands or pasted lines sits in a code fence longer than any run of backticks inside it.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::catalog::Lang;
use crate::decode::{Report, RunEnd};
use crate::explain::explain;
use crate::path::{roles, Role};
use crate::summary::{check_text, end_text, note_text, verdict_text_of};
use crate::{tr, trf};

/// A probe step as the report lists it, in the page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub step: String,
    pub status: String,
    pub code: Option<String>,
    pub elapsed_ms: Option<u32>,
}

/// What goes into the report besides the decoded paste.
#[derive(Debug, Default)]
pub struct Extras<'a> {
    /// Something was pasted (else the report is the probes' alone).
    pub pasted: bool,
    /// The probe run's steps, when one ran.
    pub steps: &'a [StepRow],
    /// The paste's lines each finding came from, unless the person unticked "include them".
    pub lines: Option<&'a BTreeMap<usize, String>>,
}

/// A pasted line as a report quotes it, its secrets replaced by `***`: a signed URL's signature
/// and token fields (`sig=`, `access_token=`…), an `Authorization` header's credentials, a JWT,
/// a password given on a command line. The report goes to tickets and issues; the person's page
/// still shows the line as pasted.
pub fn mask_secrets(line: &str) -> String {
    // Where a secret's value starts, and what may stand before the marker: a field of a query or
    // form (after `?`, `&`, a space or a quote), an Authorization scheme (anything), a password
    // option (a space), a JWT (`eyJ…`, anything). Found in one pass over the lower-cased line,
    // then cut in order.
    const FIELD: &[u8] = b"?& \"'";
    const MARKERS: [(&str, &[u8]); 13] = [
        ("sig=", FIELD),
        ("signature=", FIELD),
        ("access_token=", FIELD),
        ("refresh_token=", FIELD),
        ("client_secret=", FIELD),
        ("password=", FIELD),
        ("token=", FIELD),
        ("code=", FIELD),
        ("bearer ", b""),
        ("basic ", b""),
        ("--password ", b" "),
        ("-p ", b" "),
        ("eyj", b""),
    ];
    const STOP: [char; 7] = ['&', '"', '\'', ' ', '\t', ')', '>'];
    let lower = line.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = String::with_capacity(line.len());
    // One walk: at each byte, whether a marker starts there; a masked value is skipped whole.
    let (mut at, mut i) = (0, 0);
    while i < bytes.len() {
        let found = MARKERS.iter().find(|(m, after)| {
            bytes[i..].starts_with(m.as_bytes())
                && (after.is_empty() || i == 0 || after.contains(&bytes[i - 1]))
        });
        let Some((marker, _)) = found else {
            i += 1;
            continue;
        };
        let (start, end) = if *marker == "eyj" {
            let end = line[i..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
                .map_or(line.len(), |e| i + e);
            // Three dot-separated parts, or it is a word that starts with "eyJ".
            if line[i..end].matches('.').count() < 2 {
                i += 1;
                continue;
            }
            (i, end)
        } else {
            let start = i + marker.len();
            (
                start,
                line[start..].find(STOP).map_or(line.len(), |e| start + e),
            )
        };
        out.push_str(&line[at..start]);
        if end > start {
            out.push_str("***");
        }
        at = end;
        i = end.max(start);
    }
    out.push_str(&line[at..]);
    out
}

/// Most lines from the paste quoted per finding.
const MAX_QUOTED: usize = 12;

pub fn markdown(report: &Report, lang: Lang, extras: &Extras) -> String {
    let mut out = String::new();
    let roles = roles(report);
    if extras.pasted {
        // The verdict's title only: its sentence speaks to the page's reader, not to whoever
        // receives the report.
        let (title, _) = verdict_text_of(report, &roles, lang);
        let _ = writeln!(out, "# acr-doctor: {}\n", inert(&title));
    } else {
        let _ = writeln!(
            out,
            "# acr-doctor: {}\n",
            tr!(
                lang,
                "probes from the browser",
                "sondes depuis le navigateur"
            )
        );
    }
    // When: the timestamps the tool printed with its errors, first and last.
    let stamps: Vec<&str> = report
        .findings
        .iter()
        .filter_map(|f| f.timestamp.as_deref())
        .collect();
    if let (Some(first), Some(last)) = (stamps.first(), stamps.last()) {
        let when = if first == last {
            inert(first)
        } else {
            format!("{} … {}", inert(first), inert(last))
        };
        let _ = writeln!(
            out,
            "{} {when}\n",
            tr!(
                lang,
                "When (as printed with the errors):",
                "Quand (tel qu’affiché avec les erreurs)\u{a0}:"
            )
        );
    }
    if report.check_health {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                lang,
                "Already run: `az acr check-health` (the paste holds its output).",
                "Déjà lancé\u{a0}: `az acr check-health` (le collage contient sa sortie)."
            )
        );
    }
    for (i, f) in report.findings.iter().enumerate() {
        let e = explain(f, lang);
        let _ = write!(out, "## {}. {}", i + 1, code_span(f.code.title()));
        if let Some(status) = f.http_status {
            let _ = write!(out, " (HTTP {status})");
        }
        if let Some(registry) = &f.registry {
            let _ = write!(out, " — {}", inert(registry));
        }
        let _ = writeln!(out, "\n\n**{}**\n", inert(&e.summary));
        match roles.get(i) {
            Some(Role::Consequence { of }) => {
                let cause = report
                    .findings
                    .get(*of)
                    .map(|c| c.code.title())
                    .unwrap_or_default();
                let n = of + 1;
                let _ = writeln!(
                    out,
                    "{}\n",
                    trf!(lang, "Follows from {n} ({cause}): fixing that fixes this."; "Découle de {n} ({cause}) : régler celui-là règle celui-ci.")
                );
            }
            Some(Role::Note) => {
                let _ = writeln!(
                    out,
                    "{}\n",
                    tr!(
                        lang,
                        "Not a failure: the tool counted warnings as an error.",
                        "Pas un échec\u{a0}: l’outil a compté des avertissements comme une erreur."
                    )
                );
            }
            _ => {}
        }
        if let Some(at) = &f.timestamp {
            let _ = writeln!(
                out,
                "{} {}\n",
                tr!(lang, "Printed at:", "Affiché à\u{a0}:"),
                inert(at)
            );
        }
        if !e.in_your_case.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                tr!(
                    lang,
                    "What the output shows:",
                    "Ce que montre la sortie\u{a0}:"
                )
            );
            for s in &e.in_your_case {
                let _ = writeln!(out, "- {}", inert(s));
            }
            out.push('\n');
        }
        if let Some(lines) = extras.lines {
            let quoted: Vec<String> = f
                .lines
                .iter()
                .flat_map(|s| s.first..=s.last)
                .take(MAX_QUOTED)
                .filter_map(|n| lines.get(&n).map(|l| format!("{n}: {}", mask_secrets(l))))
                .collect();
            if !quoted.is_empty() {
                let _ = writeln!(
                    out,
                    "{}\n\n{}\n",
                    tr!(
                        lang,
                        "Evidence, from the paste (tokens and passwords masked):",
                        "Preuve, tirée du collage (jetons et mots de passe masqués)\u{a0}:"
                    ),
                    fenced("text", &quoted.join("\n"))
                );
            }
        }
        let _ = writeln!(
            out,
            "{}\n",
            tr!(lang, "Fixes to try:", "Correctifs à essayer\u{a0}:")
        );
        for (n, fix) in e.fixes.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, inert(&fix.text));
            if let Some(command) = &fix.command {
                let _ = writeln!(out, "\n{}\n", indent(&fenced("sh", command), "   "));
            }
        }
        if let Some(url) = &e.doc_url {
            let _ = writeln!(
                out,
                "\n{} <{}>",
                tr!(lang, "Documentation:", "Documentation\u{a0}:"),
                url
            );
        }
        out.push('\n');
    }
    summary(&mut out, report, lang);
    if !extras.steps.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
            tr!(
                lang,
                "Probes from the browser",
                "Sondes depuis le navigateur"
            ),
            tr!(lang, "Step", "Étape"),
            tr!(lang, "Status", "Statut"),
            tr!(lang, "Code", "Code"),
            tr!(lang, "Time", "Durée"),
        );
        for row in extras.steps {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                inert(&row.step),
                inert(&row.status),
                // A code's title: capitals, digits and `_`, shown as code.
                row.code
                    .as_deref()
                    .filter(|c| c
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
                    .map(code_span)
                    .unwrap_or_default(),
                row.elapsed_ms
                    .map(|ms| format!("{ms} ms"))
                    .unwrap_or_default(),
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "---\n{}",
        tr!(
            lang,
            "Written by acr-doctor from the pasted output, in the browser. Tokens and passwords are masked.",
            "Écrit par acr-doctor à partir de la sortie collée, dans le navigateur. Jetons et mots de passe sont masqués."
        )
    );
    out
}

/// The run: the CLI version and what it implies, where it stopped, the checks it passed, notes.
fn summary(out: &mut String, r: &Report, lang: Lang) {
    let end = r.end.as_ref().filter(|e| **e != RunEnd::Unknown);
    if r.cli_version.is_none() && end.is_none() && r.checks.is_empty() && r.notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", tr!(lang, "The run", "L’exécution"));
    if let Some(v) = &r.cli_version {
        let _ = writeln!(
            out,
            "- {} {}",
            tr!(lang, "Azure CLI version:", "Version d’Azure CLI\u{a0}:"),
            inert(v)
        );
    }
    if let Some(e) = end {
        let _ = writeln!(out, "- {}", inert(&end_text(e, lang)));
    }
    if !r.checks.is_empty() {
        let _ = writeln!(
            out,
            "\n{}\n",
            tr!(lang, "Checks passed:", "Vérifications réussies\u{a0}:")
        );
        for c in &r.checks {
            let _ = writeln!(out, "- {}", inert(&check_text(&c.item, lang)));
        }
    }
    if !r.notes.is_empty() {
        let _ = writeln!(out, "\n{}\n", tr!(lang, "Notes:", "Remarques\u{a0}:"));
        for n in &r.notes {
            let times = if n.count > 1 {
                format!(" (×{})", n.count)
            } else {
                String::new()
            };
            let _ = writeln!(out, "- {}{times}", inert(&note_text(&n.item, lang)));
        }
    }
    out.push('\n');
}

/// Text written as text, under any CommonMark renderer (GitHub's included): no HTML, no link,
/// autolink or image, no emphasis, heading, list or table cell break, one line.
///
/// Code spans (`` `docker ps` ``, the page's own way of naming commands) are found by
/// CommonMark's own rule (a run of backticks opens a span that the next run of exactly as many
/// closes) and written again with a delimiter longer than any run inside, so a pasted run of
/// backticks can neither end a span early nor open one: every backtick outside a span is escaped,
/// like every other markup character.
fn inert(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s.as_str();
    while let Some(open) = rest.find('`') {
        let run = backtick_run(&rest[open..]);
        let after = &rest[open + run..];
        match closing_run(after, run) {
            Some(close) => {
                text(&rest[..open], &mut out);
                push_span(&mut out, &after[..close]);
                rest = &after[close + run..];
            }
            None => {
                // No closer: the run is literal text, and the search goes on after it.
                text(&rest[..open + run], &mut out);
                rest = after;
            }
        }
    }
    text(rest, &mut out);
    // A value may start a line: nothing at its start may open a list or a setext heading.
    let leading = out.bytes().take_while(u8::is_ascii_digit).count();
    match out.as_bytes().get(leading) {
        Some(b'.' | b')') if leading > 0 => out.insert(leading, '\\'),
        Some(b'-' | b'+' | b'=') if leading == 0 => out.insert(0, '\\'),
        _ => {}
    }
    out
}

/// How many backticks `s` starts with.
fn backtick_run(s: &str) -> usize {
    s.bytes().take_while(|b| *b == b'`').count()
}

/// Where the next run of exactly `n` backticks starts in `s`.
fn closing_run(s: &str, n: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(at) = s[i..].find('`') {
        let start = i + at;
        let run = backtick_run(&s[start..]);
        if run == n {
            return Some(start);
        }
        i = start + run;
    }
    None
}

/// `code` as one code span: delimited by more backticks than any run inside, with a space where
/// it starts or ends with a backtick or a space (CommonMark strips one from each side).
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = code.starts_with(['`', ' ']) || code.ends_with(['`', ' ']);
    let space = if pad { " " } else { "" };
    format!("{fence}{space}{code}{space}{fence}")
}

/// A code span after what `out` holds: a space apart from a backtick before it, which would
/// otherwise lengthen its delimiter.
fn push_span(out: &mut String, code: &str) {
    if out.ends_with('`') {
        out.push(' ');
    }
    out.push_str(&code_span(code));
}

/// Text outside code spans: a word a renderer would turn into a link (a URL, `www.`, an e-mail
/// address) is shown as code; every other markup character is escaped.
fn text(part: &str, out: &mut String) {
    for word in part.split_inclusive(char::is_whitespace) {
        let (bare, space) = word.split_at(word.trim_end().len());
        let lower = bare.to_ascii_lowercase();
        if lower.contains("://") || lower.contains("www.") || bare.contains('@') {
            // A sentence's closing punctuation is not part of the link it follows.
            let link = bare.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            push_span(out, link);
            escape(&bare[link.len()..], out);
            out.push_str(space);
            continue;
        }
        escape(word, out);
    }
}

/// Markup characters as text: HTML as entities, the rest behind a backslash.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '[' | ']' | '|' | '*' | '_' | '!' | '#' | '~' | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// `body` in a code fence longer than any run of backticks in it.
fn fenced(info: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{body}\n{fence}")
}

fn indent(block: &str, by: &str) -> String {
    block
        .lines()
        .map(|l| format!("{by}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{decode, lines_at};

    #[test]
    fn text_stays_text_and_code_spans_stay_code() {
        assert_eq!(
            inert("see ![x](http://e/x.png) <img src=x> a|b [y](z)"),
            "see `![x](http://e/x.png)` &lt;img src=x&gt; a\\|b \\[y\\](z)"
        );
        assert_eq!(
            inert("run `curl -si https://<server>/v2/` now"),
            "run `curl -si https://<server>/v2/` now"
        );
        assert_eq!(inert("odd ` tick <b>"), "odd \\` tick &lt;b&gt;");
        // A run of three does not close on one: no span, and the link stays text.
        assert_eq!(
            inert("'x```[Run this fix](https://evil.example/fix.sh)`.azurecr.io'"),
            "'x\\`\\`\\`\\[Run this `` fix](https://evil.example/fix.sh)` ``.azurecr.io'"
        );
        assert_eq!(inert("a ``b`c`` d"), "a ``b`c`` d");
        assert_eq!(inert("mail x@evil.example"), "mail `x@evil.example`");
        assert_eq!(inert("- item"), "\\- item");
        assert_eq!(inert("12. item"), "12\\. item");
        assert_eq!(inert("two\nlines"), "two lines");
        assert_eq!(
            inert("go to http://evil.example/x now"),
            "go to `http://evil.example/x` now"
        );
        assert_eq!(
            inert("open an issue at https://aka.ms/acr/issues. Then wait"),
            "open an issue at `https://aka.ms/acr/issues`. Then wait"
        );
    }

    #[test]
    fn a_fence_is_longer_than_any_backticks_inside() {
        assert_eq!(fenced("sh", "az acr login"), "```sh\naz acr login\n```");
        assert_eq!(fenced("text", "a ```` b"), "`````text\na ```` b\n`````");
    }

    #[test]
    fn a_report_has_its_findings_fixes_and_run_and_quotes_the_paste_only_when_asked() {
        let paste = "Azure CLI version: 2.14.2\nAn error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'myreg.azurecr.io'.\nPlease refer to https://aka.ms/acr/errors#connectivity_dns_error for more information.";
        let report = decode(paste);
        for lang in Lang::ALL {
            let md = markdown(
                &report,
                lang,
                &Extras {
                    pasted: true,
                    ..Extras::default()
                },
            );
            assert!(md.starts_with("# acr-doctor: "), "{md}");
            assert!(
                md.contains("## 1. `CONNECTIVITY_DNS_ERROR` — myreg.azurecr.io"),
                "{md}"
            );
            assert!(
                md.contains("```sh\n   az ") || md.contains("   ```sh\n"),
                "{md}"
            );
            assert!(md.contains("2.14.2"));
            assert!(
                !md.contains("Failed to reach DNS"),
                "the paste is not quoted unless asked"
            );
        }
        let wanted = report.findings[0]
            .lines
            .iter()
            .flat_map(|s| s.first..=s.last)
            .collect();
        let lines = lines_at(paste, &wanted);
        let rows = [
            StepRow {
                step: "DNS".into(),
                status: "OK".into(),
                code: None,
                elapsed_ms: Some(12),
            },
            StepRow {
                step: "Token".into(),
                status: "Error".into(),
                code: Some("CONNECTIVITY_FORBIDDEN_ERROR".into()),
                elapsed_ms: None,
            },
        ];
        let md = markdown(
            &report,
            Lang::En,
            &Extras {
                pasted: true,
                steps: &rows,
                lines: Some(&lines),
            },
        );
        assert!(
            md.contains("Failed to reach DNS for registry 'myreg.azurecr.io'."),
            "{md}"
        );
        assert!(md.contains("| DNS | OK |  | 12 ms |"), "{md}");
        assert!(
            md.contains("| Token | Error | `CONNECTIVITY_FORBIDDEN_ERROR` |  |"),
            "{md}"
        );
    }

    #[test]
    fn quoted_lines_lose_their_secrets() {
        for (line, kept, gone) in [
            ("Get \"https://r.westeurope.data.azurecr.io/data/x?se=2099-01-01&sig=SECRET%2Babc\": dial tcp", "se=2099-01-01&sig=***\"", "SECRET"),
            ("curl -H 'Authorization: Bearer abc.def.ghi' https://r.azurecr.io/v2/", "Authorization: Bearer ***'", "abc.def"),
            ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl end", "token *** end", "eyJhbGci"),
            ("az acr login -n r -u admin -p S3cret! --verbose", "-p *** --verbose", "S3cret"),
            ("grant_type=refresh_token&refresh_token=r.t.x&service=r.azurecr.io", "refresh_token=***&service", "r.t.x"),
        ] {
            let masked = mask_secrets(line);
            assert!(masked.contains(kept), "{masked}");
            assert!(!masked.contains(gone), "{masked}");
        }
        // A long line full of markers is masked in one pass (a line of a pasted log may be
        // megabytes long): this would take minutes if each marker rescanned the line.
        let flood = "?sig=x -p y Bearer z ".repeat(50_000);
        let masked = mask_secrets(&flood);
        assert!(!masked.contains("sig=x") && masked.contains("sig=***"));
        // Nothing else changes.
        let plain = "Error response from daemon: Get \"https://r.azurecr.io/v2/\": unauthorized: authentication required";
        assert_eq!(mask_secrets(plain), plain);
    }

    #[test]
    fn a_hostile_paste_cannot_put_markup_in_the_report() {
        let paste = "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry '<img src=x onerror=alert(1)>.azurecr.io'.\nError response from daemon: pull access denied for [x](http://evil.example), repository does not exist";
        let report = decode(paste);
        let wanted = (1..=3).collect();
        let lines = lines_at(paste, &wanted);
        let md = markdown(
            &report,
            Lang::En,
            &Extras {
                pasted: true,
                steps: &[],
                lines: Some(&lines),
            },
        );
        let outside_fences: String = md.split("```").step_by(2).collect();
        assert!(!outside_fences.contains("<img"), "{md}");
        assert!(!outside_fences.contains("](http"), "{md}");
        assert!(!outside_fences.contains(" http://"), "{md}");
    }
}
