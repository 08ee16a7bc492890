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
    Tenant,
    Doh,
    Timeout,
}

/// The form's fields. Secrets (tokens, password) live here, in component memory only: never in
/// the URL, storage or logs.
#[derive(Clone)]
struct Fields {
    registry: UseStateHandle<String>,
    entra: UseStateHandle<String>,
    refresh: UseStateHandle<String>,
    username: UseStateHandle<String>,
    password: UseStateHandle<String>,
    repository: UseStateHandle<String>,
    tenant: UseStateHandle<String>,
    doh: UseStateHandle<String>,
    timeout: UseStateHandle<String>,
}

impl Fields {
    fn get(&self, f: Field) -> &UseStateHandle<String> {
        match f {
            Field::Registry => &self.registry,
            Field::Entra => &self.entra,
            Field::Refresh => &self.refresh,
            Field::Username => &self.username,
            Field::Password => &self.password,
            Field::Repository => &self.repository,
            Field::Tenant => &self.tenant,
            Field::Doh => &self.doh,
            Field::Timeout => &self.timeout,
        }
    }
}

#[component]
pub fn ProbePanel(props: &ProbePanelProps) -> Html {
    let lang = props.lang;
    let en = lang == Lang::En;
    // Non-secret settings may come from the URL's query.
    let from_query =
        |key: &str, default: &str| browser::query_param(key).unwrap_or_else(|| default.to_owned());
    let fields = Fields {
        registry: use_state(|| from_query("registry", "")),
        entra: use_state(String::new),
        refresh: use_state(String::new),
        username: use_state(String::new),
        password: use_state(String::new),
        repository: use_state(|| from_query("repository", "")),
        tenant: use_state(|| from_query("tenant", "")),
        doh: use_state(|| from_query("doh", DEFAULT_DOH)),
        timeout: use_state(|| from_query("timeout", "10")),
    };
    let error = use_state(|| None::<String>);
    let registry = fields.registry.clone();
    let doh = fields.doh.clone();

    let input = |f: Field,
                 testid: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 placeholder: &'static str| {
        let state = fields.get(f).clone();
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
        let fields = fields.clone();
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_target(&fields.registry) {
                Ok(target) => {
                    error.set(None);
                    let secs: f64 = fields.timeout.trim().parse().unwrap_or(10.0);
                    let ms = (secs.clamp(0.5, 120.0) * 1000.0) as i32;
                    let value = |f: Field| String::clone(fields.get(f));
                    let input = ProbeInput {
                        target,
                        entra_token: value(Field::Entra),
                        refresh_token: value(Field::Refresh),
                        username: value(Field::Username),
                        password: value(Field::Password),
                        repository: value(Field::Repository),
                        tenant: value(Field::Tenant),
                        doh: value(Field::Doh),
                    };
                    on_run.emit((input, ms));
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
                    { input(Field::Tenant, "tenant-input", if en { "Registry's tenant ID (optional: flags a token from another tenant)" } else { "ID du locataire du registre (facultatif : signale un jeton d’un autre locataire)" }, "text", "") }
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
