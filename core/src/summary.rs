//! The report as a whole, told to the person who pasted it: the verdict's headline, and the run
//! summary's sentences (the checks that passed, the notes, how the run ended, what the CLI
//! version implies).

use crate::decode::{is_private_ipv4, semver_in, Check, Note, Report, RunEnd, Verdict};
use crate::path::{roles, Role};
use crate::text::T;
use crate::{tr, trf, Lang};

/// The verdict's headline and one sentence under it.
pub fn verdict_text(report: &Report, lang: Lang) -> (String, String) {
    verdict_text_of(report, &roles(report), lang)
}

/// [`verdict_text`] with the findings' roles a caller already has ([`roles`]).
pub fn verdict_text_of(report: &Report, roles: &[Role], lang: Lang) -> (String, String) {
    // Problems counted once: a consequence shows under its cause, a false positive is a note.
    let n = roles.iter().filter(|r| **r == Role::Error).count();
    match report.verdict() {
        Verdict::Errors if false_alarm(report, roles) => (
            tr!(lang, "A false alarm", "Une fausse alerte").into(),
            tr!(lang, "The CLI reported an error, but what it printed shows nothing failed: see the note below.", "La CLI a signalé une erreur, mais ce qu’elle a affiché montre que rien n’a échoué : voir la note ci-dessous.").into(),
        ),
        Verdict::Healthy => (tr!(lang, "Healthy", "Tout va bien").into(), tr!(lang, "Every check in this output passed.", "Toutes les vérifications de cette sortie ont réussi.").into()),
        Verdict::Errors if n == 0 => (tr!(lang, "Problems found", "Problèmes trouvés").into(), tr!(lang, "No error code, but the output shows a problem: see below.", "Aucun code d’erreur, mais la sortie montre un problème : voir ci-dessous.").into()),
        Verdict::Errors if n == 1 => (
            tr!(lang, "1 error", "1 erreur").into(),
            tr!(lang, "What to do first is just below; its card follows with every fix for your registry.", "Quoi faire d’abord est juste en dessous ; sa fiche suit, avec toutes les solutions pour votre registre.").into(),
        ),
        Verdict::Errors => (
            trf!(lang, "{n} errors"; "{n} erreurs"),
            tr!(lang, "Where to start is just below; each error has its card, and what follows from one is shown under it.", "Par où commencer est juste en dessous ; chaque erreur a sa fiche, et ce qui en découle est montré dessous.").into(),
        ),
        Verdict::Crash => (tr!(lang, "The Azure CLI crashed", "Azure CLI a planté").into(), tr!(lang, "No error code: the CLI stopped on an exception. The checks shown as passed did pass.", "Aucun code d’erreur : la CLI s’est arrêtée sur une exception. Les vérifications réussies l’ont bien été.").into()),
        Verdict::NotLoggedIn => (tr!(lang, "Not signed in to Azure", "Pas connecté à Azure").into(), tr!(lang, "The CLI has no account signed in, so the registry was never asked. Run az login first.", "Aucun compte n’est connecté à la CLI : le registre n’a jamais été interrogé. Lancez d’abord az login.").into()),
        Verdict::Unrecognized => (tr!(lang, "Nothing recognised", "Rien de reconnu").into(), tr!(lang, "This page reads the output of az acr check-health, az acr login and other az acr commands: lines such as \"An error occurred: CONNECTIVITY_DNS_ERROR\", \"DNS lookup to … : OK\", \"Please run 'az login'\", a CLI traceback, or a code typed on its own. None was found in this text.", "Cette page lit la sortie d’az acr check-health, d’az acr login et des autres commandes az acr : des lignes comme « An error occurred: CONNECTIVITY_DNS_ERROR », « DNS lookup to … : OK », « Please run 'az login' », une trace de plantage de la CLI, ou un code tapé seul. Aucune n’a été trouvée dans ce texte.").into()),
    }
}

/// Every finding is a known false positive (and nothing else in the paste is a problem), by the
/// findings' `roles`.
pub fn false_alarm(report: &Report, roles: &[Role]) -> bool {
    !roles.is_empty()
        && roles.iter().all(|r| *r == Role::Note)
        && report.kit.is_none()
        && !report.notes.iter().any(|n| n.item.is_problem())
}

/// A passed check, as a line of the run summary.
pub fn check_text(check: &Check, lang: Lang) -> String {
    match check {
        Check::Daemon { tool } => trf!(lang, "{tool} daemon is running"; "Le démon {tool} tourne"),
        Check::ToolVersion { tool, version } => {
            trf!(lang, "{tool} version: {version}"; "Version de {tool} : {version}")
        }
        Check::Pull { tool } => {
            trf!(lang, "{tool} pulled the sample image"; "{tool} a téléchargé l’image d’exemple")
        }
        Check::PullDeclined => tr!(
            lang,
            "Pull check skipped (answered n)",
            "Vérification du pull sautée (réponse n)"
        )
        .into(),
        Check::CliVersion {
            version,
            acr_module: false,
        } => trf!(lang, "Azure CLI {version}"; "Azure CLI {version}"),
        Check::CliVersion {
            version,
            acr_module: true,
        } => {
            trf!(lang, "ACR CLI module {version} (azure-cli 2.0.67–2.0.70)"; "Module ACR de la CLI {version} (azure-cli 2.0.67–2.0.70)")
        }
        Check::Dns { server, ip } => {
            trf!(lang, "DNS: {server} resolves to {ip}{}", private_hint(ip, lang); "DNS : {server} se résout en {ip}{}", private_hint(ip, lang))
        }
        Check::Challenge { url } => {
            trf!(lang, "Challenge: {url} asked for sign-in"; "Demande d’authentification : {url} a répondu")
        }
        Check::RefreshToken { server } => {
            trf!(lang, "Refresh token obtained from {server}"; "Jeton d’actualisation obtenu de {server}")
        }
        Check::AccessToken { server } => {
            trf!(lang, "Access token obtained from {server}"; "Jeton d’accès obtenu de {server}")
        }
        Check::RepositoryToken { repository, server } => {
            trf!(lang, "Access token for repository {repository} on {server}"; "Jeton d’accès pour le dépôt {repository} sur {server}")
        }
        Check::PrivateEndpointDns => tr!(
            lang,
            "Private-endpoint DNS routes to the private IPs",
            "Le DNS des points de terminaison privés mène aux IP privées"
        )
        .into(),
        Check::ClusterCanPull { server } => {
            trf!(lang, "The cluster can pull from {server} (az aks check-acr)"; "Le cluster peut tirer depuis {server} (az aks check-acr)")
        }
        Check::Pulled {
            tool,
            image: Some(image),
        } => {
            trf!(lang, "{tool} pulled {image}"; "{tool} a tiré {image}")
        }
        Check::Pulled { tool, image: None } => {
            trf!(lang, "{tool} pulled the image"; "{tool} a tiré l’image")
        }
        Check::LoggedIn { tool } => {
            trf!(lang, "{tool} signed in to the registry"; "{tool} s’est connecté au registre")
        }
        Check::Helm { version } => trf!(lang, "Helm {version}"; "Helm {version}"),
        Check::Notary { version } => {
            trf!(lang, "Notary {version}{}", notary_hint(version, lang); "Notary {version}{}", notary_hint(version, lang))
        }
    }
}

fn private_hint(ip: &str, lang: Lang) -> &'static str {
    if is_private_ipv4(ip) {
        tr!(lang,
            " — a private address: a private endpoint, reachable only from inside its network",
            " — une adresse privée : un point de terminaison privé, joignable seulement depuis son réseau",
        )
    } else {
        ""
    }
}

fn notary_hint(version: &str, lang: Lang) -> &'static str {
    match semver_in(version) {
        Some(v) if v != (0, 6, 0) => tr!(
            lang,
            " (the CLI wants exactly 0.6.0)",
            " (la CLI veut exactement 0.6.0)",
        ),
        _ => "",
    }
}

/// A recognised non-code line, told plainly.
pub fn note_text(note: &Note, lang: Lang) -> String {
    match note {
        Note::LoginServerUnreachable { server } => trf!(lang, "az acr login could not reach https://{server}/v2/ from this machine. The health check tells which step fails."; "az acr login n’a pas pu joindre https://{server}/v2/ depuis cette machine. Le contrôle d’intégrité dit quelle étape échoue."),
        Note::CheckHealthHint => tr!(lang, "The CLI suggested running the health check.", "La CLI a suggéré de lancer le contrôle d’intégrité.").into(),
        Note::ExposeTokenHint => tr!(lang, "The CLI suggests --expose-token, which gets a registry token without Docker.", "La CLI suggère --expose-token, qui obtient un jeton de registre sans Docker.").into(),
        Note::AdminCredentials { message } => trf!(lang, "Admin-user sign-in was tried too and failed: {message}"; "La connexion par utilisateur administrateur a aussi été essayée et a échoué : {message}"),
        Note::AuthenticationFailed => tr!(lang, "az acr login gave up: neither Entra sign-in nor the admin user worked.", "az acr login a abandonné : ni la connexion Entra ni l’utilisateur administrateur n’ont fonctionné.").into(),
        Note::AadTokens { message } => trf!(lang, "Getting an Entra token failed: {message}"; "L’obtention d’un jeton Entra a échoué : {message}"),
        Note::NotaryDeprecation => tr!(lang, "The CLI announced the end of its Notary check (printed by azure-cli 2.83 to 2.86).", "La CLI a annoncé la fin de sa vérification Notary (affiché par azure-cli 2.83 à 2.86).").into(),
        Note::CloudShell => tr!(lang, "Run in Azure Cloud Shell: Docker, Helm and Notary were not checked.", "Lancé dans Azure Cloud Shell : Docker, Helm et Notary n’ont pas été vérifiés.").into(),
        Note::NoRegistryName => tr!(lang, "No registry was named (-n), so only this machine's tools were checked.", "Aucun registre n’a été nommé (-n) : seuls les outils de cette machine ont été vérifiés.").into(),
        Note::RepositoryFlag => tr!(lang, "The registry uses repository permissions (ABAC): add --repository <repo> to check your access to one repository.", "Le registre utilise des autorisations par dépôt (ABAC) : ajoutez --repository <dépôt> pour vérifier votre accès à un dépôt.").into(),
        Note::PrivateDnsMismatch { expected, actual } => trf!(lang, "Private-endpoint DNS is wrong: expected {expected}, got {actual}. Fix the private DNS zone linked to this network."; "Le DNS du point de terminaison privé est faux : attendu {expected}, obtenu {actual}. Corrigez la zone DNS privée liée à ce réseau."),
        Note::PrivateDnsUnresolved { fqdn } => trf!(lang, "{fqdn} does not resolve from this network: the private DNS zone is missing or not linked."; "{fqdn} ne se résout pas depuis ce réseau : la zone DNS privée manque ou n’est pas liée."),
        Note::PrivateEndpointSetup { message } => trf!(lang, "Private-endpoint check: {message}"; "Vérification des points de terminaison privés : {message}"),
        Note::BinaryInWorkingDirectory => tr!(lang, "The CLI refused a docker binary found in the current directory; set DOCKER_COMMAND to the absolute path of the real one.", "La CLI a refusé un exécutable docker du dossier courant ; donnez à DOCKER_COMMAND le chemin absolu du vrai.").into(),
        Note::Mentioned { code } => trf!(lang, "{code} is named in the text, but the CLI's output pasted here does not print it: the findings above are what the output shows."; "{code} est cité dans le texte, mais la sortie de la CLI collée ici ne l’affiche pas : les constats ci-dessus sont ce que montre la sortie."),
        Note::LoginForbidden { server } => trf!(lang, "{server} refused this machine (403): firewall rules or public access disabled."; "{server} a refusé cette machine (403) : règles de pare-feu ou accès public désactivé."),
    }
}

/// Where the run ended, as a sentence.
pub fn end_text(end: &RunEnd, lang: Lang) -> String {
    match end {
        RunEnd::Completed { ignore_errors: true } => tr!(lang, "The run went through every check (--ignore-errors): each error was logged and the run went on.", "Le contrôle est allé jusqu’au bout (--ignore-errors) : chaque erreur a été notée et le contrôle a continué.").into(),
        RunEnd::Completed { ignore_errors: false } => tr!(lang, "The run went through every check.", "Le contrôle est allé jusqu’au bout.").into(),
        RunEnd::Stopped { code } => trf!(lang, "The run stopped at {code}: the checks after it did not run."; "Le contrôle s’est arrêté sur {code} : les vérifications suivantes n’ont pas eu lieu."),
        RunEnd::Crashed => tr!(lang, "The run ended in a crash of the CLI.", "Le contrôle s’est terminé par un plantage de la CLI.").into(),
        RunEnd::Unknown => String::new(),
    }
}

/// What the CLI version printed in the run implies for reading its output.
pub fn version_facts(report: &Report, lang: Lang) -> Vec<String> {
    let mut facts = Vec::new();
    let Some(v) = report.cli_semver() else {
        if report.timestamped {
            facts.push(
                tr!(lang,
                    "No version printed, but the timestamps before the errors mean azure-cli 2.38.0 or later.",
                    "Aucune version affichée, mais l’horodatage devant les erreurs indique azure-cli 2.38.0 ou plus récent.",
                )
                .to_owned(),
            );
        }
        return facts;
    };
    let mut fact = |applies: bool, text: T| {
        if applies {
            facts.push(text.get(lang).to_owned());
        }
    };
    fact(
        v < (2, 46, 0),
        T {
            en: "Before 2.46.0, throttling was reported as CONNECTIVITY_REFRESH_TOKEN_ERROR with code 429.",
            fr: "Avant 2.46.0, la limitation de débit était signalée comme CONNECTIVITY_REFRESH_TOKEN_ERROR avec le code 429.",
        },
    );
    fact(
        v < (2, 55, 0),
        T {
            en: "Before 2.55.0, any message on Docker's error output failed the pull check (false DOCKER_PULL_ERROR).",
            fr: "Avant 2.55.0, tout message sur la sortie d’erreur de Docker faisait échouer le pull (faux DOCKER_PULL_ERROR).",
        },
    );
    fact(
        ((2, 0, 81)..(2, 87, 0)).contains(&v),
        T {
            en: "This version checks Notary and accepts only version 0.6.0 (the check was removed in 2.87.0).",
            fr: "Cette version vérifie Notary et n’accepte que la 0.6.0 (vérification retirée en 2.87.0).",
        },
    );
    fact(
        v < (2, 76, 0),
        T {
            en: "Before 2.76.0, a registry that does not exist could crash the command.",
            fr: "Avant 2.76.0, un registre inexistant pouvait faire planter la commande.",
        },
    );
    fact(
        v == (2, 85, 0),
        T {
            en: "2.85.0 crashes in the encryption (CMK) check with 'NoneType' object has no attribute 'split'; fixed in 2.86.0.",
            fr: "2.85.0 plante dans la vérification du chiffrement (CMK) avec 'NoneType' object has no attribute 'split' ; corrigé en 2.86.0.",
        },
    );
    fact(
        v < (2, 73, 0),
        T {
            en: "--repository (repository permission check) is available from 2.73.0.",
            fr: "--repository (vérification des autorisations d’un dépôt) existe depuis 2.73.0.",
        },
    );
    fact(
        v < (2, 38, 0),
        T {
            en: "Before 2.38.0, errors carry no timestamp.",
            fr: "Avant 2.38.0, les erreurs ne sont pas horodatées.",
        },
    );
    facts
}
