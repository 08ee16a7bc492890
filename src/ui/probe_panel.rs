//! The probe form and the steps of the latest run.

use acr_doctor_core::probe::steps::{Status, StepId};
use acr_doctor_core::probe::target::parse_target;
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::probe_step::ProbeStep;
use super::token_inspector::TokenInspector;
use crate::browser;
use crate::probe::{ProbeInput, StepView};

/// The public resolver used unless the person sets another (it receives the host name only).
pub const DEFAULT_DOH: &str = "https://cloudflare-dns.com/dns-query";

#[derive(Properties, PartialEq)]
pub struct ProbePanelProps {
    pub lang: Lang,
    pub steps: Vec<StepView>,
    pub running: bool,
    /// Run with these inputs and this timeout (ms).
    pub on_run: Callback<(ProbeInput, i32)>,
    pub on_cancel: Callback<()>,
    /// The registry the paste names, offered when the field is empty.
    pub suggested: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Registry,
    Entra,
    Refresh,
    Username,
    Password,
    Repository,
    Doh,
    Timeout,
}

#[component]
pub fn ProbePanel(props: &ProbePanelProps) -> Html {
    let lang = props.lang;
    let en = lang == Lang::En;
    let registry = use_state(|| browser::query_param("registry").unwrap_or_default());
    let doh = use_state(|| browser::query_param("doh").unwrap_or_else(|| DEFAULT_DOH.to_owned()));
    let repository = use_state(|| browser::query_param("repository").unwrap_or_default());
    let timeout = use_state(|| browser::query_param("timeout").unwrap_or_else(|| "10".to_owned()));
    // Secrets: component memory only, never in the URL, storage or logs.
    let entra = use_state(String::new);
    let refresh = use_state(String::new);
    let username = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);

    let field = |f: Field| -> UseStateHandle<String> {
        match f {
            Field::Registry => registry.clone(),
            Field::Entra => entra.clone(),
            Field::Refresh => refresh.clone(),
            Field::Username => username.clone(),
            Field::Password => password.clone(),
            Field::Repository => repository.clone(),
            Field::Doh => doh.clone(),
            Field::Timeout => timeout.clone(),
        }
    };
    let input = |f: Field,
                 testid: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 placeholder: &'static str| {
        let state = field(f);
        let oninput = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(v) = browser::event_value(&e) {
                    state.set(v);
                }
            })
        };
        html! {
            <label class="field">
                <span>{ label }</span>
                <input type={kind} data-testid={testid} value={(*state).clone()} {oninput} {placeholder}
                    autocomplete="off" spellcheck="false" />
            </label>
        }
    };

    let onsubmit = {
        let on_run = props.on_run.clone();
        let (registry, entra, refresh, username, password, repository, doh, timeout, error) = (
            registry.clone(),
            entra.clone(),
            refresh.clone(),
            username.clone(),
            password.clone(),
            repository.clone(),
            doh.clone(),
            timeout.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_target(&registry) {
                Ok(target) => {
                    error.set(None);
                    let secs: f64 = timeout.trim().parse().unwrap_or(10.0);
                    let ms = (secs.clamp(0.5, 120.0) * 1000.0) as i32;
                    on_run.emit((
                        ProbeInput {
                            target,
                            entra_token: (*entra).clone(),
                            refresh_token: (*refresh).clone(),
                            username: (*username).clone(),
                            password: (*password).clone(),
                            repository: (*repository).clone(),
                            doh: (*doh).clone(),
                        },
                        ms,
                    ));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };

    let suggestion = props
        .suggested
        .clone()
        .filter(|s| registry.trim().is_empty() && !s.starts_with(['*', '<']));
    let use_suggestion = {
        let registry = registry.clone();
        let suggestion = suggestion.clone();
        Callback::from(move |_| {
            if let Some(s) = &suggestion {
                registry.set(s.to_string());
            }
        })
    };
    let blocked_commands: Vec<String> = parse_target(&registry)
        .map(|t| {
            let name = t.name.clone().unwrap_or_else(|| "<registry-name>".into());
            vec![
                format!("curl -si {}/v2/", t.origin),
                format!("az acr check-health -n {name} --yes"),
            ]
        })
        .unwrap_or_default();
    let doh_host = (*doh).split('/').nth(2).unwrap_or("").to_owned();
    let all_done = !props.steps.is_empty()
        && !props.running
        && props.steps.iter().all(|s| s.status != Status::Running);
    let count = |st: Status| props.steps.iter().filter(|s| s.status == st).count();
    let (ok, skipped) = (count(Status::Ok), count(Status::Skipped));

    html! {
        <section class="probes" aria-labelledby="probe-title">
            <h2 id="probe-title">{ if en { "Check from this browser" } else { "Vérifier depuis ce navigateur" } }</h2>
            <p class="muted">{ if en {
                "Runs the checks of az acr check-health from here: DNS, reachability, the /v2/ challenge and the token exchange. Tokens and passwords stay in this page's memory and go only to the registry you name."
            } else {
                "Lance ici les vérifications d’az acr check-health : DNS, accessibilité, demande d’authentification /v2/ et échange de jetons. Jetons et mots de passe restent dans la mémoire de cette page et ne vont qu’au registre que vous nommez."
            } }</p>
            <form class="probe-form" {onsubmit} autocomplete="off">
                { input(Field::Registry, "registry-input", if en { "Registry" } else { "Registre" }, "text", "myreg, myreg.azurecr.io, https://…") }
                if let Some(s) = suggestion.clone() {
                    <button type="button" class="suggestion" data-testid="use-pasted-registry" onclick={use_suggestion}>
                        { if en { format!("Use {s}, from your paste") } else { format!("Utiliser {s}, tiré de votre collage") } }
                    </button>
                }
                <details class="probe-credentials" open=true>
                    <summary>{ if en { "Credentials (optional)" } else { "Identifiants (facultatif)" } }</summary>
                    { input(Field::Entra, "entra-token-input", if en { "Entra access token (az account get-access-token --resource https://containerregistry.azure.net)" } else { "Jeton d’accès Entra (az account get-access-token --resource https://containerregistry.azure.net)" }, "password", "eyJ…") }
                    { input(Field::Refresh, "refresh-token-input", if en { "or an ACR refresh token (az acr login --expose-token)" } else { "ou un jeton d’actualisation ACR (az acr login --expose-token)" }, "password", "eyJ…") }
                    { input(Field::Username, "username-input", if en { "or a user name (admin user, token name)" } else { "ou un nom d’utilisateur (administrateur, nom de jeton)" }, "text", "") }
                    { input(Field::Password, "password-input", if en { "and its password" } else { "et son mot de passe" }, "password", "") }
                    { input(Field::Repository, "repository-input", if en { "Repository (optional: checks its tags instead of the catalog)" } else { "Dépôt (facultatif : vérifie ses tags au lieu du catalogue)" }, "text", "") }
                </details>
                <details class="probe-settings" open=true>
                    <summary>{ if en { "Settings" } else { "Réglages" } }</summary>
                    { input(Field::Doh, "doh-url-input", if en { "DNS-over-HTTPS resolver" } else { "Résolveur DNS-over-HTTPS" }, "url", DEFAULT_DOH) }
                    { input(Field::Timeout, "timeout-input", if en { "Timeout per request (seconds)" } else { "Délai par requête (secondes)" }, "number", "10") }
                </details>
                <p class="muted doh-notice">{ if en {
                    format!("DNS is asked of {doh_host}: it receives the registry's host name, nothing else. It shows the public view, not what this machine's own resolver answers.")
                } else {
                    format!("Le DNS est demandé à {doh_host} : il reçoit le nom d’hôte du registre, rien d’autre. Il montre la vue publique, pas ce que répond le résolveur de cette machine.")
                } }</p>
                <div class="probe-buttons">
                    <button type="submit" class="primary" data-testid="run-probes" disabled={props.running}>{ if en { "Run" } else { "Lancer" } }</button>
                    <button type="button" data-testid="cancel-probes" disabled={!props.running} onclick={on_cancel}>{ if en { "Cancel" } else { "Annuler" } }</button>
                </div>
                if let Some(e) = (*error).clone() { <p class="warning" role="alert" data-testid="registry-error">{ e }</p> }
            </form>
            if !props.steps.is_empty() {
                <ol class="probe-steps" aria-live="polite">
                    { for props.steps.iter().map(|v| html! {
                        <ProbeStep key={v.step.id()} view={v.clone()} {lang} blocked_commands={blocked_commands.clone()} />
                    }) }
                </ol>
                if all_done {
                    <p class="muted" data-testid="probe-summary">{ if en {
                        format!("{ok} of {} steps passed, {skipped} skipped.", StepId::ALL.len())
                    } else {
                        format!("{ok} étapes sur {} ont réussi, {skipped} sautées.", StepId::ALL.len())
                    } }</p>
                }
            }
            <TokenInspector {lang} />
        </section>
    }
}
