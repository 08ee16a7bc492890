//! What every code means, in English and French side by side: a missing translation does not
//! compile, and each command is written once (commands are the same in every language; they may
//! hold `{name}` and `{server}`, filled in by `values::fill`).

use super::{Code, Text, TextFix};
use crate::text::{t, T};

/// What a code means beyond its fixes: its meaning, causes and caveats. In the page (wasm) they
/// are left out: the page reads them from a data file when a card or the reference shows them
/// ([`crate::about`]), so the first load carries what the first verdict needs.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! more {
    ([$($t:expr),* $(,)?]) => {
        &[$($t),*]
    };
    ($t:expr) => {
        $t
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! more {
    ([$($t:expr),* $(,)?]) => {
        &[]
    };
    ($t:expr) => {
        T { en: "", fr: "" }
    };
}

/// A fix that asks what the DNS line shows: a paste whose DNS line was read already does not get
/// it (its case says what the address is).
pub const IF_PRIVATE_DNS: TextFix = TextFix {
    text: t!(
        "If the DNS line shows a private IP (10.x, 172.16–31.x, 192.168.x), run from inside that network or fix the private DNS zone.",
        "Si la ligne DNS montre une IP privée (10.x, 172.16–31.x, 192.168.x), lancez la commande depuis ce réseau ou corrigez la zone DNS privée.",
    ),
    command: None,
};

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

// The roles that count depend on the registry's role-assignment mode: in
// `AbacRepositoryPermissions` mode AcrPull, AcrPush and AcrDelete are not honoured, Owner,
// Contributor and Reader reach the registry's settings only, and the image roles are the
// Container Registry Repository Reader / Writer / Contributor. Source:
// https://learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions
const ROLE_MODE: TextFix = fix!(
    t!(
        "First see the registry's role-assignment mode: LegacyRegistryPermissions (AcrPull, AcrPush count) or AbacRepositoryPermissions (only the Container Registry Repository roles reach images).",
        "Regardez d’abord le mode d’attribution des rôles du registre : LegacyRegistryPermissions (AcrPull, AcrPush comptent) ou AbacRepositoryPermissions (seuls les rôles Container Registry Repository donnent accès aux images).",
    ),
    "az acr show -n {name} --query roleAssignmentMode -o tsv",
);

// Without --include-inherited and --include-groups, the list holds only assignments made at
// exactly the registry's scope. Source: https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-list
const ROLES_HELD: TextFix = fix!(
    t!(
        "See the identity's roles on the registry, inherited and through groups included (<assignee>: a sign-in name or an object ID).",
        "Voyez les rôles de l’identité sur le registre, hérités et par groupes compris (<assignee> : un nom de connexion ou un ID d’objet).",
    ),
    "az role assignment list --assignee <assignee> --scope $(az acr show -n {name} --query id -o tsv) --include-inherited --include-groups -o table",
);

const GRANT_LEGACY: TextFix = fix!(
    t!(
        "If the mode is LegacyRegistryPermissions: give AcrPull to pull (AcrPush to push). Assigning a role needs Owner or Role Based Access Control Administrator on the registry.",
        "Si le mode est LegacyRegistryPermissions : donnez AcrPull pour tirer (AcrPush pour envoyer). Attribuer un rôle demande Propriétaire ou Administrateur du contrôle d’accès en fonction du rôle sur le registre.",
    ),
    "az role assignment create --assignee <assignee> --role AcrPull --scope $(az acr show -n {name} --query id -o tsv)",
);

const GRANT_ABAC: TextFix = fix!(
    t!(
        "If the mode is AbacRepositoryPermissions: give Container Registry Repository Reader to pull (Writer to push, Contributor to delete too); AcrPull and AcrPush do nothing there. Without a condition the role covers every repository.",
        "Si le mode est AbacRepositoryPermissions : donnez Container Registry Repository Reader pour tirer (Writer pour envoyer, Contributor pour aussi supprimer) ; AcrPull et AcrPush n’y font rien. Sans condition, le rôle couvre tous les dépôts.",
    ),
    "az role assignment create --assignee <assignee> --role \"Container Registry Repository Reader\" --scope $(az acr show -n {name} --query id -o tsv)",
);

// A new role assignment can take up to about ten minutes to reach the registry's token server.
// Source: https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-login
// Quoted in causes or caveats only, which the page reads from data.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
const ROLE_DELAY: T = t!(
    "A role given in the last few minutes may not count yet: the registry's token server can take about ten minutes to see it. Sign out (`az logout`), wait, then sign in again.",
    "Un rôle donné il y a quelques minutes peut ne pas encore compter : le serveur de jetons du registre peut mettre une dizaine de minutes à le voir. Déconnectez-vous (`az logout`), attendez, puis reconnectez-vous.",
);

// The kubelet's identity: AKS's ACR integration (--attach-acr) assigns AcrPull, which an
// ABAC-mode registry does not honour; there the role is assigned by hand. Sources:
// https://learn.microsoft.com/azure/aks/cluster-container-registry-integration and
// MicrosoftDocs/SupportArticles-docs support/azure/azure-kubernetes/connectivity/cannot-pull-image-from-acr-to-aks-cluster.md
const KUBELET_CHECK: TextFix = fix!(
    t!(
        "Check the cluster's pull access from inside it: the identity, the token exchange and the network from a node.",
        "Vérifiez l’accès de pull du cluster depuis le cluster : l’identité, l’échange de jetons et le réseau depuis un nœud.",
    ),
    "az aks check-acr -g <resource-group> -n <cluster-name> --acr {server}",
);

const KUBELET_ATTACH: TextFix = fix!(
    t!(
        "If the mode is LegacyRegistryPermissions: attach the registry, which gives the kubelet identity AcrPull (you need Owner or Role Based Access Control Administrator on the registry).",
        "Si le mode est LegacyRegistryPermissions : attachez le registre, ce qui donne AcrPull à l’identité du kubelet (il faut Propriétaire ou Administrateur du contrôle d’accès en fonction du rôle sur le registre).",
    ),
    "az aks update -g <resource-group> -n <cluster-name> --attach-acr {name}",
);

const KUBELET_ABAC: TextFix = fix!(
    t!(
        "If the mode is AbacRepositoryPermissions: --attach-acr gives AcrPull, not honoured there; give the kubelet identity Container Registry Repository Reader.",
        "Si le mode est AbacRepositoryPermissions : --attach-acr donne AcrPull, ignoré dans ce mode ; donnez Container Registry Repository Reader à l’identité du kubelet.",
    ),
    "az role assignment create --assignee-object-id $(az aks show -g <resource-group> -n <cluster-name> --query identityProfile.kubeletidentity.objectId -o tsv) --assignee-principal-type ServicePrincipal --role \"Container Registry Repository Reader\" --scope $(az acr show -n {name} --query id -o tsv)",
);

const KUBELET_RECONCILE: TextFix = fix!(
    t!(
        "If the kubelet identity was removed from the node pool's scale set (by hand or by a script), an update with no option puts it back.",
        "Si l’identité du kubelet a été retirée du groupe identique du pool de nœuds (à la main ou par un script), une mise à jour sans option la remet en place.",
    ),
    "az aks update -g <resource-group> -n <cluster-name>",
);

// Network rules. Sources:
// https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks
// https://learn.microsoft.com/azure/container-registry/allow-access-trusted-services
const NETWORK_SETTINGS: TextFix = fix!(
    t!(
        "First see the registry's tier, public access and rules: IP rules exist only on Premium (100 at most), and with public access Disabled no IP rule lets anyone in (only private endpoints do).",
        "Regardez d’abord le niveau, l’accès public et les règles du registre : les règles IP n’existent qu’en Premium (100 au plus), et avec l’accès public Disabled aucune règle IP ne fait entrer qui que ce soit (seuls les points de terminaison privés).",
    ),
    "az acr show -n {name} --query \"{sku:sku.name, public:publicNetworkAccess, default:networkRuleSet.defaultAction, rules:networkRuleSet.ipRules, trusted:networkRuleBypassOptions}\"",
);

const NETWORK_SELECTED: TextFix = fix!(
    t!(
        "If public access is Disabled and you want an IP rule to count, switch to selected networks (the default action stays Deny: only the listed addresses get in).",
        "Si l’accès public est Disabled et qu’une règle IP doit compter, passez aux réseaux sélectionnés (l’action par défaut reste Deny : seules les adresses listées entrent).",
    ),
    "az acr update -n {name} --public-network-enabled true --default-action Deny",
);

const NETWORK_TRUSTED: TextFix = fix!(
    t!(
        "If the caller is an Azure service (ACR Tasks, Microsoft Defender, Container Instances, App Service), an IP rule will not match its addresses: allow trusted services instead.",
        "Si l’appelant est un service Azure (ACR Tasks, Microsoft Defender, Container Instances, App Service), une règle IP ne couvrira pas ses adresses : autorisez plutôt les services approuvés.",
    ),
    "az acr update -n {name} --allow-trusted-services true",
);

// Quoted in causes or caveats only, which the page reads from data.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
const NETWORK_CAVEAT: T = t!(
    "A new rule takes a few minutes to apply. Microsoft-hosted build agents and AKS's default egress have no fixed address: use a private endpoint or a fixed egress (NAT gateway, self-hosted agents).",
    "Une nouvelle règle met quelques minutes à s’appliquer. Les agents de build hébergés par Microsoft et la sortie par défaut d’AKS n’ont pas d’adresse fixe : utilisez un point de terminaison privé ou une sortie fixe (passerelle NAT, agents auto-hébergés).",
);

// Docker Content Trust is being retired on ACR; Notation (Notary Project) signs instead.
// Source: https://learn.microsoft.com/azure/container-registry/container-registry-content-trust
const DCT_RETIRED: TextFix = fix!(
    t!(
        "If you do: Docker Content Trust is being retired on Azure Container Registry, so do not install Notary for it; move signing to Notation, and once nothing relies on the old signatures turn content trust off on the registry.",
        "Sinon : Docker Content Trust est en cours de retrait sur Azure Container Registry, n’installez donc pas Notary pour lui ; passez la signature à Notation et, quand plus rien ne dépend des anciennes signatures, désactivez l’approbation de contenu sur le registre.",
    ),
    "az acr config content-trust update -r {name} --status disabled",
);

pub fn text(code: Code) -> Text {
    match code {
        Code::DockerCommand => Text {
            summary: t!(
                "The Azure CLI could not use Docker on this machine.",
                "Azure CLI n’a pas pu utiliser Docker sur cette machine.",
            ),
            meaning: more!(t!(
                "Before anything else the CLI runs `docker ps`. If no docker binary is found, or if that command writes anything at all to its error output, the CLI reports this code and skips the other Docker checks. When Docker printed something, the CLI shows Docker's words instead of its own: they are the real cause.",
                "Avant toute chose, la CLI lance `docker ps`. Si aucun exécutable docker n’est trouvé, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et saute les autres vérifications Docker. Quand Docker a écrit un message, la CLI l’affiche à la place du sien : c’est la vraie cause.",
            )),
            causes: more!([
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
            ]),
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
                // Source: https://docs.docker.com/engine/security/#docker-daemon-attack-surface
                fix!(
                    t!(
                        "On Linux, if the socket refused you, add your user to the docker group, then sign out and in again. Know what it gives: a member of the docker group can become root on this machine. Rootless Docker avoids that.",
                        "Sous Linux, si le socket vous a refusé, ajoutez votre utilisateur au groupe docker, puis reconnectez-vous. Sachez ce que cela donne : un membre du groupe docker peut devenir root sur cette machine. Docker sans root (rootless) l’évite.",
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
            caveats: more!([
                t!(
                    "A stopped daemon shows up as DOCKER_COMMAND_ERROR with Docker's own message: the documentation does not say so.",
                    "Un démon arrêté donne DOCKER_COMMAND_ERROR avec le message de Docker : la documentation ne le dit pas.",
                ),
            ]),
        },
        Code::DockerDaemon => Text {
            summary: t!(
                "Docker is installed but its daemon did not answer.",
                "Docker est installé mais son démon ne répond pas.",
            ),
            meaning: more!(t!(
                "The CLI found the docker binary but could not reach the Docker daemon, so docker login and docker pull cannot work from this machine. The CLI then skips the pull check.",
                "La CLI a trouvé l’exécutable docker mais n’a pas pu joindre le démon Docker : docker login et docker pull ne peuvent pas fonctionner depuis cette machine. La CLI saute alors la vérification du pull.",
            )),
            causes: more!([
                t!(
                    "The Docker daemon or Docker Desktop is stopped or still starting.",
                    "Le démon Docker ou Docker Desktop est arrêté ou encore en cours de démarrage.",
                ),
                t!(
                    "The daemon is broken or was installed incompletely.",
                    "Le démon est défaillant ou mal installé.",
                ),
            ]),
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
            caveats: more!([
                t!(
                    "In the CLI's code this code is almost never raised: a stopped daemon usually appears as DOCKER_COMMAND_ERROR instead.",
                    "Dans le code de la CLI ce code n’est presque jamais émis : un démon arrêté apparaît plutôt comme DOCKER_COMMAND_ERROR.",
                ),
            ]),
        },
        Code::DockerVersion => Text {
            summary: t!(
                "The CLI could not read the Docker version.",
                "La CLI n’a pas pu lire la version de Docker.",
            ),
            meaning: more!(t!(
                "The CLI ran a docker version command and it failed. Up to azure-cli 2.5.0 that was `docker --version`; from 2.5.1 it is `docker version --format …`, which asks the daemon, so a stopped daemon can also cause this; from 2.86.0 it is `docker version --format json`.",
                "La CLI a lancé une commande de version Docker qui a échoué. Jusqu’à azure-cli 2.5.0 c’était `docker --version` ; à partir de 2.5.1 c’est `docker version --format …`, qui interroge le démon (un démon arrêté peut donc en être la cause) ; depuis 2.86.0 c’est `docker version --format json`.",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
                t!(
                    "The documentation names `docker --version`; the CLI has used `docker version --format …` since 2.5.1.",
                    "La documentation cite `docker --version` ; la CLI utilise `docker version --format …` depuis 2.5.1.",
                ),
            ]),
        },
        Code::DockerPull => Text {
            summary: t!(
                "Docker could not pull Microsoft's small test image.",
                "Docker n’a pas pu télécharger la petite image de test de Microsoft.",
            ),
            meaning: more!(t!(
                "After you agree (or with --yes) the CLI runs `docker pull mcr.microsoft.com/mcr/hello-world:latest`. This error means that pull failed from this machine; it says nothing yet about your own registry.",
                "Après votre accord (ou avec --yes), la CLI lance `docker pull mcr.microsoft.com/mcr/hello-world:latest`. Cette erreur signifie que ce pull a échoué depuis cette machine ; elle ne dit encore rien de votre propre registre.",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
                t!(
                    "False positives were fixed in azure-cli 2.5.1 (Windows containers) and 2.55.0 (any stderr).",
                    "Des faux positifs ont été corrigés dans azure-cli 2.5.1 (conteneurs Windows) et 2.55.0 (toute sortie d’erreur).",
                ),
            ]),
        },
        Code::HelmCommand => Text {
            summary: t!(
                "The CLI could not use Helm.",
                "La CLI n’a pas pu utiliser Helm.",
            ),
            meaning: more!(t!(
                "The CLI runs `helm --help`. If Helm is missing, or if that command writes anything to its error output, the CLI reports this code and appends what Helm printed. Helm's own warnings are enough to trigger it.",
                "La CLI lance `helm --help`. Si Helm est absent, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et y ajoute ce que Helm a écrit. De simples avertissements de Helm suffisent à le déclencher.",
            )),
            causes: more!([
                t!(
                    "Helm is not installed or not on the PATH.",
                    "Helm n’est pas installé ou pas dans le PATH.",
                ),
                t!(
                    "Helm works but printed warnings (for example about deprecated chart repositories): the CLI treats any warning as a failure.",
                    "Helm fonctionne mais a affiché des avertissements (par exemple sur des dépôts de charts obsolètes) : la CLI traite tout avertissement comme un échec.",
                ),
            ]),
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
            caveats: more!([
                t!(
                    "Helm warnings alone produce this code (a false positive).",
                    "Des avertissements de Helm suffisent à produire ce code (faux positif).",
                ),
            ]),
        },
        Code::HelmVersion => Text {
            summary: t!(
                "The CLI could not read the Helm version, or found a Helm older than 2.11.0.",
                "La CLI n’a pas pu lire la version de Helm, ou a trouvé un Helm antérieur à 2.11.0.",
            ),
            meaning: more!(t!(
                "The CLI runs `helm version --client` and reads the version. This code means the command failed, or the version is older than 2.11.0, the oldest the CLI recommends.",
                "La CLI lance `helm version --client` et lit la version. Ce code signifie que la commande a échoué, ou que la version est antérieure à 2.11.0, la plus ancienne que la CLI recommande.",
            )),
            causes: more!([
                t!(
                    "An old Helm (before 2.11.0).",
                    "Un Helm ancien (avant 2.11.0).",
                ),
                t!(
                    "An old Azure CLI that does not understand the output of a newer Helm (Helm 3 is read from 2.0.79).",
                    "Une Azure CLI ancienne qui ne comprend pas la sortie d’un Helm récent (Helm 3 est lu depuis 2.0.79).",
                ),
            ]),
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
            caveats: more!([
            ]),
        },
        Code::NotaryCommand => Text {
            summary: t!(
                "The CLI could not find Notary.",
                "La CLI n’a pas trouvé Notary.",
            ),
            meaning: more!(t!(
                "From azure-cli 2.0.81 to 2.86.0 the health check also looks for the Notary client (`notary --help`). This code means it is missing or printed to its error output. Notary is only needed for Docker Content Trust, which is being retired on ACR.",
                "Des versions 2.0.81 à 2.86.0 d’azure-cli, le contrôle cherche aussi le client Notary (`notary --help`). Ce code signifie qu’il est absent ou qu’il a écrit sur sa sortie d’erreur. Notary ne sert qu’à Docker Content Trust, en cours de retrait sur ACR.",
            )),
            causes: more!([
                t!(
                    "Notary is not installed: that is normal on most machines.",
                    "Notary n’est pas installé : c’est le cas normal sur la plupart des machines.",
                ),
                t!(
                    "Notary printed something on its error output.",
                    "Notary a écrit sur sa sortie d’erreur.",
                ),
            ]),
            fixes: &[
                step!(t!(
                        "If you do not sign images with Docker Content Trust, ignore this code: your registry access is not affected.",
                        "Si vous ne signez pas d’images avec Docker Content Trust, ignorez ce code : l’accès à votre registre n’est pas en cause.",
                    )),
 DCT_RETIRED,
                fix!(
                    t!(
                        "Or update the Azure CLI: from 2.87.0 the Notary check is gone.",
                        "Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: more!([
                t!(
                    "Not in older documentation; removed from the CLI in 2.87.0.",
                    "Absent de l’ancienne documentation ; retiré de la CLI en 2.87.0.",
                ),
            ]),
        },
        Code::NotaryVersion => Text {
            summary: t!(
                "Notary is installed but not at the version the CLI wants.",
                "Notary est installé, mais pas dans la version attendue par la CLI.",
            ),
            meaning: more!(t!(
                "The CLI (2.0.81 to 2.86.0) runs `notary version` and requires exactly 0.6.0. Any other version, newer or older, gives this code, as does a failure to run the command.",
                "La CLI (2.0.81 à 2.86.0) lance `notary version` et exige exactement la 0.6.0. Toute autre version, plus récente ou plus ancienne, donne ce code, tout comme un échec de la commande.",
            )),
            causes: more!([
                t!(
                    "A Notary other than 0.6.0 (often newer, bundled with Docker).",
                    "Un Notary autre que 0.6.0 (souvent plus récent, livré avec Docker).",
                ),
                t!(
                    "The notary command failed.",
                    "La commande notary a échoué.",
                ),
            ]),
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
 DCT_RETIRED,
                fix!(
                    t!(
                        "Or update the Azure CLI: from 2.87.0 the Notary check is gone.",
                        "Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.",
                    ),
                    "az upgrade",
                ),
            ],
            caveats: more!([
                t!(
                    "The documentation advises a version earlier than 0.6.0; the CLI's code demands exactly 0.6.0.",
                    "La documentation conseille une version antérieure à 0.6.0 ; le code de la CLI exige exactement 0.6.0.",
                ),
            ]),
        },
        Code::ConnectivityDns => Text {
            summary: t!(
                "The registry's name did not resolve from this machine.",
                "Le nom du registre ne se résout pas depuis cette machine.",
            ),
            meaning: more!(t!(
                "The CLI looks up the login server's address. This code means the lookup failed, so nothing else about the registry could be checked.",
                "La CLI cherche l’adresse du serveur de connexion. Ce code signifie que la résolution a échoué : rien d’autre sur le registre n’a pu être vérifié.",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
            ]),
        },
        Code::ConnectivityForbidden => Text {
            summary: t!(
                "The registry refused this machine (HTTP 403): usually its network rules, sometimes its encryption identity.",
                "Le registre a refusé cette machine (HTTP 403) : en général ses règles réseau, parfois l’identité de son chiffrement.",
            ),
            meaning: more!(t!(
                "The registry's /v2/ endpoint answered 403 Forbidden: it is reachable but does not let this address in (its firewall allows other addresses, or public access is off).",
                "Le point de terminaison /v2/ du registre a répondu 403 Forbidden : il est joignable mais n’admet pas cette adresse (son pare-feu autorise d’autres adresses, ou l’accès public est coupé).",
            )),
            causes: more!([
                t!(
                    "The registry accepts selected networks only (a Premium feature), and the address it saw is not among them.",
                    "Le registre n’accepte que des réseaux sélectionnés (une fonction Premium), et l’adresse qu’il a vue n’en fait pas partie.",
                ),
                t!(
                    "Public network access is Disabled: only private endpoints get in, whatever the IP rules say.",
                    "L’accès réseau public est Disabled : seuls les points de terminaison privés entrent, quelles que soient les règles IP.",
                ),
                t!(
                    "Your traffic leaves through a proxy, NAT or build agent whose address is not allowed, or this machine should use a private endpoint but resolved the public address.",
                    "Votre trafic sort par un proxy, un NAT ou un agent de build dont l’adresse n’est pas autorisée, ou cette machine devrait passer par un point de terminaison privé mais a résolu l’adresse publique.",
                ),
                // Source: https://learn.microsoft.com/azure/container-registry/tutorial-troubleshoot-customer-managed-keys
                t!(
                    "With \"identity associated with the registry is inactive\": the managed identity that reads the registry's encryption key was deleted or disabled (see CMK_ERROR).",
                    "Avec « identity associated with the registry is inactive » : l’identité managée qui lit la clé de chiffrement du registre a été supprimée ou désactivée (voir CMK_ERROR).",
                ),
            ]),
            fixes: &[
                NETWORK_SETTINGS,
                fix!(
                    t!(
                        "If the tier is Premium and public access is Enabled, allow your public address (the one the registry saw; ask your network team which one).",
                        "Si le niveau est Premium et l’accès public Enabled, autorisez votre adresse publique (celle que le registre a vue ; demandez-la à votre équipe réseau).",
                    ),
                    "az acr network-rule add -n {name} --ip-address <your-public-ip>",
                ),
                NETWORK_SELECTED,
                NETWORK_TRUSTED,
                fix!(
                    t!(
                        "If the registry has private endpoints, see what the name resolves to here: a public address means this network does not use them (a private DNS zone missing or not linked).",
                        "Si le registre a des points de terminaison privés, voyez ce que le nom donne ici : une adresse publique signifie que ce réseau ne les utilise pas (zone DNS privée absente ou non liée).",
                    ),
                    "nslookup {server}",
                ),
            ],
            caveats: more!([NETWORK_CAVEAT]),
        },
        Code::ConnectivityChallenge => Text {
            summary: t!(
                "The registry's /v2/ endpoint did not answer with a sign-in challenge.",
                "Le point de terminaison /v2/ du registre n’a pas répondu par une demande d’authentification.",
            ),
            meaning: more!(t!(
                "The CLI calls https://<login server>/v2/ and expects 401 with a WWW-Authenticate header. This code means the call failed (refused, timed out, a proxy error) or got another answer (200, 404, a proxy's page).",
                "La CLI appelle https://<serveur de connexion>/v2/ et attend un 401 avec un en-tête WWW-Authenticate. Ce code signifie que l’appel a échoué (refusé, délai dépassé, erreur de proxy) ou a reçu une autre réponse (200, 404, page d’un proxy).",
            )),
            causes: more!([
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
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See what /v2/ really answers from here: a healthy registry says 401 with `WWW-Authenticate: Bearer realm=…`.",
                        "Regardez ce que /v2/ répond vraiment d’ici : un registre sain dit 401 avec `WWW-Authenticate: Bearer realm=…`.",
                    ),
                    "curl -si https://{server}/v2/",
                ),
                IF_PRIVATE_DNS,
                step!(t!(
                        "Behind a proxy, set HTTPS_PROXY for az and make sure the proxy lets *.azurecr.io through.",
                        "Derrière un proxy, définissez HTTPS_PROXY pour az et vérifiez que le proxy laisse passer *.azurecr.io.",
                    )),
                step!(t!(
                        "If nothing local explains it, retry later and check Azure status; then open an issue at https://aka.ms/acr/issues.",
                        "Si rien de local ne l’explique, réessayez plus tard et consultez l’état d’Azure, puis ouvrez un ticket sur https://aka.ms/acr/issues.",
                    )),
            ],
            caveats: more!([
                t!(
                    "The documentation only says to retry later; the causes above are what maintainers asked about in real cases.",
                    "La documentation dit seulement de réessayer plus tard ; les causes ci-dessus sont celles que les mainteneurs ont examinées dans des cas réels.",
                ),
            ]),
        },
        Code::ConnectivityAadLogin => Text {
            summary: t!(
                "The registry challenged, but not for Microsoft Entra sign-in.",
                "Le registre demande une authentification, mais pas via Microsoft Entra.",
            ),
            meaning: more!(t!(
                "The /v2/ endpoint answered 401, but its WWW-Authenticate header is not `Bearer realm=…,service=…`. An Azure registry always asks for Bearer; something else answered.",
                "Le point /v2/ a répondu 401, mais son en-tête WWW-Authenticate n’est pas `Bearer realm=…,service=…`. Un registre Azure demande toujours Bearer : quelque chose d’autre a répondu.",
            )),
            causes: more!([
                t!(
                    "A proxy or another server answers in the registry's place (Basic authentication challenge).",
                    "Un proxy ou un autre serveur répond à la place du registre (demande d’authentification Basic).",
                ),
                t!(
                    "The name points to a registry that is not an Azure registry.",
                    "Le nom désigne un registre qui n’est pas un registre Azure.",
                ),
            ]),
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
                        "Try the admin user or a token instead of Entra sign-in, if enabled. Read the password first without it showing or staying in your history (bash: `read -rs ACR_PASSWORD`), then give it on standard input.",
                        "Essayez l’utilisateur administrateur ou un jeton plutôt qu’Entra, s’ils sont activés. Lisez d’abord le mot de passe sans qu’il s’affiche ni reste dans l’historique (bash : `read -rs ACR_PASSWORD`), puis donnez-le sur l’entrée standard.",
                    ),
                    "printf '%s' \"$ACR_PASSWORD\" | docker login {server} --username <user> --password-stdin",
                ),
                step!(t!(
                        "If the registry is Azure's and still does this, open an issue at https://aka.ms/acr/issues.",
                        "Si le registre est bien celui d’Azure et le problème persiste, ouvrez un ticket sur https://aka.ms/acr/issues.",
                    )),
            ],
            caveats: more!([
            ]),
        },
        Code::ConnectivityRefreshToken => Text {
            summary: t!(
                "The registry refused to exchange your Entra token for a registry token.",
                "Le registre a refusé d’échanger votre jeton Entra contre un jeton de registre.",
            ),
            meaning: more!(t!(
                "The CLI sends your Microsoft Entra token to the registry's /oauth2/exchange and expects a registry refresh token. The registry answered with another status; the status tells why.",
                "La CLI envoie votre jeton Microsoft Entra au point /oauth2/exchange du registre et attend un jeton d’actualisation. Le registre a répondu avec un autre statut ; ce statut dit pourquoi.",
            )),
            causes: more!([
                t!(
                    "Your identity has no role that reaches images on the registry: which roles count depends on the registry's role-assignment mode.",
                    "Votre identité n’a aucun rôle qui donne accès aux images du registre : les rôles pris en compte dépendent du mode d’attribution des rôles du registre.",
                ),
                // Source: https://learn.microsoft.com/azure/container-registry/container-registry-disable-authentication-as-arm
                t!(
                    "The registry refuses Entra tokens made for Azure Resource Manager (its authentication-as-arm policy is disabled, often by a built-in Azure Policy): az must ask for a token for the registry's own audience.",
                    "Le registre refuse les jetons Entra faits pour Azure Resource Manager (sa stratégie authentication-as-arm est désactivée, souvent par une Azure Policy intégrée) : az doit demander un jeton pour l’audience propre au registre.",
                ),
                t!(
                    "The Azure CLI's sign-in is stale or belongs to another tenant, or the role was given minutes ago and does not count yet.",
                    "La connexion d’Azure CLI est périmée ou appartient à un autre locataire, ou le rôle a été donné il y a quelques minutes et ne compte pas encore.",
                ),
                t!(
                    "Network rules: with public access disabled, the token exchange answers 403.",
                    "Règles réseau : quand l’accès public est désactivé, l’échange de jeton répond 403.",
                ),
            ]),
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
                        "See whether the registry accepts ARM-audience tokens; if it says disabled, sign in for the registry's audience instead.",
                        "Regardez si le registre accepte les jetons d’audience ARM ; s’il répond disabled, connectez-vous plutôt pour l’audience du registre.",
                    ),
                    "az acr config authentication-as-arm show -r {name}",
                ),
                fix!(
                    t!(
                        "Sign in with a token for the registry's own audience, then log in to the registry again.",
                        "Connectez-vous avec un jeton pour l’audience propre au registre, puis reconnectez-vous au registre.",
                    ),
                    "az login --scope https://containerregistry.azure.net/.default",
                ),
                ROLE_MODE,
                ROLES_HELD,
                GRANT_LEGACY,
                GRANT_ABAC,
                fix!(
                    t!(
                        "See the network rules: a 403 is their refusal.",
                        "Voyez les règles réseau : un 403 est leur refus.",
                    ),
                    "az acr show -n {name} --query \"{public:publicNetworkAccess, rules:networkRuleSet}\"",
                ),
                RERUN,
            ],
            caveats: more!([
                ROLE_DELAY,
                t!(
                    "Before azure-cli 2.46.0, throttling was reported here with Response code: 429; the advice to run az login does not apply then.",
                    "Avant azure-cli 2.46.0, la limitation de débit apparaissait ici avec Response code: 429 ; le conseil de relancer az login ne s’applique pas alors.",
                ),
            ]),
        },
        Code::ConnectivityTooManyRequests => Text {
            summary: t!(
                "Too many sign-ins in a short time: the registry is throttling you (HTTP 429).",
                "Trop de connexions en peu de temps : le registre vous limite (HTTP 429).",
            ),
            meaning: more!(t!(
                "The token exchange answered 429. The registry limits how often tokens are requested; your identity or address went over it. Nothing is wrong with your permissions.",
                "L’échange de jeton a répondu 429. Le registre limite la fréquence des demandes de jetons, et votre identité ou votre adresse a dépassé ce seuil. Vos autorisations ne sont pas en cause.",
            )),
            causes: more!([
                t!(
                    "Many parallel jobs or a loop signing in to the registry.",
                    "De nombreux travaux en parallèle, ou une boucle qui se connecte au registre.",
                ),
                t!(
                    "A pipeline that runs az acr login for every step.",
                    "Un pipeline qui lance az acr login à chaque étape.",
                ),
            ]),
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
            caveats: more!([
                t!(
                    "This code exists from azure-cli 2.46.0; older versions printed CONNECTIVITY_REFRESH_TOKEN_ERROR with 429.",
                    "Ce code existe depuis azure-cli 2.46.0 ; les versions précédentes affichaient CONNECTIVITY_REFRESH_TOKEN_ERROR avec 429.",
                ),
            ]),
        },
        Code::ConnectivityAccessToken => Text {
            summary: t!(
                "The registry refused to give an access token for the requested scope.",
                "Le registre a refusé de délivrer un jeton d’accès pour la portée demandée.",
            ),
            meaning: more!(t!(
                "With the refresh token, the CLI asks /oauth2/token for an access token. This code means that step failed (the status says why), or, with --repository, that the token lacks some of the permissions the CLI asked for on that repository.",
                "Avec le jeton d’actualisation, la CLI demande un jeton d’accès à /oauth2/token. Ce code signifie que cette étape a échoué (le statut dit pourquoi) ou, avec --repository, qu’il manque au jeton certaines des autorisations que la CLI a demandées sur ce dépôt.",
            )),
            causes: more!([
                // Source: Azure/azure-cli src/azure-cli/azure/cli/command_modules/acr/check_health.py
                // (the scope it asks with --repository).
                t!(
                    "With --repository the CLI asks for pull, push, delete and metadata read and write, and reports any of them missing: someone whose pushes work but who may not delete is told they lack access. If only delete is missing, pulls and pushes are fine.",
                    "Avec --repository, la CLI demande pull, push, suppression et lecture et écriture des métadonnées, et signale chacune qui manque : quelqu’un dont les envois marchent mais qui ne peut pas supprimer s’entend dire qu’il n’a pas accès. S’il ne manque que la suppression, pulls et envois vont bien.",
                ),
                t!(
                    "Your role does not grant the actions (AcrPull alone when a push is checked), or the registry is in ABAC mode, where AcrPull and AcrPush are not honoured and a Repository role with a condition may not cover this repository.",
                    "Votre rôle n’accorde pas les actions (AcrPull seul alors qu’un envoi est vérifié), ou le registre est en mode ABAC, où AcrPull et AcrPush sont ignorés et un rôle Repository avec condition peut ne pas couvrir ce dépôt.",
                ),
                t!(
                    "A stale sign-in, or a role given minutes ago.",
                    "Une connexion périmée, ou un rôle donné il y a quelques minutes.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Sign in again.",
                        "Reconnectez-vous.",
                    ),
                    "az login",
                ),
                ROLE_MODE,
                ROLES_HELD,
                GRANT_LEGACY,
                GRANT_ABAC,
                RERUN,
            ],
            caveats: more!([
                ROLE_DELAY,
                t!(
                    "The permissions variant (\"You have … permissions to the repository\") exists from azure-cli 2.73.0 and is not in the documentation.",
                    "La variante sur les autorisations (« You have … permissions to the repository ») existe depuis azure-cli 2.73.0 et n’est pas documentée.",
                ),
            ]),
        },
        Code::ConnectivitySsl => Text {
            summary: t!(
                "No secure connection to the registry: usually a proxy that inspects TLS.",
                "Pas de connexion sécurisée au registre : en général un proxy qui inspecte le TLS.",
            ),
            meaning: more!(t!(
                "The TLS handshake with the login server failed when the CLI called /v2/. The CLI's Python does not trust the certificate it was shown, or the connection was cut.",
                "La négociation TLS avec le serveur de connexion a échoué lors de l’appel à /v2/. Le Python de la CLI ne fait pas confiance au certificat présenté, ou la connexion a été coupée.",
            )),
            causes: more!([
                t!(
                    "A corporate proxy that re-signs TLS with its own certificate authority.",
                    "Un proxy d’entreprise qui re-signe le TLS avec sa propre autorité de certification.",
                ),
                t!(
                    "A missing or outdated CA bundle for the CLI's Python.",
                    "Un magasin de certificats absent ou périmé pour le Python de la CLI.",
                ),
            ]),
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
            caveats: more!([
            ]),
        },
        Code::LoginServer => Text {
            summary: t!(
                "The CLI could not find the registry's login server.",
                "La CLI n’a pas trouvé le serveur de connexion du registre.",
            ),
            meaning: more!(t!(
                "The CLI could not read the registry in Azure, and the cloud it is set to has no default registry suffix to build the name from.",
                "La CLI n’a pas pu lire le registre dans Azure, et le cloud configuré n’a pas de suffixe de registre par défaut pour construire le nom.",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
            ]),
        },
        Code::Cmk => Text {
            summary: t!(
                "The identity used for the registry's encryption key no longer exists.",
                "L’identité utilisée pour la clé de chiffrement du registre n’existe plus.",
            ),
            meaning: more!(t!(
                "The registry is encrypted with a customer-managed key, read through a managed identity. The CLI found that this identity is gone, so the registry cannot reach its key; its answers may then be 403 \"identity associated with the registry is inactive\".",
                "Le registre est chiffré avec une clé gérée par le client, lue via une identité managée. La CLI a constaté que cette identité a disparu : le registre ne peut plus atteindre sa clé, et ses réponses peuvent devenir des 403 « identity associated with the registry is inactive ».",
            )),
            // Source: https://learn.microsoft.com/azure/container-registry/tutorial-troubleshoot-customer-managed-keys
            causes: more!([
                t!(
                    "The user-assigned identity was deleted, or removed from the registry.",
                    "L’identité affectée par l’utilisateur a été supprimée, ou retirée du registre.",
                ),
                t!(
                    "The system-assigned identity was turned off.",
                    "L’identité affectée par le système a été désactivée.",
                ),
            ]),
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
                        "If it was a user-assigned identity: attach one to the registry first (the same, recreated, or another that may read the key vault); the key cannot be rotated before.",
                        "S’il s’agissait d’une identité affectée par l’utilisateur : attachez-en d’abord une au registre (la même recréée, ou une autre qui peut lire le coffre de clés) ; la clé ne peut pas être renouvelée avant.",
                    ),
                    "az acr identity assign --name {name} --identities <identity-id>",
                ),
                fix!(
                    t!(
                        "Then rotate the key with that identity.",
                        "Effectuez ensuite une rotation de la clé avec cette identité.",
                    ),
                    "az acr encryption rotate-key --name {name} --key-encryption-key <key-uri> --identity <identity-id>",
                ),
                step!(t!(
                    "If it was the system-assigned identity that was removed, the registry cannot restore it itself: open a support request with Azure.",
                    "Si c’est l’identité affectée par le système qui a été retirée, le registre ne peut pas la rétablir seul : ouvrez une demande de support auprès d’Azure.",
                )),
            ],
            caveats: more!([
            ]),
        },
        Code::ConnectivityWwwAuthenticate => Text {
            summary: t!(
                "The registry's challenge asked for neither Basic nor Bearer authentication.",
                "La demande d’authentification du registre n’est ni Basic ni Bearer.",
            ),
            meaning: more!(t!(
                "Used when signing in with a user name and password: the /v2/ challenge did not ask properly for Basic or Bearer. The health check itself never prints it.",
                "Sert lors d’une connexion par nom d’utilisateur et mot de passe : la réponse de /v2/ ne demandait correctement ni Basic ni Bearer. Le contrôle d’intégrité lui-même ne l’affiche jamais.",
            )),
            causes: more!([
                t!(
                    "Something other than the registry (a proxy) answered /v2/.",
                    "Autre chose que le registre (un proxy) a répondu à /v2/.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See the challenge header.",
                        "Affichez l’en-tête de la demande.",
                    ),
                    "curl -si https://{server}/v2/",
                ),
            ],
            caveats: more!([
                t!(
                    "Defined in the CLI but not in the documentation.",
                    "Défini dans la CLI mais absent de la documentation.",
                ),
            ]),
        },
        Code::Unexpected => Text {
            summary: t!(
                "The CLI reported an unexpected error.",
                "La CLI a signalé une erreur inattendue.",
            ),
            meaning: more!(t!(
                "A generic code the CLI defines but does not use in its registry commands. If you see it, the message that follows is all there is to go on.",
                "Un code générique que la CLI définit mais n’utilise pas dans ses commandes de registre. Si vous le voyez, le message qui suit est la seule piste.",
            )),
            causes: more!([
                t!(
                    "An error the CLI did not classify.",
                    "Une erreur que la CLI n’a pas classée.",
                ),
            ]),
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
            caveats: more!([
                t!(
                    "Defined in the CLI but not in the documentation.",
                    "Défini dans la CLI mais absent de la documentation.",
                ),
            ]),
        },
        Code::AzLoginRequired => Text {
            summary: t!(
                "The Azure CLI is not signed in.",
                "Azure CLI n’est connectée à aucun compte.",
            ),
            meaning: more!(t!(
                "No account is signed in to the Azure CLI in this environment, so no Entra token could be obtained and no registry check could start. This is not a registry problem. (This code is ours; the CLI prints only the message.)",
                "Aucun compte n’est connecté à Azure CLI dans cet environnement : aucun jeton Entra n’a pu être obtenu et aucune vérification du registre n’a pu commencer. Ce n’est pas un problème de registre. (Ce code est le nôtre ; la CLI n’affiche que le message.)",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
            ]),
        },
        Code::CliCrash => Text {
            summary: t!(
                "The Azure CLI itself crashed.",
                "Azure CLI elle-même a planté.",
            ),
            meaning: more!(t!(
                "The command stopped with a Python exception instead of a code: a bug or an unexpected environment in the CLI, not a verdict about the registry. Checks printed as OK before the crash did pass. (This code is ours.)",
                "La commande s’est arrêtée sur une exception Python au lieu d’un code : un bogue ou un environnement imprévu dans la CLI, pas un verdict sur le registre. Les vérifications affichées OK avant le plantage ont bien réussi. (Ce code est le nôtre.)",
            )),
            causes: more!([
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
            ]),
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
            caveats: more!([
            ]),
        },
        Code::RegistryUnauthorized => Text {
            summary: t!(
                "The registry answered 401: the request carried no identity it accepts.",
                "Le registre a répondu 401 : la requête ne portait aucune identité qu’il accepte.",
            ),
            meaning: more!(t!(
                "A client (docker, containerd, helm, oras, an SDK) asked the registry for an image or a push and got 401 Unauthorized. ACR answers 401 when the caller sent no token, an expired one, or one without the needed permission, and also, to an anonymous caller, when the repository or tag does not exist.",
                "Un client (docker, containerd, helm, oras, un SDK) a demandé une image ou un envoi au registre et a reçu 401 Unauthorized. ACR répond 401 quand l’appelant n’envoie aucun jeton, un jeton expiré ou sans l’autorisation voulue, et aussi, à un appelant anonyme, quand le dépôt ou le tag n’existe pas.",
            )),
            causes: more!([
                t!(
                    "Not signed in to this registry, or the sign-in expired (an ACR token lasts about three hours).",
                    "Pas connecté à ce registre, ou la connexion a expiré (un jeton ACR dure environ trois heures).",
                ),
                t!(
                    "The identity has no role that reaches images: AcrPull or AcrPush in the legacy mode, a Container Registry Repository role in ABAC mode (where AcrPull, AcrPush, Owner and Contributor give no image access).",
                    "L’identité n’a aucun rôle qui donne accès aux images : AcrPull ou AcrPush en mode historique, un rôle Container Registry Repository en mode ABAC (où AcrPull, AcrPush, Propriétaire et Contributeur ne donnent aucun accès aux images).",
                ),
                t!(
                    "The tag or repository does not exist: ACR says 401, not 404, to an anonymous caller.",
                    "Le tag ou le dépôt n’existe pas : ACR répond 401, pas 404, à un appelant anonyme.",
                ),
                t!(
                    "Wrong password or token for a known user name (docker login -u).",
                    "Mauvais mot de passe ou jeton pour un nom d’utilisateur connu (docker login -u).",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Sign in to the registry again with your Entra identity.",
                        "Reconnectez-vous au registre avec votre identité Entra.",
                    ),
                    "az acr login -n {name}",
                ),
                fix!(
                    t!(
                        "Check that the image and tag exist.",
                        "Vérifiez que l’image et le tag existent.",
                    ),
                    "az acr repository show-tags -n {name} --repository {repository} -o table",
                ),
                ROLE_MODE,
                ROLES_HELD,
                GRANT_LEGACY,
                GRANT_ABAC,
                fix!(
                    t!(
                        "Forget stale stored credentials, then sign in again.",
                        "Oubliez les identifiants stockés périmés, puis reconnectez-vous.",
                    ),
                    "docker logout {server}",
                ),
            ],
            caveats: more!([
                ROLE_DELAY,
                t!(
                    "az acr check-health may pass while this fails: it tests the az sign-in, not docker's stored credentials or a cluster's identity.",
                    "az acr check-health peut réussir alors que ceci échoue : il teste la connexion d’az, pas les identifiants stockés par docker ni l’identité d’un cluster.",
                ),
            ]),
        },
        Code::AadAppNotRegistered => Text {
            summary: t!(
                "The user name is not an identity the registry's tenant knows.",
                "Le nom d’utilisateur n’est pas une identité connue du locataire du registre.",
            ),
            meaning: more!(t!(
                "The registry refused a user name and password because the user name is neither the admin user, nor an ACR token, nor the application (client) ID of a service principal in the registry's tenant.",
                "Le registre a refusé un nom d’utilisateur et un mot de passe : le nom n’est ni l’utilisateur administrateur, ni un jeton ACR, ni l’ID d’application (client) d’un principal de service du locataire du registre.",
            )),
            causes: more!([
                t!(
                    "A typo in the user name, or the service principal's display name used instead of its appId.",
                    "Une faute dans le nom d’utilisateur, ou le nom d’affichage du principal de service au lieu de son appId.",
                ),
                t!(
                    "The service principal was deleted, or belongs to another tenant.",
                    "Le principal de service a été supprimé, ou appartient à un autre locataire.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Check that the application ID exists in this tenant.",
                        "Vérifiez que l’ID d’application existe dans ce locataire.",
                    ),
                    "az ad sp show --id <app-id>",
                ),
                fix!(
                    t!(
                        "Or sign in with your own Entra identity instead of a user name.",
                        "Ou connectez-vous avec votre identité Entra plutôt qu’avec un nom d’utilisateur.",
                    ),
                    "az acr login -n {name}",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::SpCredentialsInvalid => Text {
            summary: t!(
                "The service principal's secret is wrong or expired.",
                "Le secret du principal de service est erroné ou expiré.",
            ),
            meaning: more!(t!(
                "The user name is a service principal the tenant knows, but its secret was refused. docker login only stores what it is given, so the failure often shows at the first push or pull.",
                "Le nom d’utilisateur est un principal de service connu du locataire, mais son secret a été refusé. docker login ne fait que stocker ce qu’on lui donne : l’échec apparaît souvent au premier envoi ou pull.",
            )),
            causes: more!([
                t!(
                    "The client secret expired (they last one year by default).",
                    "Le secret client a expiré (il dure un an par défaut).",
                ),
                t!(
                    "A different secret, or one with a trailing newline, was passed.",
                    "Un autre secret, ou un secret suivi d’un saut de ligne, a été transmis.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See when the service principal's secrets expire.",
                        "Voyez quand expirent les secrets du principal de service.",
                    ),
                    "az ad app credential list --id <app-id> -o table",
                ),
                // Without --append, a reset deletes every existing password and key of the app.
                // Source: https://learn.microsoft.com/cli/azure/ad/app/credential#az-ad-app-credential-reset
                fix!(
                    t!(
                        "Add a new secret next to the others (--append: without it the reset deletes every existing secret and key of the app, and every other pipeline or cluster using them breaks), put it in this pipeline, then remove the expired one.",
                        "Ajoutez un nouveau secret à côté des autres (--append : sans lui, la réinitialisation supprime tous les secrets et clés existants de l’application, et tout autre pipeline ou cluster qui s’en sert tombe en panne), mettez-le dans ce pipeline, puis retirez celui qui a expiré.",
                    ),
                    "az ad app credential reset --id <app-id> --append --display-name acr-pull",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::TokenRejected => Text {
            summary: t!(
                "The registry's token endpoint refused the credentials that were sent.",
                "Le point de jetons du registre a refusé les identifiants envoyés.",
            ),
            meaning: more!(t!(
                "The client sent credentials to the registry's /oauth2/token or /oauth2/exchange and got a refusal (401 or 400). The credentials reached ACR: this is not a network problem.",
                "Le client a envoyé des identifiants à /oauth2/token ou /oauth2/exchange du registre et a essuyé un refus (401 ou 400). Les identifiants sont arrivés chez ACR : ce n’est pas un problème réseau.",
            )),
            causes: more!([
                t!(
                    "A wrong or expired secret, or an identity without a role that reaches images in the registry's role-assignment mode.",
                    "Un secret erroné ou expiré, ou une identité sans rôle donnant accès aux images dans le mode d’attribution des rôles du registre.",
                ),
                // ACR accepts grant_type=password (az itself sends it); the 400 came from an
                // empty scope=. Source: containerd/containerd#6481.
                t!(
                    "A 400 from containerd or nerdctl: older versions asked for a token with an empty scope, which ACR refuses (fixed in containerd by pull request 6481). The password grant itself is accepted.",
                    "Un 400 venant de containerd ou nerdctl : des versions anciennes demandaient un jeton avec une portée vide, qu’ACR refuse (corrigé dans containerd par la demande de tirage 6481). Le « password grant » lui-même est accepté.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Test the same identity from a terminal.",
                        "Testez la même identité depuis un terminal.",
                    ),
                    "az acr login -n {name} --expose-token",
                ),
                KUBELET_CHECK,
                ROLE_MODE,
            ],
            caveats: more!([
            ]),
        },
        Code::AnonymousTokenRejected => Text {
            summary: t!(
                "The client asked for an anonymous token: it sent no credentials at all.",
                "Le client a demandé un jeton anonyme : il n’a envoyé aucun identifiant.",
            ),
            meaning: more!(t!(
                "containerd (a Kubernetes node) asked for an anonymous token and was refused. AKS always tries anonymously first, so this alone does not blame the identity: a wrong image name or tag gives the same 401. If the identity's try failed too, the kubelet identity is missing, not attached or without a role that reaches images (elsewhere: no pull secret).",
                "containerd (un nœud Kubernetes) a demandé un jeton anonyme et a été refusé. AKS essaie toujours d’abord en anonyme : cela seul n’accuse pas l’identité, un nom d’image ou un tag erroné donne le même 401. Si l’essai avec l’identité a échoué aussi, l’identité du kubelet manque, n’est pas attachée ou n’a aucun rôle donnant accès aux images (ailleurs : pas de secret de pull).",
            )),
            // Source: MicrosoftDocs/SupportArticles-docs
            // support/azure/azure-kubernetes/connectivity/cannot-pull-image-from-acr-to-aks-cluster.md
            causes: more!([
                t!(
                    "The image name, tag or registry host is wrong, or the image has no variant for the node's architecture: the anonymous try gets the same 401.",
                    "Le nom de l’image, le tag ou l’hôte du registre est faux, ou l’image n’a pas de variante pour l’architecture du nœud : l’essai anonyme reçoit le même 401.",
                ),
                t!(
                    "The kubelet identity has no role that reaches images: not attached (legacy mode: AcrPull), or the registry is in ABAC mode, where the attachment's AcrPull is not honoured.",
                    "L’identité du kubelet n’a aucun rôle donnant accès aux images : pas attachée (mode historique : AcrPull), ou le registre est en mode ABAC, où l’AcrPull de l’attachement est ignoré.",
                ),
                t!(
                    "A cluster that pulls with a service principal: its secret expired, or after a rotation the role stayed on the old principal.",
                    "Un cluster qui tire avec un principal de service : son secret a expiré, ou après une rotation le rôle est resté sur l’ancien principal.",
                ),
                t!(
                    "The kubelet identity was removed from the node pool's scale set.",
                    "L’identité du kubelet a été retirée du groupe identique du pool de nœuds.",
                ),
                t!(
                    "No imagePullSecret in the pod's namespace for a registry outside the cluster's tenant.",
                    "Pas d’imagePullSecret dans l’espace de noms du pod pour un registre hors du locataire du cluster.",
                ),
                t!(
                    "With 403: the node's address is refused by the registry's network rules, or the private DNS zone is not linked to the cluster's virtual network, so the node reached the public address.",
                    "Avec 403 : l’adresse du nœud est refusée par les règles réseau du registre, ou la zone DNS privée n’est pas liée au réseau virtuel du cluster, et le nœud a joint l’adresse publique.",
                ),
            ]),
            fixes: &[
                KUBELET_CHECK,
                ROLE_MODE,
                KUBELET_ATTACH,
                KUBELET_ABAC,
                KUBELET_RECONCILE,
            ],
            caveats: more!([
                ROLE_DELAY,
                t!(
                    "az acr check-health cannot see this: it tests your own az sign-in, never the kubelet's identity.",
                    "az acr check-health ne peut pas le voir : il teste votre connexion az, jamais l’identité du kubelet.",
                ),
            ]),
        },
        Code::ClientIpNotAllowed => Text {
            summary: t!(
                "The registry's firewall refused this client's IP address.",
                "Le pare-feu du registre a refusé l’adresse IP de ce client.",
            ),
            meaning: more!(t!(
                "ACR answered 403 DENIED with the address it saw: the registry accepts only selected networks (or no public access), and that address is not among them. The address is the one ACR saw: a NAT, proxy, build agent or container group's egress, not necessarily the machine's own.",
                "ACR a répondu 403 DENIED avec l’adresse qu’il a vue : le registre n’accepte que des réseaux choisis (ou aucun accès public), et cette adresse n’en fait pas partie. C’est l’adresse vue par ACR : celle d’un NAT, d’un proxy, d’un agent de build ou d’un groupe de conteneurs, pas forcément celle de la machine.",
            )),
            causes: more!([
                t!(
                    "The registry's public access is limited to selected networks, or Disabled (then no IP rule counts).",
                    "L’accès public du registre est limité à des réseaux choisis, ou Disabled (alors aucune règle IP ne compte).",
                ),
                t!(
                    "The client should have used the private endpoint but resolved the public address.",
                    "Le client aurait dû passer par le point de terminaison privé mais a résolu l’adresse publique.",
                ),
                t!(
                    "The caller is an Azure service (ACR Tasks, Defender, Container Instances, App Service) whose addresses no rule can follow.",
                    "L’appelant est un service Azure (ACR Tasks, Defender, Container Instances, App Service) dont aucune règle ne peut suivre les adresses.",
                ),
            ]),
            fixes: &[
                NETWORK_SETTINGS,
                fix!(
                    t!(
                        "If the tier is Premium and public access Enabled: allow the address the registry saw, if it is yours and fixed.",
                        "Si le niveau est Premium et l’accès public Enabled : autorisez l’adresse vue par le registre, si elle est la vôtre et fixe.",
                    ),
                    "az acr network-rule add -n {name} --ip-address {ip}",
                ),
                NETWORK_SELECTED,
                NETWORK_TRUSTED,
                fix!(
                    t!(
                        "Or use the private endpoint: check what the name resolves to from this machine.",
                        "Ou passez par le point de terminaison privé : vérifiez ce que le nom donne depuis cette machine.",
                    ),
                    "nslookup {server}",
                ),
            ],
            caveats: more!([NETWORK_CAVEAT]),
        },
        Code::AccessDenied => Text {
            summary: t!(
                "The registry (or Docker Hub) denied access to this repository.",
                "Le registre (ou Docker Hub) a refusé l’accès à ce dépôt.",
            ),
            meaning: more!(t!(
                "The registry answered DENIED without naming an address: the identity may not pull or push this repository, or an older firewall message. With \"pull access denied for <name>\" and a name without a registry host, the image was looked up on Docker Hub, not on your registry.",
                "Le registre a répondu DENIED sans nommer d’adresse : l’identité ne peut ni tirer ni envoyer dans ce dépôt, ou c’est un ancien message du pare-feu. Avec « pull access denied for <nom> » et un nom sans hôte de registre, l’image a été cherchée sur Docker Hub, pas sur votre registre.",
            )),
            causes: more!([
                t!(
                    "The identity lacks the role for this action in the registry's mode (AcrPull or AcrPush in the legacy mode; in ABAC mode a Container Registry Repository role, whose condition may leave this repository out), or an ACR token's scope map does not cover it.",
                    "L’identité n’a pas le rôle voulu dans le mode du registre (AcrPull ou AcrPush en mode historique ; en mode ABAC un rôle Container Registry Repository, dont la condition peut exclure ce dépôt), ou la carte de portées d’un jeton ACR ne le couvre pas.",
                ),
                t!(
                    "The image name lacks the registry's host, so Docker Hub was asked.",
                    "Le nom de l’image n’a pas l’hôte du registre : Docker Hub a été interrogé.",
                ),
                t!(
                    "The registry's network rules refuse this client.",
                    "Les règles réseau du registre refusent ce client.",
                ),
            ]),
            fixes: &[
                step!(t!(
                    "Name the image with its registry: <registry>.azurecr.io/<repository>:<tag>.",
                    "Nommez l’image avec son registre : <registre>.azurecr.io/<dépôt>:<tag>.",
                )),
                ROLE_MODE,
                ROLES_HELD,
                GRANT_LEGACY,
                GRANT_ABAC,
                NETWORK_SETTINGS,
            ],
            caveats: more!([ROLE_DELAY]),
        },
        Code::TooManyRequests => Text {
            summary: t!(
                "Throttled: too many requests (HTTP 429).",
                "Limité : trop de requêtes (HTTP 429).",
            ),
            meaning: more!(t!(
                "The registry refused requests for a while because too many came in at once. When the message names a cache rule, it is the rule's upstream registry (such as Docker Hub) that throttled ACR, not your registry.",
                "Le registre a refusé des requêtes un moment parce qu’il en arrivait trop à la fois. Quand le message nomme une règle de cache, c’est le registre amont de la règle (comme Docker Hub) qui a limité ACR, pas votre registre.",
            )),
            // Source: https://learn.microsoft.com/azure/container-registry/container-registry-skus
            causes: more!([
                t!(
                    "A burst of pulls or sign-ins (a cluster scaling out, a build farm, a loop): every tier throttles bursts, Premium included; each tier has its own request rate.",
                    "Une rafale de pulls ou de connexions (un cluster qui s’agrandit, une ferme de build, une boucle) : chaque niveau limite les rafales, Premium compris ; chacun a son propre débit de requêtes.",
                ),
                t!(
                    "A cache rule's upstream limits anonymous or free pulls.",
                    "L’amont d’une règle de cache limite les pulls anonymes ou gratuits.",
                ),
            ]),
            fixes: &[
                step!(t!(
                    "Wait and retry with a growing delay; spread the pulls in time, and pull each image once per node (imagePullPolicy: IfNotPresent).",
                    "Attendez et réessayez avec un délai croissant ; étalez les pulls dans le temps, et tirez chaque image une fois par nœud (imagePullPolicy: IfNotPresent).",
                )),
                fix!(
                    t!(
                        "See the registry's tier: a higher tier allows more requests.",
                        "Voyez le niveau du registre : un niveau supérieur autorise plus de requêtes.",
                    ),
                    "az acr show -n {name} --query sku.name -o tsv",
                ),
                fix!(
                    t!(
                        "For a cache rule, give it credentials for the upstream (a credential set).",
                        "Pour une règle de cache, donnez-lui des identifiants pour l’amont (un jeu d’identifiants).",
                    ),
                    "az acr cache list -r {name} -o table",
                ),
            ],
            // Source: kubelet's registryPullQPS and registryBurst (kubernetes.io, kubelet configuration).
            caveats: more!([
                t!(
                    "kubelet's \"pull QPS exceeded\" is not the registry: it is the node's own limit on image pulls (registryPullQPS). Pull less often (imagePullPolicy: IfNotPresent) rather than changing the registry.",
                    "Le « pull QPS exceeded » du kubelet ne vient pas du registre : c’est la limite du nœud lui-même sur les pulls d’images (registryPullQPS). Tirez moins souvent (imagePullPolicy: IfNotPresent) plutôt que de changer le registre.",
                ),
            ]),
        },
        Code::ManifestUnknown => Text {
            summary: t!(
                "This tag (or digest) does not exist in the repository.",
                "Ce tag (ou ce digest) n’existe pas dans le dépôt.",
            ),
            meaning: more!(t!(
                "The registry has no manifest for the reference asked: a wrong tag, no tag at all (then \"latest\" is assumed), an image never pushed or since deleted.",
                "Le registre n’a pas de manifeste pour la référence demandée : un tag erroné, pas de tag du tout (alors « latest » est supposé), une image jamais envoyée ou supprimée depuis.",
            )),
            causes: more!([
                t!(
                    "The reference has no tag, and the repository has no \"latest\".",
                    "La référence n’a pas de tag, et le dépôt n’a pas de « latest ».",
                ),
                t!(
                    "A typo in the tag or the repository (repositories are lower case).",
                    "Une faute dans le tag ou le dépôt (les dépôts sont en minuscules).",
                ),
                t!(
                    "A retention policy or a purge removed it.",
                    "Une politique de rétention ou une purge l’a supprimée.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "List the tags that exist.",
                        "Listez les tags qui existent.",
                    ),
                    "az acr repository show-tags -n {name} --repository {repository} -o table",
                ),
                fix!(
                    t!(
                        "List the repositories.",
                        "Listez les dépôts.",
                    ),
                    "az acr repository list -n {name} -o table",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::OperationDisallowed => Text {
            summary: t!(
                "The registry refused a write or a delete.",
                "Le registre a refusé une écriture ou une suppression.",
            ),
            meaning: more!(t!(
                "ACR answered REGISTRY_DISALLOWED_OPERATION (docker shows \"unknown: The operation is disallowed\"): the repository or tag is locked against writes or deletes, the image is held in quarantine, or a registry-wide limit was reached.",
                "ACR a répondu REGISTRY_DISALLOWED_OPERATION (docker affiche « unknown: The operation is disallowed ») : le dépôt ou le tag est verrouillé contre l’écriture ou la suppression, l’image est en quarantaine, ou une limite du registre est atteinte.",
            )),
            // Sources: https://learn.microsoft.com/azure/container-registry/container-registry-image-lock
            // and https://learn.microsoft.com/azure/container-registry/container-registry-skus
            causes: more!([
                t!(
                    "The repository or tag is locked (writeEnabled or deleteEnabled false).",
                    "Le dépôt ou le tag est verrouillé (writeEnabled ou deleteEnabled à false).",
                ),
                t!(
                    "The registry quarantines new images until a scanner releases them: a quarantined image may not be pulled.",
                    "Le registre met les nouvelles images en quarantaine jusqu’à ce qu’un scanner les libère : une image en quarantaine ne peut pas être tirée.",
                ),
                t!(
                    "The registry's storage limit is reached.",
                    "La limite de stockage du registre est atteinte.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See the repository's locks (writeEnabled, deleteEnabled).",
                        "Voyez les verrous du dépôt (writeEnabled, deleteEnabled).",
                    ),
                    "az acr repository show -n {name} --repository {repository}",
                ),
                fix!(
                    t!(
                        "If writes are locked and should not be, unlock them (--delete-enabled true does the same for deletes).",
                        "Si l’écriture est verrouillée à tort, déverrouillez-la (--delete-enabled true fait de même pour la suppression).",
                    ),
                    "az acr repository update -n {name} --repository {repository} --write-enabled true",
                ),
                fix!(
                    t!(
                        "See the registry's usage against its limits.",
                        "Voyez l’usage du registre face à ses limites.",
                    ),
                    "az acr show-usage -n {name} -o table",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::BlobUploadUnknown => Text {
            summary: t!(
                "An upload session expired or was reused.",
                "Une session d’envoi a expiré ou a été réutilisée.",
            ),
            meaning: more!(t!(
                "During a push, the upload URL the registry handed out is no longer valid: the client took too long between steps, retried with an old session, or a proxy changed the requests.",
                "Pendant un envoi, l’URL d’envoi donnée par le registre n’est plus valide : le client a trop tardé entre deux étapes, a réessayé avec une ancienne session, ou un proxy a modifié les requêtes.",
            )),
            causes: more!([
                t!(
                    "A slow or interrupted push of a large layer.",
                    "L’envoi lent ou interrompu d’une grosse couche.",
                ),
                t!(
                    "A proxy or load balancer between the client and the registry.",
                    "Un proxy ou répartiteur de charge entre le client et le registre.",
                ),
            ]),
            fixes: &[
                step!(t!(
                    "Push again; it starts a new session.",
                    "Relancez l’envoi : il ouvre une nouvelle session.",
                )),
            ],
            caveats: more!([
            ]),
        },
        Code::DnsLookupFailed => Text {
            summary: t!(
                "The registry's name did not resolve from where the client runs.",
                "Le nom du registre ne se résout pas depuis l’endroit où tourne le client.",
            ),
            meaning: more!(t!(
                "The client (often the Docker daemon or a node, which may use another resolver than your shell) could not turn the host name into an address: a typo, a deleted registry, a broken resolver, or a private DNS zone not linked to this network.",
                "Le client (souvent le démon Docker ou un nœud, qui peut utiliser un autre résolveur que votre shell) n’a pas pu résoudre le nom d’hôte en adresse : une faute, un registre supprimé, un résolveur en panne, ou une zone DNS privée non liée à ce réseau.",
            )),
            causes: more!([
                t!(
                    "A typo in the host name (azurecr.io is the public cloud's suffix).",
                    "Une faute dans le nom d’hôte (azurecr.io est le suffixe du cloud public).",
                ),
                t!(
                    "The Docker daemon's (or VM's, WSL's) DNS differs from the shell's.",
                    "Le DNS du démon Docker (ou de la VM, de WSL) diffère de celui du shell.",
                ),
                t!(
                    "A private endpoint whose DNS zone is not linked to this network.",
                    "Un point de terminaison privé dont la zone DNS n’est pas liée à ce réseau.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Resolve the name from the same machine.",
                        "Résolvez le nom depuis la même machine.",
                    ),
                    "nslookup {server}",
                ),
                fix!(
                    t!(
                        "Check that the registry exists and its exact login server.",
                        "Vérifiez que le registre existe et son serveur de connexion exact.",
                    ),
                    "az acr show -n {name} --query loginServer",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::ConnectionFailed => Text {
            summary: t!(
                "The connection to a registry host failed or timed out.",
                "La connexion à un hôte du registre a échoué ou expiré.",
            ),
            meaning: more!(t!(
                "The name resolved, but the client could not talk to the host: a timeout, a refusal or a reset. Which host matters: the login server (every call fails), the token endpoint (sign-in fails), or a data endpoint where layers are downloaded (sign-in works and pulls hang).",
                "Le nom se résout, mais le client n’a pas pu parler à l’hôte : délai dépassé, refus ou coupure. L’hôte compte : le serveur de connexion (tout échoue), le point de jetons (la connexion échoue) ou un point de données d’où viennent les couches (la connexion marche et les pulls bloquent).",
            )),
            causes: more!([
                t!(
                    "A firewall, NSG, route or proxy between the client and the registry.",
                    "Un pare-feu, un NSG, une route ou un proxy entre le client et le registre.",
                ),
                t!(
                    "A firewall rule allows the login server but not the data endpoints (<registry>.<region>.data.azurecr.io) or storage.",
                    "Une règle de pare-feu autorise le serveur de connexion mais pas les points de données (<registre>.<région>.data.azurecr.io) ni le stockage.",
                ),
                t!(
                    "A private endpoint that this network cannot reach (no peering, no VPN).",
                    "Un point de terminaison privé que ce réseau ne peut pas joindre (pas d’appairage, pas de VPN).",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Try the login server from the same machine.",
                        "Essayez le serveur de connexion depuis la même machine.",
                    ),
                    "curl -v https://{server}/v2/",
                ),
                fix!(
                    t!(
                        "List the data endpoints your firewall must allow.",
                        "Listez les points de données que votre pare-feu doit autoriser.",
                    ),
                    "az acr show-endpoints -n {name}",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::TlsUntrusted => Text {
            summary: t!(
                "The registry's certificate is not trusted: something intercepts TLS.",
                "Le certificat du registre n’est pas reconnu : quelque chose intercepte TLS.",
            ),
            meaning: more!(t!(
                "The client saw a certificate signed by an authority it does not know. ACR's certificates are public ones: an unknown authority means a proxy or firewall that inspects TLS and signs with a corporate CA.",
                "Le client a vu un certificat signé par une autorité qu’il ne connaît pas. Les certificats d’ACR sont publics : une autorité inconnue signifie un proxy ou un pare-feu qui inspecte TLS et signe avec une AC d’entreprise.",
            )),
            causes: more!([
                t!(
                    "A TLS-inspecting proxy or firewall.",
                    "Un proxy ou pare-feu qui inspecte TLS.",
                ),
                t!(
                    "The corporate CA is trusted by the system but not by Docker, containerd or az's Python.",
                    "L’AC d’entreprise est reconnue par le système mais pas par Docker, containerd ni le Python d’az.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See who signed the certificate this machine receives.",
                        "Voyez qui a signé le certificat que reçoit cette machine.",
                    ),
                    "curl -v https://{server}/v2/",
                ),
                step!(t!(
                    "Exempt *.azurecr.io (and the data endpoints) from inspection, or trust the corporate CA in the client.",
                    "Exemptez *.azurecr.io (et les points de données) de l’inspection, ou faites reconnaître l’AC d’entreprise par le client.",
                )),
            ],
            caveats: more!([
            ]),
        },
        Code::TlsNameMismatch => Text {
            summary: t!(
                "The client used a name the certificate does not cover.",
                "Le client a utilisé un nom que le certificat ne couvre pas.",
            ),
            meaning: more!(t!(
                "The certificate is valid for *.azurecr.io, but the client asked another name: the privatelink name or the private endpoint's IP address. A private endpoint is reached through the registry's usual name, which the private DNS zone maps to the private address.",
                "Le certificat vaut pour *.azurecr.io, mais le client a demandé un autre nom : le nom privatelink ou l’adresse IP du point de terminaison privé. On joint un point de terminaison privé par le nom habituel du registre, que la zone DNS privée fait pointer vers l’adresse privée.",
            )),
            causes: more!([
                t!(
                    "The image or login uses <registry>.privatelink.azurecr.io, or an IP address.",
                    "L’image ou la connexion utilise <registre>.privatelink.azurecr.io, ou une adresse IP.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Use the registry's own login server in image names and logins.",
                        "Utilisez le serveur de connexion du registre dans les noms d’images et les connexions.",
                    ),
                    "az acr show -n {name} --query loginServer",
                ),
                fix!(
                    t!(
                        "Check that the usual name resolves to the private address here.",
                        "Vérifiez qu’ici le nom habituel pointe vers l’adresse privée.",
                    ),
                    "nslookup {server}",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::LoginServerUnreachable => Text {
            summary: t!(
                "az acr login could not get a sign-in challenge from the login server.",
                "az acr login n’a pas obtenu de demande d’authentification du serveur de connexion.",
            ),
            meaning: more!(t!(
                "az acr login asked https://<login-server>/v2/ for its challenge and got none: no answer (DNS, timeout, refused, TLS), or an answer other than 401.",
                "az acr login a demandé sa demande d’authentification à https://<serveur>/v2/ et n’en a pas eu : pas de réponse (DNS, délai, refus, TLS), ou une réponse autre que 401.",
            )),
            causes: more!([
                t!(
                    "The name does not resolve, or the network blocks it.",
                    "Le nom ne se résout pas, ou le réseau le bloque.",
                ),
                t!(
                    "A proxy answers instead of the registry.",
                    "Un proxy répond à la place du registre.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Run the health check: it says which step fails.",
                        "Lancez le contrôle d’intégrité : il dit quelle étape échoue.",
                    ),
                    "az acr check-health -n {name} --yes",
                ),
                fix!(
                    t!(
                        "Ask the login server directly.",
                        "Interrogez directement le serveur de connexion.",
                    ),
                    "curl -v https://{server}/v2/",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::EntraSigninError => Text {
            summary: t!(
                "Microsoft Entra refused the sign-in (an AADSTS error).",
                "Microsoft Entra a refusé la connexion (une erreur AADSTS).",
            ),
            meaning: more!(t!(
                "The problem comes before the registry: the Azure CLI (or another client) could not get a token from Microsoft Entra. The AADSTS number says why.",
                "Le problème vient avant le registre : l’Azure CLI (ou un autre client) n’a pas obtenu de jeton de Microsoft Entra. Le numéro AADSTS dit pourquoi.",
            )),
            causes: more!([
                t!(
                    "The sign-in expired (AADSTS700082: refresh token expired from inactivity).",
                    "La connexion a expiré (AADSTS700082 : jeton d’actualisation expiré par inactivité).",
                ),
                t!(
                    "A conditional-access policy, or a secret or certificate that is wrong or expired.",
                    "Une stratégie d’accès conditionnel, ou un secret ou certificat erroné ou expiré.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "Sign in again.",
                        "Reconnectez-vous.",
                    ),
                    "az login",
                ),
                step!(t!(
                    "Look the AADSTS number up in Entra's error reference.",
                    "Cherchez le numéro AADSTS dans la référence des erreurs d’Entra.",
                )),
            ],
            caveats: more!([
            ]),
        },
        Code::CredentialStoreError => Text {
            summary: t!(
                "Docker's credential helper failed: the registry is not the problem.",
                "L’assistant d’identifiants de Docker a échoué : le registre n’est pas en cause.",
            ),
            meaning: more!(t!(
                "The registry issued the token, but Docker could not save or read it with its credential helper (credsStore: wincred, desktop, secretservice, osxkeychain).",
                "Le registre a délivré le jeton, mais Docker n’a pas pu l’enregistrer ni le lire avec son assistant d’identifiants (credsStore : wincred, desktop, secretservice, osxkeychain).",
            )),
            causes: more!([
                t!(
                    "No desktop session for the keyring (a server, SSH, CI: \"Cannot autolaunch D-Bus\").",
                    "Pas de session de bureau pour le trousseau (serveur, SSH, CI : « Cannot autolaunch D-Bus »).",
                ),
                // CRED_MAX_CREDENTIAL_BLOB_SIZE is 5 * 512 bytes. Source:
                // https://learn.microsoft.com/windows/win32/api/wincred/ns-wincred-credentiala
                t!(
                    "On Windows, the credential manager holds at most 2,560 bytes a secret (today's limit, CRED_MAX_CREDENTIAL_BLOB_SIZE): a larger token fails with \"The stub received bad data\".",
                    "Sous Windows, le gestionnaire d’identifiants garde au plus 2 560 octets par secret (la limite actuelle, CRED_MAX_CREDENTIAL_BLOB_SIZE) : un jeton plus gros échoue avec « The stub received bad data ».",
                ),
            ]),
            fixes: &[
                step!(t!(
                    "See which helper Docker uses (credsStore in ~/.docker/config.json), and remove or fix it on headless machines.",
                    "Voyez quel assistant Docker utilise (credsStore dans ~/.docker/config.json), et retirez-le ou réparez-le sur une machine sans bureau.",
                )),
                fix!(
                    t!(
                        "Or skip Docker's store: get a token and use it directly.",
                        "Ou contournez le stockage de Docker : obtenez un jeton et utilisez-le directement.",
                    ),
                    "az acr login -n {name} --expose-token",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::RegistryNotFound => Text {
            summary: t!(
                "Azure did not find a registry by that name in this subscription.",
                "Azure n’a pas trouvé de registre de ce nom dans cet abonnement.",
            ),
            meaning: more!(t!(
                "The Azure CLI looked the registry up through Azure Resource Manager and found none: wrong name, another subscription, or no read access to the resource. az acr login then tries <name>.azurecr.io anyway.",
                "L’Azure CLI a cherché le registre via Azure Resource Manager et n’en a trouvé aucun : mauvais nom, autre abonnement, ou pas d’accès en lecture à la ressource. az acr login essaie alors quand même <nom>.azurecr.io.",
            )),
            causes: more!([
                t!(
                    "The CLI's current subscription is not the registry's.",
                    "L’abonnement courant de la CLI n’est pas celui du registre.",
                ),
                t!(
                    "A typo in the registry's name.",
                    "Une faute dans le nom du registre.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See which subscription the CLI uses.",
                        "Voyez quel abonnement la CLI utilise.",
                    ),
                    "az account show -o table",
                ),
                fix!(
                    t!(
                        "List the registries you can see.",
                        "Listez les registres que vous voyez.",
                    ),
                    "az acr list -o table",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::CacheRuleUpstreamError => Text {
            summary: t!(
                "An artifact-cache rule could not fetch from its upstream registry.",
                "Une règle de cache d’artefacts n’a pas pu récupérer depuis son registre amont.",
            ),
            meaning: more!(t!(
                "The repository is served through a cache rule: ACR fetches the image from the upstream registry on first pull. That fetch failed: the upstream refused the rule's credentials, has no such image or tag, or is not one the cache supports.",
                "Le dépôt passe par une règle de cache : ACR récupère l’image chez le registre amont au premier pull. Cette récupération a échoué : l’amont a refusé les identifiants de la règle, n’a pas cette image ou ce tag, ou n’est pas pris en charge par le cache.",
            )),
            // Source: https://learn.microsoft.com/azure/container-registry/troubleshoot-artifact-cache
            causes: more!([
                t!(
                    "The rule's credential set is missing, wrong or expired (its Key Vault secrets), or its identity may not read those secrets (it needs Key Vault secret read).",
                    "Le jeu d’identifiants de la règle manque, est erroné ou expiré (ses secrets Key Vault), ou son identité ne peut pas lire ces secrets (il lui faut la lecture des secrets Key Vault).",
                ),
                t!(
                    "A Docker Hub official image named without its namespace: the source must be docker.io/library/<repository>.",
                    "Une image officielle de Docker Hub nommée sans son espace de noms : la source doit être docker.io/library/<dépôt>.",
                ),
                t!(
                    "The tag does not exist upstream, or the upstream is not a registry the cache supports.",
                    "Le tag n’existe pas en amont, ou l’amont n’est pas un registre pris en charge par le cache.",
                ),
                t!(
                    "The registry already has as many cache rules as it may.",
                    "Le registre a déjà autant de règles de cache qu’il le peut.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See the cache rules, their sources and their credential sets.",
                        "Voyez les règles de cache, leurs sources et leurs jeux d’identifiants.",
                    ),
                    "az acr cache list -r {name} -o table",
                ),
                fix!(
                    t!(
                        "Check the credential set's state: \"Unhealthy\" means its secrets cannot be read or were refused.",
                        "Vérifiez l’état du jeu d’identifiants : « Unhealthy » signifie que ses secrets ne peuvent pas être lus ou ont été refusés.",
                    ),
                    "az acr credential-set list -r {name} -o table",
                ),
            ],
            caveats: more!([
            ]),
        },
        Code::PlatformMismatch => Text {
            summary: t!(
                "The image has no variant for this machine's OS or CPU.",
                "L’image n’a pas de variante pour l’OS ou le processeur de cette machine.",
            ),
            meaning: more!(t!(
                "The image's manifest list has no entry for the platform asked (such as linux/amd64 or windows): the image was built for another OS or architecture. The registry is fine.",
                "La liste de manifestes de l’image n’a pas d’entrée pour la plateforme demandée (comme linux/amd64 ou windows) : l’image a été construite pour un autre OS ou une autre architecture. Le registre va bien.",
            )),
            causes: more!([
                t!(
                    "A Windows image on a Linux node, or the reverse.",
                    "Une image Windows sur un nœud Linux, ou l’inverse.",
                ),
                t!(
                    "An image built for arm64 only (on a Mac) pulled on amd64.",
                    "Une image construite seulement pour arm64 (sur un Mac) tirée sur amd64.",
                ),
            ]),
            fixes: &[
                fix!(
                    t!(
                        "See the platforms the image was built for.",
                        "Voyez les plateformes pour lesquelles l’image a été construite.",
                    ),
                    "docker manifest inspect {server}/{repository}",
                ),
                step!(t!(
                    "Build for the target platform (docker buildx build --platform linux/amd64).",
                    "Construisez pour la plateforme cible (docker buildx build --platform linux/amd64).",
                )),
            ],
            caveats: more!([
            ]),
        },
        Code::AksPullPermissionFailed => Text {
            summary: t!(
                "az aks check-acr: the cluster cannot pull from this registry.",
                "az aks check-acr : le cluster ne peut pas tirer depuis ce registre.",
            ),
            meaning: more!(t!(
                "az aks check-acr ran a pod in the cluster that tried, with the kubelet's identity, to get a pull token from the registry, and failed. The lines before it say where: the identity, the token exchange, or the network from the node.",
                "az aks check-acr a lancé dans le cluster un pod qui a essayé, avec l’identité du kubelet, d’obtenir un jeton de pull du registre, et a échoué. Les lignes qui précèdent disent où : l’identité, l’échange de jetons, ou le réseau depuis le nœud.",
            )),
            causes: more!([
                t!(
                    "The kubelet identity has no role that reaches images: AcrPull in the legacy mode, Container Registry Repository Reader in ABAC mode (where --attach-acr's AcrPull is not honoured).",
                    "L’identité du kubelet n’a aucun rôle donnant accès aux images : AcrPull en mode historique, Container Registry Repository Reader en mode ABAC (où l’AcrPull de --attach-acr est ignoré).",
                ),
                t!(
                    "The kubelet identity was removed from the node pool's scale set.",
                    "L’identité du kubelet a été retirée du groupe identique du pool de nœuds.",
                ),
                t!(
                    "The node cannot reach the registry (firewall, private endpoint, a private DNS zone not linked to the cluster's network).",
                    "Le nœud ne peut pas joindre le registre (pare-feu, point de terminaison privé, zone DNS privée non liée au réseau du cluster).",
                ),
            ]),
            fixes: &[
                ROLE_MODE,
                KUBELET_ATTACH,
                KUBELET_ABAC,
                KUBELET_RECONCILE,
                fix!(
                    t!(
                        "Run the check again afterwards.",
                        "Relancez ensuite la vérification.",
                    ),
                    "az aks check-acr -g <resource-group> -n <cluster-name> --acr {server}",
                ),
            ],
            caveats: more!([ROLE_DELAY]),
        },
    }
}

/// Extra causes for a token error, by the HTTP status the registry answered.
pub fn status_causes(status: u16) -> &'static [T] {
    match status {
        401 => &[
            t!(
                "401: the registry does not accept this identity — no role that reaches images in the registry's role-assignment mode, a role given minutes ago, a stale sign-in, or another tenant. Run `az login` again and check the role assignments.",
                "401 : le registre n’accepte pas cette identité — aucun rôle donnant accès aux images dans le mode d’attribution des rôles du registre, un rôle donné il y a quelques minutes, une connexion périmée ou un autre locataire. Relancez `az login` et vérifiez les attributions de rôle.",
            ),
        ],
        403 => &[
            t!(
                "403: refused by the registry's network rules — public access disabled or a firewall rule. Signing in again will not help; check networkRuleSet and publicNetworkAccess. If the message says \"identity associated with the registry is inactive\", it is the encryption key's identity instead (CMK_ERROR).",
                "403 : refus par les règles réseau du registre — accès public désactivé ou règle de pare-feu. Se reconnecter n’y changera rien ; vérifiez networkRuleSet et publicNetworkAccess. Si le message dit « identity associated with the registry is inactive », c’est plutôt l’identité de la clé de chiffrement (CMK_ERROR).",
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
