//! The run: the checks it passed (the current run's, for reading its errors; all of them, for
//! the summary), whether it went on after an error (`--ignore-errors`), and how it ended.

use super::decoder::{Decoder, MAX_FINDINGS};
use super::report::{Check, Finding, FindingCode, Located, Report, RunEnd, Source};
use crate::catalog::{CliCode, Code, Origin};

/// Most checks remembered for the current run.
const MAX_RUN_CHECKS: usize = 32;

#[derive(Default)]
pub(super) struct RunState {
    /// Checks since the last command line: the current run's, the latest last.
    pub(super) checks: Vec<Check>,
    /// How the run ended, as far as the lines so far show.
    pub(super) last_end: Option<RunEnd>,
    /// An error was printed and no deep link has closed the run since.
    pub(super) error_without_link: bool,
}

impl RunState {
    /// An error title was printed: the run stopped there, unless more follows.
    pub(super) fn error_printed(&mut self, title: &str) {
        self.error_without_link = true;
        self.last_end = Some(RunEnd::Stopped {
            code: title.to_owned(),
        });
    }

    /// A truncated title was completed: the run stopped at the completed code.
    pub(super) fn title_completed(&mut self, printed: &str, completed: &str) {
        if let Some(RunEnd::Stopped { code }) = &mut self.last_end {
            if code == printed {
                *code = completed.to_owned();
            }
        }
    }

    /// A new command line: a new run.
    pub(super) fn restart(&mut self) {
        self.checks.clear();
    }

    /// How the run ended, once the whole paste is read.
    pub(super) fn end(&self, report: &Report) -> Option<RunEnd> {
        match self.last_end.clone() {
            // With --ignore-errors an error does not stop the run: without the closing line, the
            // paste simply ends before the run did.
            Some(RunEnd::Stopped { .. }) if report.ignore_errors => Some(RunEnd::Unknown),
            // Another command's error (az acr login…) says nothing about a health-check run.
            Some(RunEnd::Stopped { .. }) if !report.check_health => None,
            end => end,
        }
    }
}

impl Decoder {
    pub(super) fn check(&mut self, n: usize, check: Check) {
        match &check {
            Check::CliVersion { version, .. } => self.report.cli_version = Some(version.clone()),
            Check::Dns { server, .. }
            | Check::RefreshToken { server }
            | Check::AccessToken { server }
            | Check::RepositoryToken { server, .. } => self.note_server(server),
            _ => {}
        }
        // A run prints at most a dozen checks; a paste of many runs keeps only the latest.
        if self.run.checks.len() >= MAX_RUN_CHECKS {
            self.run.checks.remove(0);
        }
        self.run.checks.push(check.clone());
        if self.report.checks.len() < MAX_FINDINGS {
            self.report.checks.push(Located {
                line: n,
                item: check,
            });
        }
    }

    /// The closing FAQ line: the run completed.
    pub(super) fn completed(&mut self) {
        let had_errors = self
            .report
            .findings
            .iter()
            .any(|f| f.source == Source::Printed);
        self.run.last_end = Some(RunEnd::Completed {
            ignore_errors: had_errors,
        });
    }

    /// The deep link after an error: the run stopped at the last finding.
    pub(super) fn deep_link(&mut self) {
        self.run.error_without_link = false;
        if let Some(f) = self.report.findings.last() {
            self.run.last_end = Some(RunEnd::Stopped {
                code: f.code.title().to_owned(),
            });
        }
    }
}

/// A title cut short by the end of the paste (`An error occurred: NOTARY`): the codes it could be,
/// less those whose check the run already passed.
pub(super) fn resolve_truncated(f: &mut Finding, prefix: String, run_checks: &[Check]) {
    let passed = |code: Code| run_checks.iter().any(|c| rules_out(code, c));
    let candidates: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|c| c.title().len() > prefix.len() && c.title().starts_with(&prefix))
        .filter(|c| c.origin() != Origin::Ours)
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

/// Whether a check that passed rules a code out: the run got past the point that prints it.
fn rules_out(code: Code, check: &Check) -> bool {
    // What other tools print: check-health never prints it, and no check rules it out.
    let Some(code) = code.cli() else {
        return false;
    };
    match code {
        CliCode::NotaryCommand => matches!(check, Check::Notary { .. }),
        CliCode::HelmCommand => matches!(check, Check::Helm { .. }),
        CliCode::DockerCommand | CliCode::DockerDaemon => {
            matches!(check, Check::Daemon { .. } | Check::ToolVersion { .. })
        }
        CliCode::DockerVersion => matches!(check, Check::ToolVersion { .. }),
        CliCode::DockerPull => matches!(check, Check::Pull { .. }),
        CliCode::ConnectivityDns | CliCode::LoginServer => matches!(check, Check::Dns { .. }),
        CliCode::ConnectivityChallenge
        | CliCode::ConnectivityForbidden
        | CliCode::ConnectivitySsl => {
            matches!(check, Check::Challenge { .. })
        }
        CliCode::ConnectivityRefreshToken
        | CliCode::ConnectivityTooManyRequests
        | CliCode::ConnectivityAadLogin => matches!(check, Check::RefreshToken { .. }),
        CliCode::ConnectivityAccessToken => matches!(check, Check::AccessToken { .. }),
        // No check line comes after these: nothing rules them out.
        CliCode::HelmVersion
        | CliCode::NotaryVersion
        | CliCode::Cmk
        | CliCode::ConnectivityWwwAuthenticate
        | CliCode::Unexpected
        | CliCode::AzLoginRequired
        | CliCode::CliCrash => false,
    }
}
