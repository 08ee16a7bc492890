//! The page's one state and its reducer.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use acr_doctor_core::decode::{decode, lines_at, Report};
use acr_doctor_core::{Code, Lang};
use yew::Reducible;

use crate::probe::StepView;

/// What the page shows. Derived data (the report, the excerpts) is computed once per paste here,
/// not in the components.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub lang: Lang,
    /// Whether anything has been pasted yet (an empty box shows no verdict).
    pub has_paste: bool,
    pub report: Rc<Report>,
    /// The pasted lines each finding came from, by line number.
    pub excerpts: Rc<BTreeMap<usize, String>>,
    /// A dropped file was larger than the page reads.
    pub file_truncated: bool,
    pub query: String,
    /// The reference entry the URL's hash points at.
    pub target: Option<Code>,
    /// The probe steps of the latest run, in order.
    pub probe_steps: Vec<StepView>,
    pub probe_running: bool,
    /// The latest run; reports of older runs are ignored.
    pub probe_run: u32,
}

pub enum Action {
    SetLang(Lang),
    /// New text in the paste box; `truncated` when it came from a file cut to the read limit.
    Paste {
        text: Rc<str>,
        truncated: bool,
    },
    SetQuery(String),
    /// The URL's hash changed (without the `#`).
    Hash(String),
    /// A new run: its steps arrive as they start.
    ProbeStart {
        run: u32,
    },
    ProbeStep {
        run: u32,
        view: Box<StepView>,
    },
    ProbeEnd {
        run: u32,
    },
    /// Forget the latest run's steps.
    ProbeClear,
}

/// Most source lines shown per finding.
pub const MAX_EXCERPT_LINES: usize = 12;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Paste { text, truncated } => {
                let report = decode(&text);
                next.excerpts = Rc::new(excerpts(&text, &report));
                next.report = Rc::new(report);
                next.has_paste = !text.trim().is_empty();
                next.file_truncated = truncated;
            }
            Action::SetQuery(query) => next.query = query,
            Action::ProbeStart { run } => {
                next.probe_run = run;
                next.probe_steps.clear();
                next.probe_running = true;
            }
            Action::ProbeStep { run, view } if run == next.probe_run => {
                match next.probe_steps.iter_mut().find(|s| s.step == view.step) {
                    Some(slot) => *slot = *view,
                    None => next.probe_steps.push(*view),
                }
            }
            Action::ProbeStep { .. } => {}
            Action::ProbeEnd { run } if run == next.probe_run => next.probe_running = false,
            Action::ProbeEnd { .. } => {}
            Action::ProbeClear => {
                // Reports still in flight from the cleared run are ignored.
                next.probe_run += 1;
                next.probe_steps.clear();
                next.probe_running = false;
            }
            Action::Hash(hash) => {
                next.target = Code::from_title(hash.trim_start_matches('#'));
                if next.target.is_some() {
                    next.query.clear();
                }
            }
        }
        Rc::new(next)
    }
}

/// The line numbers each finding shows, capped per finding.
pub fn excerpt_lines(report: &Report) -> impl Iterator<Item = Vec<usize>> + '_ {
    report.findings.iter().map(|f| {
        f.lines
            .iter()
            .flat_map(|s| s.first..=s.last)
            .take(MAX_EXCERPT_LINES)
            .collect()
    })
}

fn excerpts(text: &str, report: &Report) -> BTreeMap<usize, String> {
    let wanted: BTreeSet<usize> = excerpt_lines(report).flatten().collect();
    lines_at(text, &wanted)
}
