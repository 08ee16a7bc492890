//! The probes told in English and French.

use super::dns::DnsError;
use super::steps::{DataDns, Failure, Outcome, Reached, SkipReason, StepId};
use super::target::SkipDns;
use super::token::{Claims, Kind, Problem, Provenance, TokenError};
use crate::catalog::Lang;
use crate::{tr, trf};

/// The command that prints an Entra token for the registry's audience, for the person to paste.
pub const ENTRA_TOKEN_COMMAND: &str =
    "az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv";

/// A step's title when the kit ran it: where the kit ran, not this browser.
pub fn kit_step_title(step: StepId, lang: Lang) -> &'static str {
    match step {
        StepId::Dns => tr!(
            lang,
            "DNS, as the machine that ran the kit resolves it",
            "DNS, tel que le résout la machine où le kit a tourné"
        ),
        StepId::Reachability => tr!(
            lang,
            "TCP connection to the registry",
            "Connexion TCP au registre"
        ),
        StepId::Challenge
        | StepId::RefreshToken
        | StepId::AccessToken
        | StepId::Catalog
        | StepId::Tls
        | StepId::Manifest
        | StepId::DataEndpoint => step_title(step, lang),
    }
}

pub fn step_title(step: StepId, lang: Lang) -> &'static str {
    match step {
        StepId::Dns => tr!(
            lang,
            "DNS (public view, DNS-over-HTTPS)",
            "DNS (vue publique, DNS-over-HTTPS)",
        ),
        StepId::Reachability => tr!(
            lang,
            "Reachability from this browser",
            "Joignable depuis ce navigateur",
        ),
        StepId::Challenge => tr!(
            lang,
            "Challenge: GET /v2/",
            "Demande d’authentification : GET /v2/",
        ),
        StepId::RefreshToken => tr!(
            lang,
            "Refresh token: POST /oauth2/exchange",
            "Jeton d’actualisation : POST /oauth2/exchange",
        ),
        StepId::AccessToken => tr!(
            lang,
            "Access token: /oauth2/token",
            "Jeton d’accès : /oauth2/token",
        ),
        StepId::Tls => tr!(
            lang,
            "TLS: the certificate this machine receives",
            "TLS : le certificat que reçoit cette machine"
        ),
        StepId::Manifest => tr!(lang, "Manifest of the image", "Manifeste de l’image"),
        StepId::DataEndpoint => tr!(
            lang,
            "Data endpoint: where layers are downloaded",
            "Point de données : d’où viennent les couches"
        ),
        StepId::Catalog => tr!(
            lang,
            "Catalog with the access token",
            "Catalogue avec le jeton d’accès",
        ),
    }
}

fn failure(f: Failure, lang: Lang) -> &'static str {
    match f {
        Failure::Timeout => tr!(lang, "no answer within the timeout", "pas de réponse dans le délai"),
        Failure::Cancelled => tr!(lang, "cancelled", "annulé"),
        Failure::Network => tr!(lang,
            "the browser could not connect (name not found, connection refused, proxy, firewall or TLS inspection)",
            "le navigateur n’a pas pu se connecter (nom introuvable, connexion refusée, proxy, pare-feu ou inspection TLS)",
        ),
        Failure::KitNetwork => tr!(lang,
            "the machine that ran the kit could not connect (name not found, connection refused, proxy, firewall or TLS inspection)",
            "la machine où le kit a tourné n’a pas pu se connecter (nom introuvable, connexion refusée, proxy, pare-feu ou inspection TLS)",
        ),
        Failure::BadUrl => tr!(lang,
            "the browser refused the address itself (not a URL it can request)",
            "le navigateur a refusé l’adresse elle-même (pas une URL qu’il peut demander)",
        ),
        Failure::Redirect => tr!(lang,
            "the server answered with a redirect, which this page never follows (a redirect could carry your secrets to another server; a browser does not show where it points: curl -si shows its Location)",
            "le serveur a répondu par une redirection, que cette page ne suit jamais (elle pourrait emporter vos secrets vers un autre serveur ; un navigateur ne montre pas où elle mène : curl -si montre son en-tête Location)",
        ),
    }
}

pub fn outcome_text(o: &Outcome, lang: Lang) -> String {
    match o {
        Outcome::Skipped(reason) => skip_text(reason, lang),
        Outcome::Resolved { addresses, cnames, region, data, addresses6, by_kit } => {
            let chain = cnames.iter().map(|(a, b)| format!("{a} → {b}")).collect::<Vec<_>>().join(", ");
            let via = if chain.is_empty() { String::new() } else { format!(" via {chain}") };
            let resolved = trf!(lang, "Resolves to {}{via}.", addresses.join(", "); "Se résout en {}{via}.", addresses.join(", "));
            let view = if *by_kit {
                tr!(lang, " This is what the machine that ran the kit resolves.", " C’est ce que résout la machine où le kit a tourné.")
            } else {
                tr!(lang, " This is the public view from the resolver, not necessarily what this machine's own DNS answers.", " C’est la vue publique du résolveur, pas forcément ce que répond le DNS de cette machine.")
            };
            let region = region.as_deref().map(|r| trf!(lang, " The answer comes from Azure region {r}."; " La réponse vient de la région Azure {r}.")).unwrap_or_default();
            let data = data.as_ref().map(|d| data_dns_text(d, lang)).unwrap_or_default();
            let v6 = match addresses6.as_deref() {
                Some([]) => tr!(lang, " IPv4 only: no AAAA record.", " IPv4 seulement : aucun enregistrement AAAA.").to_owned(),
                Some(v6) => trf!(lang, " IPv6 as well: {}.", v6.join(", "); " IPv6 aussi : {}.", v6.join(", ")),
                None => String::new(),
            };
            format!("{resolved}{v6}{view}{region}{data}")
        }
        Outcome::PrivateEndpoint { link, address, addresses } => {
            let what = match (link, address) {
                (Some(l), _) => l.clone(),
                (None, Some(a)) => a.clone(),
                (None, None) => addresses.join(", "),
            };
            let all = addresses.join(", ");
            trf!(lang, "Private endpoint: the name leads to {what} ({all}). The registry is reachable only from inside its network (or through VPN, peering, or its private DNS zone); from elsewhere the steps below are expected to fail."; "Point de terminaison privé : le nom mène à {what} ({all}). Le registre n’est joignable que depuis son réseau (ou via VPN, appairage ou sa zone DNS privée) ; d’ailleurs, les étapes suivantes échoueront normalement.")
        }
        Outcome::NoSuchName => tr!(lang, "NXDOMAIN: the name does not exist. Check the spelling and the cloud (.azurecr.io, .azurecr.cn, .azurecr.us).", "NXDOMAIN : le nom n’existe pas. Vérifiez l’orthographe et le cloud (.azurecr.io, .azurecr.cn, .azurecr.us).").to_owned(),
        Outcome::DnsOther { rcode } => trf!(lang, "The resolver answered {rcode}: no conclusion about the registry."; "Le résolveur a répondu {rcode} : aucune conclusion sur le registre."),
        Outcome::ResolverFailed(f) => trf!(lang, "The DoH resolver could not be asked: {}. The registry itself may be fine.", failure(*f, lang); "Le résolveur DoH n’a pas pu être interrogé : {}. Le registre lui-même va peut-être bien.", failure(*f, lang)),
        Outcome::ResolverRefused(e) => trf!(lang, "No DNS request was sent: {}", e.text(lang); "Aucune requête DNS n’a été envoyée : {}", e.text(lang)),
        Outcome::ResolverGarbage(e) => {
            let why = dns_error_text(e, lang);
            trf!(lang, "The resolver's answer could not be read: {why}."; "La réponse du résolveur est illisible : {why}.")
        }
        // Only what this answer went through: no DNS for an address or localhost, no TLS over
        // plain http.
        Outcome::Reachable(Reached { dns, tls }) => match (dns, tls) {
            (true, true) => tr!(lang, "An HTTP answer came back: DNS, TCP, TLS and HTTP worked from this browser. (Its status is hidden: a no-cors answer is opaque.)", "Une réponse HTTP est revenue : DNS, TCP, TLS et HTTP ont fonctionné depuis ce navigateur. (Son statut est caché : une réponse no-cors est opaque.)"),
            (true, false) => tr!(lang, "An HTTP answer came back: DNS, TCP and HTTP worked from this browser. (Its status is hidden: a no-cors answer is opaque.)", "Une réponse HTTP est revenue : DNS, TCP et HTTP ont fonctionné depuis ce navigateur. (Son statut est caché : une réponse no-cors est opaque.)"),
            (false, true) => tr!(lang, "An HTTP answer came back: TCP, TLS and HTTP worked from this browser. (Its status is hidden: a no-cors answer is opaque.)", "Une réponse HTTP est revenue : TCP, TLS et HTTP ont fonctionné depuis ce navigateur. (Son statut est caché : une réponse no-cors est opaque.)"),
            (false, false) => tr!(lang, "An HTTP answer came back: TCP and HTTP worked from this browser. (Its status is hidden: a no-cors answer is opaque.)", "Une réponse HTTP est revenue : TCP et HTTP ont fonctionné depuis ce navigateur. (Son statut est caché : une réponse no-cors est opaque.)"),
        }
        .to_owned(),
        Outcome::Unreachable(f) => trf!(lang, "Not reachable from here: {}.", failure(*f, lang); "Injoignable d’ici : {}.", failure(*f, lang)),
        Outcome::Challenged { realm, service } => trf!(lang, "401 with a Bearer challenge: realm {realm}, service {service}."; "401 avec une demande Bearer : realm {realm}, service {service}."),
        Outcome::Forbidden { detail } => {
            let d = detail.as_deref().map(|d| format!(" — {d}")).unwrap_or_default();
            trf!(lang, "403 Forbidden{d}: the registry's network rules refuse this address."; "403 Forbidden{d} : les règles réseau du registre refusent cette adresse.")
        }
        Outcome::NoChallenge { status } => trf!(lang, "HTTP {status} without a usable challenge: the CLI reports this as \"did not issue a challenge\" (a proxy or another server may be answering)."; "HTTP {status} sans demande d’authentification exploitable : la CLI le signale comme « did not issue a challenge » (un proxy ou un autre serveur répond peut-être)."),
        Outcome::NotBearer { scheme } => trf!(lang, "The challenge asks for {scheme}, not Bearer: Entra sign-in cannot work here."; "La demande est de type {scheme}, pas Bearer : la connexion Entra ne peut pas fonctionner ici."),
        // What Azure's registries send another origin: some CORS headers
        // (Access-Control-Expose-Headers), never Access-Control-Allow-Origin. Sources: Azure/acr#752,
        // and shared/reference/acr-protocol.md §2 (what fetch may read).
        Outcome::Unreadable => tr!(lang, "Blocked by the browser: the registry answered but does not allow this page's origin (no Access-Control-Allow-Origin), so the page may not read the answer; Azure's registries never allow other origins (Azure/acr#752). What is unknown: the status and the challenge. Run the commands below and paste their output into the explainer above.", "Bloqué par le navigateur : le registre a répondu mais n’autorise pas l’origine de cette page (pas d’Access-Control-Allow-Origin), donc la page ne peut pas lire la réponse ; les registres Azure n’autorisent jamais d’autre origine (Azure/acr#752). Ce qui reste inconnu : le statut et la demande d’authentification. Lancez les commandes ci-dessous et collez leur sortie dans l’explicateur ci-dessus.").to_owned(),
        Outcome::ChallengeFailed(f) => trf!(lang, "GET /v2/ failed: {}.", failure(*f, lang); "GET /v2/ a échoué : {}.", failure(*f, lang)),
        Outcome::Exchanged => tr!(lang, "The registry exchanged the Entra token for a refresh token.", "Le registre a échangé le jeton Entra contre un jeton d’actualisation.").to_owned(),
        Outcome::TokenRefused { status, detail } => {
            let d = detail.as_deref().map(|d| format!(" — {d}")).unwrap_or_default();
            let why = match status {
                401 => tr!(lang, "the identity is not accepted (no role, stale or wrong token, other tenant)", "l’identité n’est pas acceptée (aucun rôle, jeton périmé ou erroné, autre locataire)"),
                403 => tr!(lang, "refused by network rules or missing permission", "refus des règles réseau ou autorisation manquante"),
                _ => tr!(lang, "see the status", "voir le statut"),
            };
            trf!(lang, "HTTP {status}{d}: {why}."; "HTTP {status}{d} : {why}.")
        }
        Outcome::Throttled => tr!(lang, "HTTP 429: too many token requests; wait and retry. Not a permission problem.", "HTTP 429 : trop de demandes de jetons ; attendez et réessayez. Pas un problème d’autorisation.").to_owned(),
        Outcome::TokenFailed(f) => trf!(lang, "The token request failed: {}.", failure(*f, lang); "La demande de jeton a échoué : {}.", failure(*f, lang)),
        Outcome::NoToken { field } => trf!(lang, "HTTP 200, but the answer holds no {field}: something other than the registry's token endpoint answered (a proxy or a sign-in page)."; "HTTP 200, mais la réponse ne contient pas de {field} : autre chose que le point de jetons du registre a répondu (un proxy ou une page de connexion)."),
        Outcome::Granted { scope } => trf!(lang, "Access token granted for {scope}."; "Jeton d’accès accordé pour {scope}."),
        // Roles by mode. Source:
        // https://learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions
        Outcome::GrantedLess { asked, granted } if granted.is_empty() => trf!(lang, "A token came back, but it grants nothing of {asked}: the identity has no role here that allows it (to pull: AcrPull, or Container Registry Repository Reader in ABAC mode). The next request will be refused."; "Un jeton est revenu, mais il n’accorde rien de {asked} : l’identité n’a ici aucun rôle qui le permette (pour tirer : AcrPull, ou Container Registry Repository Reader en mode ABAC). La requête suivante sera refusée."),
        Outcome::GrantedLess { asked, granted } => {
            let held = granted.join(", ");
            trf!(lang, "A token came back for {held}, not for {asked}: the identity's role does not cover it (in ABAC mode, a role's condition may leave this repository out; for an ACR token, its scope map). The next request will be refused."; "Un jeton est revenu pour {held}, pas pour {asked} : le rôle de l’identité ne le couvre pas (en mode ABAC, la condition d’un rôle peut exclure ce dépôt ; pour un jeton ACR, sa carte d’étendue). La requête suivante sera refusée.")
        }
        Outcome::Listed { what, names } => {
            let list = if names.is_empty() { tr!(lang, "(empty)", "(vide)").to_owned() } else { names.join(", ") };
            trf!(lang, "{what}: {list}"; "{what} : {list}")
        }
        Outcome::Denied { status, detail } => {
            let d = detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
            trf!(lang, "HTTP {status}{d}: the token does not grant this action. Check the role for the registry's mode (tags: AcrPull, or in ABAC mode Container Registry Repository Reader; the catalog in ABAC mode: Container Registry Repository Catalog Lister) or the repository permissions."; "HTTP {status}{d} : le jeton n’accorde pas cette action. Vérifiez le rôle selon le mode du registre (les tags : AcrPull, ou en mode ABAC Container Registry Repository Reader ; le catalogue en mode ABAC : Container Registry Repository Catalog Lister) ou les autorisations du dépôt.")
        }
        Outcome::NotAList => tr!(lang, "HTTP 200, but the answer is not the registry's list (no repositories or tags in it): something else answered, such as a proxy's or a sign-in page.", "HTTP 200, mais la réponse n’est pas la liste du registre (ni dépôts ni tags) : autre chose a répondu, comme la page d’un proxy ou de connexion.").to_owned(),
        Outcome::NoSuchRepository { detail } => {
            let d = detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
            trf!(lang, "HTTP 404{d}: the token was accepted, but this repository does not exist. Check its name (case and path)."; "HTTP 404{d} : le jeton a été accepté, mais ce dépôt n’existe pas. Vérifiez son nom (casse et chemin).")
        }
        Outcome::Connected { proxy: None } => tr!(lang, "A TCP connection to the registry succeeded from where the kit ran.", "Une connexion TCP au registre a réussi depuis l’endroit où le kit a tourné.").to_owned(),
        Outcome::Connected { proxy: Some(p) } => trf!(lang, "A connection to the registry succeeded from where the kit ran, through the proxy {p}."; "Une connexion au registre a réussi depuis l’endroit où le kit a tourné, par le proxy {p}."),
        Outcome::TlsVerified { issuer, names } => {
            let by = issuer.as_deref().unwrap_or("?");
            let trusted = trf!(lang, "The certificate is trusted (issued by {by})."; "Le certificat est reconnu (émis par {by}).");
            let proxy = tr!(lang, " A TLS-inspecting proxy would show its own company's CA here.", " Un proxy qui inspecte TLS montrerait ici l’AC de son entreprise.");
            format!("{trusted}{}{proxy}", cert_names(names.as_deref(), lang))
        }
        Outcome::TlsRefused { issuer, names } => {
            let by = issuer.as_deref().unwrap_or("?");
            let refused = trf!(lang, "The certificate is not trusted here (issued by {by}): something on the path inspects TLS, or this machine lacks the issuer's CA."; "Le certificat n’est pas reconnu ici (émis par {by}) : quelque chose inspecte TLS sur le chemin, ou cette machine n’a pas l’AC de l’émetteur.");
            format!("{refused}{}", cert_names(names.as_deref(), lang))
        }
        Outcome::ManifestFound => tr!(lang, "The image's manifest exists and this identity may read it.", "Le manifeste de l’image existe et cette identité peut le lire.").to_owned(),
        Outcome::ManifestMissing => tr!(lang, "HTTP 404: no such tag (or digest) in this repository.", "HTTP 404 : pas de tel tag (ou digest) dans ce dépôt.").to_owned(),
        Outcome::ManifestDenied { status } => trf!(lang, "HTTP {status} on the manifest: the token does not allow reading it (or, to an anonymous caller, the tag does not exist)."; "HTTP {status} sur le manifeste : le jeton ne permet pas de le lire (ou, pour un appelant anonyme, le tag n’existe pas)."),
        Outcome::NotRedirected => tr!(lang, "The registry served the layer itself: no data endpoint is involved.", "Le registre a servi la couche lui-même : aucun point de données en jeu.").to_owned(),
        Outcome::DataReached { host } => trf!(lang, "Layers come from {host}, and it answered: pulls can download."; "Les couches viennent de {host}, qui a répondu : les pulls peuvent télécharger."),
        Outcome::DataFailed { host, stage: "tls" } => trf!(lang, "Layers come from {host}, and its certificate is not trusted here: something inspects TLS on the way to it. Signing in works but pulls cannot download. Exempt the data endpoints (and storage) from inspection, or trust the inspecting CA."; "Les couches viennent de {host}, dont le certificat n’est pas reconnu ici : quelque chose inspecte TLS sur le chemin. La connexion marche mais les pulls ne peuvent pas télécharger. Exemptez les points de données (et le stockage) de l’inspection, ou faites reconnaître l’AC qui inspecte."),
        Outcome::DataFailed { host, stage: "dns" } => trf!(lang, "Layers come from {host}, and its name does not resolve here: signing in works but pulls cannot download. With a private endpoint, the private DNS zone needs the data endpoint's record (<name>.<region>.data) too."; "Les couches viennent de {host}, dont le nom ne se résout pas ici : la connexion marche mais les pulls ne peuvent pas télécharger. Avec un point de terminaison privé, la zone DNS privée doit aussi avoir l’enregistrement du point de données (<nom>.<région>.data)."),
        Outcome::DataNotFollowed { host, scheme: Some(scheme) } => trf!(lang, "The registry sent the layer to a {scheme}:// address on {host}. The kit reads layers only over https, so it did not follow: a registry that does this is not Azure's, or something on the way rewrites its answers."; "Le registre a renvoyé la couche vers une adresse {scheme}:// sur {host}. Le kit ne lit les couches qu’en https : il ne l’a pas suivie. Un registre qui fait cela n’est pas celui d’Azure, ou quelque chose sur le chemin réécrit ses réponses."),
        Outcome::DataNotFollowed { host, scheme: None } => trf!(lang, "The registry sent the layer to {host}, which is neither the registry, its data endpoint nor Azure storage. The kit did not follow (a layer's address carries a signed key): if this registry sits behind a mirror or cache you run, check that host yourself."; "Le registre a renvoyé la couche vers {host}, qui n’est ni le registre, ni son point de données, ni le stockage Azure. Le kit ne l’a pas suivie (l’adresse d’une couche porte une clé signée) : si ce registre est derrière un miroir ou un cache à vous, vérifiez cet hôte vous-même."),
        Outcome::DataFailed { host, stage } => trf!(lang, "Layers come from {host}, and it failed at {stage}: signing in works but pulls cannot download. Allow this host in the firewall or proxy (az acr show-endpoints lists them)."; "Les couches viennent de {host}, qui a échoué à l’étape {stage} : la connexion marche mais les pulls ne peuvent pas télécharger. Autorisez cet hôte dans le pare-feu ou le proxy (az acr show-endpoints les liste)."),
        Outcome::CatalogFailed(f) => trf!(lang, "The call failed: {}.", failure(*f, lang); "L’appel a échoué : {}.", failure(*f, lang)),
    }
}

fn skip_text(r: &SkipReason, lang: Lang) -> String {
    match r {
        SkipReason::Address(SkipDns::Address) => tr!(lang, "Skipped: the registry is given as an IP address, there is no name to resolve.", "Sauté : le registre est donné par une adresse IP, il n’y a pas de nom à résoudre.").to_owned(),
        SkipReason::Address(SkipDns::Localhost) => tr!(lang, "Skipped: localhost is resolved by this machine, not by DNS.", "Sauté : localhost est résolu par cette machine, pas par le DNS.").to_owned(),
        SkipReason::After(step) => trf!(lang, "Skipped: it needs \"{}\", which did not succeed.", step_title(*step, lang); "Sauté : cette étape a besoin de « {} », qui n’a pas réussi.", step_title(*step, lang)),
        SkipReason::NoEntraToken => trf!(lang, "Skipped: no Entra token given. Paste the output of `{ENTRA_TOKEN_COMMAND}` to check this step."; "Sauté : aucun jeton Entra fourni. Collez la sortie de `{ENTRA_TOKEN_COMMAND}` pour vérifier cette étape."),
        SkipReason::RefreshTokenGiven => tr!(lang, "Skipped: an ACR refresh token was given, so there is nothing to exchange.", "Sauté : un jeton d’actualisation ACR a été fourni, il n’y a rien à échanger.").to_owned(),
        SkipReason::BasicCredentials => tr!(lang, "Skipped: a user name and password are used instead (admin user or repository-scoped token).", "Sauté : un nom d’utilisateur et un mot de passe sont utilisés à la place (utilisateur administrateur ou jeton limité à un dépôt).").to_owned(),
        SkipReason::NoCredentials => tr!(lang, "Skipped: no token or credentials given.", "Sauté : aucun jeton ni identifiant fourni.").to_owned(),
        SkipReason::Cancelled => tr!(lang, "Cancelled.", "Annulé.").to_owned(),
        SkipReason::ForeignRealm { host } => trf!(lang, "Skipped: the challenge sends tokens to {host}, another host than the registry's. This page sends your secrets only to the registry you named; Azure's realm is always the registry itself."; "Sauté : la demande d’authentification envoie les jetons à {host}, un autre hôte que celui du registre. Cette page n’envoie vos secrets qu’au registre nommé ; chez Azure, le realm est toujours le registre lui-même."),
        SkipReason::NotTrusted { origin } => trf!(lang, "Skipped: {origin} is not an Azure registry (*.azurecr.io, .cn, .us), so no token or password was sent to it. If it is yours (a proxy, a test registry), tick “Send my token to {origin}” and run again."; "Sauté : {origin} n’est pas un registre Azure (*.azurecr.io, .cn, .us), aucun jeton ni mot de passe ne lui a donc été envoyé. S’il est à vous (un proxy, un registre de test), cochez « Envoyer mon jeton à {origin} » et relancez."),
        SkipReason::RefreshTokenForAnother { audience } => {
            let audience = if audience.is_empty() { tr!(lang, "no registry that can be read from it", "aucun registre lisible") } else { audience.as_str() };
            trf!(lang, "Skipped: the ACR refresh token was issued for {audience}, not for this registry, so it was not sent. Get one for this registry: az acr login -n <registry-name> --expose-token."; "Sauté : le jeton d’actualisation ACR a été émis pour {audience}, pas pour ce registre ; il n’a donc pas été envoyé. Obtenez-en un pour ce registre : az acr login -n <registry-name> --expose-token.")
        }
        SkipReason::KitNoDnsTool => tr!(lang, "Skipped: the kit found neither getent nor nslookup where it ran. The next steps still resolve the name, through curl.", "Sauté : le kit n’a trouvé ni getent ni nslookup là où il a tourné. Les étapes suivantes résolvent tout de même le nom, via curl.").to_owned(),
        SkipReason::KitEntraNotAzure => tr!(lang, "Skipped: the kit had only az's sign-in, and this registry is not an Azure login server, so your Entra token was not sent to it. If you trust this exact origin, set ACR_KIT_ENTRA_ORIGIN to it and run the kit again.", "Sauté : le kit n’avait que la connexion d’az, et ce registre n’est pas un serveur de connexion Azure : votre jeton Entra ne lui a pas été envoyé. Si vous faites confiance à cette origine précise, mettez-la dans ACR_KIT_ENTRA_ORIGIN et relancez le kit.").to_owned(),
        SkipReason::KitNoCredentials => tr!(lang, "Skipped: the kit had no credentials. Set ACR_USERNAME and ACR_PASSWORD, or sign in with az, and run it again.", "Sauté : le kit n’avait pas d’identifiants. Définissez ACR_USERNAME et ACR_PASSWORD, ou connectez-vous avec az, puis relancez-le.").to_owned(),
        SkipReason::Unreadable(step) => trf!(lang, "Skipped: the answer to \"{}\" could not be read from this page.", step_title(*step, lang); "Sauté : la réponse à « {} » n’a pas pu être lue depuis cette page.", step_title(*step, lang)),
    }
}

pub fn kind_text(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Entra => tr!(lang, "Microsoft Entra token", "Jeton Microsoft Entra"),
        Kind::RegistryRefresh => tr!(lang, "ACR refresh token", "Jeton d’actualisation ACR"),
        Kind::RegistryAccess => tr!(lang, "ACR access token", "Jeton d’accès ACR"),
        Kind::Other => tr!(lang, "Token of an unknown kind", "Jeton de type inconnu"),
    }
}

/// The heading of a token a step shows, which tells two tokens of one step apart.
pub fn provenance_text(p: Provenance, lang: Lang) -> &'static str {
    match p {
        Provenance::Given => tr!(lang, "The token you gave", "Le jeton que vous avez fourni"),
        Provenance::Returned => tr!(
            lang,
            "The token the registry returned",
            "Le jeton renvoyé par le registre"
        ),
    }
}

pub fn problem_text(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::Expired { seconds_ago } => trf!(lang, "Expired {} ago: get a new one.", duration(*seconds_ago); "Expiré depuis {} : obtenez-en un nouveau.", duration(*seconds_ago)),
        Problem::NotYetValid { seconds } => trf!(lang, "Not valid for another {}: is this machine's clock right?", duration(*seconds); "Pas encore valide avant {} : l’horloge de cette machine est-elle juste ?", duration(*seconds)),
        Problem::ManagementAudience => tr!(lang, "Audience is Azure Resource Manager (the default of az login). Registries accept it unless they disabled ARM-audience tokens; the audience ACR documents is https://containerregistry.azure.net (az account get-access-token --resource https://containerregistry.azure.net).", "L’audience est Azure Resource Manager (le défaut d’az login). Les registres l’acceptent sauf s’ils ont désactivé les jetons d’audience ARM ; l’audience documentée pour ACR est https://containerregistry.azure.net (az account get-access-token --resource https://containerregistry.azure.net).").to_owned(),
        Problem::ForeignAudience { audience } => trf!(lang, "Audience {audience} is neither ACR's nor Azure Resource Manager's: the registry will refuse it."; "L’audience {audience} n’est ni celle d’ACR ni celle d’Azure Resource Manager : le registre la refusera."),
        Problem::OtherRegistry { audience, expected } => trf!(lang, "Issued for {audience}, not {expected}."; "Émis pour {audience}, pas pour {expected}."),
        Problem::OtherTenant { tenant, expected } => trf!(lang, "Tenant {tenant}, but the registry's is {expected}: sign in to the right tenant (az login --tenant {expected})."; "Locataire {tenant}, mais celui du registre est {expected} : connectez-vous au bon locataire (az login --tenant {expected})."),
        Problem::MissingAction { scope } => trf!(lang, "Does not grant {scope}."; "N’accorde pas {scope}."),
    }
}

pub fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    if s >= 86_400 {
        format!("{} d {} h", s / 86_400, (s % 86_400) / 3600)
    } else if s >= 3600 {
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    } else if s >= 60 {
        format!("{} min", s / 60)
    } else {
        format!("{s} s")
    }
}

/// The claims worth showing, as label/value pairs.
pub fn claim_rows(c: &Claims, now: i64, lang: Lang) -> Vec<(&'static str, String)> {
    let mut rows = vec![(
        tr!(lang, "Kind", "Type"),
        kind_text(c.kind, lang).to_owned(),
    )];
    if let Some(exp) = c.expires {
        let left = exp.saturating_sub(now);
        let v = if left > 0 {
            trf!(lang, "in {} (unix {exp})", duration(left); "dans {} (unix {exp})", duration(left))
        } else {
            trf!(lang, "{} ago (unix {exp})", duration(left); "il y a {} (unix {exp})", duration(left))
        };
        rows.push((tr!(lang, "Expires", "Expire"), v));
    }
    if !c.audience.is_empty() {
        rows.push((tr!(lang, "Audience", "Audience"), c.audience.join(", ")));
    }
    if let Some(v) = &c.issuer {
        rows.push((tr!(lang, "Issuer", "Émetteur"), v.clone()));
    }
    if let Some(v) = &c.tenant {
        rows.push((tr!(lang, "Tenant", "Locataire"), v.clone()));
    }
    if let Some(v) = &c.subject {
        rows.push((tr!(lang, "Subject", "Sujet"), v.clone()));
    }
    if let Some(v) = &c.grant_type {
        rows.push((tr!(lang, "Grant type", "Type d’octroi"), v.clone()));
    }
    if let Some(v) = &c.scopes {
        rows.push((tr!(lang, "Scopes", "Portées"), v.clone()));
    }
    if !c.access.is_empty() {
        rows.push((
            tr!(lang, "Access", "Accès"),
            c.access
                .iter()
                .map(|a| a.scope())
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    rows
}

/// Why a DNS query could not be made or its answer read.
pub fn dns_error_text(e: &DnsError, lang: Lang) -> String {
    match e {
        DnsError::Name(n) => {
            trf!(lang, "\"{n}\" is not a valid DNS name"; "« {n} » n’est pas un nom DNS valide")
        }
        // The parser's own reason stays out of the page: it is not written in both languages.
        DnsError::Malformed(_) => tr!(
            lang,
            "it is not a DNS message",
            "ce n’est pas un message DNS"
        )
        .to_owned(),
    }
}

pub fn token_error_text(e: &TokenError, lang: Lang) -> &'static str {
    match e {
        TokenError::Shape => tr!(
            lang,
            "Not a token: a JWT has three parts separated by dots (eyJ….eyJ….…).",
            "Pas un jeton : un JWT a trois parties séparées par des points (eyJ….eyJ….…)."
        ),
        TokenError::Encoding => tr!(
            lang,
            "Not a token: one part is not base64url.",
            "Pas un jeton : une partie n’est pas en base64url."
        ),
        TokenError::Json => tr!(
            lang,
            "Not a token: its claims are not a JSON object.",
            "Pas un jeton : ses revendications ne sont pas un objet JSON."
        ),
    }
}

/// The names a certificate covers, as the kit read them, or nothing when it could not.
fn cert_names(names: Option<&str>, lang: Lang) -> String {
    match names {
        Some(n) => trf!(lang, " It covers: {n}."; " Il couvre : {n}."),
        None => String::new(),
    }
}

/// What the resolver said of the data endpoint, as a sentence that follows the DNS step's.
fn data_dns_text(d: &DataDns, lang: Lang) -> String {
    match d {
        DataDns::Found { host, addresses } => {
            let at = addresses.join(", ");
            trf!(lang, " Its dedicated data endpoint {host} resolves too ({at}): layers are downloaded from it, so a firewall or proxy must allow it as well as the login server."; " Son point de terminaison de données dédié {host} se résout aussi ({at}) : les couches sont téléchargées depuis lui, un pare-feu ou un proxy doit donc l’autoriser en plus du serveur de connexion.")
        }
        DataDns::Missing { host } => {
            trf!(lang, " {host} does not exist: no dedicated data endpoint in that region, so layers most likely come from the registry's storage (*.blob.core.windows.net), which a firewall or proxy must allow."; " {host} n’existe pas : pas de point de terminaison de données dédié dans cette région, les couches viennent donc sans doute du stockage du registre (*.blob.core.windows.net), qu’un pare-feu ou un proxy doit autoriser.")
        }
        DataDns::Unknown { host } => {
            trf!(lang, " The resolver could not say whether {host} (a dedicated data endpoint) exists."; " Le résolveur n’a pas pu dire si {host} (point de terminaison de données dédié) existe.")
        }
    }
}
