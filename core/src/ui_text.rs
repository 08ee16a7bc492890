//! The page's labels in each language.

use crate::catalog::Lang;
use crate::probe::steps::Status;
use crate::text::{t, T};
use crate::{tr, trf};

/// A label of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Title,
    LoadingExplainer,
    ExplainerUnavailable,
    Tagline,
    PasteHeading,
    PastePlaceholder,
    PasteHelp,
    DropHint,
    OpenFile,
    Clear,
    Decode,
    Summary,
    ChecksPassed,
    NoChecks,
    CliVersion,
    Registry,
    Notes,
    Findings,
    InYourCase,
    Meaning,
    Causes,
    Fixes,
    Caveats,
    Documentation,
    FromLines,
    ToolOutput,
    HttpStatus,
    Copy,
    Copied,
    Reference,
    ReferenceHelp,
    Search,
    NoMatch,
    Language,
    DarkMode,
    FromCache,
    ShareReport,
    CopyMarkdown,
    DownloadMarkdown,
    IncludeLines,
    CopyLink,
    PathTitle,
    OpenedFromLink,
    MoreFindings,
    PasteTooLarge,
    Privacy,
    Mentioned,
    FromLink,
    TrustHelp,
    LinkTimeoutRefused,
    ClearProbes,
    RepositoryInvalid,
    Panic,
    KitResult,
    KitResultNote,
    KitCut,
    KitTitle,
    KitHelp,
    KitDownload,
    KitCluster,
    KitClusterPod,
    KitImageInvalid,
    KitPowerShell,
    KitPowerShellHelp,
    KitDownloadPs,
    StartHere,
    AboutCode,
    FalsePositive,
    Examples,
    ExamplesUnavailable,
    AboutLoading,
    AboutUnavailable,
    KitLoading,
    KitHint,
    KitRun,
    KitUnavailable,
    ProbeTitle,
    ProbeIntro,
    FieldRegistry,
    Credentials,
    FieldEntra,
    FieldRefresh,
    FieldUsername,
    FieldPassword,
    FieldTenant,
    FieldRepository,
    Settings,
    FieldDoh,
    FieldTimeout,
    Run,
    Cancel,
    Asked,
    Answered,
    CodeMeaning,
    PasteBack,
    TokenInspector,
    TokenInspectorHelp,
}

pub fn label(l: Label, lang: Lang) -> &'static str {
    text(l).get(lang)
}

/// A label in both languages: one table the compiler can index (each arm a pair of texts), read
/// in the page's language by [`label`]. In the page the French is left out, as in [`tr!`].
fn text(l: Label) -> T {
    use Label::*;
    match l {
        Title => T {
            en: "acr-doctor",
            fr: "acr-doctor",
        },
        ExplainerUnavailable => t!("The explainer could not be loaded: the network failed before it was all here, or this browser cannot run WebAssembly. Copy what you typed, then reload the page to try again.", "L’explicateur n’a pas pu être chargé : le réseau a lâché avant qu’il soit complet, ou ce navigateur ne sait pas exécuter WebAssembly. Copiez ce que vous avez tapé, puis rechargez la page pour réessayer."),
        LoadingExplainer => t!("Loading the explainer… You can paste now: it is explained as soon as it is here.", "Chargement de l’explicateur… Vous pouvez déjà coller : ce sera expliqué dès qu’il sera là."),
        Tagline => t!("Explains Azure Container Registry errors: paste what your terminal printed.", "Explique les erreurs d’Azure Container Registry : collez ce que votre terminal a affiché."),
        PasteHeading => t!("Your output", "Votre sortie"),
        PastePlaceholder => t!("Paste the output of az acr check-health, az acr login, docker or curl — or type a code such as CONNECTIVITY_DNS_ERROR", "Collez la sortie d’az acr check-health, d’az acr login, de docker ou de curl — ou tapez un code comme CONNECTIVITY_DNS_ERROR"),
        PasteHelp => t!("Decoded as you paste, in this browser only: nothing is sent anywhere.", "Décodé pendant que vous collez, dans ce navigateur uniquement : rien n’est envoyé nulle part."),
        DropHint => t!("or drop a log file here", "ou déposez un fichier journal ici"),
        OpenFile => t!("Open a log file", "Ouvrir un fichier journal"),
        Decode => t!("Explain", "Expliquer"),
        Clear => t!("Clear", "Effacer"),
        Summary => t!("Run summary", "Résumé du contrôle"),
        ChecksPassed => t!("Checks that passed", "Vérifications réussies"),
        NoChecks => t!("No passed check in this output.", "Aucune vérification réussie dans cette sortie."),
        CliVersion => t!("Azure CLI version", "Version d’Azure CLI"),
        Registry => t!("Registry", "Registre"),
        Notes => t!("Also in the output", "Aussi dans la sortie"),
        Findings => t!("Findings", "Constats"),
        InYourCase => t!("In your case", "Dans votre cas"),
        Meaning => t!("What it means", "Ce que cela signifie"),
        Causes => t!("Likely causes", "Causes probables"),
        Fixes => t!("Fixes", "Solutions"),
        Caveats => t!("Good to know", "Bon à savoir"),
        Documentation => t!("Official documentation", "Documentation officielle"),
        FromLines => t!("From your paste", "Dans votre collage"),
        ToolOutput => t!("What the tool printed (the real cause)", "Ce que l’outil a affiché (la vraie cause)"),
        HttpStatus => t!("HTTP status", "Statut HTTP"),
        Copy => t!("Copy", "Copier"),
        Copied => t!("Copied", "Copié"),
        Reference => t!("Every code", "Tous les codes"),
        ReferenceHelp => t!("Each code az acr check-health can print, and the ones this page adds. Link to one with #code_name.", "Chaque code qu’az acr check-health peut afficher, et ceux qu’ajoute cette page. Lien direct : #nom_du_code."),
        Search => t!("Search codes", "Chercher un code"),
        NoMatch => t!("No code matches.", "Aucun code ne correspond."),
        Language => t!("Language", "Langue"),
        DarkMode => t!("Dark", "Sombre"),
        ShareReport => t!("Share this explanation", "Partager cette explication"),
        CopyMarkdown => t!("Copy as Markdown", "Copier en Markdown"),
        DownloadMarkdown => t!("Download .md", "Télécharger le .md"),
        CopyLink => t!("Copy link", "Copier le lien"),
        PathTitle => t!("The way to the registry, hop by hop:", "Le chemin vers le registre, étape par étape\u{a0}:"),
        OpenedFromLink => t!("Opened from a link: it carries the codes, HTTP statuses, registries and CLI version, not the paste. Paste your own output for the whole explanation.", "Ouvert depuis un lien : il porte les codes, statuts HTTP, registres et la version de la CLI, pas le collage. Collez votre propre sortie pour l’explication complète."),
        IncludeLines => t!("Include the pasted lines as evidence (tokens and passwords masked)", "Inclure les lignes collées comme preuve (jetons et mots de passe masqués)"),
        FromCache => t!("No network: this is the copy of the page your browser kept. Pastes are explained as usual; the probes need the network.", "Pas de réseau : voici la copie de la page gardée par votre navigateur. Les collages sont expliqués comme d’habitude ; les sondes ont besoin du réseau."),
        MoreFindings => t!("more findings not shown", "autres constats non affichés"),
        PasteTooLarge => t!("The text is larger than 16 MiB: only its first 16 MiB are read; the rest was cut.", "Le texte dépasse 16 Mio : seuls ses 16 premiers Mio sont lus ; le reste a été coupé."),
        Privacy => t!("Static page: your paste never leaves this browser.", "Page statique : votre collage ne quitte jamais ce navigateur."),
        FromLink => t!("from the link", "venu du lien"),
        TrustHelp => t!("This is not an Azure registry: tokens and passwords go to it only if you tick this (a proxy or a test registry of your own).", "Ce n’est pas un registre Azure : jetons et mots de passe ne lui sont envoyés que si vous cochez ceci (un proxy ou un registre de test à vous)."),
        LinkTimeoutRefused => t!("The link's timeout is not a number of seconds from 1 to 120: 10 is used.", "Le délai du lien n’est pas un nombre de secondes de 1 à 120 : 10 est utilisé."),
        ClearProbes => t!("Clear", "Effacer"),
        RepositoryInvalid => t!("Not a repository name: lower-case letters and digits, separated by . _ - or /.", "Ce n’est pas un nom de dépôt : lettres minuscules et chiffres, séparés par . _ - ou /."),
        KitTitle => t!("Probe kit: run the checks where the problem is", "Kit de vérification : lancez les vérifications là où est le problème"),
        KitHelp => t!("A browser cannot read Azure's answers (no CORS) nor see certificates, the data endpoint, or what a node resolves. This sh script (about 200 lines, worth reading before you run it) checks them from the machine that fails, read-only, printing no secret (a token as its length, a redirect as its host). Credentials come only from ACR_USERNAME/ACR_PASSWORD or a signed-in az. Paste what it prints into the box above. The repository field (name:tag) makes it follow that image to its data endpoint.", "Un navigateur ne peut ni lire les réponses d’Azure (pas de CORS) ni voir les certificats, le point de données ou ce que résout un nœud. Ce script sh (environ 200 lignes, à lire avant de le lancer) les vérifie depuis la machine en échec, en lecture seule, sans afficher de secret (un jeton par sa longueur, une redirection par son hôte). Les identifiants ne viennent que d’ACR_USERNAME/ACR_PASSWORD ou d’un az connecté. Collez ce qu’il affiche dans la boîte ci-dessus. Le champ dépôt (nom:tag) lui fait suivre cette image jusqu’à son point de données."),
        KitDownload => t!("Download acr-doctor-kit.sh", "Télécharger acr-doctor-kit.sh"),
        KitCluster => t!("From inside a cluster, as its pulls see it: the kubelet pulls over the node's network and DNS, so this runs the script in a pod on the node's network (hostNetwork), from Azure Linux's base image in Microsoft's registry (sh, curl and openssl; no Docker Hub limits). Save the script as acr-doctor-kit.sh, then:", "Depuis un cluster, comme ses pulls le voient : le kubelet tire par le réseau et le DNS du nœud, cette commande lance donc le script dans un pod sur le réseau du nœud (hostNetwork), depuis l’image de base d’Azure Linux du registre de Microsoft (sh, curl et openssl ; pas de limites Docker Hub). Enregistrez le script sous acr-doctor-kit.sh, puis :"),
        KitClusterPod => t!("Where policy forbids host networking, the same in an ordinary pod (it then sees the pod network and the cluster's DNS, which an application's calls use, not the node's):", "Si la politique interdit le réseau de l’hôte, la même chose dans un pod ordinaire (il voit alors le réseau des pods et le DNS du cluster, ceux des appels d’une application, pas ceux du nœud) :"),
        KitImageInvalid => t!("The repository field is not name:tag in the distribution grammar: the kit checks the registry without an image.", "Le champ dépôt n’est pas nom:tag selon la grammaire de distribution : le kit vérifie le registre sans image."),
        KitPowerShell => t!("The same kit for Windows PowerShell", "Le même kit pour Windows PowerShell"),
        KitPowerShellHelp => t!("For Windows PowerShell 5.1 or later (it uses the curl.exe Windows ships) and the same lines as the sh kit. It has been checked by reading, not yet run on Windows by this project: if it fails, the sh kit under WSL or Git Bash checks the same.", "Pour Windows PowerShell 5.1 ou plus récent (il utilise le curl.exe livré par Windows), avec les mêmes lignes que le kit sh. Il a été vérifié à la lecture, pas encore lancé sous Windows par ce projet : s’il échoue, le kit sh sous WSL ou Git Bash vérifie la même chose."),
        KitHint => t!("This browser cannot see every step: run the kit below where the problem is (the failing machine, node or build agent), then paste what it prints into the box above.", "Ce navigateur ne voit pas toutes les étapes : lancez le kit ci-dessous là où est le problème (la machine, le nœud ou l’agent de build en échec), puis collez ce qu’il affiche dans la zone ci-dessus."),
        KitRun => t!("Saved as a file, it runs with:", "Enregistré dans un fichier, il se lance avec :"),
        StartHere => t!("Start here", "Commencez ici"),
        AboutCode => t!("More about this code: what it means, why, good to know", "En savoir plus sur ce code : ce qu’il signifie, pourquoi, bon à savoir"),
        FalsePositive => t!("Not a failure", "Pas un échec"),
        KitDownloadPs => t!("Download acr-doctor-kit.ps1", "Télécharger acr-doctor-kit.ps1"),
        Examples => t!("Nothing to paste yet? Try an example:", "Rien à coller pour l’instant ? Essayez un exemple :"),
        ExamplesUnavailable => t!("The examples could not be fetched: this page's files are not reachable now and were not kept from an earlier visit.", "Les exemples n’ont pas pu être chargés : les fichiers de cette page sont injoignables et n’ont pas été gardés d’une visite précédente."),
        AboutLoading => t!("Fetching what this code means…", "Chargement de ce que signifie ce code…"),
        AboutUnavailable => t!("What this code means could not be fetched: this page's files are not reachable now and were not kept from an earlier visit. Its fixes above are all here.", "Ce que signifie ce code n’a pas pu être chargé : les fichiers de cette page sont injoignables et n’ont pas été gardés d’une visite précédente. Ses solutions ci-dessus sont toutes là."),
        KitLoading => t!("Fetching the kit…", "Chargement du kit…"),
        KitUnavailable => t!("The kit could not be fetched: this page's files are not reachable now and were not kept from an earlier visit. Reload the page once the network allows it.", "Le kit n’a pas pu être chargé : les fichiers de cette page sont injoignables et n’ont pas été gardés d’une visite précédente. Rechargez la page quand le réseau le permet."),
        KitResult => t!("From the probe kit's transcript", "D’après la transcription du kit de vérification"),
        KitResultNote => t!("What the pasted transcript says, step by step: the page did not run these steps, and anyone can type such lines. The rest of the paste is read as always, above.", "Ce que dit la transcription collée, étape par étape : la page n’a pas exécuté ces étapes, et n’importe qui peut écrire de telles lignes. Le reste du collage est lu comme toujours, plus haut."),
        KitCut => t!("The transcript stops before its end: the steps after the last one shown did not run or were cut.", "La transcription s’arrête avant sa fin : les étapes après la dernière affichée n’ont pas tourné ou ont été coupées."),
        Panic => t!("acr-doctor stopped because of a bug. Reload the page; if it happens again with the same text, please report it (without your paste's secrets).", "acr-doctor s’est arrêté à cause d’un bogue. Rechargez la page ; si cela se reproduit avec le même texte, signalez-le (sans les secrets de votre collage)."),
        ProbeTitle => t!("Check from this browser", "Vérifier depuis ce navigateur"),
        ProbeIntro => t!("Runs the checks of az acr check-health from here: DNS, reachability, the /v2/ challenge and the token exchange. Tokens and passwords stay in this page's memory and go only to the registry you name.", "Lance ici les vérifications d’az acr check-health : DNS, accessibilité, demande d’authentification /v2/ et échange de jetons. Jetons et mots de passe restent dans la mémoire de cette page et ne vont qu’au registre que vous nommez."),
        FieldRegistry => t!("Registry", "Registre"),
        Credentials => t!("Credentials (optional)", "Identifiants (facultatif)"),
        FieldEntra => t!("Entra access token (az account get-access-token --resource https://containerregistry.azure.net)", "Jeton d’accès Entra (az account get-access-token --resource https://containerregistry.azure.net)"),
        FieldRefresh => t!("or an ACR refresh token (az acr login --expose-token)", "ou un jeton d’actualisation ACR (az acr login --expose-token)"),
        FieldUsername => t!("or a user name (admin user, token name)", "ou un nom d’utilisateur (administrateur, nom de jeton)"),
        FieldPassword => t!("and its password", "et son mot de passe"),
        FieldTenant => t!("Registry's tenant ID (optional: flags a token from another tenant)", "ID du locataire du registre (facultatif : signale un jeton d’un autre locataire)"),
        FieldRepository => t!("Repository (optional: checks its tags instead of the catalog)", "Dépôt (facultatif : vérifie ses tags au lieu du catalogue)"),
        Settings => t!("Settings", "Réglages"),
        FieldDoh => t!("DNS-over-HTTPS resolver", "Résolveur DNS-over-HTTPS"),
        FieldTimeout => t!("Timeout per request (seconds)", "Délai par requête (secondes)"),
        Run => t!("Run", "Lancer"),
        Cancel => t!("Cancel", "Annuler"),
        Asked => t!("Asked", "Demandé"),
        Answered => t!("Answered", "Répondu"),
        CodeMeaning => t!("What the code means", "Ce que signifie le code"),
        PasteBack => t!("Paste their output into the explainer", "Collez leur sortie dans l’explicateur"),
        TokenInspector => t!("Token inspector", "Inspecteur de jetons"),
        TokenInspectorHelp => t!("Paste any token (Entra, ACR refresh or access): it is decoded here, never sent.", "Collez un jeton (Entra, ACR d’actualisation ou d’accès) : il est décodé ici, jamais envoyé."),
        Mentioned => t!("named in the text", "cité dans le texte"),
    }
}

/// An example's button (see `example::IDS`): real pastes of each kind the page reads.
pub fn example_label(id: &str, lang: Lang) -> &'static str {
    match id {
        "check-health" => tr!(
            lang,
            "a health check (az acr check-health)",
            "un contrôle (az acr check-health)"
        ),
        "docker" => tr!(lang, "a docker pull error", "une erreur de docker pull"),
        _ => tr!(
            lang,
            "a pod's pull event (kubectl)",
            "l’événement de pull d’un pod (kubectl)"
        ),
    }
}

/// How many more lines held notes than are shown.
/// A consequence's line: which problem above it comes from.
pub fn consequence_of(cause: &str, lang: Lang) -> String {
    trf!(lang, "A consequence of {cause} above: fix that first, and this goes with it."; "Une conséquence de {cause} ci-dessus : réglez d’abord celui-là, celui-ci partira avec.")
}

pub fn more_notes(n: usize, lang: Lang) -> String {
    trf!(lang, "{n} more lines held notes of other kinds, not shown."; "{n} autres lignes portaient des remarques d’autres sortes, non affichées.")
}

/// The "send my token" tick, naming the exact origin.
pub fn trust_registry(origin: &str, lang: Lang) -> String {
    trf!(lang, "Send my token to {origin}"; "Envoyer mon jeton à {origin}")
}

/// A path typed after the registry's host, which the probes do not use.
pub fn path_dropped(path: &str, lang: Lang) -> String {
    trf!(lang, "The path {path} is not used: the probes call the registry's own paths (/v2/, /oauth2/…)."; "Le chemin {path} n’est pas utilisé : les vérifications appellent les chemins du registre (/v2/, /oauth2/…).")
}

/// The link's resolver was refused, and why.
pub fn link_resolver_refused(why: &str, lang: Lang) -> String {
    trf!(lang, "The link's resolver was not used: {why}"; "Le résolveur du lien n’a pas été utilisé : {why}")
}

/// A big text held in memory, with the first lines shown.
pub fn held_text(bytes: usize, lines: usize, lang: Lang) -> String {
    // Tenths of a MiB in integers: no float formatting in the page.
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    let size = format!("{}.{}", tenths / 10, tenths % 10);
    trf!(lang, "A {size} MiB text: the box shows its first {lines} lines, and the whole text is explained below. Clear to paste another."; "Un texte de {size} Mio : la boîte montre ses {lines} premières lignes, et tout le texte est expliqué ci-dessous. Effacez pour en coller un autre.")
}

/// The registry named in the paste, offered to the probes.
pub fn use_pasted(registry: &str, lang: Lang) -> String {
    trf!(lang, "Use {registry}, from your paste"; "Utiliser {registry}, tiré de votre collage")
}

/// Where DNS is asked, and what it sees.
pub fn doh_notice(host: &str, lang: Lang) -> String {
    trf!(lang, "DNS is asked of {host}: it receives the registry's host name (and, for an Azure registry, its data endpoint's), nothing else. It shows the public view, not what this machine's own resolver answers."; "Le DNS est demandé à {host} : il reçoit le nom d’hôte du registre (et, pour un registre Azure, celui de son point de terminaison de données), rien d’autre. Il montre la vue publique, pas ce que répond le résolveur de cette machine.")
}

/// The end of a probe run.
pub fn probe_summary(ok: usize, total: usize, skipped: usize, lang: Lang) -> String {
    // French agrees with the count, singular for 0 and 1 (English's "of 6 steps" does not vary).
    let passed = if ok > 1 {
        trf!(lang, "{ok} of {total} steps passed"; "{ok} étapes sur {total} ont réussi")
    } else {
        trf!(lang, "{ok} of {total} steps passed"; "{ok} étape sur {total} a réussi")
    };
    let skipped = if skipped > 1 {
        trf!(lang, "{skipped} skipped"; "{skipped} sautées")
    } else {
        trf!(lang, "{skipped} skipped"; "{skipped} sautée")
    };
    format!("{passed}, {skipped}.")
}

/// A step not started yet, and one running.
pub fn pending(lang: Lang) -> &'static str {
    tr!(lang, "Waiting", "En attente")
}

pub fn running(lang: Lang) -> &'static str {
    tr!(lang, "Running…", "En cours…")
}

/// A probe step's status, as its badge says it.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Ok => "OK",
        Status::Error => tr!(lang, "Error", "Erreur"),
        Status::Warning => tr!(lang, "Warning", "Attention"),
        Status::Blocked => tr!(lang, "Blocked by the browser", "Bloqué par le navigateur"),
        Status::Skipped => tr!(lang, "Skipped", "Sauté"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_summary_agrees_with_its_counts_in_french() {
        for (ok, skipped, lang, said) in [
            (5, 1, Lang::Fr, "5 étapes sur 6 ont réussi, 1 sautée."),
            (1, 5, Lang::Fr, "1 étape sur 6 a réussi, 5 sautées."),
            (0, 0, Lang::Fr, "0 étape sur 6 a réussi, 0 sautée."),
            (5, 1, Lang::En, "5 of 6 steps passed, 1 skipped."),
        ] {
            assert_eq!(probe_summary(ok, 6, skipped, lang), said);
        }
    }
}
