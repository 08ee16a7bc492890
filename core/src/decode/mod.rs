//! Pasted text → [`Report`]: every finding with its code, lines, registry and HTTP status; the
//! checks the run passed; where it stopped; the CLI version.
//!
//! The decoder reads the paste once, line by line, as a small state machine over the CLI's line
//! grammar (see `line.rs`): an error title opens a block that collects its message until a line of
//! another shape, a blank line or a fence closes it. Memory stays proportional to what is
//! recognised, not to the size of the paste.

mod clean;
mod extract;
mod line;

use crate::catalog::Code;
pub use extract::{is_private_ipv4, registry_name_of, semver_in};
pub use line::Wrapper;
use line::{classify, Line};

/// The code of a finding: one the page knows, or a title the CLI printed that it does not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FindingCode {
    Known(Code),
    Unknown(String),
}

impl FindingCode {
    pub fn title(&self) -> &str {
        match self {
            FindingCode::Known(code) => code.title(),
            FindingCode::Unknown(title) => title,
        }
    }

    pub fn known(&self) -> Option<Code> {
        match self {
            FindingCode::Known(code) => Some(*code),
            FindingCode::Unknown(_) => None,
        }
    }
}

/// How the finding was found in the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The CLI's own `An error occurred: TITLE` block (or crash, or sign-in message).
    Printed,
    /// The code's name appears in text (prose, a link anchor, a typed code) without its block.
    Mentioned,
    /// The paste ends inside the title; the code was completed from the checks that ran.
    Truncated,
    /// Read from curl's answer to `GET /v2/`, judged as the CLI judges its own request.
    Curl,
}

/// A range of lines of the paste, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: usize,
    pub last: usize,
}

/// The permissions variant of CONNECTIVITY_ACCESS_TOKEN_ERROR (`--repository`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permissions {
    pub granted: String,
    pub missing: String,
}

/// Facts read in a finding's own text that change what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sign {
    /// Docker's stderr says the daemon (or Docker Desktop) is not running.
    DaemonNotRunning,
    /// Docker's stderr says the socket refused this user.
    SocketPermissionDenied,
    /// The binary was not found on PATH.
    ToolNotFound,
    /// 2.88+ refused a docker binary found in the current directory.
    BinaryInWorkingDirectory,
    /// The tool only printed warnings: the CLI counts any stderr as failure.
    ToolWarningsOnly,
    /// Notary is not exactly 0.6.0.
    NotaryWrongVersion {
        found: Option<String>,
        downgrade: bool,
    },
    /// Helm older than 2.11.0.
    HelmTooOld,
    /// `docker pull` printed hints (such as "What's Next?") on stderr.
    PullHintsOnStderr,
    /// A Windows-container host cannot use the Linux sample image.
    WindowsContainers,
    /// The run's DNS line resolved the registry to a private address: a private endpoint.
    PrivateAddress { ip: String },
    /// The crash is a proxy's refusal (`ProxyError`, 407).
    Proxy,
    /// The crash is a certificate the CLI's Python does not trust (TLS inspection).
    CertificateUntrusted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub source: Source,
    /// The CLI's message, line by line, as pasted (cleaned).
    pub message: Vec<String>,
    /// What another tool printed, attached to the message (docker, helm, notary stderr; a traceback's last line).
    pub tool_output: Vec<String>,
    pub lines: Vec<Span>,
    /// The login server (`name.azurecr.io`).
    pub registry: Option<String>,
    /// The registry's name, for the commands of the fixes.
    pub registry_name: Option<String>,
    pub http_status: Option<u16>,
    pub timestamp: Option<String>,
    pub wrapper: Option<Wrapper>,
    pub permissions: Option<Permissions>,
    pub signs: Vec<Sign>,
    /// For a truncated title that could be several codes.
    pub candidates: Vec<Code>,
}

/// A line that says a check passed (or how the run went).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Daemon { tool: String },
    ToolVersion { tool: String, version: String },
    Pull { tool: String },
    PullDeclined,
    CliVersion { version: String, acr_module: bool },
    Dns { server: String, ip: String },
    Challenge { url: String },
    RefreshToken { server: String },
    AccessToken { server: String },
    RepositoryToken { repository: String, server: String },
    PrivateEndpointDns,
    Helm { version: String },
    Notary { version: String },
}

/// A recognised line that is not a code: context for the findings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Note {
    /// `az acr login` could not reach `https://<server>/v2/`.
    LoginServerUnreachable {
        server: String,
    },
    CheckHealthHint,
    ExposeTokenHint,
    AdminCredentials {
        message: String,
    },
    AuthenticationFailed,
    /// The AAD wrapper with a message that is not a code.
    AadTokens {
        message: String,
    },
    NotaryDeprecation,
    CloudShell,
    NoRegistryName,
    RepositoryFlag,
    PrivateDnsMismatch {
        expected: String,
        actual: String,
    },
    PrivateDnsUnresolved {
        fqdn: String,
    },
    PrivateEndpointSetup {
        message: String,
    },
    BinaryInWorkingDirectory,
    /// `az acr login`'s 403 message.
    LoginForbidden {
        server: String,
    },
    /// A code named in the text around the CLI's output, but not printed by it there.
    Mentioned {
        code: Code,
    },
}

impl Note {
    /// Whether the note shows something wrong (as opposed to a hint or an announcement).
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Note::LoginServerUnreachable { .. }
                | Note::AuthenticationFailed
                | Note::PrivateDnsMismatch { .. }
                | Note::PrivateDnsUnresolved { .. }
                | Note::PrivateEndpointSetup { .. }
                | Note::BinaryInWorkingDirectory
                | Note::LoginForbidden { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub line: usize,
    pub item: T,
}

/// A note, the line it first appears on, and how many lines say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub line: usize,
    pub item: Note,
    pub count: usize,
}

/// How the run ended, as far as the paste shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEnd {
    /// The closing FAQ line: every check ran (with `--ignore-errors` when there were errors).
    Completed { ignore_errors: bool },
    /// The first error stopped the command.
    Stopped { code: String },
    /// The CLI crashed.
    Crashed,
    /// The paste does not show the end of a run.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Healthy,
    Errors,
    Crash,
    NotLoggedIn,
    Unrecognized,
}

impl Verdict {
    /// The value of the page's `data-verdict` hook.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Healthy => "healthy",
            Verdict::Errors => "errors",
            Verdict::Crash => "crash",
            Verdict::NotLoggedIn => "not-logged-in",
            Verdict::Unrecognized => "unrecognized",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub checks: Vec<Located<Check>>,
    /// Distinct notes, at most [`MAX_NOTES`], each with how often it was seen.
    pub notes: Vec<Noted>,
    /// Lines whose note was new once [`MAX_NOTES`] were held.
    pub notes_omitted: usize,
    /// The CLI version printed by the run, as printed.
    pub cli_version: Option<String>,
    /// At least one error title carried a timestamp (azure-cli 2.38.0 or later).
    pub timestamped: bool,
    pub end: Option<RunEnd>,
    /// The run went on after an error: `--ignore-errors`.
    pub ignore_errors: bool,
    /// The paste shows `az acr check-health` itself (its checks, its closing or deep-link line),
    /// not only another command's error.
    pub check_health: bool,
    /// The registry the paste is about: its login server and name, when printed.
    pub registry: Option<String>,
    pub registry_name: Option<String>,
    pub lines: usize,
}

impl Report {
    pub fn verdict(&self) -> Verdict {
        let is_error = |f: &&Finding| {
            !matches!(
                f.code,
                FindingCode::Known(Code::AzLoginRequired | Code::CliCrash)
            )
        };
        let has = |code: Code| {
            self.findings
                .iter()
                .any(|f| f.code == FindingCode::Known(code))
        };
        if self.findings.iter().any(|f| is_error(&f)) {
            Verdict::Errors
        } else if has(Code::CliCrash) {
            Verdict::Crash
        } else if has(Code::AzLoginRequired) {
            Verdict::NotLoggedIn
        } else if self.notes.iter().any(|n| n.item.is_problem()) {
            Verdict::Errors
        } else if !self.checks.is_empty() || matches!(self.end, Some(RunEnd::Completed { .. })) {
            Verdict::Healthy
        } else {
            Verdict::Unrecognized
        }
    }

    /// The CLI version as numbers, when the run printed one.
    pub fn cli_semver(&self) -> Option<(u32, u32, u32)> {
        self.cli_version.as_deref().and_then(semver_in)
    }
}

/// Decode a paste. Never panics, whatever the input; linear in its length.
pub fn decode(paste: &str) -> Report {
    let mut d = Decoder::default();
    for (i, raw) in paste.split('\n').enumerate() {
        d.line(i + 1, raw);
    }
    d.finish()
}

#[derive(Default)]
struct Decoder {
    report: Report,
    /// The finding whose message is being read.
    open: Option<usize>,
    /// The crash finding waiting for its exception text.
    crash_waiting: Option<usize>,
    traceback: Option<Traceback>,
    /// Codes named in text, with their line and the login server on that line.
    mentions: Vec<(Code, usize, Option<String>)>,
    /// The login server seen most recently, for findings that name none.
    context_server: Option<String>,
    /// Checks since the last command line: the current run's.
    run_checks: Vec<Check>,
    last_event_end: Option<RunEnd>,
    /// An error was printed and no deep link has closed the run since.
    error_without_link: bool,
    /// The crash a following chained traceback (`During handling …`) belongs to.
    chain_crash: Option<usize>,
    /// A crash made from a bare traceback: a chained traceback that ends in a code replaces it.
    bare_crash: Option<usize>,
    /// The URL of the last `curl` command line.
    curl_url: Option<String>,
    /// An HTTP answer being read: its line, status and headers.
    http: Option<HttpAnswer>,
    /// Where each distinct note sits in `report.notes`.
    note_index: std::collections::HashMap<Note, usize>,
}

struct HttpAnswer {
    line: usize,
    status: u16,
    challenge: Option<String>,
    registry_api: bool,
}

struct Traceback {
    crash: Option<usize>,
    has_code: bool,
}

/// Most distinct notes a report holds; repeats are counted, not stored.
pub const MAX_NOTES: usize = 100;
/// Most findings a report holds: far more than any real run prints.
const MAX_FINDINGS: usize = 500;
/// Most checks remembered for the current run.
const MAX_RUN_CHECKS: usize = 32;
/// Most message lines kept per finding.
const MAX_MESSAGE_LINES: usize = 60;

impl Decoder {
    fn line(&mut self, n: usize, raw: &str) {
        self.report.lines = n;
        let cleaned = clean::clean(raw.strip_suffix('\r').unwrap_or(raw));
        let text: &str = &cleaned.text;
        let class = classify(text);

        if let Some(idx) = self.open {
            if !cleaned.annotated
                && !is_runner_noise(text)
                && self.continues(idx, &class, cleaned.tag.is_some(), text)
            {
                // A tool's own tagged lines (helm's `WARNING: …`) keep their tag: it is their meaning.
                match cleaned.tag {
                    Some(tag) => self.push_message(idx, n, &format!("{tag}{text}")),
                    None => self.push_message(idx, n, text),
                }
                self.scan_mentions(n, text);
                return;
            }
            self.close(idx);
        }

        match &class {
            Line::HttpHeader { name, value } => {
                if let Some(h) = &mut self.http {
                    if name == "www-authenticate" {
                        h.challenge = Some(value.clone());
                    }
                    h.registry_api = true;
                }
                return;
            }
            // Other headers of the same answer (`Content-Type: …`) keep it open.
            Line::Other if self.http.is_some() && is_header(text) => return,
            _ => {
                if let Some(h) = self.http.take() {
                    self.judge_http(h);
                }
            }
        }

        if self.traceback.is_some() && self.traceback_line(n, raw, text, &class) {
            return;
        }

        if let Some(idx) = self.crash_waiting {
            if !matches!(class, Line::Blank) {
                self.crash_waiting = None;
                if matches!(class, Line::Other) {
                    self.push_message(idx, n, text);
                    return;
                }
            }
        }

        if let Some(server) = extract::find_login_server(text) {
            self.note_server(&server);
        }

        self.report.check_health |= matches!(
            class,
            Line::Check(_)
                | Line::Faq
                | Line::DeepLink
                | Line::Note(Note::CloudShell | Note::NoRegistryName)
        );
        if self.error_without_link
            && matches!(class, Line::ErrorTitle { .. } | Line::Check(_) | Line::Faq)
        {
            self.report.ignore_errors = true;
        }
        let chained = matches!(class, Line::Blank | Line::TracebackStart)
            || text.starts_with("During handling of the above exception")
            || text.starts_with("The above exception was the direct cause");
        if !chained {
            self.chain_crash = None;
            self.bare_crash = None;
        }

        match class {
            Line::ErrorTitle {
                title,
                timestamp,
                wrapper,
                rest,
            } => self.open_error(n, title, timestamp, wrapper, rest),
            Line::Check(check) => self.check(n, check),
            Line::Note(note) => {
                if let Note::LoginForbidden { server } = &note {
                    self.login_forbidden(n, server);
                }
                self.scan_mentions(n, text);
                self.note(n, note);
            }
            Line::CrashHeader => {
                let idx = self.push_finding(n, FindingCode::Known(Code::CliCrash), Source::Printed);
                self.crash_waiting = Some(idx);
                self.last_event_end = Some(RunEnd::Crashed);
            }
            Line::TracebackStart => {
                let crash = self.chain_crash.take().or_else(|| {
                    self.report
                        .findings
                        .iter()
                        .rposition(|f| f.code == FindingCode::Known(Code::CliCrash))
                        .filter(|&i| {
                            self.report.findings[i]
                                .lines
                                .last()
                                .is_some_and(|s| n - s.last <= 3)
                        })
                });
                if let Some(i) = crash {
                    extend(&mut self.report.findings[i], n);
                }
                self.traceback = Some(Traceback {
                    crash,
                    has_code: false,
                });
            }
            Line::Faq => {
                let had_errors = self
                    .report
                    .findings
                    .iter()
                    .any(|f| f.source == Source::Printed);
                self.last_event_end = Some(RunEnd::Completed {
                    ignore_errors: had_errors,
                });
            }
            Line::DeepLink => {
                self.error_without_link = false;
                self.scan_mentions(n, text);
                if let Some(f) = self.report.findings.last() {
                    self.last_event_end = Some(RunEnd::Stopped {
                        code: f.code.title().to_owned(),
                    });
                }
            }
            Line::LoginRequired => self.login_required(n),
            Line::Command { registry_name } => {
                if registry_name.is_some() {
                    self.report.registry_name = registry_name;
                }
                self.run_checks.clear();
            }
            Line::CurlCommand { url } => {
                self.curl_url = Some(url);
                self.run_checks.clear();
            }
            Line::HttpStatus { status } => {
                self.http = Some(HttpAnswer {
                    line: n,
                    status,
                    challenge: None,
                    registry_api: false,
                });
            }
            Line::CurlError { code, message } => self.curl_error(n, code, &message),
            Line::HttpHeader { .. } => {}
            Line::Blank | Line::Fence | Line::Other => self.scan_mentions(n, text),
        }
    }

    /// Whether a line continues the open error block's message.
    fn continues(&self, idx: usize, class: &Line, tagged: bool, text: &str) -> bool {
        let f = &self.report.findings[idx];
        // The line right after a title is its message, even when the same words also stand on
        // their own elsewhere (the 403 text `az acr login` prints is FORBIDDEN's message).
        if f.message.is_empty() && !tagged && matches!(class, Line::Note(_)) {
            return true;
        }
        if !matches!(class, Line::Other) {
            return false;
        }
        if f.message.len() >= MAX_MESSAGE_LINES {
            return false;
        }
        let tool = f.code.known().is_some_and(Code::carries_tool_output);
        if tool {
            return true;
        }
        if tagged || text.starts_with("Traceback") {
            return false;
        }
        // A one-sentence message ends with its sentence; more text is a wrapped line only when
        // the sentence is not finished yet.
        match f.message.last() {
            None => true,
            Some(last) => !last.ends_with(['.', '?', '!']),
        }
    }

    fn push_message(&mut self, idx: usize, n: usize, text: &str) {
        let f = &mut self.report.findings[idx];
        f.message.push(clean::cut(text, 2000).to_owned());
        extend(f, n);
    }

    fn push_finding(&mut self, n: usize, code: FindingCode, source: Source) -> usize {
        self.report.findings.push(Finding {
            code,
            source,
            message: Vec::new(),
            tool_output: Vec::new(),
            lines: vec![Span { first: n, last: n }],
            registry: None,
            registry_name: None,
            http_status: None,
            timestamp: None,
            wrapper: None,
            permissions: None,
            signs: Vec::new(),
            candidates: Vec::new(),
        });
        self.report.findings.len() - 1
    }

    fn open_error(
        &mut self,
        n: usize,
        title: String,
        timestamp: Option<String>,
        wrapper: Option<Wrapper>,
        rest: String,
    ) {
        if let Some(tb) = &mut self.traceback {
            tb.has_code = true;
        }
        if self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let code = match Code::from_title(&title) {
            Some(code) => FindingCode::Known(code),
            None => FindingCode::Unknown(title),
        };
        self.report.timestamped |= timestamp.is_some();
        let idx = self.push_finding(n, code, Source::Printed);
        let f = &mut self.report.findings[idx];
        f.timestamp = timestamp;
        f.wrapper = wrapper;
        if !rest.is_empty() {
            f.message.push(clean::cut(&rest, 2000).to_owned());
        }
        self.open = Some(idx);
        self.error_without_link = true;
        self.last_event_end = Some(RunEnd::Stopped {
            code: self.report.findings[idx].code.title().to_owned(),
        });
    }

    /// Read what the closed block's message says: registry, status, permissions, tool output.
    fn close(&mut self, idx: usize) {
        self.open = None;
        let context = self.context_server.clone();
        let run_checks = std::mem::take(&mut self.run_checks);
        let f = &mut self.report.findings[idx];
        let joined = f.message.join(" ");

        if let FindingCode::Unknown(title) = &f.code {
            if f.message.is_empty() {
                let title = title.clone();
                resolve_truncated(f, title.clone(), &run_checks);
                if let Some(RunEnd::Stopped { code }) = &mut self.last_event_end {
                    if *code == title {
                        *code = f.code.title().to_owned();
                    }
                }
            }
        }

        let (server, name) = extract::server_or_name_in_message(&joined);
        let code = f.code.known();
        let scoped = code.is_none_or(is_registry_scoped);
        f.registry = server.or(if scoped { context } else { None });
        f.registry_name = name.or_else(|| f.registry.as_deref().and_then(registry_name_of));
        f.http_status = extract::response_code(&joined);
        if code == Some(Code::ConnectivityAccessToken) && joined.starts_with("You have ") {
            f.permissions = Some(Permissions {
                granted: extract::between(&joined, "You have ", " permissions to the repository")
                    .unwrap_or_default(),
                missing: extract::between(&joined, "You are lacking ", " repository permissions")
                    .unwrap_or_default(),
            });
        }
        if let Some(code) = code {
            f.tool_output = tool_output(code, &f.message);
            f.signs = signs(code, &f.message, &f.tool_output, &run_checks);
        }
        let server = f.registry.clone();
        self.run_checks = run_checks;
        if let Some(server) = server {
            self.note_server(&server);
        }
        self.merge_duplicate(idx);
    }

    /// Two identical blocks (the same run pasted twice, or login then check-health) are one finding.
    fn merge_duplicate(&mut self, idx: usize) {
        let f = &self.report.findings[idx];
        let same = self.report.findings[..idx].iter().position(|g| {
            g.code == f.code
                && g.registry == f.registry
                && g.http_status == f.http_status
                && g.message == f.message
                && g.source == f.source
        });
        if let Some(keep) = same {
            let dup = self.report.findings.remove(idx);
            self.report.findings[keep].lines.extend(dup.lines);
        }
    }

    /// Handle a line while a traceback is open; true when the line belonged to it.
    fn traceback_line(&mut self, n: usize, raw: &str, text: &str, class: &Line) -> bool {
        let Some(tb) = &mut self.traceback else {
            return false;
        };
        let body = raw
            .strip_prefix('>')
            .map_or(raw, |r| r.strip_prefix(' ').unwrap_or(r));
        let frame = body.starts_with([' ', '\t'])
            || text.starts_with("File \"")
            || matches!(class, Line::Blank | Line::TracebackStart)
            || text.starts_with("During handling of the above exception")
            || text.starts_with("The above exception was the direct cause");
        if let Some(i) = tb.crash {
            extend(&mut self.report.findings[i], n);
        }
        if frame {
            return true;
        }
        // The exception line ends the traceback.
        let tb = self.traceback.take();
        if matches!(class, Line::ErrorTitle { .. }) {
            // `During handling … another exception occurred` ending in a CLI error: the earlier
            // traceback was the cause, not a crash.
            let bare = self.bare_crash.take();
            if bare.is_some()
                && tb.is_some_and(|t| t.crash == bare)
                && bare == self.report.findings.len().checked_sub(1)
            {
                self.report.findings.pop();
            }
            return false;
        }
        let Some(tb) = tb else { return true };
        if matches!(
            class,
            Line::Fence | Line::Faq | Line::Check(_) | Line::Command { .. }
        ) {
            return false;
        }
        let exception = clean::cut(text, 2000).to_owned();
        match tb.crash {
            Some(i) => {
                self.report.findings[i].tool_output.push(exception);
                self.chain_crash = Some(i);
            }
            None if !tb.has_code && self.report.findings.len() < MAX_FINDINGS => {
                let idx = self.push_finding(n, FindingCode::Known(Code::CliCrash), Source::Printed);
                self.report.findings[idx].message.push(exception);
                self.chain_crash = Some(idx);
                self.bare_crash = Some(idx);
                self.last_event_end = Some(RunEnd::Crashed);
            }
            None => {}
        }
        true
    }

    fn check(&mut self, n: usize, check: Check) {
        match &check {
            Check::CliVersion { version, .. } => self.report.cli_version = Some(version.clone()),
            Check::Dns { server, .. }
            | Check::RefreshToken { server }
            | Check::AccessToken { server }
            | Check::RepositoryToken { server, .. } => self.note_server(server),
            _ => {}
        }
        // A run prints at most a dozen checks; a paste of many runs keeps only the latest.
        if self.run_checks.len() >= MAX_RUN_CHECKS {
            self.run_checks.remove(0);
        }
        self.run_checks.push(check.clone());
        if self.report.checks.len() < MAX_FINDINGS {
            self.report.checks.push(Located {
                line: n,
                item: check,
            });
        }
    }

    /// `az acr login`'s own 403 text: FORBIDDEN, printed without its title.
    fn login_forbidden(&mut self, n: usize, server: &str) {
        if self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let idx = self.push_finding(
            n,
            FindingCode::Known(Code::ConnectivityForbidden),
            Source::Printed,
        );
        let f = &mut self.report.findings[idx];
        f.message.push(format!(
            "Looks like you don't have access to registry '{server}'."
        ));
        f.registry = Some(server.to_owned()).filter(|s| !s.is_empty());
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.merge_duplicate(idx);
    }

    fn login_required(&mut self, n: usize) {
        let code = FindingCode::Known(Code::AzLoginRequired);
        match self.report.findings.iter_mut().find(|f| f.code == code) {
            Some(f) => f.lines.push(Span { first: n, last: n }),
            None => {
                if self.report.findings.len() < MAX_FINDINGS {
                    let idx = self.push_finding(n, code, Source::Printed);
                    self.report.findings[idx]
                        .message
                        .push("Please run 'az login' to setup account.".into());
                }
            }
        }
    }

    /// Keep a note once, counting its repeats; past [`MAX_NOTES`] distinct ones, only count.
    fn note(&mut self, line: usize, item: Note) {
        if let Some(&i) = self.note_index.get(&item) {
            if let Some(noted) = self.report.notes.get_mut(i) {
                noted.count += 1;
            }
        } else if self.report.notes.len() < MAX_NOTES {
            self.note_index
                .insert(item.clone(), self.report.notes.len());
            self.report.notes.push(Noted {
                line,
                item,
                count: 1,
            });
        } else {
            self.report.notes_omitted += 1;
        }
    }

    fn note_server(&mut self, server: &str) {
        self.context_server = Some(server.to_owned());
        if self.report.registry.is_none()
            || self
                .report
                .registry
                .as_deref()
                .is_some_and(crate::values::is_redacted)
        {
            self.report.registry = Some(server.to_owned());
        }
    }

    /// Codes named in free text: a typed code, a docs anchor `#connectivity_dns_error`, prose.
    fn scan_mentions(&mut self, n: usize, text: &str) {
        if !text.contains('_') || self.mentions.len() >= MAX_FINDINGS {
            return;
        }
        let lower = text.to_ascii_lowercase();
        if !(lower.contains("_error") || lower.contains("_required") || lower.contains("_crash")) {
            return;
        }
        let mut found: Vec<(usize, Code)> = Vec::new();
        for code in Code::ALL {
            let anchor = code.anchor();
            let mut from = 0;
            while let Some(at) = lower[from..].find(&anchor) {
                let start = from + at;
                let end = start + anchor.len();
                let word =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                if !word(lower[..start].chars().next_back()) && !word(lower[end..].chars().next()) {
                    found.push((start, code));
                    break;
                }
                from = end;
            }
        }
        found.sort_unstable();
        let server = extract::find_login_server(text);
        for (_, code) in found {
            self.mentions.push((code, n, server.clone()));
        }
    }

    /// curl's answer to `GET /v2/`, judged as check-health judges its own request.
    fn judge_http(&mut self, h: HttpAnswer) {
        let v2 = self
            .curl_url
            .as_deref()
            .is_some_and(|u| u.trim_end_matches('/').ends_with("/v2"));
        if !(v2 || h.registry_api) || self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let challenge = h
            .challenge
            .as_deref()
            .and_then(crate::probe::challenge::parse);
        let code = match (h.status, &challenge) {
            (100..=199, _) => return,
            (401, Some(c)) if c.supports_entra() => {
                let url = self.curl_url.clone().unwrap_or_default();
                self.check(h.line, Check::Challenge { url });
                return;
            }
            (403, _) => Code::ConnectivityForbidden,
            (401, Some(_)) => Code::ConnectivityAadLogin,
            _ => Code::ConnectivityChallenge,
        };
        let server = self.curl_url.as_deref().and_then(host_of);
        let idx = self.push_finding(h.line, FindingCode::Known(code), Source::Curl);
        let f = &mut self.report.findings[idx];
        f.http_status = Some(h.status);
        f.message.push(format!("HTTP {}", h.status));
        f.message.extend(h.challenge);
        f.registry = server.or_else(|| self.context_server.clone());
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.merge_duplicate(idx);
    }

    /// curl could not get an answer: the same failures the CLI reports for its request.
    fn curl_error(&mut self, n: usize, code: u16, message: &str) {
        let code = match code {
            6 => Code::ConnectivityDns,
            35 | 51 | 58 | 59 | 60 | 77 | 83 | 90 | 91 => Code::ConnectivitySsl,
            5 | 7 | 28 | 52 | 55 | 56 => Code::ConnectivityChallenge,
            _ => return,
        };
        if self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let server = self
            .curl_url
            .as_deref()
            .and_then(host_of)
            .or_else(|| extract::find_login_server(message));
        let idx = self.push_finding(n, FindingCode::Known(code), Source::Curl);
        let f = &mut self.report.findings[idx];
        f.message.push(format!("curl: {message}"));
        f.registry = server;
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.merge_duplicate(idx);
    }

    fn finish(mut self) -> Report {
        if let Some(h) = self.http.take() {
            self.judge_http(h);
        }
        if let Some(idx) = self.open {
            self.close(idx);
        }
        if let Some(tb) = self.traceback.take() {
            if tb.crash.is_none() && !tb.has_code && self.report.findings.len() < MAX_FINDINGS {
                let idx = self.push_finding(
                    self.report.lines,
                    FindingCode::Known(Code::CliCrash),
                    Source::Printed,
                );
                self.report.findings[idx]
                    .message
                    .push("Traceback (most recent call last):".into());
                self.last_event_end = Some(RunEnd::Crashed);
            }
        }
        // When the CLI's own output is in the paste, it is what counts: a code only named in the
        // prose around it (an issue title, a guess) is noted, not reported as a finding.
        let output_has_codes = !self.report.findings.is_empty();
        for (code, n, server) in std::mem::take(&mut self.mentions) {
            let fc = FindingCode::Known(code);
            if let Some(f) = self.report.findings.iter_mut().find(|f| f.code == fc) {
                if f.source == Source::Mentioned {
                    f.lines.push(Span { first: n, last: n });
                }
                continue;
            }
            if output_has_codes {
                if !self.note_index.contains_key(&Note::Mentioned { code }) {
                    self.note(n, Note::Mentioned { code });
                }
                continue;
            }
            if self.report.findings.len() >= MAX_FINDINGS {
                break;
            }
            let idx = self.push_finding(n, fc, Source::Mentioned);
            let f = &mut self.report.findings[idx];
            f.registry = server.or_else(|| {
                if is_registry_scoped(code) {
                    self.report.registry.clone()
                } else {
                    None
                }
            });
            f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        }
        let run_name = self
            .report
            .registry_name
            .clone()
            .or_else(|| self.report.registry.as_deref().and_then(registry_name_of));
        for f in &mut self.report.findings {
            if f.code == FindingCode::Known(Code::CliCrash) {
                f.signs = signs(Code::CliCrash, &f.message, &f.tool_output, &[]);
            }
            if f.registry_name.is_none() {
                f.registry_name.clone_from(&run_name);
            }
        }
        if self.report.registry_name.is_none() {
            self.report.registry_name = run_name;
        }
        self.report.end = match self.last_event_end {
            // With --ignore-errors an error does not stop the run: without the closing line, the
            // paste simply ends before the run did.
            Some(RunEnd::Stopped { .. }) if self.report.ignore_errors => Some(RunEnd::Unknown),
            // Another command's error (az acr login…) says nothing about a health-check run.
            Some(RunEnd::Stopped { .. }) if !self.report.check_health => None,
            end => end,
        };
        self.report
    }
}

fn extend(f: &mut Finding, n: usize) {
    if let Some(last) = f.lines.last_mut() {
        last.last = last.last.max(n);
    }
}

/// What CI runners and build tools print around a failed command: never a tool's message.
fn is_runner_noise(text: &str) -> bool {
    text.contains("Process completed with exit code")
        || text.starts_with("make: ***")
        || text.starts_with("make[")
        || text.starts_with("Error: Process completed")
}

/// `Name: value` with a header name (letters, digits, dashes), as in an HTTP answer.
fn is_header(text: &str) -> bool {
    let t = text.strip_prefix("< ").unwrap_or(text);
    t.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.len() < 60
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// The host of an URL: `https://r.azurecr.io/v2/` → `r.azurecr.io`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_owned())
}

/// Codes about the registry itself (as opposed to the tools on this machine).
fn is_registry_scoped(code: Code) -> bool {
    matches!(
        code,
        Code::ConnectivityDns
            | Code::ConnectivityForbidden
            | Code::ConnectivityChallenge
            | Code::ConnectivityAadLogin
            | Code::ConnectivityRefreshToken
            | Code::ConnectivityTooManyRequests
            | Code::ConnectivityAccessToken
            | Code::ConnectivitySsl
            | Code::ConnectivityWwwAuthenticate
            | Code::LoginServer
            | Code::Cmk
    )
}

/// A title cut short by the end of the paste (`An error occurred: NOTARY`): the codes it could be,
/// less those whose check the run already passed.
fn resolve_truncated(f: &mut Finding, prefix: String, run_checks: &[Check]) {
    let passed = |code: Code| {
        run_checks.iter().any(|c| {
            matches!(
                (code, c),
                (Code::NotaryCommand, Check::Notary { .. })
                    | (Code::HelmCommand, Check::Helm { .. })
                    | (
                        Code::DockerCommand | Code::DockerDaemon,
                        Check::Daemon { .. } | Check::ToolVersion { .. },
                    )
                    | (Code::DockerVersion, Check::ToolVersion { .. })
                    | (Code::DockerPull, Check::Pull { .. })
                    | (Code::ConnectivityDns | Code::LoginServer, Check::Dns { .. })
                    | (
                        Code::ConnectivityChallenge
                            | Code::ConnectivityForbidden
                            | Code::ConnectivitySsl,
                        Check::Challenge { .. },
                    )
                    | (
                        Code::ConnectivityRefreshToken
                            | Code::ConnectivityTooManyRequests
                            | Code::ConnectivityAadLogin,
                        Check::RefreshToken { .. },
                    )
                    | (Code::ConnectivityAccessToken, Check::AccessToken { .. })
            )
        })
    };
    let candidates: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|c| c.title().len() > prefix.len() && c.title().starts_with(&prefix))
        .filter(|c| c.origin() != crate::catalog::Origin::Ours)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let remaining: Vec<Code> = candidates.iter().copied().filter(|c| !passed(*c)).collect();
    f.source = Source::Truncated;
    match remaining.as_slice() {
        [one] => f.code = FindingCode::Known(*one),
        _ => {
            f.code = FindingCode::Unknown(prefix);
            f.candidates = if remaining.is_empty() {
                candidates
            } else {
                remaining
            };
        }
    }
}

/// The part of a message that another tool printed.
fn tool_output(code: Code, message: &[String]) -> Vec<String> {
    const FIXED: [&str; 4] = [
        "Please verify if Docker client is installed and running.",
        "Please verify if Helm is installed.",
        "Please verify if notary is installed.",
        "Please verify if Docker daemon is running, or try restarting it.",
    ];
    if !code.carries_tool_output() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in message {
        if FIXED.contains(&line.as_str()) {
            continue;
        }
        if let Some(at) = line.find("Failed to run command '") {
            let rest = &line[at..];
            let after = rest.find("'. ").map_or("", |i| rest[i + 3..].trim());
            if !after.is_empty() {
                out.push(after.to_owned());
            }
            continue;
        }
        let template = line.starts_with("An error occurred while")
            || line.starts_with("An error occured while")
            || line.starts_with("Current Helm client version is not recommended")
            || line.starts_with("Current notary version is not recommended");
        if !template {
            out.push(line.clone());
        }
    }
    out
}

fn signs(code: Code, message: &[String], tool: &[String], run_checks: &[Check]) -> Vec<Sign> {
    let tool_text = tool.join("\n").to_ascii_lowercase();
    let text = message.join(" ");
    let mut signs = Vec::new();
    match code {
        Code::DockerCommand | Code::DockerDaemon => {
            if tool_text.contains("daemon is not running")
                || tool_text.contains("pipe/docker_engine")
                || tool_text.contains("pipe%2fdocker_engine")
                || tool_text.contains("cannot connect to the docker daemon")
                || tool_text.contains("is the docker daemon running")
            {
                signs.push(Sign::DaemonNotRunning);
            }
            if tool_text.contains("permission denied") {
                signs.push(Sign::SocketPermissionDenied);
            }
            if tool_text.contains("refusing to use") {
                signs.push(Sign::BinaryInWorkingDirectory);
            }
            if tool_text.contains("not found") || tool_text.contains("is not recognized") {
                signs.push(Sign::ToolNotFound);
            }
        }
        Code::HelmCommand | Code::NotaryCommand => {
            let lines: Vec<&String> = tool.iter().filter(|l| !l.trim().is_empty()).collect();
            if !lines.is_empty()
                && lines
                    .iter()
                    .all(|l| l.to_ascii_lowercase().starts_with("warning"))
            {
                signs.push(Sign::ToolWarningsOnly);
            }
        }
        Code::NotaryVersion => {
            let found = run_checks.iter().rev().find_map(|c| match c {
                Check::Notary { version } => Some(version.clone()),
                _ => None,
            });
            let downgrade = text.contains("downgrade")
                || found
                    .as_deref()
                    .and_then(semver_in)
                    .is_some_and(|v| v > (0, 6, 0));
            let wrong = text.contains("not recommended")
                || found
                    .as_deref()
                    .and_then(semver_in)
                    .is_some_and(|v| v != (0, 6, 0));
            if wrong {
                signs.push(Sign::NotaryWrongVersion { found, downgrade });
            }
        }
        Code::HelmVersion if text.contains("not recommended") => signs.push(Sign::HelmTooOld),
        Code::ConnectivityChallenge
        | Code::ConnectivitySsl
        | Code::ConnectivityForbidden
        | Code::ConnectivityRefreshToken
        | Code::ConnectivityAccessToken => {
            let private = run_checks.iter().rev().find_map(|c| match c {
                Check::Dns { ip, .. } if extract::is_private_ipv4(ip) => Some(ip.clone()),
                _ => None,
            });
            if let Some(ip) = private {
                signs.push(Sign::PrivateAddress { ip });
            }
        }
        Code::CliCrash => {
            let all = format!("{text} {tool_text}");
            if all.contains("ProxyError") || all.contains("proxyerror") || all.contains("407 Proxy")
            {
                signs.push(Sign::Proxy);
            }
            if all.contains("CERTIFICATE_VERIFY_FAILED")
                || all.contains("certificate_verify_failed")
                || all.contains("SSLError")
                || all.contains("sslerror")
            {
                signs.push(Sign::CertificateUntrusted);
            }
        }
        Code::DockerPull => {
            if tool_text.contains("what's next") || tool_text.contains("what's new") {
                signs.push(Sign::PullHintsOnStderr);
            }
            if tool_text.contains("cannot be used on this platform")
                || tool_text.contains("operating system")
            {
                signs.push(Sign::WindowsContainers);
            }
        }
        _ => {}
    }
    signs
}

/// The pasted lines at the given 1-based numbers, in one pass over the paste (cleaned of colour
/// codes, cut to a readable length), for showing each finding's source.
pub fn lines_at(
    paste: &str,
    wanted: &std::collections::BTreeSet<usize>,
) -> std::collections::BTreeMap<usize, String> {
    let mut out = std::collections::BTreeMap::new();
    let Some(&last) = wanted.iter().next_back() else {
        return out;
    };
    for (i, raw) in paste.split('\n').enumerate().take(last) {
        if wanted.contains(&(i + 1)) {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            out.insert(i + 1, clean::readable(clean::cut(raw, 400)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_at_reads_only_the_wanted_lines() {
        let wanted = [2, 4].into_iter().collect();
        let got = lines_at("a\r\nb\r\nc\n\u{1b}[33md", &wanted);
        assert_eq!(
            got.into_iter().collect::<Vec<_>>(),
            [(2, "b".to_owned()), (4, "d".to_owned())]
        );
    }
}
