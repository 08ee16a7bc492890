//! Every command the page offers to copy, in one list: the catalogue's fixes and the commands its
//! texts quote, the probe steps' commands, the token the probe asks for, and the kit's `kubectl`
//! lines. The tests read this list to check each command against the real tools and refuse the
//! shapes that would hurt the person who runs it; a new command is checked by being here.

use crate::catalog;
use crate::probe::kit_script;
use crate::probe::steps::{self, StepId};
use crate::probe::words::ENTRA_TOKEN_COMMAND;

/// A command template (`{name}`, `{server}`… not filled in) and where the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub place: String,
    pub template: &'static str,
}

/// Every command the page offers, each once (the first place that shows it).
pub fn offered() -> Vec<Offered> {
    let mut all = catalog::commands();
    for step in StepId::ALL {
        all.push((
            format!("probe step {step:?}"),
            steps::command_template(step),
        ));
    }
    for command in steps::BLOCKED_COMMANDS {
        all.push(("probe blocked".to_owned(), command));
    }
    all.push(("probe token".to_owned(), ENTRA_TOKEN_COMMAND));
    all.push(("kit kubectl (node network)".to_owned(), kit_script::KUBECTL));
    all.push((
        "kit kubectl (pod network)".to_owned(),
        kit_script::KUBECTL_POD,
    ));
    let mut out: Vec<Offered> = Vec::new();
    for (place, template) in all {
        if !out.iter().any(|o| o.template == template) {
            out.push(Offered { place, template });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_each_kind_of_command() {
        let all = offered();
        let has = |s: &str| all.iter().any(|o| o.template == s);
        assert!(has(catalog::RERUN_WITH_DETAILS));
        assert!(has(kit_script::KUBECTL));
        assert!(has(ENTRA_TOKEN_COMMAND));
        assert!(has("az acr show-endpoints -n {name}"));
        // Quoted in a text between backticks.
        assert!(all
            .iter()
            .any(|o| o.place.contains("fix") && o.template.starts_with("sudo systemctl")));
        assert!(all.len() > 40, "{}", all.len());
    }
}
