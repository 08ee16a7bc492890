//! The grammar of one cleaned line: which of the CLI's line shapes it is.

use super::extract::{between, find_registry_name_in_command, quoted_after, word_after};
use super::hay::Hay;
#[cfg(test)]
use super::hay::PairTable;
use super::{Check, Note};

/// What a cleaned line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Blank,
    /// A markdown code fence.
    Fence,
    /// A shell command line that runs `az acr …`, with the registry name it was given.
    Command {
        registry_name: Option<String>,
    },
    /// `[<ts> ]An error occurred: <TITLE>[ rest]`, maybe behind a wrapper.
    ErrorTitle {
        title: String,
        timestamp: Option<String>,
        wrapper: Option<Wrapper>,
        rest: String,
    },
    Check(Check),
    Note(Note),
    /// `The command failed with an unexpected error. Here is the traceback:`
    CrashHeader,
    /// `Traceback (most recent call last):`
    TracebackStart,
    /// `Please refer to https://aka.ms/acr/health-check for more information.` (or the older FAQ).
    Faq,
    /// `Please refer to https://aka.ms/acr/errors#<anchor> for more information.`
    DeepLink,
    /// A line that says the Azure CLI has no signed-in account.
    LoginRequired,
    /// `curl` run on a URL: `curl -si https://r.azurecr.io/v2/`.
    CurlCommand {
        url: String,
    },
    /// A status line of an HTTP answer as curl prints it (`HTTP/1.1 401 Unauthorized`, `< HTTP/2 403`).
    HttpStatus {
        status: u16,
    },
    /// A response header as curl prints it (`www-authenticate: Bearer …`, `< Docker-…`).
    HttpHeader {
        name: String,
        value: String,
    },
    /// curl's own error: `curl: (6) Could not resolve host: r.azurecr.io`.
    CurlError {
        code: u16,
        message: String,
    },
    Other,
}

/// What stood before `An error occurred:` on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapper {
    /// `Unable to get AAD authorization tokens with message:` (az acr login and other commands).
    AadTokens,
    /// A Python exception line such as `knack.util.CLIError:`.
    Exception,
}

#[cfg(test)]
pub fn classify(text: &str) -> Line {
    classify_in(&Hay::new(text, PairTable::default().read(text)))
}

/// What `text` is; its pairs answer the substring questions (see `hay.rs`).
pub(in crate::decode) fn classify_in(text: &Hay) -> Line {
    if text.is_empty() {
        return Line::Blank;
    }
    if text.starts_with("```") || text.starts_with("~~~") {
        return Line::Fence;
    }
    // Most shapes below have one of these bytes, and most lines of a long log have none.
    if !text
        .bytes()
        .any(|b| matches!(b, b':' | b'\'' | b'`' | b'"'))
        && !text.contains("az ")
        && !QUOTELESS.iter().any(|p| text.starts_with(p))
    {
        return Line::Other;
    }
    if let Some(line) = error_title(text) {
        return line;
    }
    if text.contains("The command failed with an unexpected error") {
        return Line::CrashHeader;
    }
    if text.starts_with("Traceback (most recent call last)") {
        return Line::TracebackStart;
    }
    // `az acr login`'s 403 text ends with the deep link but is a message, not the link line.
    if text.starts_with("Looks like you don't have access to registry") {
        return Line::Note(Note::LoginForbidden {
            server: quoted_after(text, "registry ").unwrap_or_default(),
        });
    }
    if text.contains("aka.ms/acr/errors#") && text.contains("refer to") {
        return Line::DeepLink;
    }
    if text.contains("aka.ms/acr/health-check") || text.contains("aka.ms/acr/faq") {
        return Line::Faq;
    }
    if let Some(line) = curl(text) {
        return line;
    }
    if let Some(check) = check(text) {
        return Line::Check(check);
    }
    if mentions_login_required(text) {
        return Line::LoginRequired;
    }
    if let Some(note) = note(text) {
        return Line::Note(note);
    }
    if is_command(text) {
        return Line::Command {
            registry_name: find_registry_name_in_command(text),
        };
    }
    Line::Other
}

/// The line shapes without a colon or a quote.
const QUOTELESS: [&str; 10] = [
    "Your cluster can pull images from",
    "Login Succeeded",
    "Storing signatures",
    "HTTP/",
    "< HTTP/",
    "Skipping pull check",
    "Unable to authenticate using AAD",
    "Environment checks are not supported",
    "Registry name must be provided",
    "DNS routing verification failed",
];

const TITLE_MARK: &str = "An error occurred: ";

fn error_title(text: &Hay) -> Option<Line> {
    let at = text.find(TITLE_MARK)?;
    let after = &text[at + TITLE_MARK.len()..];
    let len = after
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        .count();
    if len < 2 || !after.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    // A title is a whole word: `An error occurred: Foo` is prose, not a title.
    if after[len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let before = text[..at].trim_end();
    let (timestamp, before) = split_timestamp(before);
    let wrapper = if before.contains("Unable to get AAD authorization tokens") {
        Some(Wrapper::AadTokens)
    } else if before.ends_with(':') && before.contains("Error") {
        Some(Wrapper::Exception)
    } else {
        None
    };
    Some(Line::ErrorTitle {
        title: after[..len].to_owned(),
        timestamp,
        wrapper,
        rest: after[len..].trim().to_owned(),
    })
}

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` at the end of `before`.
fn split_timestamp(before: &str) -> (Option<String>, &str) {
    let Some(space) = before.rfind(' ') else {
        return (None, before);
    };
    let time = &before[space + 1..];
    let head = before[..space].trim_end();
    let date = head.rsplit(' ').next().unwrap_or(head);
    let time_ok = time.len() >= 8
        && time.len() <= 15
        && time.as_bytes()[2] == b':'
        && time.as_bytes()[5] == b':'
        && time
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    if time_ok && super::clean::is_date(date.as_bytes()) {
        let rest = head[..head.len() - date.len()].trim_end();
        (Some(format!("{date} {time}")), rest)
    } else {
        (None, before)
    }
}

/// curl's command line, status lines, headers (`-i`, or `-v` with `< `) and errors.
fn curl(text: &Hay) -> Option<Line> {
    let t = text.strip_prefix("< ").unwrap_or(text);
    if let Some(rest) = t.strip_prefix("HTTP/") {
        let mut words = rest.split_whitespace();
        let version = words.next()?;
        let status = words.next()?;
        let ok = matches!(version, "1.0" | "1.1" | "2" | "2.0" | "3") && status.len() == 3;
        return ok
            .then(|| {
                status
                    .parse()
                    .ok()
                    .map(|status| Line::HttpStatus { status })
            })
            .flatten();
    }
    if let Some(rest) = t.strip_prefix("curl: (") {
        let (code, message) = rest.split_once(')')?;
        return Some(Line::CurlError {
            code: code.parse().ok()?,
            message: message.trim().to_owned(),
        });
    }
    let command = text
        .find("curl ")
        .filter(|i| *i == 0 || text[..*i].ends_with(['$', '>', '%', ' ', '`']));
    if let Some(i) = command {
        let url = text[i..]
            .split_whitespace()
            .find(|w| w.starts_with("http://") || w.starts_with("https://"))?;
        return Some(Line::CurlCommand {
            url: url
                .trim_matches(|c| matches!(c, '\'' | '"' | '`'))
                .to_owned(),
        });
    }
    if header_shaped(text) {
        let (name, value) = t.split_once(':')?;
        let name = name.trim();
        let known = ["www-authenticate", "docker-distribution-api-version"];
        if known.iter().any(|k| name.eq_ignore_ascii_case(k)) {
            return Some(Line::HttpHeader {
                name: name.to_ascii_lowercase(),
                value: value.trim().to_owned(),
            });
        }
    }
    None
}

/// Whether a line may be an HTTP header: curl shows it (`< `), or it has no space, or its first
/// space follows a colon (the text before the first `: ` holds no space).
fn header_shaped(text: &str) -> bool {
    text.starts_with("< ") || text.find(' ').is_none_or(|p| text[..p].ends_with(':'))
}

fn check(text: &Hay) -> Option<Check> {
    let image = |rest: &str| {
        let r = rest.trim();
        (!r.is_empty() && !r.contains(char::is_whitespace) && r.len() <= 300).then(|| r.to_owned())
    };
    for prefix in [
        "Status: Downloaded newer image for ",
        "Status: Image is up to date for ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some(Check::Pulled {
                tool: "docker".into(),
                image: image(rest),
            });
        }
    }
    // kubelet's event: `Successfully pulled image "<image>" in 1.2s`.
    if let Some(at) = text.find("Successfully pulled image \"") {
        let rest = &text[at + "Successfully pulled image \"".len()..];
        return Some(Check::Pulled {
            tool: "kubelet".into(),
            image: rest.split_once('"').and_then(|(i, _)| image(i)),
        });
    }
    if text.starts_with("unpacking ") && text.contains("/") && text.contains(" sha256:") {
        return Some(Check::Pulled {
            tool: "containerd".into(),
            image: None,
        });
    }
    match text.trim_end() {
        "Storing signatures" => {
            return Some(Check::Pulled {
                tool: "podman".into(),
                image: None,
            })
        }
        "Login Succeeded" => {
            return Some(Check::LoggedIn {
                tool: "docker".into(),
            })
        }
        "Login Succeeded!" => {
            return Some(Check::LoggedIn {
                tool: "podman".into(),
            })
        }
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("Your cluster can pull images from ") {
        return Some(Check::ClusterCanPull {
            server: rest.trim_end().trim_end_matches('!').to_owned(),
        });
    }
    if let Some(tool) = text.strip_suffix(" daemon status: available") {
        return Some(Check::Daemon {
            tool: tool_name(tool)?,
        });
    }
    if let Some(v) = text.strip_prefix("Azure CLI version: ") {
        return Some(Check::CliVersion {
            version: v.trim().to_owned(),
            acr_module: false,
        });
    }
    if let Some(v) = text.strip_prefix("ACR CLI version: ") {
        return Some(Check::CliVersion {
            version: v.trim().to_owned(),
            acr_module: true,
        });
    }
    if let Some(v) = text.strip_prefix("Helm version:") {
        return Some(Check::Helm {
            version: v.trim().to_owned(),
        });
    }
    if let Some(v) = text.strip_prefix("Notary version:") {
        return Some(Check::Notary {
            version: v.trim().to_owned(),
        });
    }
    if let Some((tool, rest)) = text.split_once(" version: ") {
        if let Some(tool) = tool_name(tool) {
            return Some(Check::ToolVersion {
                tool,
                version: rest.trim().trim_matches('\'').to_owned(),
            });
        }
    }
    if text.ends_with(": OK") || text.ends_with(" OK") {
        return ok_check(text);
    }
    if text.starts_with("This will pull the image") && text.contains("Proceed?") {
        let answer = text.rsplit(':').next().unwrap_or("").trim();
        return (answer.eq_ignore_ascii_case("n")).then_some(Check::PullDeclined);
    }
    if text.starts_with("Skipping pull check") {
        return Some(Check::PullDeclined);
    }
    None
}

fn ok_check(text: &str) -> Option<Check> {
    if let Some((tool, _)) = text.split_once(" pull of ") {
        return Some(Check::Pull {
            tool: tool_name(tool)?,
        });
    }
    if let Some(rest) = text.strip_prefix("DNS lookup to ") {
        let (server, rest) = rest.split_once(" at IP ")?;
        let ip = rest
            .trim_end_matches("OK")
            .trim_end()
            .trim_end_matches(':')
            .trim();
        return Some(Check::Dns {
            server: server.trim().to_owned(),
            ip: ip.to_owned(),
        });
    }
    if let Some(rest) = text.strip_prefix("Challenge endpoint ") {
        let url = rest.split_whitespace().next().unwrap_or("");
        return Some(Check::Challenge {
            url: url.to_owned(),
        });
    }
    if text.starts_with("Fetch refresh token for registry") {
        return Some(Check::RefreshToken {
            server: quoted_after(text, "registry ")?,
        });
    }
    if text.starts_with("Fetch access token for repository") {
        return Some(Check::RepositoryToken {
            repository: quoted_after(text, "repository ")?,
            server: quoted_after(text, "registry ")?,
        });
    }
    if text.starts_with("Fetch access token for registry") {
        return Some(Check::AccessToken {
            server: quoted_after(text, "registry ")?,
        });
    }
    if text.starts_with("DNS routing to private endpoint") {
        return Some(Check::PrivateEndpointDns);
    }
    None
}

/// `Docker`, `Podman`, `Docker.Exe`, or another title-cased binary name set with DOCKER_COMMAND.
fn tool_name(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.len() <= 40
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && !s.contains(' ')
        && !matches!(s, "Helm" | "Notary" | "CLI");
    ok.then(|| s.to_owned())
}

fn mentions_login_required(text: &Hay) -> bool {
    if !text.contains("az login") {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    lower.contains("run 'az login' to setup account")
        || lower.contains("run 'az login' to access your accounts")
        || lower.contains("run \"az login\" to setup account")
        || lower.contains("run `az login` to setup account")
}

fn note(text: &Hay) -> Option<Note> {
    if text.starts_with("Could not connect to the registry login server") {
        let server = quoted_after(text, "login server ").unwrap_or_default();
        return Some(Note::LoginServerUnreachable { server });
    }
    if text.starts_with("Try running 'az acr check-health") {
        return Some(Note::CheckHealthHint);
    }
    if text.contains("--expose-token' to get an access token") {
        return Some(Note::ExposeTokenHint);
    }
    if let Some(msg) = text.strip_prefix("Unable to get admin user credentials with message:") {
        return Some(Note::AdminCredentials {
            message: msg.trim().to_owned(),
        });
    }
    if text.starts_with("Unable to authenticate using AAD or admin login credentials") {
        return Some(Note::AuthenticationFailed);
    }
    if let Some(message) = text.strip_prefix("Unable to get AAD authorization tokens with message:")
    {
        return Some(Note::AadTokens {
            message: message.trim().to_owned(),
        });
    }
    if text.starts_with("Remove Notary client version validation") {
        return Some(Note::NotaryDeprecation);
    }
    if text.starts_with("Environment checks are not supported in Azure Cloud Shell") {
        return Some(Note::CloudShell);
    }
    if text.starts_with("Registry name must be provided to check connectivity") {
        return Some(Note::NoRegistryName);
    }
    if text.contains("run the command with the '--repository' flag") {
        return Some(Note::RepositoryFlag);
    }
    if text.starts_with("DNS routing to registry") && text.contains("is incorrect") {
        return Some(Note::PrivateDnsMismatch {
            expected: between(text, "Expect: ", ",").unwrap_or_default(),
            actual: word_after(text, "Actual: ").unwrap_or_default(),
        });
    }
    if text.starts_with("Error resolving DNS for ") {
        return Some(Note::PrivateDnsUnresolved {
            fqdn: word_after(text, "Error resolving DNS for ")
                .unwrap_or_default()
                .trim_end_matches('.')
                .to_owned(),
        });
    }
    if text.starts_with("DNS routing verification failed")
        || text.contains("doesn't have private endpoints")
        || text.contains("has more than one private endpoint in the vnet")
    {
        return Some(Note::PrivateEndpointSetup {
            message: String::from(&**text),
        });
    }
    if text.starts_with("Refusing to use '") {
        return Some(Note::BinaryInWorkingDirectory);
    }
    // (`Looks like you don't have access to registry …` is read by `classify` before notes.)
    None
}

/// A shell line that runs `az acr`: after a prompt (`$`, `%`, `>`, `❯`, `PS C:\…>`) or on its own.
fn is_command(text: &Hay) -> bool {
    let Some(at) = text.find("az acr ") else {
        return false;
    };
    let before = text[..at].trim_end();
    before.is_empty()
        || before.ends_with(['$', '%', '>', '#', '\u{276f}', '`', '\u{279c}'])
        || before.ends_with("> ")
}

#[cfg(test)]
mod tests;
