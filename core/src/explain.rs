//! A finding, told to the person who pasted it: what it means in their case, why, and what to
//! run, with their registry filled in. (The verdict and the run summary are `summary.rs`.)

use crate::catalog::{self, Code, Lang, Origin};
use crate::decode::{Endpoint, Finding, FindingCode, KnownBug, Sign, Source, Wrapper};
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
        (Slot::Repository, f.detail.repository.as_deref()),
        (Slot::Ip, f.detail.client_ip.as_deref()),
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
        Source::Kit => case.push(
            tr!(lang,
                "A step of the probe kit's transcript failed with this: on the machine that ran the kit.",
                "Une étape de la transcription du kit de vérification a échoué ainsi : sur la machine où le kit a tourné.",
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
        // What that status means comes first: it decides which fix is the right one. (These are
        // the CLI's token errors' statuses; other tools' codes say what their status means.)
        let cli_code = f.code.known().is_none_or(|c| c.origin() != Origin::Ours);
        case.extend(
            (if cli_code {
                catalog::status_causes(status, lang)
            } else {
                Vec::new()
            })
            .into_iter()
            .map(str::to_owned),
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
    let says_check_health = code.is_some_and(catalog::caveats_name_check_health);
    case.extend(detail_texts(f, lang, says_check_health));
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
                    command: Some(values::fill(catalog::RERUN_WITH_DETAILS, &slots).text),
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
        Some(429) if code.origin() != Origin::Ours => {
            catalog::entry(Code::ConnectivityTooManyRequests, lang)
                .fixes
                .to_vec()
        }
        _ => entry.fixes.to_vec(),
    };
    if f.http_status == Some(403) {
        to_front(&mut fix_list, |c| {
            c.contains("networkRuleSet") || c.contains("publicNetworkAccess")
        });
    }
    // The evidence in the paste ranks the fixes: what it points at comes first.
    let first: Option<&str> = if f
        .signs
        .iter()
        .any(|s| matches!(s, Sign::AlsoManifestUnknown | Sign::NoTag))
    {
        Some("show-tags")
    } else if f.signs.contains(&Sign::Kubelet) {
        // The cluster's own check; the fixes that depend on the registry's mode keep their
        // order behind the mode's check.
        Some("az aks check-acr")
    } else if f.detail.endpoint == Some(Endpoint::Data) {
        Some("show-endpoints")
    } else if f.detail.cache_rule.is_some() {
        Some("az acr cache")
    } else {
        None
    };
    if let Some(needle) = first {
        to_front(&mut fix_list, |c| c.contains(needle));
    }
    // A fix the case's own facts rule out is not offered: a command that cannot help here, or a
    // question the paste answered already (the DNS line's address class).
    let dns_read = f
        .signs
        .iter()
        .any(|s| matches!(s, Sign::PrivateAddress { .. } | Sign::PublicAddress { .. }));
    fix_list.retain(|fx| {
        let answered = dns_read && catalog::asks_the_dns_line(fx, lang);
        !(answered || fx.command.is_some_and(|c| ruled_out(f, c)))
    });
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

/// Whether what the paste established rules out a fix's command: the kubelet pulled (the
/// identity is the cluster's: this machine's sign-in or Docker's credentials change nothing),
/// the registry's network rules refused (403: signing in again does not help), or the paste
/// holds the health check's run already (it is not asked for again).
fn ruled_out(f: &Finding, command: &str) -> bool {
    let kubelet = f.signs.contains(&Sign::Kubelet)
        && ["az acr login", "docker login", "docker logout", "az login"]
            .iter()
            .any(|c| command.starts_with(c));
    let refused_by_rules = f.http_status == Some(403) && command == "az login";
    let ran = f.check_health_ran && command.starts_with("az acr check-health");
    kubelet || refused_by_rules || ran
}

/// Moves the fixes whose command passes `wanted` to the front, each group keeping its order.
fn to_front(fixes: &mut Vec<catalog::Fix>, wanted: impl Fn(&str) -> bool) {
    let (mut front, back): (Vec<_>, Vec<_>) = fixes
        .drain(..)
        .partition(|fx| fx.command.is_some_and(&wanted));
    front.extend(back);
    *fixes = front;
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
            "a name this page gives: the tool printed no code",
            "nom donné par cette page : l’outil n’affiche pas de code",
        )),
    }
}

/// What the values read in another tool's message mean for this case.
fn detail_texts(f: &Finding, lang: Lang, caveat_says_check_health: bool) -> Vec<String> {
    let d = &f.detail;
    let mut out = Vec::new();
    if let Some(ip) = d.client_ip.as_ref().filter(|ip| !values::is_redacted(ip)) {
        out.push(trf!(lang, "The registry saw the address {ip}: that is the one its network rules must allow. It is the address traffic leaves from (a NAT, a proxy, a build agent's or a container group's egress), not necessarily this machine's."; "Le registre a vu l’adresse {ip} : c’est elle que ses règles réseau doivent autoriser. C’est l’adresse de sortie du trafic (un NAT, un proxy, un agent de build, un groupe de conteneurs), pas forcément celle de cette machine."));
    }
    let tls = f.code == FindingCode::Known(Code::TlsUntrusted);
    match d.endpoint {
        Some(Endpoint::Data) if tls => out.push(tr!(lang, "It failed on a data endpoint, where layers are downloaded: signing in worked, so the interception (or the missing trust) is on the data endpoints or storage. Exempt them too (<name>.<region>.data.azurecr.io, *.blob.core.windows.net).", "L’échec est sur un point de données, d’où viennent les couches : la connexion a marché, l’interception (ou le défaut de confiance) porte donc sur les points de données ou le stockage. Exemptez-les aussi (<nom>.<région>.data.azurecr.io, *.blob.core.windows.net).").to_owned()),
        Some(Endpoint::Data) => out.push(tr!(lang, "It failed on a data endpoint, where layers are downloaded: signing in worked. A firewall or proxy rule that allows the login server but not the data endpoints (<name>.<region>.data.azurecr.io) or storage gives exactly this.", "L’échec est sur un point de données, d’où viennent les couches : la connexion a marché. Une règle de pare-feu ou de proxy qui autorise le serveur de connexion mais pas les points de données (<nom>.<région>.data.azurecr.io) ni le stockage donne exactement ceci.").to_owned()),
        Some(Endpoint::Token) => out.push(tr!(lang, "It failed on the token endpoint (/oauth2/token): the login server answered, but getting a token did not.", "L’échec est sur le point de jetons (/oauth2/token) : le serveur de connexion a répondu, mais l’obtention d’un jeton non.").to_owned()),
        Some(Endpoint::Login) => out.push(tr!(lang, "It failed on the login server itself (/v2/): nothing can work until it answers.", "L’échec est sur le serveur de connexion lui-même (/v2/) : rien ne peut marcher tant qu’il ne répond pas.").to_owned()),
        None => {}
    }
    if let Some(rule) = &d.cache_rule {
        out.push(trf!(lang, "The cache rule {rule} is involved: it is the rule's upstream registry that failed or throttled, not your registry's own tier."; "La règle de cache {rule} est en jeu : c’est le registre amont de la règle qui a échoué ou limité, pas le niveau de votre registre."));
    }
    if let Some(code) = &d.aadsts {
        out.push(trf!(lang, "Entra's error {code}: look it up in Entra's error reference for the exact reason."; "Erreur Entra {code} : cherchez-la dans la référence des erreurs d’Entra pour la raison exacte."));
    }
    if let Some(bug) = d.known_bug {
        out.push(known_bug_text(bug, lang).to_owned());
    }
    if let Some(id) = &d.correlation_id {
        out.push(trf!(lang, "Correlation ID {id}: give it to Azure support if you open a case."; "ID de corrélation {id} : donnez-le au support Azure si vous ouvrez une demande."));
    }
    let ours = f
        .code
        .known()
        .is_some_and(|c| c.origin() == Origin::Ours && c.is_error());
    match d.check_health {
        Some(code) => out.push(trf!(lang, "From the same machine and identity, az acr check-health reports this cause as {code}."; "Depuis la même machine et la même identité, az acr check-health signale cette cause comme {code}.")),
        None if ours && !caveat_says_check_health => out.push(tr!(lang, "az acr check-health may pass while this fails: it does not test this (it uses your az sign-in, checks the login server and tokens, and never downloads a layer of your images).", "az acr check-health peut réussir alors que ceci échoue : il ne teste pas cela (il utilise votre connexion az, vérifie le serveur de connexion et les jetons, et ne télécharge jamais une couche de vos images).").to_owned()),
        None => {}
    }
    out
}

fn known_bug_text(bug: KnownBug, lang: Lang) -> &'static str {
    match bug {
        // Sources: helm/helm release notes v3.13.2 and v3.18.3.
        KnownBug::Helm313Oci => tr!(lang, "Helm 3.13.0 and 3.13.1 fail the pull itself (the manifest request) with 401 after a sign-in that worked: a Helm defect, fixed in 3.13.2. Upgrade Helm.", "Helm 3.13.0 et 3.13.1 échouent au pull lui-même (la demande du manifeste) avec 401 après une connexion réussie : un défaut de Helm, corrigé en 3.13.2. Mettez Helm à jour."),
        KnownBug::Helm318Login => tr!(lang, "Helm 3.18.0 to 3.18.2 fail helm registry login to Azure Container Registry with 401: a Helm defect; 3.18.3 restores the sign-in flow ACR needs. Upgrade Helm.", "Helm 3.18.0 à 3.18.2 échouent à helm registry login vers Azure Container Registry avec 401 : un défaut de Helm ; la 3.18.3 rétablit le mode de connexion dont ACR a besoin. Mettez Helm à jour."),
        KnownBug::CheckAcrServerVersion => tr!(lang, "KeyError: 'serverVersion' is az aks check-acr failing to read kubectl version: kubectl cannot reach the cluster's API server (wrong context, private cluster). Fix kubectl's access first.", "KeyError: 'serverVersion' vient d’az aks check-acr qui ne lit pas la version de kubectl : kubectl ne joint pas le serveur d’API du cluster (mauvais contexte, cluster privé). Réparez d’abord l’accès de kubectl."),
        KnownBug::CheckHealthRoleAssignmentMode => tr!(lang, "'NoneType' object has no attribute 'role_assignment_mode' is a defect of az acr check-health 2.74: upgrade the Azure CLI (az upgrade).", "'NoneType' object has no attribute 'role_assignment_mode' est un défaut d’az acr check-health 2.74 : mettez l’Azure CLI à jour (az upgrade)."),
        KnownBug::ContainerdEmptyScope => tr!(lang, "containerd asked for a token with an empty scope, which ACR refuses with 400: a containerd defect. Upgrade containerd (or the node image).", "containerd a demandé un jeton avec une portée vide, qu’ACR refuse par 400 : un défaut de containerd. Mettez containerd (ou l’image du nœud) à jour."),
        KnownBug::PodmanBase64 => tr!(lang, "illegal base64 data comes from podman reading its stored credentials: log in again with podman login.", "illegal base64 data vient de podman qui lit ses identifiants stockés : reconnectez-vous avec podman login."),
    }
}

/// Why a value from the paste is not in the commands.
pub fn refused_text(slot: Slot, lang: Lang) -> String {
    // French: each noun with its own article, and the pronoun of its gender.
    let (what_en, what_fr, yours_fr) = match slot {
        Slot::Name => ("registry name", "Le nom de registre", "le vôtre"),
        Slot::Server | Slot::Origin | Slot::Host => {
            ("login server", "Le serveur de connexion", "le vôtre")
        }
        Slot::Repository => ("repository", "Le dépôt", "le vôtre"),
        Slot::Ip => ("IP address", "L’adresse IP", "la vôtre"),
    };
    let placeholder = slot.placeholder();
    trf!(lang, "The {what_en} in your paste is not a valid one, so the commands below do not use it: {placeholder} stands in its place. Type your own before running them."; "{what_fr} de votre collage n’est pas valide : les commandes ci-dessous ne l’utilisent pas, {placeholder} tient sa place. Saisissez {yours_fr} avant de les lancer.")
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
        Sign::PublicAddress { ip } => trf!(lang, "The DNS line shows {ip}, a public address: the name resolves, and not to a private endpoint; what failed comes after it (the connection, a proxy, a firewall)."; "La ligne DNS montre {ip}, une adresse publique : le nom se résout, et pas vers un point de terminaison privé ; ce qui a échoué vient après (la connexion, un proxy, un pare-feu)."),
        Sign::PrivateAddress { ip } => trf!(lang, "The DNS line shows {ip}, a private address: this machine resolves the registry to a private endpoint. If it is not inside (or peered with, or on a VPN to) that network, the connection cannot work from here; if it is, check that the private endpoint connection is approved and that the private DNS zone holds both the registry and its data endpoint."; "La ligne DNS montre {ip}, une adresse privée : cette machine résout le registre vers un point de terminaison privé. Si elle n’est pas dans ce réseau (ni appairée, ni en VPN), la connexion ne peut pas fonctionner d’ici ; si elle y est, vérifiez que la connexion du point de terminaison privé est approuvée et que la zone DNS privée contient le registre et son point de terminaison de données."),
        // NO_PROXY: Python's requests (az's HTTP client) matches a domain suffix written `.azurecr.io`
        // (or `azurecr.io`), not a `*.` glob. Source: psf/requests src/requests/utils.py, should_bypass_proxies.
        // Source of the rest: Azure/azure-cli's proxy documentation (learn.microsoft.com/cli/azure/use-azure-cli-successfully-troubleshooting#work-behind-a-proxy).
        Sign::Proxy => tr!(lang,
            "The exception is a proxy's refusal: the CLI's requests go through a proxy that did not let them pass (407 means it wants credentials). Set HTTPS_PROXY with the right credentials, or let the registry bypass the proxy with NO_PROXY=.azurecr.io (a leading dot: the *.azurecr.io form is not matched by Python's requests, which az uses).",
            "L’exception est un refus du proxy : les requêtes de la CLI passent par un proxy qui ne les a pas laissées passer (407 : il demande des identifiants). Définissez HTTPS_PROXY avec les bons identifiants, ou faites contourner le proxy par le registre avec NO_PROXY=.azurecr.io (avec un point devant : la forme *.azurecr.io n’est pas reconnue par requests de Python, dont se sert az).",
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
        Sign::NoTag => tr!(lang, "The image was asked for as latest (written, or assumed because the reference has no tag). Does the repository have a latest tag? Name the tag you pushed.", "L’image a été demandée en latest (écrit, ou supposé car la référence n’a pas de tag). Le dépôt a-t-il un tag latest ? Nommez le tag que vous avez envoyé.").to_owned(),
        Sign::AlsoManifestUnknown => tr!(lang, "The same paste says the manifest is unknown: ACR answers 401 to an anonymous caller for a tag that does not exist, so this 401 is most likely the missing tag, not your credentials.", "Le même collage dit que le manifeste est inconnu : ACR répond 401 à un appelant anonyme pour un tag qui n’existe pas ; ce 401 vient donc très probablement du tag manquant, pas de vos identifiants.").to_owned(),
        Sign::PrivatelinkName => tr!(lang, "The privatelink name was used. Use the registry's login server (<name>.azurecr.io): with a private endpoint, the private DNS zone maps that name to the private address, and the certificate covers it.", "Le nom privatelink a été utilisé. Utilisez le serveur de connexion du registre (<nom>.azurecr.io) : avec un point de terminaison privé, la zone DNS privée mène ce nom à l’adresse privée, et le certificat le couvre.").to_owned(),
        Sign::LookAlikeHost { host, likely } => trf!(lang, "{host} is not an Azure registry's name: did you mean {likely}?"; "{host} n’est pas le nom d’un registre Azure : vouliez-vous dire {likely} ?"),
        Sign::UpperCaseRepository => tr!(lang, "The repository name has capital letters: repository names are lower case.", "Le nom du dépôt a des majuscules : les noms de dépôts sont en minuscules.").to_owned(),
        // Source: kubelet's registryPullQPS (kubernetes.io, kubelet configuration reference).
        Sign::NodePullQps => tr!(lang, "\"pull QPS exceeded\" is the node's kubelet refusing to start more pulls than its own limit (registryPullQPS): the request never reached the registry, and nothing on the registry will change it. Pull less often (imagePullPolicy: IfNotPresent, fewer restarts); the limit is in the kubelet's configuration.", "« pull QPS exceeded » est le kubelet du nœud qui refuse de lancer plus de pulls que sa propre limite (registryPullQPS) : la requête n’a jamais atteint le registre, et rien côté registre n’y changera quoi que ce soit. Tirez moins souvent (imagePullPolicy: IfNotPresent, moins de redémarrages) ; la limite est dans la configuration du kubelet.").to_owned(),
        Sign::PortInReference => tr!(lang, "The image reference holds :443. Name the registry without a port (<name>.azurecr.io/<repository>:<tag>).", "La référence de l’image contient :443. Nommez le registre sans port (<nom>.azurecr.io/<dépôt>:<tag>).").to_owned(),
        Sign::Kubelet => tr!(lang, "The kubelet pulled this image: the identity is the cluster's (its kubelet identity or an imagePullSecret), not yours. Test the cluster's access with az aks check-acr.", "C’est le kubelet qui a tiré cette image : l’identité est celle du cluster (son identité kubelet ou un imagePullSecret), pas la vôtre. Testez l’accès du cluster avec az aks check-acr.").to_owned(),
        Sign::DockerDaemon => tr!(lang, "Docker sent the credentials it stored at docker login (or none): test them with docker logout, then az acr login.", "Docker a envoyé les identifiants enregistrés par docker login (ou aucun) : testez-les avec docker logout, puis az acr login.").to_owned(),
        Sign::MicrosoftRegistry => tr!(lang, "This is Microsoft's public registry (mcr.microsoft.com, served from mcrprod.azurecr.io), not yours: there is nothing to fix on your registry. Check Azure's status, retry later, or serve the image from your registry (a cache rule or az acr import).", "C’est le registre public de Microsoft (mcr.microsoft.com, servi depuis mcrprod.azurecr.io), pas le vôtre : rien à corriger sur votre registre. Consultez l’état d’Azure, réessayez plus tard, ou servez l’image depuis votre registre (une règle de cache ou az acr import).").to_owned(),
        Sign::DockerHub => tr!(lang, "The image name has no registry host, so Docker looked for it on Docker Hub, not on your registry. Name it in full: <name>.azurecr.io/<repository>:<tag>.", "Le nom de l’image n’a pas d’hôte de registre : Docker l’a cherchée sur Docker Hub, pas sur votre registre. Nommez-la en entier : <nom>.azurecr.io/<dépôt>:<tag>.").to_owned(),
    }
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
            == Some("az acr network-rule add -n contosoprod --ip-address <your-public-ip>")));
    }

    #[test]
    fn a_refused_value_is_named_with_its_own_article_and_pronoun() {
        let ip = refused_text(Slot::Ip, Lang::Fr);
        assert!(ip.starts_with("L’adresse IP de votre collage"), "{ip}");
        assert!(ip.contains("Saisissez la vôtre"), "{ip}");
        let name = refused_text(Slot::Name, Lang::Fr);
        assert!(
            name.starts_with("Le nom de registre") && name.contains("le vôtre"),
            "{name}"
        );
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
        assert!(
            e.fixes
                .iter()
                .all(|f| f.command.as_deref() != Some("az login")),
            "a 403 from the network rules: signing in again does not help"
        );
        let e = explain(&block(401).findings[0], Lang::En);
        assert_eq!(e.fixes[0].command.as_deref(), Some("az login"));
        let e = explain(&block(429).findings[0], Lang::En);
        assert!(e
            .fixes
            .iter()
            .all(|f| f.command.as_deref() != Some("az login")));
    }
}
