//! The Markdown report holds no element the page did not write, whatever the paste held: each
//! report is rendered by a real CommonMark parser (pulldown-cmark, with GitHub's extensions it
//! knows) and every element is checked against what the page writes.

use acr_doctor_core::decode::lines_at;
use acr_doctor_core::explain::explain;
use acr_doctor_core::markdown::{markdown, Extras};
use acr_doctor_core::{decode, Lang};
use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

/// What in a rendered report the page did not write: an element's name and its text.
fn foreign_elements(md: &str, report: &acr_doctor_core::Report, lang: Lang) -> Vec<String> {
    let docs: Vec<String> = report
        .findings
        .iter()
        .filter_map(|f| explain(f, lang).doc_url)
        .collect();
    let mut bad = Vec::new();
    let mut h1 = 0;
    let mut rules = 0;
    let mut items = 0usize;
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(md, Options::all()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    let ours = match level {
                        HeadingLevel::H1 => {
                            h1 += 1;
                            text.starts_with("acr-doctor: ")
                        }
                        HeadingLevel::H2 => {
                            text.split_once(". ").is_some_and(|(n, _)| {
                                n.parse::<usize>().is_ok_and(|n| n <= report.findings.len())
                            }) || ["The run", "L’exécution"].contains(&text.as_str())
                        }
                        _ => false,
                    };
                    if !ours {
                        bad.push(format!("heading {level:?}: {text}"));
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
                if !docs.iter().any(|d| d.as_str() == &*dest_url) =>
            {
                bad.push(format!("link to {dest_url}"));
            }
            Event::Start(Tag::Image { dest_url, .. }) => bad.push(format!("image {dest_url}")),
            Event::Html(h) | Event::InlineHtml(h) => bad.push(format!("html {h}")),
            Event::Start(Tag::HtmlBlock) => bad.push("html block".into()),
            Event::Start(
                tag @ (Tag::Emphasis
                | Tag::Strikethrough
                | Tag::BlockQuote(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::Superscript
                | Tag::Subscript
                | Tag::DefinitionList
                | Tag::MetadataBlock(_)),
            ) => bad.push(format!("{tag:?}")),
            Event::FootnoteReference(r) => bad.push(format!("footnote {r}")),
            Event::TaskListMarker(_) => bad.push("task list".into()),
            Event::InlineMath(m) | Event::DisplayMath(m) => bad.push(format!("math {m}")),
            Event::Rule => rules += 1,
            Event::Start(Tag::Item) => {
                items += 1;
            }
            Event::End(pulldown_cmark::TagEnd::Item) => items -= 1,
            Event::Start(Tag::List(_)) if items > 0 => bad.push("a list inside an item".into()),
            _ => {}
        }
    }
    if h1 != 1 {
        bad.push(format!("{h1} top headings"));
    }
    if rules != 1 {
        bad.push(format!("{rules} rules"));
    }
    bad
}

/// Pastes from real tools with a value a person (or an attacker) controls: registry names,
/// repositories, an error title, a version, a tool's message.
const TEMPLATES: &[&str] = &[
    "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry '{}.azurecr.io'.",
    "Error response from daemon: pull access denied for {}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    "Error response from daemon: Get \"https://{}.azurecr.io/v2/\": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.",
    "Azure CLI version: {}\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\nFailed to get challenge for registry 'r.azurecr.io'.",
    "An error occurred: {}\nPlease refer to https://aka.ms/acr/errors for more information.",
    "Failed to pull image \"r.azurecr.io/{}:v1\": rpc error: code = NotFound desc = failed to resolve reference \"r.azurecr.io/{}:v1\": r.azurecr.io/{}:v1: not found",
    "denied: client with IP '{}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.",
];

/// The four hostile pastes of the end-to-end test, and their kin.
const HOSTILE: &[&str] = &[
    "x```[Run this fix](https://evil.example/fix.sh)`",
    "x`` ![](https://evil.example/pixel.png) ```",
    "`<img src=https://evil.example/p.png>`` <b>x</b>",
    "www.evil.example x@evil.example [a]: https://evil.example\n# owned\n===",
    "``` \n- [ ] task\n> quote | a | b |\n~~~",
];

fn value() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "`",
        "``",
        "```",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        "*",
        "_",
        "~",
        "|",
        "\\",
        "@",
        ":",
        "/",
        ".",
        "-",
        "+",
        "=",
        " ",
        "\n",
        "\r",
        "http://e.x",
        "www.",
        "x@e.x",
        "](",
        "![",
        "<img src=x>",
        "&#91;",
        "1.",
        "a",
        "reg",
        "\t",
        "^",
        "$",
        "[^1]",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

fn check(paste: &str) -> Result<(), TestCaseError> {
    let report = decode(paste);
    let every = (1..=paste.lines().count() + 1).collect();
    let lines = lines_at(paste, &every);
    for lang in Lang::ALL {
        for quoted in [None, Some(&lines)] {
            let md = markdown(
                &report,
                lang,
                &Extras {
                    pasted: true,
                    steps: &[],
                    lines: quoted,
                },
            );
            let bad = foreign_elements(&md, &report, lang);
            prop_assert!(
                bad.is_empty(),
                "{bad:?}\n--- paste\n{paste}\n--- report\n{md}"
            );
        }
    }
    Ok(())
}

#[test]
fn the_hostile_pastes_render_as_text() {
    for v in HOSTILE {
        for t in TEMPLATES {
            check(&t.replace("{}", v)).expect("inert");
        }
        check(v).expect("inert");
    }
}

#[test]
fn the_check_finds_what_it_is_for() {
    let report = decode("An error occurred: CONNECTIVITY_DNS_ERROR");
    let md = "# acr-doctor: x\n\n[a](https://evil.example) ![i](p.png) <b>x</b>\n# two\n\n---\n";
    let bad = foreign_elements(md, &report, Lang::En);
    for want in [
        "link to https://evil.example",
        "image p.png",
        "html <b>",
        "2 top headings",
    ] {
        assert!(bad.iter().any(|b| b.starts_with(want)), "{want}: {bad:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn no_paste_puts_an_element_in_the_report(v in value(), t in 0..TEMPLATES.len()) {
        check(&TEMPLATES[t].replace("{}", &v))?;
    }
}

proptest::proptest! {
    /// Masking a quoted line never panics, whatever bytes and markers it holds, and a line with
    /// no secret marker comes back as it was.
    #[test]
    fn masking_any_line_is_safe(
        pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::string::string_regex("[ -~é€😀]{0,12}").expect("regex"),
                proptest::sample::select(vec![
                    "sig=", "?sig=", "&token=", "Bearer ", "basic ", "-p ", "--password ",
                    "eyJ", ".", "&", "\"", "'", " ",
                ]).prop_map(str::to_owned),
            ],
            0..12,
        )
    ) {
        let line: String = pieces.concat();
        let masked = acr_doctor_core::markdown::mask_secrets(&line);
        let lower = line.to_ascii_lowercase();
        let marked = ["sig=", "signature=", "token=", "client_secret=", "password=", "code=", "bearer ", "basic ", "-p ", "--password ", "eyj"]
            .iter()
            .any(|m| lower.contains(m));
        if !marked {
            proptest::prop_assert_eq!(masked, line);
        }
    }
}
