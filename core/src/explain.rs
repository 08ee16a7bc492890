//! A finding and its report, told to the person who pasted them: what it means in their case,
//! why, and what to run, with their registry filled in. Also the run summary's sentences.

use crate::catalog::{self, Code, Lang, Origin};
use crate::decode::{
    is_private_ipv4, semver_in, Check, Finding, FindingCode, Note, Report, RunEnd, Sign, Source,
    Verdict, Wrapper,
};
use crate::text::T;
use crate::values::{self, Slot};
use crate::{tr, trf};

/// One fix, ready to show: the text and, when there is one, the command with the registry in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadyFix {
    pub text: String,
    pub command: Option<String>,
}

/// Everything a finding's card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub summary: String,
    /// Sentences about this person's case, read from their paste.
    pub in_your_case: Vec<String>,
    pub meaning: Option<String>,
    pub causes: Vec<String>,
    pub fixes: Vec<ReadyFix>,
    pub caveats: Vec<String>,
    pub doc_url: Option<String>,
    /// "ours" or "undocumented" label, when the code is not a documented CLI code.
    pub origin_label: Option<&'static str>,
}

pub fn explain(f: &Finding, lang: Lang) -> Explanation {
    let slots = [
        (Slot::Name, f.registry_name.as_deref()),
        (Slot::Server, f.registry.as_deref()),
    ];
    let mut case = Vec::new();
    // A value from the paste that is not what it claims to be stays out of every command.
    for slot in values::refused(&slots) {
        case.push(refused_text(slot, lang));
    }
    match f.source {
        Source::Mentioned => case.push(
            tr!(lang,
                "The code is named in the text, but the CLI's own message for it is not in the paste: the explanation below is the general one.",
                "Le code est cité dans le texte, mais le message de la CLI qui l’accompagne n’est pas dans le collage : l’explication ci-dessous est générale.",
            )
            .to_owned(),
        ),
        Source::Truncated => case.push(match &f.code {
            FindingCode::Known(c) => trf!(lang, "The paste ends in the middle of the title; from the checks that passed before it, it can only be {c}."; "Le collage s’arrête au milieu du titre ; d’après les vérifications réussies avant lui, ce ne peut être que {c}."),
            FindingCode::Unknown(p) => trf!(lang, "The paste ends in the middle of the title \"{p}\"; it could be {}.", list(&f.candidates); "Le collage s’arrête au milieu du titre « {p} » ; ce peut être {}.", list(&f.candidates)),
        }),
        Source::Curl => case.push(
            tr!(lang,
                "Read from curl's answer, judged the way az acr check-health judges its own request to /v2/.",
                "Lu dans la réponse de curl, jugée comme az acr check-health juge sa propre requête vers /v2/.",
            )
            .to_owned(),
        ),
        Source::Printed => {}
    }
    if f.wrapper == Some(Wrapper::AadTokens) {
        case.push(
            tr!(lang,
                "Printed while an az acr command (such as az acr login) was getting a registry token: the same check the health check runs.",
                "Affiché pendant qu’une commande az acr (comme az acr login) obtenait un jeton de registre : la même vérification que celle du contrôle d’intégrité.",
            )
            .to_owned(),
        );
    }
    if let Some(status) = f.http_status {
        case.push(trf!(lang, "The registry answered HTTP {status}."; "Le registre a répondu HTTP {status}."));
        // What that status means comes first: it decides which fix is the right one.
        case.extend(
            catalog::status_causes(status, lang)
                .iter()
                .map(|s| (*s).to_owned()),
        );
    }
    let code = f.code.known();
    if code == Some(Code::ConnectivityRefreshToken) && f.http_status == Some(429) {
        case.push(
            tr!(lang,
                "A 429 here is throttling, not a permission problem, whatever the message says about az login: azure-cli before 2.46.0 reported throttling this way (newer versions print CONNECTIVITY_TOOMANYREQUESTS_ERROR).",
                "Un 429 ici est une limitation de débit, pas un problème d’autorisation, quoi qu’en dise le message sur az login : avant 2.46.0, azure-cli signalait ainsi la limitation (les versions récentes affichent CONNECTIVITY_TOOMANYREQUESTS_ERROR).",
            )
            .to_owned(),
        );
    }
    if let Some(p) = &f.permissions {
        case.push(trf!(lang, "Your token has {} permissions on the repository; it lacks {}.",
                p.granted, p.missing; "Votre jeton a les autorisations suivantes sur le dépôt : {} ; il lui manque : {}.",
                p.granted, p.missing));
    }
    for sign in &f.signs {
        case.push(sign_text(sign, lang));
    }
    if !f.tool_output.is_empty() && code != Some(Code::CliCrash) {
        case.push(
            tr!(lang,
                "The lines the CLI attached come from the tool itself: they are the real cause.",
                "Les lignes jointes par la CLI viennent de l’outil lui-même : c’est la vraie cause.",
            )
            .to_owned(),
        );
    }

    let Some(code) = code else {
        return Explanation {
            summary: tr!(lang,
                "A code this page does not know yet.",
                "Un code que cette page ne connaît pas encore.",
            )
            .to_owned(),
            in_your_case: case,
            meaning: Some(
                tr!(lang,
                    "The CLI printed an error title that is not among the codes of the versions this page was written from: maybe a newer CLI. The message the CLI printed with it is all there is to go on.",
                    "La CLI a affiché un titre d’erreur absent des versions dont cette page est tirée : peut-être une CLI plus récente. Le message qui l’accompagne est la seule piste.",
                )
                .to_owned(),
            ),
            causes: Vec::new(),
            fixes: vec![
                ReadyFix {
                    text: tr!(lang, "Run the check again with details.", "Relancez le contrôle avec les détails.").to_owned(),
                    command: Some(values::fill("az acr check-health -n {name} --yes --debug", &slots).text),
                },
                ReadyFix {
                    text: tr!(lang, "Read the CLI's error reference.", "Consultez la référence des erreurs de la CLI.").to_owned(),
                    command: None,
                },
            ],
            caveats: Vec::new(),
            doc_url: Some(catalog::doc_url(Code::Unexpected, lang)),
            origin_label: Some(tr!(lang, "unknown code", "code inconnu")),
        };
    };

    let entry = catalog::entry(code, lang);
    let causes: Vec<String> = entry.causes.iter().map(|s| (*s).to_owned()).collect();
    // Throttling is fixed by waiting, whatever code an older CLI printed it under; a refusal by
    // the network rules is fixed in the rules, so those fixes come first.
    let mut fix_list: Vec<catalog::Fix> = match f.http_status {
        Some(429) => catalog::entry(Code::ConnectivityTooManyRequests, lang)
            .fixes
            .to_vec(),
        _ => entry.fixes.to_vec(),
    };
    if f.http_status == Some(403) {
        fix_list.sort_by_key(|fx| {
            !fx.command
                .is_some_and(|c| c.contains("networkRuleSet") || c.contains("publicNetworkAccess"))
        });
    }
    Explanation {
        summary: entry.summary.to_owned(),
        in_your_case: case,
        meaning: Some(entry.meaning.to_owned()),
        causes,
        fixes: fix_list
            .iter()
            .map(|fx| ReadyFix {
                text: fx.text.to_owned(),
                command: fx.command.map(|c| values::fill(c, &slots).text),
            })
            .collect(),
        caveats: entry.caveats.iter().map(|s| (*s).to_owned()).collect(),
        doc_url: Some(catalog::doc_url(code, lang)),
        origin_label: origin_label(code, lang),
    }
}

pub fn origin_label(code: Code, lang: Lang) -> Option<&'static str> {
    match code.origin() {
        Origin::Documented => None,
        Origin::Undocumented => Some(tr!(
            lang,
            "not in the documentation",
            "absent de la documentation",
        )),
        Origin::Ours => Some(tr!(
            lang,
            "our code: the CLI prints no code here",
            "code de cette page : la CLI n’en affiche pas",
        )),
    }
}

/// Why a value from the paste is not in the commands.
pub fn refused_text(slot: Slot, lang: Lang) -> String {
    let (what_en, what_fr) = match slot {
        Slot::Name => ("registry name", "nom de registre"),
        Slot::Server | Slot::Origin | Slot::Host => ("login server", "serveur de connexion"),
        Slot::Repository => ("repository", "dépôt"),
        Slot::Ip => ("IP address", "adresse IP"),
    };
    let placeholder = slot.placeholder();
    trf!(lang, "The {what_en} in your paste is not a valid one, so the commands below do not use it: {placeholder} stands in its place. Type your own before running them."; "Le {what_fr} de votre collage n’est pas valide : les commandes ci-dessous ne l’utilisent pas, {placeholder} tient sa place. Saisissez le vôtre avant de les lancer.")
}

fn list(codes: &[Code]) -> String {
    codes
        .iter()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join(", ")
}

fn sign_text(sign: &Sign, lang: Lang) -> String {
    match sign {
        Sign::DaemonNotRunning => tr!(lang,
            "Docker's message says its daemon is not running (on Windows and macOS: Docker Desktop is not started). Start it, wait until it is ready, and run the command again.",
            "Le message de Docker dit que son démon ne tourne pas (sous Windows et macOS : Docker Desktop n’est pas démarré). Démarrez-le, attendez qu’il soit prêt, puis relancez la commande.",
        )
        .to_owned(),
        Sign::SocketPermissionDenied => tr!(lang,
            "Docker's message says permission was denied: your user may not use the Docker socket.",
            "Le message de Docker indique un refus d’accès : votre utilisateur ne peut pas utiliser le socket Docker.",
        )
        .to_owned(),
        Sign::ToolNotFound => tr!(lang,
            "The tool was not found on the PATH of this shell.",
            "L’outil est introuvable dans le PATH de ce shell.",
        )
        .to_owned(),
        Sign::BinaryInWorkingDirectory => tr!(lang,
            "The CLI refused a docker binary in the current directory (azure-cli 2.88.0 and later): run from another directory or set DOCKER_COMMAND to the absolute path of the real binary.",
            "La CLI a refusé un exécutable docker du dossier courant (azure-cli 2.88.0 et suivantes) : lancez depuis un autre dossier ou donnez à DOCKER_COMMAND le chemin absolu du vrai exécutable.",
        )
        .to_owned(),
        Sign::ToolWarningsOnly => tr!(lang,
            "The tool only printed warnings: it works, and this code is a false positive of the check. Fix the warnings to silence it, or ignore it.",
            "L’outil n’a affiché que des avertissements : il fonctionne, et ce code est un faux positif de la vérification. Corrigez les avertissements pour le faire taire, ou ignorez-le.",
        )
        .to_owned(),
        Sign::NotaryWrongVersion { found, downgrade } => {
            let found = found.as_deref().unwrap_or("?");
            if *downgrade {
                trf!(lang, "Notary {found} is newer than 0.6.0, the only version the CLI accepts: this is not a registry problem."; "Notary {found} est plus récent que 0.6.0, la seule version acceptée par la CLI : ce n’est pas un problème de registre.")
            } else {
                trf!(lang, "Notary {found} is not 0.6.0, the only version the CLI accepts: this is not a registry problem."; "Notary {found} n’est pas la 0.6.0, la seule version acceptée par la CLI : ce n’est pas un problème de registre.")
            }
        }
        Sign::HelmTooOld => tr!(lang,
            "Helm is older than 2.11.0: update Helm.",
            "Helm est antérieur à 2.11.0 : mettez Helm à jour.",
        )
        .to_owned(),
        Sign::PullHintsOnStderr => tr!(lang,
            "Docker printed hints on its error output; before azure-cli 2.55.0 that alone failed the check although the pull worked.",
            "Docker a affiché des conseils sur sa sortie d’erreur ; avant azure-cli 2.55.0 cela suffisait à faire échouer la vérification alors que le pull avait réussi.",
        )
        .to_owned(),
        Sign::PrivateAddress { ip } => trf!(lang, "The DNS line shows {ip}, a private address: this machine resolves the registry to a private endpoint. If it is not inside (or peered with, or on a VPN to) that network, the connection cannot work from here; if it is, check that the private endpoint connection is approved and that the private DNS zone holds both the registry and its data endpoint."; "La ligne DNS montre {ip}, une adresse privée : cette machine résout le registre vers un point de terminaison privé. Si elle n’est pas dans ce réseau (ni appairée, ni en VPN), la connexion ne peut pas fonctionner d’ici ; si elle y est, vérifiez que la connexion du point de terminaison privé est approuvée et que la zone DNS privée contient le registre et son point de terminaison de données."),
        Sign::Proxy => tr!(lang,
            "The exception is a proxy's refusal: the CLI's requests go through a proxy that did not let them pass (407 means it wants credentials). Set HTTPS_PROXY with the right credentials, or let *.azurecr.io bypass the proxy (NO_PROXY).",
            "L’exception est un refus du proxy : les requêtes de la CLI passent par un proxy qui ne les a pas laissées passer (407 : il demande des identifiants). Définissez HTTPS_PROXY avec les bons identifiants, ou faites contourner le proxy pour *.azurecr.io (NO_PROXY).",
        )
        .to_owned(),
        Sign::CertificateUntrusted => tr!(lang,
            "The exception is a certificate the CLI does not trust: usually a proxy that inspects TLS. Point REQUESTS_CA_BUNDLE at a file holding your company's CA.",
            "L’exception est un certificat auquel la CLI ne fait pas confiance : en général un proxy qui inspecte le TLS. Faites pointer REQUESTS_CA_BUNDLE vers un fichier contenant l’autorité de votre entreprise.",
        )
        .to_owned(),
        Sign::WindowsContainers => tr!(lang,
            "This Docker runs Windows containers and cannot use the Linux sample image: not a registry problem (azure-cli 2.5.1 and later pass with a warning).",
            "Ce Docker exécute des conteneurs Windows et ne peut pas utiliser l’image d’exemple Linux : pas un problème de registre (azure-cli 2.5.1 et suivantes passent avec un avertissement).",
        )
        .to_owned(),
    }
}

/// The verdict's headline and one sentence under it.
pub fn verdict_text(report: &Report, lang: Lang) -> (String, String) {
    let n = report.errors();
    match report.verdict() {
        Verdict::Healthy => (tr!(lang, "Healthy", "Tout va bien").into(), tr!(lang, "Every check in this output passed.", "Toutes les vérifications de cette sortie ont réussi.").into()),
        Verdict::Errors if n == 0 => (tr!(lang, "Problems found", "Problèmes trouvés").into(), tr!(lang, "No error code, but the output shows a problem: see below.", "Aucun code d’erreur, mais la sortie montre un problème : voir ci-dessous.").into()),
        Verdict::Errors if n == 1 => (
            tr!(lang, "1 error", "1 erreur").into(),
            tr!(lang, "Each one is explained below, with fixes for your registry.", "Chacune est expliquée ci-dessous, avec des solutions pour votre registre.").into(),
        ),
        Verdict::Errors => (
            trf!(lang, "{n} errors"; "{n} erreurs"),
            tr!(lang, "Each one is explained below, with fixes for your registry.", "Chacune est expliquée ci-dessous, avec des solutions pour votre registre.").into(),
        ),
        Verdict::Crash => (tr!(lang, "The Azure CLI crashed", "Azure CLI a planté").into(), tr!(lang, "No error code: the CLI stopped on an exception. The checks shown as passed did pass.", "Aucun code d’erreur : la CLI s’est arrêtée sur une exception. Les vérifications réussies l’ont bien été.").into()),
        Verdict::NotLoggedIn => (tr!(lang, "Not signed in to Azure", "Pas connecté à Azure").into(), tr!(lang, "The CLI has no account signed in, so the registry was never asked. Run az login first.", "Aucun compte n’est connecté à la CLI : le registre n’a jamais été interrogé. Lancez d’abord az login.").into()),
        Verdict::Unrecognized => (tr!(lang, "Nothing recognised", "Rien de reconnu").into(), tr!(lang, "This page reads the output of az acr check-health, az acr login and other az acr commands: lines such as \"An error occurred: CONNECTIVITY_DNS_ERROR\", \"DNS lookup to … : OK\", \"Please run 'az login'\", a CLI traceback, or a code typed on its own. None was found in this text.", "Cette page lit la sortie d’az acr check-health, d’az acr login et des autres commandes az acr : des lignes comme « An error occurred: CONNECTIVITY_DNS_ERROR », « DNS lookup to … : OK », « Please run 'az login' », une trace de plantage de la CLI, ou un code tapé seul. Aucune n’a été trouvée dans ce texte.").into()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn fixes_carry_the_registry_name() {
        let r = decode("An error occurred: CONNECTIVITY_FORBIDDEN_ERROR\nLooks like you don't have access to registry 'contosoprod.azurecr.io'. To see configured firewall rules, run 'az acr show --query networkRuleSet --name contosoprod'.");
        let e = explain(&r.findings[0], Lang::En);
        assert!(e.fixes.iter().any(|f| f.command.as_deref()
            == Some("az acr show --query networkRuleSet --name contosoprod")));
    }

    #[test]
    fn status_leads_the_case() {
        let r = decode("An error occurred: CONNECTIVITY_ACCESS_TOKEN_ERROR\nAccess to registry 'a.azurecr.io' was denied. Response code: 504. Please try running 'az login' again to refresh permissions.");
        let e = explain(&r.findings[0], Lang::Fr);
        assert_eq!(e.in_your_case[0], "Le registre a répondu HTTP 504.");
        assert!(e.in_your_case[1].starts_with("5xx"));
    }

    #[test]
    fn the_status_decides_the_first_fix() {
        let block = |status: u16| {
            decode(&format!("An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'r.azurecr.io' was denied. Response code: {status}. Please try running 'az login' again to refresh permissions."))
        };
        let e = explain(&block(403).findings[0], Lang::En);
        assert!(e.fixes[0]
            .command
            .as_deref()
            .is_some_and(|c| c.contains("publicNetworkAccess")));
        let e = explain(&block(401).findings[0], Lang::En);
        assert_eq!(e.fixes[0].command.as_deref(), Some("az login"));
        let e = explain(&block(429).findings[0], Lang::En);
        assert!(e
            .fixes
            .iter()
            .all(|f| f.command.as_deref() != Some("az login")));
    }

    #[test]
    fn private_addresses() {
        assert!(is_private_ipv4("172.30.2.6"));
        assert!(is_private_ipv4("10.10.0.5"));
        assert!(!is_private_ipv4("172.32.0.1"));
        assert!(!is_private_ipv4("20.62.128.0"));
        assert!(!is_private_ipv4("<IP>"));
    }
}
