//! The probe form and the steps of the latest run.

use acr_doctor_core::probe::settings;
use acr_doctor_core::probe::steps::{self, Status, StepId};
use acr_doctor_core::probe::target::parse_target;
use acr_doctor_core::ui_text::{self, label, Label};
use acr_doctor_core::values::is_redacted;
use acr_doctor_core::values::is_repository;
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::kit_panel::KitPanel;
use super::probe_step::ProbeStep;
use super::token_inspector::TokenInspector;
use crate::browser;
use crate::probe::StepView;
use acr_doctor_core::probe::request::{given, ProbeInput, Secret};

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
    /// Forget the run's steps (the form's secrets are cleared here).
    pub on_clear: Callback<()>,
    /// The registry the paste names, offered when the field is empty.
    pub suggested: Option<AttrValue>,
    /// Shown with the run's results, after its steps: the run drawn, and its share bar.
    #[prop_or_default]
    pub children: Html,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Forget every secret: on Clear, and when the page is left.
    fn clear_secrets(&self) {
        for f in [
            Field::Entra,
            Field::Refresh,
            Field::Username,
            Field::Password,
        ] {
            self.get(f).set(String::new());
        }
    }

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
    // Non-secret settings may come from the URL's query: read as an attacker may have written
    // them. A link never fills a secret and never ticks "send my token".
    let link = use_memo((), |_| Link::read());
    let fields = Fields {
        registry: use_state(|| link.registry.clone().unwrap_or_default()),
        entra: use_state(String::new),
        refresh: use_state(String::new),
        username: use_state(String::new),
        password: use_state(String::new),
        repository: use_state(|| link.repository.clone().unwrap_or_default()),
        tenant: use_state(|| link.tenant.clone().unwrap_or_default()),
        doh: use_state(|| link.doh.clone().unwrap_or_else(|| DEFAULT_DOH.to_owned())),
        timeout: use_state(|| {
            link.timeout
                .clone()
                .unwrap_or_else(|| settings::DEFAULT_TIMEOUT_TEXT.to_owned())
        }),
    };
    // Fields that hold what the link gave, until the person edits them.
    let from_link = use_state(|| link.fields.clone());
    // The registry's refusal is shown for a link's value at once, for a typed one on Run.
    let show_error = use_state(|| link.registry.is_some());
    let repository_error = use_state(|| false);
    // The origin the person ticked "send my token to": it counts only for that origin.
    let ticked = use_state(|| None::<String>);
    let registry = fields.registry.clone();
    let doh = fields.doh.clone();
    let target = parse_target(&registry);

    // Leaving the page forgets the secrets (a page restored from the back-forward cache shows
    // empty secret fields).
    {
        let fields = fields.clone();
        let ticked = ticked.clone();
        use_effect_with((), move |_| {
            let listener = browser::WindowListener::new("pagehide", move |_| {
                fields.clear_secrets();
                ticked.set(None);
            });
            move || drop(listener)
        });
    }

    let input = |f: Field,
                 testid: &'static str,
                 label_text: &'static str,
                 kind: &'static str,
                 placeholder: &'static str| {
        let state = fields.get(f).clone();
        let oninput = {
            let state = state.clone();
            let from_link = from_link.clone();
            let show_error = show_error.clone();
            let repository_error = repository_error.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(v) = browser::event_value(&e) {
                    state.set(v);
                }
                if from_link.contains(&f) {
                    let mut rest = (*from_link).clone();
                    rest.retain(|x| *x != f);
                    from_link.set(rest);
                }
                match f {
                    Field::Registry => show_error.set(false),
                    Field::Repository => repository_error.set(false),
                    _ => {}
                }
            })
        };
        html! {
            <label class="field">
                <span>
                    { label_text }
                    if from_link.contains(&f) {
                        <span class="badge from-link" data-testid="from-link" data-field={testid}>{ label(Label::FromLink, lang) }</span>
                    }
                </span>
                <input type={kind} data-testid={testid} value={(*state).clone()} {oninput} {placeholder}
                    autocomplete="off" spellcheck="false" />
            </label>
        }
    };

    let onsubmit = {
        let on_run = props.on_run.clone();
        let fields = fields.clone();
        let show_error = show_error.clone();
        let repository_error = repository_error.clone();
        let ticked = ticked.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let target = match parse_target(&fields.registry) {
                Ok(target) => target,
                Err(_) => {
                    show_error.set(true);
                    return;
                }
            };
            let repository = fields.repository.trim().to_owned();
            if !repository.is_empty() && !is_repository(&repository) {
                repository_error.set(true);
                return;
            }
            let input = ProbeInput {
                target,
                entra: Secret::given(&fields.entra),
                refresh: Secret::given(&fields.refresh),
                basic: given(&fields.username).map(|user| (user, Secret::typed(&fields.password))),
                repository: given(&repository),
                tenant: given(&fields.tenant),
                doh: String::clone(&fields.doh),
                trusted_origin: (*ticked).clone(),
            };
            on_run.emit((
                input,
                settings::timeout_ms(crate::browser::number(&fields.timeout)),
            ));
        })
    };
    let on_clear = {
        let cb = props.on_clear.clone();
        let fields = fields.clone();
        let ticked = ticked.clone();
        Callback::from(move |_| {
            fields.clear_secrets();
            ticked.set(None);
            cb.emit(());
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };

    let suggestion = props
        .suggested
        .clone()
        .filter(|s| registry.trim().is_empty() && !is_redacted(s) && parse_target(s).is_ok());
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
        .map(|t| steps::blocked_commands(&t))
        .unwrap_or_default();
    let doh_host = settings::resolver(&doh)
        .ok()
        .and_then(|r| acr_doctor_core::values::url_authority(&r).map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned());
    let all_done = !props.steps.is_empty()
        && !props.running
        && props.steps.iter().all(|s| s.judged().is_some());
    let count = |st: Status| {
        props
            .steps
            .iter()
            .filter(|s| s.judged().is_some_and(|j| j.status == st))
            .count()
    };
    let (ok, skipped) = (count(Status::Ok), count(Status::Skipped));
    // A step this browser could not see: the kit checks it where the problem is.
    let blocked = count(Status::Blocked) > 0;

    html! {
        <section class="probes" aria-labelledby="probe-title">
            <h2 id="probe-title">{ label(Label::ProbeTitle, lang) }</h2>
            <p class="muted">{ label(Label::ProbeIntro, lang) }</p>
            <form class="probe-form" {onsubmit} autocomplete="off">
                { input(Field::Registry, "registry-input", label(Label::FieldRegistry, lang), "text", "myreg, myreg.azurecr.io, https://…") }
                if let (Err(e), true) = (&target, *show_error) {
                    <p class="warning" role="alert" data-testid="registry-error">{ e.text(lang) }</p>
                }
                if let Some(path) = target.as_ref().ok().and_then(|t| t.dropped_path.clone()) {
                    <p class="muted" data-testid="registry-note">{ ui_text::path_dropped(&path, lang) }</p>
                }
                if let Some(t) = target.as_ref().ok().filter(|t| !t.azure) {
                    <label class="trust" data-testid="trust-label">
                        <input type="checkbox" data-testid="trust-registry"
                            checked={ticked.as_deref() == Some(t.origin.as_str())}
                            onchange={
                                let ticked = ticked.clone();
                                let origin = t.origin.clone();
                                Callback::from(move |e: Event| {
                                    let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                                    ticked.set(on.then(|| origin.clone()));
                                })
                            } />
                        <span>{ ui_text::trust_registry(&t.origin, lang) }</span>
                        <span class="muted">{ label(Label::TrustHelp, lang) }</span>
                    </label>
                }
                if let Some(s) = suggestion.clone() {
                    <button type="button" class="suggestion" data-testid="use-pasted-registry" onclick={use_suggestion}>
                        { ui_text::use_pasted(&s, lang) }
                    </button>
                }
                // Folded for a first visit (the box's answer comes first); open when a link filled
                // one of its fields, so what a link changed is in sight.
                <details class="probe-credentials" open={link.fields.iter().any(|f| matches!(f, Field::Repository | Field::Tenant))}>
                    <summary>{ label(Label::Credentials, lang) }</summary>
                    { input(Field::Entra, "entra-token-input", label(Label::FieldEntra, lang), "password", "eyJ…") }
                    { input(Field::Refresh, "refresh-token-input", label(Label::FieldRefresh, lang), "password", "eyJ…") }
                    { input(Field::Username, "username-input", label(Label::FieldUsername, lang), "text", "") }
                    { input(Field::Password, "password-input", label(Label::FieldPassword, lang), "password", "") }
                    { input(Field::Tenant, "tenant-input", label(Label::FieldTenant, lang), "text", "") }
                    { input(Field::Repository, "repository-input", label(Label::FieldRepository, lang), "text", "") }
                    if *repository_error {
                        <p class="warning" role="alert" data-testid="repository-error">{ label(Label::RepositoryInvalid, lang) }</p>
                    }
                </details>
                <details class="probe-settings" open={link.fields.iter().any(|f| matches!(f, Field::Doh | Field::Timeout)) || link.timeout_refused || link.doh_refused.is_some()}>
                    <summary>{ label(Label::Settings, lang) }</summary>
                    { input(Field::Doh, "doh-url-input", label(Label::FieldDoh, lang), "url", DEFAULT_DOH) }
                    { input(Field::Timeout, "timeout-input", label(Label::FieldTimeout, lang), "number", settings::DEFAULT_TIMEOUT_TEXT) }
                    if link.timeout_refused {
                        <p class="warning" data-testid="link-refused">{ label(Label::LinkTimeoutRefused, lang) }</p>
                    }
                    if let Some(why) = link.doh_refused {
                        <p class="warning" data-testid="link-refused">{ ui_text::link_resolver_refused(why.text(lang), lang) }</p>
                    }
                </details>
                <p class="muted doh-notice">{ ui_text::doh_notice(&doh_host, lang) }</p>
                <div class="probe-buttons">
                    <button type="submit" class="primary" data-testid="run-probes" disabled={props.running}>{ label(Label::Run, lang) }</button>
                    <button type="button" data-testid="cancel-probes" disabled={!props.running} onclick={on_cancel}>{ label(Label::Cancel, lang) }</button>
                    <button type="button" data-testid="clear-probes" onclick={on_clear}>{ label(Label::ClearProbes, lang) }</button>
                </div>

            </form>
            // The run's results in one block: how it ended, its steps, the drawing, the share bar;
            // then the kit, opened when the browser could not see a step.
            if !props.steps.is_empty() {
                if all_done {
                    <p class="probe-verdict" data-testid="probe-summary">{ ui_text::probe_summary(ok, StepId::BROWSER.len(), skipped, lang) }</p>
                }
                <ol class="probe-steps" aria-live="polite">
                    { for props.steps.iter().map(|v| html! {
                        <ProbeStep key={v.step.id()} view={v.clone()} {lang} blocked_commands={blocked_commands.clone()} />
                    }) }
                </ol>
                { props.children.clone() }
                if blocked {
                    <p class="notice" data-testid="kit-hint">{ label(Label::KitHint, lang) }</p>
                }
            }
            if let Ok(t) = target.clone() {
                <KitPanel target={t} image={AttrValue::from((*fields.repository).clone())} open={blocked} {lang} />
            }
            <TokenInspector {lang} />
        </section>
    }
}

/// What the page's link (`?registry=…&doh=…&repository=…&tenant=…&timeout=…`) gave, checked.
#[derive(PartialEq)]
struct Link {
    registry: Option<String>,
    repository: Option<String>,
    tenant: Option<String>,
    doh: Option<String>,
    timeout: Option<String>,
    /// The fields the link filled in (a list: a set would bring its own sort into the page).
    fields: Vec<Field>,
    timeout_refused: bool,
    doh_refused: Option<settings::ResolverError>,
}

impl Link {
    fn read() -> Self {
        // Long values are cut: a link is no way to bring megabytes into the form.
        let param = |key: &str| {
            browser::query_param(key)
                .map(|v| v.chars().take(300).collect::<String>())
                .filter(|v| !v.trim().is_empty())
        };
        let timeout_param = param("timeout");
        let timeout_refused = timeout_param
            .as_deref()
            .is_some_and(|t| !settings::timeout_ok(crate::browser::number(t)));
        let doh_param = param("doh");
        let doh_refused = doh_param
            .as_deref()
            .and_then(|d| settings::resolver(d).err());
        let link = Link {
            registry: param("registry"),
            repository: param("repository"),
            tenant: param("tenant"),
            doh: doh_param.filter(|_| doh_refused.is_none()),
            timeout: timeout_param.filter(|_| !timeout_refused),
            fields: Default::default(),
            timeout_refused,
            doh_refused,
        };
        let fields = [
            (Field::Registry, link.registry.is_some()),
            (Field::Repository, link.repository.is_some()),
            (Field::Tenant, link.tenant.is_some()),
            (Field::Doh, link.doh.is_some()),
            (Field::Timeout, link.timeout.is_some()),
        ]
        .into_iter()
        .filter_map(|(f, given)| given.then_some(f))
        .collect();
        Link { fields, ..link }
    }
}
