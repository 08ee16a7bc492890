//! The CLI's crashes: "The command failed with an unexpected error. Here is the traceback:", a
//! Python traceback (frames, then the exception line), and chained tracebacks (`During handling
//! of the above exception…`) that belong to the same crash, or end in a CLI code and so were the
//! cause of an error rather than a crash.

use super::clean;
use super::decoder::{extend, Decoder, MAX_FINDINGS};
use super::hay::Hay;
use super::line::Line;
use super::report::{Finding, FindingCode, RunEnd, Source};
use crate::catalog::Code;

/// Where the decoder is in a crash. The `usize`s are places in `report.findings`: a crash
/// finding is added when it starts and grows as its lines come, and the only finding ever taken
/// back out is a bare crash that is still the last one (see [`Decoder::crash_line`]).
#[derive(Default)]
pub(super) enum Crash {
    #[default]
    Idle,
    /// After the crash header: the next line that is not blank may be its exception text.
    Waiting { crash: usize },
    /// Inside a traceback: the crash it belongs to (if any), whether a CLI code was printed in
    /// it, and a crash made from an earlier bare traceback.
    Traceback {
        crash: Option<usize>,
        has_code: bool,
        bare: Option<usize>,
        /// A frame in the Azure CLI's code (`azure/cli/`, `knack/`): the traceback is az's.
        cli_frames: bool,
    },
    /// Right after a traceback: a chained one belongs to `chain`; `bare` is a crash made from a
    /// bare traceback, dropped if the chain ends in a CLI error.
    Chained {
        chain: Option<usize>,
        bare: Option<usize>,
    },
}

/// The crash state, with the one thing the error block tells it.
#[derive(Default)]
pub(super) struct CrashState(pub(super) Crash);

impl CrashState {
    /// A CLI error title was printed.
    pub(super) fn code_printed(&mut self) {
        if let Crash::Traceback { has_code, .. } = &mut self.0 {
            *has_code = true;
        }
    }
}

/// Lines that keep a chain of tracebacks together.
fn chains(class: &Line, text: &str) -> bool {
    matches!(class, Line::Blank | Line::TracebackStart)
        || text.starts_with("During handling of the above exception")
        || text.starts_with("The above exception was the direct cause")
}

impl Decoder {
    /// A line seen while a crash is being read; true when it belonged to the crash. `text` is
    /// the cleaned line with its pairs, as the decoder holds it.
    pub(super) fn crash_line(&mut self, n: usize, raw: &str, text: &Hay, class: &Line) -> bool {
        match std::mem::take(&mut self.crash.0) {
            Crash::Traceback {
                crash,
                has_code,
                bare,
                cli_frames,
            } => {
                let body = raw
                    .strip_prefix('>')
                    .map_or(raw, |r| r.strip_prefix(' ').unwrap_or(r));
                let frame = body.starts_with([' ', '\t'])
                    || text.starts_with("File \"")
                    || chains(class, text);
                if let Some(i) = crash {
                    extend(&mut self.report.findings[i], n);
                }
                if frame {
                    let cli_frames = cli_frames || is_cli_frame(text);
                    self.crash.0 = Crash::Traceback {
                        crash,
                        has_code,
                        bare,
                        cli_frames,
                    };
                    return true;
                }
                // The exception line ends the traceback.
                if matches!(class, Line::ErrorTitle { .. }) {
                    // `During handling … another exception occurred` ending in a CLI error: the
                    // earlier bare traceback was the cause, not a crash.
                    if bare.is_some()
                        && crash == bare
                        && bare == self.report.findings.len().checked_sub(1)
                    {
                        self.report.findings.pop();
                    }
                    return false;
                }
                // The run goes on: the traceback was cut short, and no chain follows it.
                if matches!(
                    class,
                    Line::Fence | Line::Faq | Line::Check(_) | Line::Command { .. }
                ) {
                    return false;
                }
                // A network failure the exception names is a finding of its own, with its host.
                self.scan_crash_exception(n, text);
                let exception = clean::cut(text, 2000).to_owned();
                self.crash.0 = match crash {
                    Some(i) => {
                        self.report.findings[i].tool_output.push(exception);
                        Crash::Chained {
                            chain: Some(i),
                            bare,
                        }
                    }
                    // A bare traceback is the CLI's crash only when it is az's: another Python
                    // program's (an SDK's) unhandled error is told by what its exception says.
                    None if !has_code
                        && (cli_frames
                            || is_cli_frame(text)
                            || self.report.cli_version.is_some())
                        && self.report.findings.len() < MAX_FINDINGS =>
                    {
                        let mut f =
                            Finding::new(n, FindingCode::Known(Code::CliCrash), Source::Printed);
                        f.message.push(exception);
                        let idx = self.add_growing(f);
                        self.run.last_end = Some(RunEnd::Crashed);
                        Crash::Chained {
                            chain: idx,
                            bare: idx,
                        }
                    }
                    None => Crash::Chained { chain: None, bare },
                };
                true
            }
            Crash::Waiting { crash } if !matches!(class, Line::Blank) => {
                if matches!(class, Line::Other) {
                    let f = &mut self.report.findings[crash];
                    f.message.push(clean::cut(text, 2000).to_owned());
                    extend(f, n);
                    return true;
                }
                self.chain_or_reset(class, text);
                false
            }
            state => {
                self.crash.0 = state;
                self.chain_or_reset(class, text);
                false
            }
        }
    }

    /// A line outside a chain of tracebacks ends it.
    fn chain_or_reset(&mut self, class: &Line, text: &str) {
        // The state first: it is rarely a chain, and every line comes here.
        if matches!(self.crash.0, Crash::Chained { .. }) && !chains(class, text) {
            self.crash.0 = Crash::Idle;
        }
    }

    /// "The command failed with an unexpected error. Here is the traceback:"
    pub(super) fn crash_header(&mut self, n: usize) {
        let f = Finding::new(n, FindingCode::Known(Code::CliCrash), Source::Printed);
        if let Some(crash) = self.add_growing(f) {
            self.crash.0 = Crash::Waiting { crash };
        }
        self.run.last_end = Some(RunEnd::Crashed);
    }

    /// `Traceback (most recent call last):` outside a traceback.
    pub(super) fn traceback_start(&mut self, n: usize) {
        let (chain, bare) = match std::mem::take(&mut self.crash.0) {
            Crash::Chained { chain, bare } => (chain, bare),
            _ => (None, None),
        };
        // Belongs to the crash it chains to, or to a crash header just above.
        let crash = chain.or_else(|| {
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
        self.crash.0 = Crash::Traceback {
            crash,
            has_code: false,
            bare,
            cli_frames: false,
        };
    }

    /// The paste ended inside a traceback that belongs to no crash: it is one.
    pub(super) fn finish_crash(&mut self) {
        if let Crash::Traceback {
            crash: None,
            has_code: false,
            cli_frames,
            ..
        } = std::mem::take(&mut self.crash.0)
        {
            if (cli_frames || self.report.cli_version.is_some())
                && self.report.findings.len() < MAX_FINDINGS
            {
                let mut f = Finding::new(
                    self.report.lines,
                    FindingCode::Known(Code::CliCrash),
                    Source::Printed,
                );
                f.message.push("Traceback (most recent call last):".into());
                self.add_growing(f);
                self.run.last_end = Some(RunEnd::Crashed);
            }
        }
    }
}

/// A traceback frame in the Azure CLI's own code, or an exception of its modules.
fn is_cli_frame(text: &str) -> bool {
    [
        "azure/cli/",
        "azure\\cli\\",
        "knack/",
        "knack\\",
        "knack.",
        "azure.cli.",
    ]
    .iter()
    .any(|p| text.contains(p))
}
