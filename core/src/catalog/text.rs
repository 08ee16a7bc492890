//! What every code means, in English and French side by side: a missing translation does not
//! compile, and each command is written once (commands are the same in every language; they may
//! hold `{name}` and `{server}`, filled in by `values::fill`).

use super::{Code, Text, TextFix};
use crate::text::T;

macro_rules! t {
    ($en:literal, $fr:literal $(,)?) => {
        T { en: $en, fr: $fr }
    };
}

/// A fix with the command that does it.
macro_rules! fix {
    ($text:expr, $command:literal $(,)?) => {
        TextFix {
            text: $text,
            command: Some($command),
        }
    };
}

/// A fix to do by hand.
macro_rules! step {
    ($text:expr $(,)?) => {
        TextFix {
            text: $text,
            command: None,
        }
    };
}

const RERUN: TextFix = fix!(
    t!(
        "Run the health check again once this is fixed, with every check shown.",
        "Une fois le problème réglé, relancez le contrôle en affichant toutes les vérifications.",
    ),
    "az acr check-health -n {name} --yes --ignore-errors",
);

pub fn text(code: Code) -> Text {
    match code {
        Code::DockerCommand => Text {
            summary: t!(
                "The Azure CLI could not use Docker on this machine.",
                "Azure CLI n’a pas pu utiliser Docker sur cette machine.",
            ),
            meaning: t!(
                "Before anything else the CLI runs `docker ps`. If no docker binary is found, or if that command writes anything at all to its error output, the CLI reports this code and skips the other Docker checks. When Docker printed something, the CLI shows Docker's words instead of its own: they are the real cause.",
                "Avant toute chose, la CLI lance `docker ps`. Si aucun exécutable docker n’est trouvé, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et saute les autres vérifications Docker. Quand Docker a écrit un message, la CLI l’affiche à la place du sien : c’est la vraie cause.",
            ),
            causes: &[
                t!(
                    "Docker is not installed, or not on the PATH of the shell that runs az.",
                    "Docker n’est pas installé, ou pas dans le PATH du shell qui lance az.",
                ),
                t!(
                    "Docker is installed but its daemon (Docker Desktop on Windows and macOS) is not running: a stopped daemon is reported here, not as DOCKER_DAEMON_ERROR.",
                    "Docker est installé mais son démon (Docker Desktop sous Windows et macOS) est arrêté : un démon arrêté apparaît ici, pas sous DOCKER_DAEMON_ERROR.",
                ),
                t!(
                    "Your user may not open the Docker socket (Linux: not in the docker group).",
                    "Votre utilisateur n’a pas le droit d’ouvrir le socket Docker (Linux : absent du groupe docker).",
                ),
                t!(
                    "Since azure-cli 2.88.0, a docker binary found in the current directory is refused.",
                    "Depuis azure-cli 2.88.0, un exécutable docker trouvé dans le dossier courant est refusé.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Check that Docker answers in this same shell.",
                        "Vérifiez que Docker répond dans ce même shell.",
                    ),
                    "docker ps",
                ),
                step!(t!(
                        "If Docker's message mentions the daemon or a pipe, start Docker Desktop (or `sudo systemctl start docker` on Linux) and wait until it is ready.",
                        "Si le message de Docker parle du démon ou d’un « pipe », démarrez Docker Desktop (ou `sudo systemctl start docker` sous Linux) et attendez qu’il soit prêt.",
                    )),
                fix!(
                    t!(
                        "On Linux, if the socket refused you, add your user to the docker group, then sign out and in again.",
                        "Sous Linux, si le socket vous a refusé, ajoutez votre utilisateur au groupe docker, puis reconnectez-vous.",
                    ),
                    "sudo usermod -aG docker $USER",
                ),
                fix!(
                    t!(
                        "If you only need a token and not Docker, log in without Docker.",
                        "Si vous avez seulement besoin d’un jeton, connectez-vous sans Docker.",
                    ),
                    "az acr login -n {name} --expose-token",
                ),
                RERUN,
            ],
            caveats: &[
                t!(
                    "A stopped daemon shows up as DOCKER_COMMAND_ERROR with Docker's own message: the documentation does not say so.",
                    "Un démon arrêté donne DOCKER_COMMAND_ERROR avec le message de Docker : la documentation ne le dit pas.",
                ),
            ],
        },
        Code::DockerDaemon => Text {
            summary: t!(
                "Docker is installed but its daemon did not answer.",
                "Docker est installé mais son démon ne répond pas.",
            ),
            meaning: t!(
                "The CLI found the docker binary but could not reach the Docker daemon, so docker login and docker pull cannot work from this machine. The CLI then skips the pull check.",
                "La CLI a trouvé l’exécutable docker mais n’a pas pu joindre le démon Docker : docker login et docker pull ne peuvent pas fonctionner depuis cette machine. La CLI saute alors la vérification du pull.",
            ),
            causes: &[
                t!(
                    "The Docker daemon or Docker Desktop is stopped or still starting.",
                    "Le démon Docker ou Docker Desktop est arrêté ou encore en cours de démarrage.",
                ),
                t!(
                    "The daemon is broken or was installed incompletely.",
                    "Le démon est défaillant ou mal installé.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See whether the daemon answers.",
                        "Regardez si le démon répond.",
                    ),
                    "docker info",
                ),
                step!(t!(
                        "Start or restart Docker Desktop, or on Linux restart the service: `sudo systemctl restart docker`.",
                        "Démarrez ou redémarrez Docker Desktop, ou sous Linux le service : `sudo systemctl restart docker`.",
                    )),
                RERUN,
            ],
            caveats: &[
                t!(
                    "In the CLI's code this code is almost never raised: a stopped daemon usually appears as DOCKER_COMMAND_ERROR instead.",
                    "Dans le code de la CLI ce code n’est presque jamais émis : un démon arrêté apparaît plutôt comme DOCKER_COMMAND_ERROR.",
                ),
            ],
        },
        Code::DockerVersion => Text {
            summary: t!(
                "The CLI could not read the Docker version.",
                "La CLI n’a pas pu lire la version de Docker.",
            ),
            meaning: t!(
                "The CLI ran a docker version command and it failed. Up to azure-cli 2.5.0 that was `docker --version`; from 2.5.1 it is `docker version --format …`, which asks the daemon, so a stopped daemon can also cause this; from 2.86.0 it is `docker version --format json`.",
                "La CLI a lancé une commande de version Docker qui a échoué. Jusqu’à azure-cli 2.5.0 c’était `docker --version` ; à partir de 2.5.1 c’est `docker version --format …`, qui interroge le démon (un démon arrêté peut donc en être la cause) ; depuis 2.86.0 c’est `docker version --format json`.",
            ),
            causes: &[
                t!(
                    "The Docker daemon is not running (the version command asks the server since 2.5.1).",
                    "Le démon Docker est arrêté (depuis 2.5.1 la commande interroge le serveur).",
                ),
                t!(
                    "Docker printed something on its error output (before 2.55.0 any error output counted as failure).",
                    "Docker a écrit sur sa sortie d’erreur (avant 2.55.0, toute sortie d’erreur valait échec).",
                ),
                t!(
                    "An old Azure CLI or Docker client.",
                    "Une Azure CLI ou un client Docker trop ancien.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Run the same command yourself and read its message.",
                        "Lancez vous-même la commande et lisez son message.",
                    ),
                    "docker version",
                ),
                fix!(
                    t!(
                        "Update the Azure CLI.",
                        "Mettez à jour Azure CLI.",
                    ),
                    "az upgrade",
                ),
                RERUN,
            ],
            caveats: &[
                t!(
                    "The documentation names `docker --version`; the CLI has used `docker version --format …` since 2.5.1.",
                    "La documentation cite `docker --version` ; la CLI utilise `docker version --format …` depuis 2.5.1.",
                ),
            ],
        },
        Code::DockerPull => Text {
            summary: t!(
                "Docker could not pull Microsoft's small test image.",
                "Docker n’a pas pu télécharger la petite image de test de Microsoft.",
            ),
            meaning: t!(
                "After you agree (or with --yes) the CLI runs `docker pull mcr.microsoft.com/mcr/hello-world:latest`. This error means that pull failed from this machine; it says nothing yet about your own registry.",
                "Après votre accord (ou avec --yes), la CLI lance `docker pull mcr.microsoft.com/mcr/hello-world:latest`. Cette erreur signifie que ce pull a échoué depuis cette machine ; elle ne dit encore rien de votre propre registre.",
            ),
            causes: &[
                t!(
                    "No route to mcr.microsoft.com: proxy, firewall or DNS on this network.",
                    "Pas de chemin vers mcr.microsoft.com : proxy, pare-feu ou DNS de ce réseau.",
                ),
                t!(
                    "The Docker daemon is not running properly.",
                    "Le démon Docker ne fonctionne pas correctement.",
                ),
                t!(
                    "Before azure-cli 2.55.0, any message on Docker's error output (such as macOS's \"What's Next?\" hints) counted as a failure even when the pull worked.",
                    "Avant azure-cli 2.55.0, tout message sur la sortie d’erreur de Docker (comme les conseils « What's Next? » de macOS) comptait comme un échec, même si le pull avait réussi.",
                ),
                t!(
                    "Before 2.5.1, a host running Windows containers failed on the Linux sample image.",
                    "Avant 2.5.1, un hôte en conteneurs Windows échouait sur l’image d’exemple Linux.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Try the pull yourself.",
                        "Essayez le pull vous-même.",
                    ),
                    "docker pull mcr.microsoft.com/mcr/hello-world:latest",
                ),
                step!(t!(
                        "If the pull works by hand, this is a false positive: update the Azure CLI (`az upgrade`).",
                        "Si le pull fonctionne à la main, c’est un faux positif : mettez à jour Azure CLI (`az upgrade`).",
                    )),
                step!(t!(
                        "Behind a proxy, give Docker the proxy settings (HTTPS_PROXY in the daemon's configuration), not only your shell.",
                        "Derrière un proxy, donnez les réglages du proxy à Docker (HTTPS_PROXY dans la configuration du démon), pas seulement à votre shell.",
                    )),
                RERUN,
            ],
            caveats: &[
                t!(
                    "False positives were fixed in azure-cli 2.5.1 (Windows containers) and 2.55.0 (any stderr).",
                    "Des faux positifs ont été corrigés dans azure-cli 2.5.1 (conteneurs Windows) et 2.55.0 (toute sortie d’erreur).",
                ),
            ],
        },
        Code::HelmCommand => Text {
            summary: t!(
                "The CLI could not use Helm.",
                "La CLI n’a pas pu utiliser Helm.",
            ),
            meaning: t!(
                "The CLI runs `helm --help`. If Helm is missing, or if that command writes anything to its error output, the CLI reports this code and appends what Helm printed. Helm's own warnings are enough to trigger it.",
                "La CLI lance `helm --help`. Si Helm est absent, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et y ajoute ce que Helm a écrit. De simples avertissements de Helm suffisent à le déclencher.",
            ),
            causes: &[
                t!(
                    "Helm is not installed or not on the PATH.",
                    "Helm n’est pas installé ou pas dans le PATH.",
                ),
                t!(
                    "Helm works but printed warnings (for example about deprecated chart repositories): the CLI treats any warning as a failure.",
                    "Helm fonctionne mais a affiché des avertissements (par exemple sur des dépôts de charts obsolètes) : la CLI traite tout avertissement comme un échec.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See what Helm prints.",
                        "Regardez ce qu’affiche Helm.",
                    ),
                    "helm --help",
                ),
                fix!(
                    t!(
                        "If Helm printed repository warnings, list and update or remove the deprecated repositories.",
                        "Si Helm signale des dépôts obsolètes, listez-les puis mettez-les à jour ou retirez-les.",
                    ),
                    "helm repo list",
                ),
                step!(t!(
                        "If you do not use Helm with this registry, you can ignore this code: it says nothing about the registry.",
                        "Si vous n’utilisez pas Helm avec ce registre, ignorez ce code : il ne dit rien du registre.",
                    )),
            ],
            caveats: &[
                t!(
                    "Helm warnings alone produce this code (a false positive).",
                    "Des avertissements de Helm suffisent à produire ce code (faux positif).",
                ),
            ],
        },
        Code::HelmVersion => Text {
            summary: t!(
                "The CLI could not read the Helm version, or found a Helm older than 2.11.0.",
                "La CLI n’a pas pu lire la version de Helm, ou a trouvé un Helm antérieur à 2.11.0.",
            ),
            meaning: t!(
                "The CLI runs `helm version --client` and reads the version. This code means the command failed, or the version is older than 2.11.0, the oldest the CLI recommends.",
                "La CLI lance `helm version --client` et lit la version. Ce code signifie que la commande a échoué, ou que la version est antérieure à 2.11.0, la plus ancienne que la CLI recommande.",
            ),
            causes: &[
                t!(
                    "An old Helm (before 2.11.0).",
                    "Un Helm ancien (avant 2.11.0).",
                ),
                t!(
                    "An old Azure CLI that does not understand the output of a newer Helm (Helm 3 is read from 2.0.79).",
                    "Une Azure CLI ancienne qui ne comprend pas la sortie d’un Helm récent (Helm 3 est lu depuis 2.0.79).",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Run the same command yourself.",
                        "Lancez vous-même la commande.",
                    ),
                    "helm version --client",
                ),
                fix!(
                    t!(
                        "Update the Azure CLI.",
                        "Mettez à jour Azure CLI.",
                    ),
                    "az upgrade",
                ),
                step!(t!(
                        "Install a current Helm 3 release.",
                        "Installez une version actuelle de Helm 3.",
                    )),
            ],
            caveats: &[
            ],
        },
        Code::NotaryCommand => Text {
            summary: t!(
                "The CLI could not find Notary.",
                "La CLI n’a pas trouvé Notary.",
            ),
            meaning: t!(
                "From azure-cli 2.0.81 to 2.86.0 the health check also looks for the Notary client (`notary --help`). This code means it is missing or printed to its error output. Notary is only needed for Docker Content Trust, which is deprecated.",
                "Des versions 2.0.81 à 2.86.0 d’azure-cli, le contrôle cherche aussi le client Notary (`notary --help`). Ce code signifie qu’il est absent ou qu’il a écrit sur sa sortie d’erreur. Notary ne sert qu’à Docker Content Trust, qui est obsolète.",
            ),
            causes: &[
                t!(
                    "Notary is not installed: that is normal on most machines.",
                    "Notary n’est pas installé : c’est le cas normal sur la plupart des machines.",
                ),
                t!(
                    "Notary printed something on its error output.",
                    "Notary a écrit sur sa sortie d’erreur.",
                ),
            ],
            fixes: &[
                step!(t!(
                        "If you do not sign images with Docker Content Trust, ignore this code: your registry access is not affected.",
                        "Si vous ne signez pas d’images avec Docker Content Trust, ignorez ce code : l’accès à votre registre n’est pas en cause.",
                    )),
                step!(t!(
                        "If you do, install Notary 0.6.0 and put it on the PATH.",
                        "Sinon, installez Notary 0.6.0 et placez-le dans le PATH.",
                    )),
                fix!(
                    t!(
                        "Or update the Azure CLI: from 2.87.0 the Notary check is gone.",
                        "Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: &[
                t!(
                    "Not in older documentation; removed from the CLI in 2.87.0.",
                    "Absent de l’ancienne documentation ; retiré de la CLI en 2.87.0.",
                ),
            ],
        },
        Code::NotaryVersion => Text {
            summary: t!(
                "Notary is installed but not at the version the CLI wants.",
                "Notary est installé, mais pas dans la version attendue par la CLI.",
            ),
            meaning: t!(
                "The CLI (2.0.81 to 2.86.0) runs `notary version` and requires exactly 0.6.0. Any other version, newer or older, gives this code, as does a failure to run the command.",
                "La CLI (2.0.81 à 2.86.0) lance `notary version` et exige exactement la 0.6.0. Toute autre version, plus récente ou plus ancienne, donne ce code, tout comme un échec de la commande.",
            ),
            causes: &[
                t!(
                    "A Notary other than 0.6.0 (often newer, bundled with Docker).",
                    "Un Notary autre que 0.6.0 (souvent plus récent, livré avec Docker).",
                ),
                t!(
                    "The notary command failed.",
                    "La commande notary a échoué.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See which version is installed.",
                        "Regardez quelle version est installée.",
                    ),
                    "notary version",
                ),
                step!(t!(
                        "If you do not use Docker Content Trust, ignore this code.",
                        "Si vous n’utilisez pas Docker Content Trust, ignorez ce code.",
                    )),
                step!(t!(
                        "If you do, install Notary 0.6.0 (from the notaryproject/notary releases) ahead of the other one on the PATH.",
                        "Sinon, installez Notary 0.6.0 (versions publiées de notaryproject/notary) avant l’autre dans le PATH.",
                    )),
                fix!(
                    t!(
                        "Or update the Azure CLI: from 2.87.0 the Notary check is gone.",
                        "Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: &[
                t!(
                    "The documentation advises a version earlier than 0.6.0; the CLI's code demands exactly 0.6.0.",
                    "La documentation conseille une version antérieure à 0.6.0 ; le code de la CLI exige exactement 0.6.0.",
                ),
            ],
        },
        Code::ConnectivityDns => Text {
            summary: t!(
                "The registry's name did not resolve from this machine.",
                "Le nom du registre ne se résout pas depuis cette machine.",
            ),
            meaning: t!(
                "The CLI looks up the login server's address. This code means the lookup failed, so nothing else about the registry could be checked.",
                "La CLI cherche l’adresse du serveur de connexion. Ce code signifie que la résolution a échoué : rien d’autre sur le registre n’a pu être vérifié.",
            ),
            causes: &[
                t!(
                    "A misspelt registry name, or a registry that does not exist (or was deleted).",
                    "Un nom de registre mal orthographié, ou un registre qui n’existe pas (ou plus).",
                ),
                t!(
                    "The CLI is set to another cloud (.azurecr.cn, .azurecr.us) than the registry's.",
                    "La CLI est réglée sur un autre cloud (.azurecr.cn, .azurecr.us) que celui du registre.",
                ),
                t!(
                    "No DNS on this network, or a private DNS zone that does not hold the registry.",
                    "Pas de DNS sur ce réseau, ou une zone DNS privée qui ne contient pas le registre.",
                ),
                t!(
                    "You cannot read the registry in this subscription, so the CLI guessed the login server.",
                    "Vous ne pouvez pas lire le registre dans cet abonnement, et la CLI a deviné le serveur de connexion.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Check that the registry exists under this name.",
                        "Vérifiez que le registre existe sous ce nom.",
                    ),
                    "az acr show -n {name} --query loginServer -o tsv",
                ),
                fix!(
                    t!(
                        "Check which cloud the CLI is using.",
                        "Vérifiez le cloud utilisé par la CLI.",
                    ),
                    "az cloud show --query name -o tsv",
                ),
                fix!(
                    t!(
                        "Look up the name from this machine.",
                        "Résolvez le nom depuis cette machine.",
                    ),
                    "nslookup {server}",
                ),
                RERUN,
            ],
            caveats: &[
            ],
        },
        Code::ConnectivityForbidden => Text {
            summary: t!(
                "The registry refused this machine (HTTP 403): a firewall rule or disabled public access.",
                "Le registre a refusé cette machine (HTTP 403) : règle de pare-feu ou accès public désactivé.",
            ),
            meaning: t!(
                "The registry's /v2/ endpoint answered 403 Forbidden. The registry is reachable but its network rules do not let this address in.",
                "Le point de terminaison /v2/ du registre a répondu 403 Forbidden. Le registre est joignable, mais ses règles réseau n’admettent pas cette adresse.",
            ),
            causes: &[
                t!(
                    "The registry's firewall allows other IP ranges than yours.",
                    "Le pare-feu du registre autorise d’autres plages d’adresses que la vôtre.",
                ),
                t!(
                    "Public network access is disabled: only private endpoints may connect.",
                    "L’accès réseau public est désactivé : seuls les points de terminaison privés peuvent se connecter.",
                ),
                t!(
                    "Your traffic leaves through a proxy or NAT address that is not allowed.",
                    "Votre trafic sort par un proxy ou une adresse NAT non autorisée.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See the registry's network rules.",
                        "Affichez les règles réseau du registre.",
                    ),
                    "az acr show --query networkRuleSet --name {name}",
                ),
                fix!(
                    t!(
                        "See whether public access is enabled.",
                        "Regardez si l’accès public est activé.",
                    ),
                    "az acr show --query publicNetworkAccess --name {name}",
                ),
                fix!(
                    t!(
                        "Allow your public address (ask your network team which one).",
                        "Autorisez votre adresse publique (demandez laquelle à votre équipe réseau).",
                    ),
                    "az acr network-rule add --name {name} --ip-address <your-public-ip>",
                ),
                step!(t!(
                        "With private endpoints only, run from a machine inside the connected network.",
                        "Avec uniquement des points de terminaison privés, lancez la commande depuis une machine du réseau relié.",
                    )),
            ],
            caveats: &[
            ],
        },
        Code::ConnectivityChallenge => Text {
            summary: t!(
                "The registry's /v2/ endpoint did not answer with a sign-in challenge.",
                "Le point de terminaison /v2/ du registre n’a pas répondu par une demande d’authentification.",
            ),
            meaning: t!(
                "The CLI calls https://<login server>/v2/ and expects 401 with a WWW-Authenticate header. This code means the call failed (refused, timed out, a proxy error) or got another answer (200, 404, a proxy's page).",
                "La CLI appelle https://<serveur de connexion>/v2/ et attend un 401 avec un en-tête WWW-Authenticate. Ce code signifie que l’appel a échoué (refusé, délai dépassé, erreur de proxy) ou a reçu une autre réponse (200, 404, page d’un proxy).",
            ),
            causes: &[
                t!(
                    "A proxy or firewall between you and the registry answers or drops the request.",
                    "Un proxy ou un pare-feu entre vous et le registre répond à sa place ou bloque la requête.",
                ),
                t!(
                    "The name resolves to a private endpoint that is not reachable from this machine (check the IP of the DNS line).",
                    "Le nom pointe vers un point de terminaison privé inaccessible depuis cette machine (voyez l’IP de la ligne DNS).",
                ),
                t!(
                    "A service incident on Azure's side (several people reported it at once in May 2024).",
                    "Un incident côté Azure (plusieurs personnes l’ont signalé en même temps en mai 2024).",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See what /v2/ really answers from here: a healthy registry says 401 with `WWW-Authenticate: Bearer realm=…`.",
                        "Regardez ce que /v2/ répond vraiment d’ici : un registre sain dit 401 avec `WWW-Authenticate: Bearer realm=…`.",
                    ),
                    "curl -si https://{server}/v2/",
                ),
                step!(t!(
                        "If the DNS line shows a private IP (10.x, 172.16–31.x, 192.168.x), run from inside that network or fix the private DNS zone.",
                        "Si la ligne DNS montre une IP privée (10.x, 172.16–31.x, 192.168.x), lancez la commande depuis ce réseau ou corrigez la zone DNS privée.",
                    )),
                step!(t!(
                        "Behind a proxy, set HTTPS_PROXY for az and make sure the proxy lets *.azurecr.io through.",
                        "Derrière un proxy, définissez HTTPS_PROXY pour az et vérifiez que le proxy laisse passer *.azurecr.io.",
                    )),
                step!(t!(
                        "If nothing local explains it, retry later and check Azure status; then open an issue at https://aka.ms/acr/issues.",
                        "Si rien de local ne l’explique, réessayez plus tard et consultez l’état d’Azure, puis ouvrez un ticket sur https://aka.ms/acr/issues.",
                    )),
            ],
            caveats: &[
                t!(
                    "The documentation only says to retry later; the causes above are what maintainers asked about in real cases.",
                    "La documentation dit seulement de réessayer plus tard ; les causes ci-dessus sont celles que les mainteneurs ont examinées dans des cas réels.",
                ),
            ],
        },
        Code::ConnectivityAadLogin => Text {
            summary: t!(
                "The registry challenged, but not for Microsoft Entra sign-in.",
                "Le registre demande une authentification, mais pas via Microsoft Entra.",
            ),
            meaning: t!(
                "The /v2/ endpoint answered 401, but its WWW-Authenticate header is not `Bearer realm=…,service=…`. An Azure registry always asks for Bearer; something else answered.",
                "Le point /v2/ a répondu 401, mais son en-tête WWW-Authenticate n’est pas `Bearer realm=…,service=…`. Un registre Azure demande toujours Bearer : quelque chose d’autre a répondu.",
            ),
            causes: &[
                t!(
                    "A proxy or another server answers in the registry's place (Basic authentication challenge).",
                    "Un proxy ou un autre serveur répond à la place du registre (demande d’authentification Basic).",
                ),
                t!(
                    "The name points to a registry that is not an Azure registry.",
                    "Le nom désigne un registre qui n’est pas un registre Azure.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See the challenge header.",
                        "Affichez l’en-tête de la demande.",
                    ),
                    "curl -si https://{server}/v2/",
                ),
                fix!(
                    t!(
                        "Try the admin user or a token instead of Entra sign-in, if enabled.",
                        "Essayez l’utilisateur administrateur ou un jeton plutôt qu’Entra, s’ils sont activés.",
                    ),
                    "az acr login -n {name} --username <user> --password <password>",
                ),
                step!(t!(
                        "If the registry is Azure's and still does this, open an issue at https://aka.ms/acr/issues.",
                        "Si le registre est bien celui d’Azure et le problème persiste, ouvrez un ticket sur https://aka.ms/acr/issues.",
                    )),
            ],
            caveats: &[
            ],
        },
        Code::ConnectivityRefreshToken => Text {
            summary: t!(
                "The registry refused to exchange your Entra token for a registry token.",
                "Le registre a refusé d’échanger votre jeton Entra contre un jeton de registre.",
            ),
            meaning: t!(
                "The CLI sends your Microsoft Entra token to the registry's /oauth2/exchange and expects a registry refresh token. The registry answered with another status; the status tells why.",
                "La CLI envoie votre jeton Microsoft Entra au point /oauth2/exchange du registre et attend un jeton d’actualisation. Le registre a répondu avec un autre statut ; ce statut dit pourquoi.",
            ),
            causes: &[
                t!(
                    "Your identity has no role on the registry (AcrPull, AcrPush, Reader…).",
                    "Votre identité n’a aucun rôle sur le registre (AcrPull, AcrPush, Lecteur…).",
                ),
                t!(
                    "The Azure CLI's sign-in is stale or belongs to another tenant.",
                    "La connexion d’Azure CLI est périmée ou appartient à un autre locataire.",
                ),
                t!(
                    "Network rules: with public access disabled, the token exchange answers 403.",
                    "Règles réseau : quand l’accès public est désactivé, l’échange de jeton répond 403.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Sign in again (in the registry's tenant).",
                        "Reconnectez-vous (dans le locataire du registre).",
                    ),
                    "az login",
                ),
                fix!(
                    t!(
                        "Check your role assignments on the registry.",
                        "Vérifiez vos attributions de rôle sur le registre.",
                    ),
                    "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table",
                ),
                fix!(
                    t!(
                        "Check the network rules if the status is 403.",
                        "Vérifiez les règles réseau si le statut est 403.",
                    ),
                    "az acr show --query \"{public:publicNetworkAccess, rules:networkRuleSet}\" --name {name}",
                ),
                RERUN,
            ],
            caveats: &[
                t!(
                    "Before azure-cli 2.46.0, throttling was reported here with Response code: 429; the advice to run az login does not apply then.",
                    "Avant azure-cli 2.46.0, la limitation de débit apparaissait ici avec Response code: 429 ; le conseil de relancer az login ne s’applique pas alors.",
                ),
            ],
        },
        Code::ConnectivityTooManyRequests => Text {
            summary: t!(
                "Too many sign-ins in a short time: the registry is throttling you (HTTP 429).",
                "Trop de connexions en peu de temps : le registre vous limite (HTTP 429).",
            ),
            meaning: t!(
                "The token exchange answered 429. The registry limits how often tokens are requested; your identity or address went over it. Nothing is wrong with your permissions.",
                "L’échange de jeton a répondu 429. Le registre limite la fréquence des demandes de jetons, et votre identité ou votre adresse a dépassé ce seuil. Vos autorisations ne sont pas en cause.",
            ),
            causes: &[
                t!(
                    "Many parallel jobs or a loop signing in to the registry.",
                    "De nombreux travaux en parallèle, ou une boucle qui se connecte au registre.",
                ),
                t!(
                    "A pipeline that runs az acr login for every step.",
                    "Un pipeline qui lance az acr login à chaque étape.",
                ),
            ],
            fixes: &[
                step!(t!(
                        "Wait a minute and try again.",
                        "Attendez une minute et réessayez.",
                    )),
                step!(t!(
                        "Sign in once per job and reuse the token, instead of once per step or per image.",
                        "Connectez-vous une fois par travail et réutilisez le jeton, plutôt qu’à chaque étape ou image.",
                    )),
                RERUN,
            ],
            caveats: &[
                t!(
                    "This code exists from azure-cli 2.46.0; older versions printed CONNECTIVITY_REFRESH_TOKEN_ERROR with 429.",
                    "Ce code existe depuis azure-cli 2.46.0 ; les versions précédentes affichaient CONNECTIVITY_REFRESH_TOKEN_ERROR avec 429.",
                ),
            ],
        },
        Code::ConnectivityAccessToken => Text {
            summary: t!(
                "The registry refused to give an access token for the requested scope.",
                "Le registre a refusé de délivrer un jeton d’accès pour la portée demandée.",
            ),
            meaning: t!(
                "With the refresh token, the CLI asks /oauth2/token for an access token. This code means that step failed (the status says why), or, with --repository, that the token lacks some of the repository permissions.",
                "Avec le jeton d’actualisation, la CLI demande un jeton d’accès à /oauth2/token. Ce code signifie que cette étape a échoué (le statut dit pourquoi) ou, avec --repository, qu’il manque au jeton certaines autorisations sur le dépôt.",
            ),
            causes: &[
                t!(
                    "Your role does not grant the requested actions (for example AcrPull only, when a push is checked).",
                    "Votre rôle n’accorde pas les actions demandées (par exemple AcrPull seul alors qu’un push est vérifié).",
                ),
                t!(
                    "Attribute-based (ABAC) repository permissions that do not cover this repository.",
                    "Des autorisations de dépôt par attributs (ABAC) qui ne couvrent pas ce dépôt.",
                ),
                t!(
                    "A stale sign-in.",
                    "Une connexion périmée.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Sign in again.",
                        "Reconnectez-vous.",
                    ),
                    "az login",
                ),
                fix!(
                    t!(
                        "Check your role assignments on the registry.",
                        "Vérifiez vos attributions de rôle sur le registre.",
                    ),
                    "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table",
                ),
                fix!(
                    t!(
                        "See whether the registry uses ABAC repository permissions.",
                        "Regardez si le registre utilise les autorisations de dépôt ABAC.",
                    ),
                    "az acr show -n {name} --query roleAssignmentMode",
                ),
                RERUN,
            ],
            caveats: &[
                t!(
                    "The permissions variant (\"You have … permissions to the repository\") exists from azure-cli 2.73.0 and is not in the documentation.",
                    "La variante sur les autorisations (« You have … permissions to the repository ») existe depuis azure-cli 2.73.0 et n’est pas documentée.",
                ),
            ],
        },
        Code::ConnectivitySsl => Text {
            summary: t!(
                "No secure connection to the registry: usually a proxy that inspects TLS.",
                "Pas de connexion sécurisée au registre : en général un proxy qui inspecte le TLS.",
            ),
            meaning: t!(
                "The TLS handshake with the login server failed when the CLI called /v2/. The CLI's Python does not trust the certificate it was shown, or the connection was cut.",
                "La négociation TLS avec le serveur de connexion a échoué lors de l’appel à /v2/. Le Python de la CLI ne fait pas confiance au certificat présenté, ou la connexion a été coupée.",
            ),
            causes: &[
                t!(
                    "A corporate proxy that re-signs TLS with its own certificate authority.",
                    "Un proxy d’entreprise qui re-signe le TLS avec sa propre autorité de certification.",
                ),
                t!(
                    "A missing or outdated CA bundle for the CLI's Python.",
                    "Un magasin de certificats absent ou périmé pour le Python de la CLI.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See which certificate this machine is shown.",
                        "Regardez quel certificat cette machine reçoit.",
                    ),
                    "curl -sv https://{server}/v2/ -o /dev/null",
                ),
                step!(t!(
                        "Point the CLI at your company's CA bundle: set REQUESTS_CA_BUNDLE to a file holding it.",
                        "Indiquez à la CLI le magasin de certificats de votre entreprise : définissez REQUESTS_CA_BUNDLE vers un fichier qui le contient.",
                    )),
                step!(t!(
                        "Set HTTPS_PROXY if your network requires a proxy (see \"Work behind a proxy\" in the Azure CLI documentation).",
                        "Définissez HTTPS_PROXY si votre réseau impose un proxy (voir « Travailler derrière un proxy » dans la documentation d’Azure CLI).",
                    )),
                RERUN,
            ],
            caveats: &[
            ],
        },
        Code::LoginServer => Text {
            summary: t!(
                "The CLI could not find the registry's login server.",
                "La CLI n’a pas trouvé le serveur de connexion du registre.",
            ),
            meaning: t!(
                "The CLI could not read the registry in Azure, and the cloud it is set to has no default registry suffix to build the name from.",
                "La CLI n’a pas pu lire le registre dans Azure, et le cloud configuré n’a pas de suffixe de registre par défaut pour construire le nom.",
            ),
            causes: &[
                t!(
                    "A misspelt or missing registry.",
                    "Un registre mal orthographié ou inexistant.",
                ),
                t!(
                    "No permission to read the registry in the current subscription.",
                    "Aucun droit de lecture sur le registre dans l’abonnement courant.",
                ),
                t!(
                    "The CLI is set to a cloud without a registry suffix, or is outdated.",
                    "La CLI est réglée sur un cloud sans suffixe de registre, ou elle est trop ancienne.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Check the registry and your subscription.",
                        "Vérifiez le registre et votre abonnement.",
                    ),
                    "az acr show -n {name} --query loginServer -o tsv",
                ),
                fix!(
                    t!(
                        "See which subscription is active.",
                        "Regardez quel abonnement est actif.",
                    ),
                    "az account show --query name -o tsv",
                ),
                fix!(
                    t!(
                        "Update the Azure CLI.",
                        "Mettez à jour Azure CLI.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: &[
            ],
        },
        Code::Cmk => Text {
            summary: t!(
                "The identity used for the registry's encryption key no longer exists.",
                "L’identité utilisée pour la clé de chiffrement du registre n’existe plus.",
            ),
            meaning: t!(
                "The registry is encrypted with a customer-managed key, read through a managed identity. The CLI found that this identity is gone, so the registry cannot reach its key.",
                "Le registre est chiffré avec une clé gérée par le client, lue via une identité managée. La CLI a constaté que cette identité a disparu : le registre ne peut plus atteindre sa clé.",
            ),
            causes: &[
                t!(
                    "The user-assigned identity was deleted, or the system identity was turned off.",
                    "L’identité affectée par l’utilisateur a été supprimée, ou l’identité système a été désactivée.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See which identity the encryption uses.",
                        "Affichez l’identité utilisée par le chiffrement.",
                    ),
                    "az acr encryption show --name {name}",
                ),
                fix!(
                    t!(
                        "Rotate the key with an identity that exists and can read the key vault.",
                        "Faites tourner la clé avec une identité existante qui peut lire le coffre de clés.",
                    ),
                    "az acr encryption rotate-key --name {name} --key-encryption-key <key-uri> --identity <identity-id>",
                ),
            ],
            caveats: &[
            ],
        },
        Code::ConnectivityWwwAuthenticate => Text {
            summary: t!(
                "The registry's challenge asked for neither Basic nor Bearer authentication.",
                "La demande d’authentification du registre n’est ni Basic ni Bearer.",
            ),
            meaning: t!(
                "Used when signing in with a user name and password: the /v2/ challenge did not ask properly for Basic or Bearer. The health check itself never prints it.",
                "Sert lors d’une connexion par nom d’utilisateur et mot de passe : la réponse de /v2/ ne demandait correctement ni Basic ni Bearer. Le contrôle d’intégrité lui-même ne l’affiche jamais.",
            ),
            causes: &[
                t!(
                    "Something other than the registry (a proxy) answered /v2/.",
                    "Autre chose que le registre (un proxy) a répondu à /v2/.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "See the challenge header.",
                        "Affichez l’en-tête de la demande.",
                    ),
                    "curl -si https://{server}/v2/",
                ),
            ],
            caveats: &[
                t!(
                    "Defined in the CLI but not in the documentation.",
                    "Défini dans la CLI mais absent de la documentation.",
                ),
            ],
        },
        Code::Unexpected => Text {
            summary: t!(
                "The CLI reported an unexpected error.",
                "La CLI a signalé une erreur inattendue.",
            ),
            meaning: t!(
                "A generic code the CLI defines but does not use in its registry commands. If you see it, the message that follows is all there is to go on.",
                "Un code générique que la CLI définit mais n’utilise pas dans ses commandes de registre. Si vous le voyez, le message qui suit est la seule piste.",
            ),
            causes: &[
                t!(
                    "An error the CLI did not classify.",
                    "Une erreur que la CLI n’a pas classée.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Run the command again with details.",
                        "Relancez la commande avec les détails.",
                    ),
                    "az acr check-health -n {name} --yes --debug",
                ),
                fix!(
                    t!(
                        "Update the Azure CLI.",
                        "Mettez à jour Azure CLI.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: &[
                t!(
                    "Defined in the CLI but not in the documentation.",
                    "Défini dans la CLI mais absent de la documentation.",
                ),
            ],
        },
        Code::AzLoginRequired => Text {
            summary: t!(
                "The Azure CLI is not signed in.",
                "Azure CLI n’est connectée à aucun compte.",
            ),
            meaning: t!(
                "No account is signed in to the Azure CLI in this environment, so no Entra token could be obtained and no registry check could start. This is not a registry problem. (This code is ours; the CLI prints only the message.)",
                "Aucun compte n’est connecté à Azure CLI dans cet environnement : aucun jeton Entra n’a pu être obtenu et aucune vérification du registre n’a pu commencer. Ce n’est pas un problème de registre. (Ce code est le nôtre ; la CLI n’affiche que le message.)",
            ),
            causes: &[
                t!(
                    "az login was never run in this shell, container or CI job.",
                    "az login n’a jamais été lancé dans ce shell, ce conteneur ou ce travail de CI.",
                ),
                t!(
                    "The CI step that signs in (azure/login, AzureCLI@2) ran in another job or user.",
                    "L’étape de CI qui se connecte (azure/login, AzureCLI@2) a tourné dans un autre travail ou sous un autre utilisateur.",
                ),
                t!(
                    "The sign-in expired or was cleared.",
                    "La connexion a expiré ou a été effacée.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Sign in.",
                        "Connectez-vous.",
                    ),
                    "az login",
                ),
                step!(t!(
                        "In CI, sign in first (for GitHub Actions the azure/login action) in the same job, then run az acr commands.",
                        "En CI, connectez-vous d’abord (pour GitHub Actions, l’action azure/login) dans le même travail, puis lancez les commandes az acr.",
                    )),
                fix!(
                    t!(
                        "Then log in to the registry.",
                        "Puis connectez-vous au registre.",
                    ),
                    "az acr login -n {name}",
                ),
            ],
            caveats: &[
            ],
        },
        Code::CliCrash => Text {
            summary: t!(
                "The Azure CLI itself crashed.",
                "Azure CLI elle-même a planté.",
            ),
            meaning: t!(
                "The command stopped with a Python exception instead of a code: a bug or an unexpected environment in the CLI, not a verdict about the registry. Checks printed as OK before the crash did pass. (This code is ours.)",
                "La commande s’est arrêtée sur une exception Python au lieu d’un code : un bogue ou un environnement imprévu dans la CLI, pas un verdict sur le registre. Les vérifications affichées OK avant le plantage ont bien réussi. (Ce code est le nôtre.)",
            ),
            causes: &[
                t!(
                    "A CLI bug (for example 2.85.0 crashed in the encryption check with 'NoneType' object has no attribute 'split'; fixed in 2.86.0).",
                    "Un bogue de la CLI (par exemple 2.85.0 plantait dans la vérification du chiffrement avec 'NoneType' object has no attribute 'split' ; corrigé en 2.86.0).",
                ),
                t!(
                    "Before 2.76.0, a registry that does not exist crashed the command.",
                    "Avant 2.76.0, un registre inexistant faisait planter la commande.",
                ),
                t!(
                    "Without --yes and without a terminal, the pull prompt cannot be answered.",
                    "Sans --yes et sans terminal, la question du pull ne peut pas recevoir de réponse.",
                ),
            ],
            fixes: &[
                fix!(
                    t!(
                        "Update the Azure CLI.",
                        "Mettez à jour Azure CLI.",
                    ),
                    "az upgrade",
                ),
                fix!(
                    t!(
                        "Run without prompts.",
                        "Lancez sans question interactive.",
                    ),
                    "az acr check-health -n {name} --yes",
                ),
                step!(t!(
                        "Search the exception text in the Azure CLI issues; report it with the traceback if it is new.",
                        "Cherchez le texte de l’exception dans les tickets d’Azure CLI ; signalez-le avec la trace s’il est nouveau.",
                    )),
            ],
            caveats: &[
            ],
        },
    }
}

/// Extra causes for a token error, by the HTTP status the registry answered.
pub fn status_causes(status: u16) -> &'static [T] {
    match status {
        401 => &[
            t!(
                "401: the registry does not accept this identity — no role on the registry, a stale sign-in, or another tenant. Run `az login` again and check the role assignments.",
                "401 : le registre n’accepte pas cette identité — aucun rôle sur le registre, une connexion périmée ou un autre locataire. Relancez `az login` et vérifiez les attributions de rôle.",
            ),
        ],
        403 => &[
            t!(
                "403: refused by the registry's network rules — public access disabled or a firewall rule. Signing in again will not help; check networkRuleSet and publicNetworkAccess.",
                "403 : refus par les règles réseau du registre — accès public désactivé ou règle de pare-feu. Se reconnecter n’y changera rien ; vérifiez networkRuleSet et publicNetworkAccess.",
            ),
        ],
        404 => &[
            t!(
                "404: the token endpoint was not found — the name may point to something other than an Azure registry.",
                "404 : le point de jetons est introuvable — le nom désigne peut-être autre chose qu’un registre Azure.",
            ),
        ],
        429 => &[
            t!(
                "429: throttling — too many token requests in a short time. This is not a permission problem: wait and retry, and sign in less often.",
                "429 : limitation de débit — trop de demandes de jetons en peu de temps. Ce n’est pas un problème d’autorisation : attendez, réessayez, et connectez-vous moins souvent.",
            ),
        ],
        500..=599 => &[
            t!(
                "5xx: an error on the service side. Retry later and check Azure status; open a support request if it lasts.",
                "5xx : une erreur côté service. Réessayez plus tard et consultez l’état d’Azure ; ouvrez une demande de support si cela dure.",
            ),
        ],
        _ => &[],
    }
}
