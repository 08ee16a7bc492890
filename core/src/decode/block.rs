//! The error block: `An error occurred: TITLE` opens it, and the lines of its message follow until
//! a line of another shape, a blank line or a fence closes it. The finding being read is held
//! here, outside the report, until the block closes; then what the message says (registry, HTTP
//! status, permissions, another tool's output) is read, and the finding is added.

use super::decoder::{Decoder, MAX_FINDINGS};
use super::extract;
use super::line::{Line, Wrapper};
use super::report::{Finding, FindingCode, Permissions, Source, Span};
use super::{clean, run, signs};
use crate::catalog::Code;
use crate::values::registry_name_of;

/// Most message lines kept per finding.
const MAX_MESSAGE_LINES: usize = 60;

/// The block being read.
pub(super) struct OpenBlock {
    finding: Finding,
}

impl Decoder {
    /// Whether a line continues the open block's message.
    pub(super) fn continues(&self, class: &Line, tagged: bool, text: &str) -> bool {
        let Some(OpenBlock { finding: f }) = &self.open else {
            return false;
        };
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

    /// One more line of the open block's message.
    pub(super) fn push_message(&mut self, n: usize, text: &str) {
        if let Some(OpenBlock { finding: f }) = &mut self.open {
            f.message.push(clean::cut(text, 2000).to_owned());
            super::decoder::extend(f, n);
        }
    }

    pub(super) fn open_error(
        &mut self,
        n: usize,
        title: String,
        timestamp: Option<String>,
        wrapper: Option<Wrapper>,
        rest: String,
    ) {
        self.crash.code_printed();
        if self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        let code = match Code::from_title(&title) {
            Some(code) => FindingCode::Known(code),
            None => FindingCode::Unknown(title),
        };
        self.report.timestamped |= timestamp.is_some();
        let mut f = Finding::new(n, code, Source::Printed);
        f.timestamp = timestamp;
        f.wrapper = wrapper;
        if !rest.is_empty() {
            f.message.push(clean::cut(&rest, 2000).to_owned());
        }
        self.run.error_printed(f.code.title());
        self.open = Some(OpenBlock { finding: f });
    }

    /// Close the open block: read what its message says, and add its finding.
    pub(super) fn close(&mut self) {
        let Some(OpenBlock { finding: mut f }) = self.open.take() else {
            return;
        };
        let joined = f.message.join(" ");

        if let FindingCode::Unknown(title) = &f.code {
            if f.message.is_empty() {
                let title = title.clone();
                run::resolve_truncated(&mut f, title.clone(), &self.run.checks);
                self.run.title_completed(&title, f.code.title());
            }
        }

        let (server, name) = extract::server_or_name_in_message(&joined);
        let code = f.code.known();
        let scoped = code.is_none_or(Code::is_registry_scoped);
        f.registry = server.or(if scoped {
            self.context_server.clone()
        } else {
            None
        });
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
            f.tool_output = signs::tool_output(code, &f.message);
            f.signs = signs::signs(code, &f.message, &f.tool_output, &self.run.checks);
        }
        if let Some(server) = f.registry.clone() {
            self.note_server(&server);
        }
        self.add(f);
    }

    /// `az acr login`'s own 403 text: FORBIDDEN, printed without its title.
    pub(super) fn login_forbidden(&mut self, n: usize, server: &str) {
        let mut f = Finding::new(
            n,
            FindingCode::Known(Code::ConnectivityForbidden),
            Source::Printed,
        );
        f.message.push(format!(
            "Looks like you don't have access to registry '{server}'."
        ));
        f.registry = Some(server.to_owned()).filter(|s| !s.is_empty());
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.add(f);
    }

    /// "Please run 'az login'": one finding, however often it is printed.
    pub(super) fn login_required(&mut self, n: usize) {
        let code = FindingCode::Known(Code::AzLoginRequired);
        match self.report.findings.iter_mut().find(|f| f.code == code) {
            Some(f) => f.lines.push(Span { first: n, last: n }),
            None => {
                let mut f = Finding::new(n, code, Source::Printed);
                f.message
                    .push("Please run 'az login' to setup account.".into());
                self.add(f);
            }
        }
    }
}
