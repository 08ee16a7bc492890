//! The dispatcher: one pass over the paste, each line shown to the machines in a fixed order
//! (see [`Decoder::line`]), and the one place findings are added, capped and merged.

use super::block::OpenBlock;
use super::clean;
use super::crash::CrashState;
use super::curl::CurlState;
use super::hay::{Hay, PairTable};
use super::line::{classify_in, Line};
use super::report::{Finding, FindingCode, Note, Noted, Report, Sign, Source, Span, MAX_NOTES};
use super::run::RunState;
use super::tools::PasteFacts;
use super::{curl, extract, signs};
use crate::catalog::{Code, Origin};

#[derive(Default)]
pub(super) struct Decoder {
    pub(super) report: Report,
    /// The error block being read, if any (see `block.rs`).
    pub(super) open: Option<OpenBlock>,
    /// The crash and traceback being read (see `crash.rs`).
    pub(super) crash: CrashState,
    /// curl's command line and the HTTP answer being read (see `curl.rs`).
    pub(super) curl: CurlState,
    /// The current run: its checks and how it ended so far (see `run.rs`).
    pub(super) run: RunState,
    /// Codes named in text, with their line and the login server on that line (see `mentions.rs`).
    /// Whether the words before the code report that it happened.
    pub(super) mentions: Vec<(Code, usize, Option<String>, bool)>,
    /// The login server seen most recently, for findings that name none.
    pub(super) context_server: Option<String>,
    /// Where each distinct note sits in `report.notes`.
    note_index: std::collections::HashMap<Note, usize>,
    /// What the whole paste says about client versions (see `tools.rs`).
    facts: PasteFacts,
    /// A kit transcript's lines, from its first line to its last (see `probe/transcript.rs`).
    kit: Vec<String>,
    kit_open: bool,
}

/// Most findings a report holds: far more than any real run prints.
pub(super) const MAX_FINDINGS: usize = 500;

impl Decoder {
    /// One line, shown to the machines in this order, which matters:
    ///
    /// 1. the open error block: a line that continues its message is its own, and nothing else
    ///    sees it; any other line closes the block first;
    /// 2. the HTTP answer being read (curl): its headers are its own; any other line ends it,
    ///    and it is judged;
    /// 3. the crash: a traceback's frames are its own; a crash header's exception text too;
    /// 4. what every remaining line tells: the login server it names, whether it is
    ///    check-health's, whether the run went on after an error;
    /// 5. the line's own meaning: an error title opens a block, a check is the run's, a note, a
    ///    crash, a command line, curl's lines; other text is read for other tools' messages
    ///    (`tools.rs`) and for codes named in it.
    ///
    /// `table` marks the line's pairs (see `hay.rs`); it is the caller's, reused line after line.
    pub(super) fn line(&mut self, n: usize, raw: &str, table: &mut PairTable) {
        self.report.lines = n;
        let cleaned = clean::clean(raw.strip_suffix('\r').unwrap_or(raw));
        let text: &str = &cleaned.text;
        // 0. A kit transcript: its lines are its own.
        if self.kit_line(text) {
            return;
        }
        let hay = Hay::new(text, table.read(text));
        let class = classify_in(&hay);
        self.facts.line(&hay);

        // 1. The open error block.
        if self.open.is_some() {
            if !cleaned.annotated
                && !is_runner_noise(text)
                && self.continues(&class, cleaned.tag.is_some(), text)
            {
                // A tool's own tagged lines (helm's `WARNING: …`) keep their tag: it is their meaning.
                match cleaned.tag {
                    Some(tag) => self.push_message(n, &format!("{tag}{text}")),
                    None => self.push_message(n, text),
                }
                self.scan_mentions(n, text);
                return;
            }
            self.close();
        }

        // 2. The HTTP answer being read.
        match &class {
            Line::HttpHeader { name, value } => {
                self.curl.header(name, value);
                return;
            }
            // Other headers of the same answer (`Content-Type: …`) keep it open.
            Line::Other if self.curl.http.is_some() && curl::is_header(text) => return,
            _ => self.end_http(),
        }

        // 3. The crash.
        if self.crash_line(n, raw, &hay, &class) {
            return;
        }

        // 4. What every remaining line tells.
        // The line's pairs rule out most lines at once.
        if hay.contains(extract::LOGIN_SERVER_MARK) {
            if let Some(server) = extract::find_login_server(text) {
                self.note_server(&server);
            }
        }
        self.report.check_health |= matches!(
            class,
            Line::Check(_)
                | Line::Faq
                | Line::DeepLink
                | Line::Note(Note::CloudShell | Note::NoRegistryName)
        );
        if self.run.error_without_link
            && matches!(class, Line::ErrorTitle { .. } | Line::Check(_) | Line::Faq)
        {
            self.report.ignore_errors = true;
        }

        // 5. The line's own meaning.
        match class {
            Line::ErrorTitle {
                title,
                timestamp,
                wrapper,
                rest,
            } => self.open_error(n, title, timestamp, wrapper, rest),
            Line::Check(check) => self.check(n, check),
            // `az acr login` could not reach the login server: a finding of its own now.
            Line::Note(Note::LoginServerUnreachable { .. }) => self.scan_tools(n, &hay),
            Line::Note(note) => {
                if let Note::LoginForbidden { server } = &note {
                    self.login_forbidden(n, server);
                }
                if matches!(note, Note::AadTokens { .. } | Note::AdminCredentials { .. }) {
                    self.scan_tools(n, &hay);
                }
                self.scan_mentions(n, text);
                self.note(n, note);
            }
            Line::CrashHeader => self.crash_header(n),
            Line::TracebackStart => self.traceback_start(n),
            Line::Faq => self.completed(),
            Line::DeepLink => {
                self.scan_mentions(n, text);
                self.deep_link();
            }
            Line::LoginRequired => self.login_required(n),
            Line::Command { registry_name } => {
                if registry_name.is_some() {
                    self.report.registry_name = registry_name;
                }
                self.run.restart();
            }
            Line::CurlCommand { url } => {
                self.curl.url = Some(url);
                self.run.restart();
            }
            Line::HttpStatus { status } => self.curl.status_line(n, status),
            Line::CurlError { code, message } => self.curl_error(n, code, &message),
            Line::HttpHeader { .. } => {}
            Line::Other => {
                self.scan_tools(n, &hay);
                self.scan_mentions(n, text);
            }
            Line::Blank | Line::Fence => self.scan_mentions(n, text),
        }
    }

    /// Keep a kit transcript's lines: from `acr-doctor-kit 1` to `acr-doctor-kit end`, at most 64.
    /// Only lines of the transcript's grammar are its own: any other line between its first and
    /// last is decoded as always, so a transcript header cannot hide the rest of a paste.
    fn kit_line(&mut self, text: &str) -> bool {
        if text.starts_with("acr-doctor-kit 1") && self.kit.is_empty() {
            self.kit_open = true;
        }
        if !self.kit_open {
            return false;
        }
        let end = text.starts_with("acr-doctor-kit end");
        let own = end
            || text.starts_with("acr-doctor-kit 1")
            || crate::probe::transcript::is_step_line(text);
        if !own {
            return false;
        }
        if self.kit.len() < 66 {
            self.kit.push(text.to_owned());
        }
        if end {
            self.kit_open = false;
        }
        true
    }

    /// The one way a finished finding enters the report: dropped past [`MAX_FINDINGS`], and
    /// merged into an earlier identical one (the same run pasted twice, or login then
    /// check-health) instead of being listed twice.
    pub(super) fn add(&mut self, f: Finding) {
        if self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let same = self.report.findings.iter_mut().find(|g| {
            g.code == f.code
                && g.registry == f.registry
                && g.http_status == f.http_status
                && g.message == f.message
                && g.source == f.source
        });
        match same {
            Some(keep) => keep.lines.extend(f.lines),
            None => self.report.findings.push(f),
        }
    }

    /// A crash, which grows as its traceback is read: added at once, never merged; its place.
    pub(super) fn add_growing(&mut self, f: Finding) -> Option<usize> {
        if self.report.findings.len() >= MAX_FINDINGS {
            return None;
        }
        self.report.findings.push(f);
        Some(self.report.findings.len() - 1)
    }

    /// Keep a note once, counting its repeats; past [`MAX_NOTES`] distinct ones, only count.
    pub(super) fn note(&mut self, line: usize, item: Note) {
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

    /// A note that is not counted again once held.
    pub(super) fn note_once(&mut self, line: usize, item: Note) {
        if !self.note_index.contains_key(&item) {
            self.note(line, item);
        }
    }

    /// A login server named in the paste: the context of the findings that name none, and the
    /// report's registry (the first one, unless it was redacted).
    pub(super) fn note_server(&mut self, server: &str) {
        self.context_server = Some(server.to_owned());
        if self
            .report
            .registry
            .as_deref()
            .is_none_or(crate::values::is_redacted)
        {
            self.report.registry = Some(server.to_owned());
        }
    }

    /// The paste is read: close what is open, settle the codes named in text, fill in the
    /// registry's name, and say how the run ended.
    pub(super) fn finish(mut self) -> Report {
        self.end_http();
        self.close();
        self.finish_crash();
        self.settle_mentions();
        let facts = std::mem::take(&mut self.facts);
        self.known_bugs(&facts);
        // Another tool's message that names no host is about the registry the paste names.
        let fallback = self.report.registry.clone();
        for f in &mut self.report.findings {
            let ours = f
                .code
                .known()
                .is_some_and(|c| c.is_registry_scoped() && c.origin() == Origin::Ours);
            if ours && f.registry.is_none() && f.source == Source::Printed {
                f.registry.clone_from(&fallback);
                if f.registry_name.is_none() {
                    f.registry_name = f
                        .registry
                        .as_deref()
                        .and_then(crate::values::registry_name_of);
                }
            }
        }
        // Still one finding per code and registry: a message that named no host joins the one
        // that named the paste's registry.
        let mut kept: Vec<Finding> = Vec::with_capacity(self.report.findings.len());
        for f in std::mem::take(&mut self.report.findings) {
            let ours = f.code.known().is_some_and(|c| c.origin() == Origin::Ours);
            let same = kept.iter_mut().find(|g| {
                ours && g.code == f.code && g.registry == f.registry && g.source == f.source
            });
            match same {
                Some(g) => {
                    // In line order, a later line after an earlier one on the same first line.
                    for span in f.lines {
                        let at = g.lines.partition_point(|s| s.first <= span.first);
                        g.lines.insert(at, span);
                    }
                }
                None => kept.push(f),
            }
        }
        self.report.findings = kept;
        // A 401 next to "manifest unknown" for the same registry is the missing tag talking.
        let unknown: Vec<Option<String>> = self
            .report
            .findings
            .iter()
            .filter(|f| f.code == FindingCode::Known(Code::ManifestUnknown))
            .map(|f| f.registry.clone())
            .collect();
        for f in &mut self.report.findings {
            if f.code == FindingCode::Known(Code::RegistryUnauthorized)
                && unknown.contains(&f.registry)
            {
                f.signs.push(Sign::AlsoManifestUnknown);
            }
        }
        let run_name = self.report.registry_name.clone().or_else(|| {
            self.report
                .registry
                .as_deref()
                .and_then(crate::values::registry_name_of)
        });
        for f in &mut self.report.findings {
            if f.code == FindingCode::Known(Code::CliCrash) {
                f.signs = signs::signs(Code::CliCrash, &f.message, &f.tool_output, &[]);
            }
            if f.registry_name.is_none() {
                f.registry_name.clone_from(&run_name);
            }
        }
        if self.report.registry_name.is_none() {
            self.report.registry_name = run_name;
        }
        self.report.end = self.run.end(&self.report);
        self.report.kit = crate::probe::transcript::parse(self.kit.iter().map(String::as_str));
        self.kit_findings();
        let ran = self.report.check_health;
        for f in &mut self.report.findings {
            f.check_health_ran = ran;
        }
        self.report
    }

    /// A kit's transcript is output like any other: each code its failing steps give is a
    /// finding, about the registry the kit checked (the steps are shown as the kit ran them).
    fn kit_findings(&mut self) {
        let Some(t) = &self.report.kit else {
            return;
        };
        let registry = crate::values::url_authority(&t.origin).map(str::to_ascii_lowercase);
        let codes = crate::probe::kit::judge(t)
            .into_iter()
            .filter(|k| k.judged.status == crate::probe::steps::Status::Error)
            .filter_map(|k| k.judged.code);
        for code in codes {
            let known = FindingCode::Known(code);
            if self.report.findings.iter().any(|f| f.code == known) {
                continue;
            }
            let mut f = Finding::new(0, known, Source::Kit);
            f.lines.clear();
            f.registry_name = registry
                .as_deref()
                .and_then(crate::values::registry_name_of);
            f.registry.clone_from(&registry);
            self.report.findings.push(f);
        }
    }
}

/// Widen a finding's last span of lines to line `n`.
pub(super) fn extend(f: &mut Finding, n: usize) {
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

impl Finding {
    /// A finding at line `n`, nothing read yet.
    pub(crate) fn new(n: usize, code: FindingCode, source: Source) -> Self {
        Finding {
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
            detail: Default::default(),
            check_health_ran: false,
        }
    }
}
