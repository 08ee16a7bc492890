//! No command the page offers has a shape that hurts the person who runs it: a credential reset
//! that deletes the other secrets, a password in argv (shell history, `ps`), a rule open to the
//! whole internet, TLS or registry checks turned off. The list is every command the page shows
//! (`commands::offered`), so a new one is checked by being written.

use acr_doctor_core::catalog::{entry, Code, Lang};
use acr_doctor_core::commands::offered;

/// What makes a command harmful, and why.
fn harm(command: &str) -> Option<&'static str> {
    let words: Vec<&str> = command.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    if command.contains("credential reset") && !has("--append") {
        return Some("a credential reset without --append deletes every other secret of the app");
    }
    if words.iter().any(|w| {
        *w == "-p" || *w == "--password" || (w.starts_with("--password=") && !w.ends_with("-stdin"))
    }) {
        return Some("a password on the command line stays in the shell's history and in ps");
    }
    if command.contains("0.0.0.0/0") || command.contains("::/0") {
        return Some("a network rule open to every address");
    }
    for w in [
        "--insecure-registry",
        "--insecure",
        "-k",
        "--insecure-skip-tls-verify",
        "--tls-verify=false",
        "--plain-http",
        "--skip-tls-verify",
        "--no-verify",
    ] {
        if has(w) {
            return Some("turns off TLS verification or the registry's security");
        }
    }
    if command.contains("DISABLE_CONNECTION_VERIFICATION")
        || command.contains("NODE_TLS_REJECT_UNAUTHORIZED=0")
        || command.contains("verify=False")
    {
        return Some("turns off TLS verification");
    }
    if command.contains("role assignment create")
        && ["Owner", "Contributor", "\"Owner\"", "\"Contributor\""]
            .iter()
            .any(|r| words.windows(2).any(|p| p[0] == "--role" && p[1] == *r))
    {
        return Some("a broad role where a registry role does");
    }
    if command.contains("--admin-enabled true") {
        return Some("turns on the admin user, a shared secret with full rights");
    }
    None
}

#[test]
fn no_offered_command_has_a_harmful_shape() {
    let bad: Vec<String> = offered()
        .iter()
        .filter_map(|o| harm(o.template).map(|why| format!("{}: {} ({why})", o.place, o.template)))
        .collect();
    assert!(bad.is_empty(), "harmful commands:\n{}", bad.join("\n"));
}

#[test]
fn the_shapes_are_recognised() {
    for (command, harmful) in [
        ("az ad sp credential reset --id <app-id>", true),
        ("az ad app credential reset --id <app-id> --append", false),
        ("az acr login -n r --username u --password p", true),
        ("docker login r -u u -p secret", true),
        ("docker login r -u u --password-stdin", false),
        ("az acr network-rule add -n r --ip-address 0.0.0.0/0", true),
        ("dockerd --insecure-registry r.azurecr.io", true),
        ("curl -k https://r.azurecr.io/v2/", true),
        ("curl -si https://r.azurecr.io/v2/", false),
        (
            "az role assignment create --role Owner --assignee x --scope y",
            true,
        ),
        (
            "az role assignment create --role AcrPull --assignee x --scope y",
            false,
        ),
    ] {
        assert_eq!(harm(command).is_some(), harmful, "{command}");
    }
}

/// A command that gives root-equivalent rights is offered only with words that say so.
#[test]
fn root_equivalent_commands_say_so() {
    for code in Code::ALL {
        for lang in Lang::ALL {
            for fix in entry(code, lang).fixes {
                if fix
                    .command
                    .is_some_and(|c| c.contains("usermod -aG docker"))
                {
                    assert!(fix.text.contains("root"), "{code} {lang:?}: {}", fix.text);
                }
            }
        }
    }
}
