//! The page's one state and its reducer.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use acr_doctor_core::decode::{lines_at, Report};
use acr_doctor_core::path::{roles, Role};
use acr_doctor_core::{share, Code, Lang};
use yew::Reducible;

use crate::probe::StepView;

/// What the page shows. Derived data (the report, the excerpts) is computed once per paste here,
/// not in the components.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub lang: Lang,
    /// The page is dark (the system's choice, or the person's).
    pub dark: bool,
    /// Whether anything has been pasted yet (an empty box shows no verdict).
    pub has_paste: bool,
    pub report: Rc<Report>,
    /// How many texts were decoded: a new decode of the same text is still news (Explain's focus).
    pub decoded: u32,
    /// Each finding's role: a problem, a consequence of one above it, or a note.
    pub roles: Rc<Vec<Role>>,
    /// The pasted lines each finding came from, by line number.
    pub excerpts: Rc<BTreeMap<usize, String>>,
    /// The explanation shown was opened from a report link (codes only, no paste).
    pub from_link: bool,
    /// A dropped file was larger than the page reads.
    pub file_truncated: bool,
    pub query: String,
    /// The reference entry the URL's hash points at.
    pub target: Option<Code>,
    pub probe: ProbeRun,
    /// What each code means beyond its fixes (a data file): `None` while it is fetched,
    /// `Some(false)` when it could not be had.
    pub about: Option<bool>,
}

/// The latest probe run: its number (reports of any other run are ignored) and its steps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProbeRun {
    pub run: u32,
    pub steps: Vec<StepView>,
    pub running: bool,
}

pub enum Action {
    SetLang(Lang),
    SetDark(bool),
    /// New text in the paste box, decoded (see `use_decode.rs`); `truncated` when it came from
    /// a file cut to the read limit.
    Decoded {
        text: String,
        report: Rc<Report>,
        truncated: bool,
    },
    SetQuery(String),
    /// The about file was fetched and kept (`true`), or could not be had.
    About(bool),
    /// The URL's hash changed (without the `#`): a reference entry, or a report link.
    Hash(String),
    /// Probe run number `run` started (see `use_probe.rs`).
    ProbeStart(u32),
    /// A step of run `run`, new or updated.
    ProbeStep(u32, Box<StepView>),
    ProbeEnd(u32),
    /// The probe results were cleared; `run` is the number no run has had, so late reports of
    /// the cleared one are ignored.
    ProbeClear(u32),
}

/// Most source lines shown per finding.
pub const MAX_EXCERPT_LINES: usize = 12;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetDark(dark) => next.dark = dark,
            Action::About(here) => next.about = Some(here),
            Action::Decoded {
                text,
                report,
                truncated,
            } => {
                next.excerpts = Rc::new(excerpts(&text, &report));
                next.decoded = next.decoded.wrapping_add(1);
                next.roles = Rc::new(roles(&report));
                next.report = report;
                next.has_paste = !text.trim().is_empty();
                next.file_truncated = truncated;
                next.from_link = false;
            }
            Action::SetQuery(query) => next.query = query,
            Action::Hash(hash) => {
                // A report link reopens its explanation, from its codes alone (see `share.rs`).
                if let Some(report) = share::read(hash.trim_start_matches('#')) {
                    next.roles = Rc::new(roles(&report));
                    next.report = Rc::new(report);
                    next.excerpts = Rc::default();
                    next.has_paste = true;
                    next.from_link = true;
                    next.file_truncated = false;
                }
                next.target = Code::from_title(hash.trim_start_matches('#'));
                if next.target.is_some() {
                    next.query.clear();
                }
            }
            Action::ProbeStart(run) => {
                next.probe = ProbeRun {
                    run,
                    steps: Vec::new(),
                    running: true,
                }
            }
            Action::ProbeStep(run, view) if run == next.probe.run => {
                match next.probe.steps.iter_mut().find(|s| s.step == view.step) {
                    Some(slot) => *slot = *view,
                    None => next.probe.steps.push(*view),
                }
            }
            Action::ProbeEnd(run) if run == next.probe.run => next.probe.running = false,
            Action::ProbeStep(..) | Action::ProbeEnd(_) => return self,
            Action::ProbeClear(run) => {
                next.probe = ProbeRun {
                    run,
                    ..ProbeRun::default()
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
    // Inserted one by one: collecting into a set sorts first, with its own copy of a sort.
    let mut wanted = BTreeSet::new();
    for line in excerpt_lines(report).flatten() {
        wanted.insert(line);
    }
    lines_at(text, &wanted)
}
