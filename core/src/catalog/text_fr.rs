//! Texte français du catalogue.

use super::{Code, Entry, Fix};

macro_rules! fix {
    ($text:expr, $command:expr $(,)?) => {
        Fix {
            text: $text,
            command: Some($command),
        }
    };
}

macro_rules! step {
    ($text:expr) => {
        Fix {
            text: $text,
            command: None,
        }
    };
}

const RERUN: Fix = fix!(
    "Une fois le problème réglé, relancez le contrôle en affichant toutes les vérifications.",
    "az acr check-health -n {name} --yes --ignore-errors",
);

pub fn entry(code: Code) -> Entry {
    match code {
        Code::DockerCommand => Entry {
            summary: "Azure CLI n’a pas pu utiliser Docker sur cette machine.",
            meaning: "Avant toute chose, la CLI lance `docker ps`. Si aucun exécutable docker n’est trouvé, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et saute les autres vérifications Docker. Quand Docker a écrit un message, la CLI l’affiche à la place du sien : c’est la vraie cause.",
            causes: &[
                "Docker n’est pas installé, ou pas dans le PATH du shell qui lance az.",
                "Docker est installé mais son démon (Docker Desktop sous Windows et macOS) est arrêté : un démon arrêté apparaît ici, pas sous DOCKER_DAEMON_ERROR.",
                "Votre utilisateur n’a pas le droit d’ouvrir le socket Docker (Linux : absent du groupe docker).",
                "Depuis azure-cli 2.88.0, un exécutable docker trouvé dans le dossier courant est refusé.",
            ],
            fixes: &[
                fix!("Vérifiez que Docker répond dans ce même shell.", "docker ps"),
                step!("Si le message de Docker parle du démon ou d’un « pipe », démarrez Docker Desktop (ou `sudo systemctl start docker` sous Linux) et attendez qu’il soit prêt."),
                fix!("Sous Linux, si le socket vous a refusé, ajoutez votre utilisateur au groupe docker, puis reconnectez-vous.", "sudo usermod -aG docker $USER"),
                fix!("Si vous avez seulement besoin d’un jeton, connectez-vous sans Docker.", "az acr login -n {name} --expose-token"),
                RERUN,
            ],
            caveats: &["Un démon arrêté donne DOCKER_COMMAND_ERROR avec le message de Docker : la documentation ne le dit pas."],
        },
        Code::DockerDaemon => Entry {
            summary: "Docker est installé mais son démon ne répond pas.",
            meaning: "La CLI a trouvé l’exécutable docker mais n’a pas pu joindre le démon Docker : docker login et docker pull ne peuvent pas fonctionner depuis cette machine. La CLI saute alors la vérification du pull.",
            causes: &[
                "Le démon Docker ou Docker Desktop est arrêté ou encore en cours de démarrage.",
                "Le démon est défaillant ou mal installé.",
            ],
            fixes: &[
                fix!("Regardez si le démon répond.", "docker info"),
                step!("Démarrez ou redémarrez Docker Desktop, ou sous Linux le service : `sudo systemctl restart docker`."),
                RERUN,
            ],
            caveats: &["Dans le code de la CLI ce code n’est presque jamais émis : un démon arrêté apparaît plutôt comme DOCKER_COMMAND_ERROR."],
        },
        Code::DockerVersion => Entry {
            summary: "La CLI n’a pas pu lire la version de Docker.",
            meaning: "La CLI a lancé une commande de version Docker qui a échoué. Jusqu’à azure-cli 2.5.0 c’était `docker --version` ; à partir de 2.5.1 c’est `docker version --format …`, qui interroge le démon (un démon arrêté peut donc en être la cause) ; depuis 2.86.0 c’est `docker version --format json`.",
            causes: &[
                "Le démon Docker est arrêté (depuis 2.5.1 la commande interroge le serveur).",
                "Docker a écrit sur sa sortie d’erreur (avant 2.55.0, toute sortie d’erreur valait échec).",
                "Une Azure CLI ou un client Docker trop ancien.",
            ],
            fixes: &[
                fix!("Lancez vous-même la commande et lisez son message.", "docker version"),
                fix!("Mettez à jour Azure CLI.", "az upgrade"),
                RERUN,
            ],
            caveats: &["La documentation cite `docker --version` ; la CLI utilise `docker version --format …` depuis 2.5.1."],
        },
        Code::DockerPull => Entry {
            summary: "Docker n’a pas pu télécharger la petite image de test de Microsoft.",
            meaning: "Après votre accord (ou avec --yes), la CLI lance `docker pull mcr.microsoft.com/mcr/hello-world:latest`. Cette erreur signifie que ce pull a échoué depuis cette machine ; elle ne dit encore rien de votre propre registre.",
            causes: &[
                "Pas de chemin vers mcr.microsoft.com : proxy, pare-feu ou DNS de ce réseau.",
                "Le démon Docker ne fonctionne pas correctement.",
                "Avant azure-cli 2.55.0, tout message sur la sortie d’erreur de Docker (comme les conseils « What's Next? » de macOS) comptait comme un échec, même si le pull avait réussi.",
                "Avant 2.5.1, un hôte en conteneurs Windows échouait sur l’image d’exemple Linux.",
            ],
            fixes: &[
                fix!("Essayez le pull vous-même.", "docker pull mcr.microsoft.com/mcr/hello-world:latest"),
                step!("Si le pull fonctionne à la main, c’est un faux positif : mettez à jour Azure CLI (`az upgrade`)."),
                step!("Derrière un proxy, donnez les réglages du proxy à Docker (HTTPS_PROXY dans la configuration du démon), pas seulement à votre shell."),
                RERUN,
            ],
            caveats: &["Des faux positifs ont été corrigés dans azure-cli 2.5.1 (conteneurs Windows) et 2.55.0 (toute sortie d’erreur)."],
        },
        Code::HelmCommand => Entry {
            summary: "La CLI n’a pas pu utiliser Helm.",
            meaning: "La CLI lance `helm --help`. Si Helm est absent, ou si la commande écrit quoi que ce soit sur sa sortie d’erreur, la CLI signale ce code et y ajoute ce que Helm a écrit. De simples avertissements de Helm suffisent à le déclencher.",
            causes: &[
                "Helm n’est pas installé ou pas dans le PATH.",
                "Helm fonctionne mais a affiché des avertissements (par exemple sur des dépôts de charts obsolètes) : la CLI traite tout avertissement comme un échec.",
            ],
            fixes: &[
                fix!("Regardez ce qu’affiche Helm.", "helm --help"),
                fix!("Si Helm signale des dépôts obsolètes, listez-les puis mettez-les à jour ou retirez-les.", "helm repo list"),
                step!("Si vous n’utilisez pas Helm avec ce registre, ignorez ce code : il ne dit rien du registre."),
            ],
            caveats: &["Des avertissements de Helm suffisent à produire ce code (faux positif)."],
        },
        Code::HelmVersion => Entry {
            summary: "La CLI n’a pas pu lire la version de Helm, ou a trouvé un Helm antérieur à 2.11.0.",
            meaning: "La CLI lance `helm version --client` et lit la version. Ce code signifie que la commande a échoué, ou que la version est antérieure à 2.11.0, la plus ancienne que la CLI recommande.",
            causes: &[
                "Un Helm ancien (avant 2.11.0).",
                "Une Azure CLI ancienne qui ne comprend pas la sortie d’un Helm récent (Helm 3 est lu depuis 2.0.79).",
            ],
            fixes: &[
                fix!("Lancez vous-même la commande.", "helm version --client"),
                fix!("Mettez à jour Azure CLI.", "az upgrade"),
                step!("Installez une version actuelle de Helm 3."),
            ],
            caveats: &[],
        },
        Code::NotaryCommand => Entry {
            summary: "La CLI n’a pas trouvé Notary.",
            meaning: "Des versions 2.0.81 à 2.86.0 d’azure-cli, le contrôle cherche aussi le client Notary (`notary --help`). Ce code signifie qu’il est absent ou qu’il a écrit sur sa sortie d’erreur. Notary ne sert qu’à Docker Content Trust, qui est obsolète.",
            causes: &[
                "Notary n’est pas installé : c’est le cas normal sur la plupart des machines.",
                "Notary a écrit sur sa sortie d’erreur.",
            ],
            fixes: &[
                step!("Si vous ne signez pas d’images avec Docker Content Trust, ignorez ce code : l’accès à votre registre n’est pas en cause."),
                step!("Sinon, installez Notary 0.6.0 et placez-le dans le PATH."),
                fix!("Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.", "az upgrade"),
            ],
            caveats: &["Absent de l’ancienne documentation ; retiré de la CLI en 2.87.0."],
        },
        Code::NotaryVersion => Entry {
            summary: "Notary est installé, mais pas dans la version attendue par la CLI.",
            meaning: "La CLI (2.0.81 à 2.86.0) lance `notary version` et exige exactement la 0.6.0. Toute autre version, plus récente ou plus ancienne, donne ce code, tout comme un échec de la commande.",
            causes: &[
                "Un Notary autre que 0.6.0 (souvent plus récent, livré avec Docker).",
                "La commande notary a échoué.",
            ],
            fixes: &[
                fix!("Regardez quelle version est installée.", "notary version"),
                step!("Si vous n’utilisez pas Docker Content Trust, ignorez ce code."),
                step!("Sinon, installez Notary 0.6.0 (versions publiées de notaryproject/notary) avant l’autre dans le PATH."),
                fix!("Ou mettez à jour Azure CLI : à partir de 2.87.0 la vérification Notary a disparu.", "az upgrade"),
            ],
            caveats: &["La documentation conseille une version antérieure à 0.6.0 ; le code de la CLI exige exactement 0.6.0."],
        },
        Code::ConnectivityDns => Entry {
            summary: "Le nom du registre ne se résout pas depuis cette machine.",
            meaning: "La CLI cherche l’adresse du serveur de connexion. Ce code signifie que la résolution a échoué : rien d’autre sur le registre n’a pu être vérifié.",
            causes: &[
                "Un nom de registre mal orthographié, ou un registre qui n’existe pas (ou plus).",
                "La CLI est réglée sur un autre cloud (.azurecr.cn, .azurecr.us) que celui du registre.",
                "Pas de DNS sur ce réseau, ou une zone DNS privée qui ne contient pas le registre.",
                "Vous ne pouvez pas lire le registre dans cet abonnement, et la CLI a deviné le serveur de connexion.",
            ],
            fixes: &[
                fix!("Vérifiez que le registre existe sous ce nom.", "az acr show -n {name} --query loginServer -o tsv"),
                fix!("Vérifiez le cloud utilisé par la CLI.", "az cloud show --query name -o tsv"),
                fix!("Résolvez le nom depuis cette machine.", "nslookup {server}"),
                RERUN,
            ],
            caveats: &[],
        },
        Code::ConnectivityForbidden => Entry {
            summary: "Le registre a refusé cette machine (HTTP 403) : règle de pare-feu ou accès public désactivé.",
            meaning: "Le point de terminaison /v2/ du registre a répondu 403 Forbidden. Le registre est joignable, mais ses règles réseau n’admettent pas cette adresse.",
            causes: &[
                "Le pare-feu du registre autorise d’autres plages d’adresses que la vôtre.",
                "L’accès réseau public est désactivé : seuls les points de terminaison privés peuvent se connecter.",
                "Votre trafic sort par un proxy ou une adresse NAT non autorisée.",
            ],
            fixes: &[
                fix!("Affichez les règles réseau du registre.", "az acr show --query networkRuleSet --name {name}"),
                fix!("Regardez si l’accès public est activé.", "az acr show --query publicNetworkAccess --name {name}"),
                fix!("Autorisez votre adresse publique (demandez laquelle à votre équipe réseau).", "az acr network-rule add --name {name} --ip-address <your-public-ip>"),
                step!("Avec uniquement des points de terminaison privés, lancez la commande depuis une machine du réseau relié."),
            ],
            caveats: &[],
        },
        Code::ConnectivityChallenge => Entry {
            summary: "Le point de terminaison /v2/ du registre n’a pas répondu par une demande d’authentification.",
            meaning: "La CLI appelle https://<serveur de connexion>/v2/ et attend un 401 avec un en-tête WWW-Authenticate. Ce code signifie que l’appel a échoué (refusé, délai dépassé, erreur de proxy) ou a reçu une autre réponse (200, 404, page d’un proxy).",
            causes: &[
                "Un proxy ou un pare-feu entre vous et le registre répond à sa place ou bloque la requête.",
                "Le nom pointe vers un point de terminaison privé inaccessible depuis cette machine (voyez l’IP de la ligne DNS).",
                "Un incident côté Azure (plusieurs personnes l’ont signalé en même temps en mai 2024).",
            ],
            fixes: &[
                fix!("Regardez ce que /v2/ répond vraiment d’ici : un registre sain dit 401 avec `WWW-Authenticate: Bearer realm=…`.", "curl -si https://{server}/v2/"),
                step!("Si la ligne DNS montre une IP privée (10.x, 172.16–31.x, 192.168.x), lancez la commande depuis ce réseau ou corrigez la zone DNS privée."),
                step!("Derrière un proxy, définissez HTTPS_PROXY pour az et vérifiez que le proxy laisse passer *.azurecr.io."),
                step!("Si rien de local ne l’explique, réessayez plus tard et consultez l’état d’Azure, puis ouvrez un ticket sur https://aka.ms/acr/issues."),
            ],
            caveats: &["La documentation dit seulement de réessayer plus tard ; les causes ci-dessus sont celles que les mainteneurs ont examinées dans des cas réels."],
        },
        Code::ConnectivityAadLogin => Entry {
            summary: "Le registre demande une authentification, mais pas via Microsoft Entra.",
            meaning: "Le point /v2/ a répondu 401, mais son en-tête WWW-Authenticate n’est pas `Bearer realm=…,service=…`. Un registre Azure demande toujours Bearer : quelque chose d’autre a répondu.",
            causes: &[
                "Un proxy ou un autre serveur répond à la place du registre (demande d’authentification Basic).",
                "Le nom désigne un registre qui n’est pas un registre Azure.",
            ],
            fixes: &[
                fix!("Affichez l’en-tête de la demande.", "curl -si https://{server}/v2/"),
                fix!("Essayez l’utilisateur administrateur ou un jeton plutôt qu’Entra, s’ils sont activés.", "az acr login -n {name} --username <user> --password <password>"),
                step!("Si le registre est bien celui d’Azure et le problème persiste, ouvrez un ticket sur https://aka.ms/acr/issues."),
            ],
            caveats: &[],
        },
        Code::ConnectivityRefreshToken => Entry {
            summary: "Le registre a refusé d’échanger votre jeton Entra contre un jeton de registre.",
            meaning: "La CLI envoie votre jeton Microsoft Entra au point /oauth2/exchange du registre et attend un jeton d’actualisation. Le registre a répondu avec un autre statut ; ce statut dit pourquoi.",
            causes: &[
                "Votre identité n’a aucun rôle sur le registre (AcrPull, AcrPush, Lecteur…).",
                "La connexion d’Azure CLI est périmée ou appartient à un autre locataire.",
                "Règles réseau : quand l’accès public est désactivé, l’échange de jeton répond 403.",
            ],
            fixes: &[
                fix!("Reconnectez-vous (dans le locataire du registre).", "az login"),
                fix!("Vérifiez vos attributions de rôle sur le registre.", "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table"),
                fix!("Vérifiez les règles réseau si le statut est 403.", "az acr show --query \"{public:publicNetworkAccess, rules:networkRuleSet}\" --name {name}"),
                RERUN,
            ],
            caveats: &["Avant azure-cli 2.46.0, la limitation de débit apparaissait ici avec Response code: 429 ; le conseil de relancer az login ne s’applique pas alors."],
        },
        Code::ConnectivityTooManyRequests => Entry {
            summary: "Trop de connexions en peu de temps : le registre vous limite (HTTP 429).",
            meaning: "L’échange de jeton a répondu 429. Le registre limite la fréquence des demandes de jetons, et votre identité ou votre adresse a dépassé ce seuil. Vos autorisations ne sont pas en cause.",
            causes: &[
                "De nombreux travaux en parallèle, ou une boucle qui se connecte au registre.",
                "Un pipeline qui lance az acr login à chaque étape.",
            ],
            fixes: &[
                step!("Attendez une minute et réessayez."),
                step!("Connectez-vous une fois par travail et réutilisez le jeton, plutôt qu’à chaque étape ou image."),
                RERUN,
            ],
            caveats: &["Ce code existe depuis azure-cli 2.46.0 ; les versions précédentes affichaient CONNECTIVITY_REFRESH_TOKEN_ERROR avec 429."],
        },
        Code::ConnectivityAccessToken => Entry {
            summary: "Le registre a refusé de délivrer un jeton d’accès pour la portée demandée.",
            meaning: "Avec le jeton d’actualisation, la CLI demande un jeton d’accès à /oauth2/token. Ce code signifie que cette étape a échoué (le statut dit pourquoi) ou, avec --repository, qu’il manque au jeton certaines autorisations sur le dépôt.",
            causes: &[
                "Votre rôle n’accorde pas les actions demandées (par exemple AcrPull seul alors qu’un push est vérifié).",
                "Des autorisations de dépôt par attributs (ABAC) qui ne couvrent pas ce dépôt.",
                "Une connexion périmée.",
            ],
            fixes: &[
                fix!("Reconnectez-vous.", "az login"),
                fix!("Vérifiez vos attributions de rôle sur le registre.", "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table"),
                fix!("Regardez si le registre utilise les autorisations de dépôt ABAC.", "az acr show -n {name} --query roleAssignmentMode"),
                RERUN,
            ],
            caveats: &["La variante sur les autorisations (« You have … permissions to the repository ») existe depuis azure-cli 2.73.0 et n’est pas documentée."],
        },
        Code::ConnectivitySsl => Entry {
            summary: "Pas de connexion sécurisée au registre : en général un proxy qui inspecte le TLS.",
            meaning: "La négociation TLS avec le serveur de connexion a échoué lors de l’appel à /v2/. Le Python de la CLI ne fait pas confiance au certificat présenté, ou la connexion a été coupée.",
            causes: &[
                "Un proxy d’entreprise qui re-signe le TLS avec sa propre autorité de certification.",
                "Un magasin de certificats absent ou périmé pour le Python de la CLI.",
            ],
            fixes: &[
                fix!("Regardez quel certificat cette machine reçoit.", "curl -sv https://{server}/v2/ -o /dev/null"),
                step!("Indiquez à la CLI le magasin de certificats de votre entreprise : définissez REQUESTS_CA_BUNDLE vers un fichier qui le contient."),
                step!("Définissez HTTPS_PROXY si votre réseau impose un proxy (voir « Travailler derrière un proxy » dans la documentation d’Azure CLI)."),
                RERUN,
            ],
            caveats: &[],
        },
        Code::LoginServer => Entry {
            summary: "La CLI n’a pas trouvé le serveur de connexion du registre.",
            meaning: "La CLI n’a pas pu lire le registre dans Azure, et le cloud configuré n’a pas de suffixe de registre par défaut pour construire le nom.",
            causes: &[
                "Un registre mal orthographié ou inexistant.",
                "Aucun droit de lecture sur le registre dans l’abonnement courant.",
                "La CLI est réglée sur un cloud sans suffixe de registre, ou elle est trop ancienne.",
            ],
            fixes: &[
                fix!("Vérifiez le registre et votre abonnement.", "az acr show -n {name} --query loginServer -o tsv"),
                fix!("Regardez quel abonnement est actif.", "az account show --query name -o tsv"),
                fix!("Mettez à jour Azure CLI.", "az upgrade"),
            ],
            caveats: &[],
        },
        Code::Cmk => Entry {
            summary: "L’identité utilisée pour la clé de chiffrement du registre n’existe plus.",
            meaning: "Le registre est chiffré avec une clé gérée par le client, lue via une identité managée. La CLI a constaté que cette identité a disparu : le registre ne peut plus atteindre sa clé.",
            causes: &["L’identité affectée par l’utilisateur a été supprimée, ou l’identité système a été désactivée."],
            fixes: &[
                fix!("Affichez l’identité utilisée par le chiffrement.", "az acr encryption show --name {name}"),
                fix!("Faites tourner la clé avec une identité existante qui peut lire le coffre de clés.", "az acr encryption rotate-key --name {name} --key-encryption-key <key-uri> --identity <identity-id>"),
            ],
            caveats: &[],
        },
        Code::ConnectivityWwwAuthenticate => Entry {
            summary: "La demande d’authentification du registre n’est ni Basic ni Bearer.",
            meaning: "Sert lors d’une connexion par nom d’utilisateur et mot de passe : la réponse de /v2/ ne demandait correctement ni Basic ni Bearer. Le contrôle d’intégrité lui-même ne l’affiche jamais.",
            causes: &["Autre chose que le registre (un proxy) a répondu à /v2/."],
            fixes: &[fix!("Affichez l’en-tête de la demande.", "curl -si https://{server}/v2/")],
            caveats: &["Défini dans la CLI mais absent de la documentation."],
        },
        Code::Unexpected => Entry {
            summary: "La CLI a signalé une erreur inattendue.",
            meaning: "Un code générique que la CLI définit mais n’utilise pas dans ses commandes de registre. Si vous le voyez, le message qui suit est la seule piste.",
            causes: &["Une erreur que la CLI n’a pas classée."],
            fixes: &[
                fix!("Relancez la commande avec les détails.", "az acr check-health -n {name} --yes --debug"),
                fix!("Mettez à jour Azure CLI.", "az upgrade"),
            ],
            caveats: &["Défini dans la CLI mais absent de la documentation."],
        },
        Code::AzLoginRequired => Entry {
            summary: "Azure CLI n’est connectée à aucun compte.",
            meaning: "Aucun compte n’est connecté à Azure CLI dans cet environnement : aucun jeton Entra n’a pu être obtenu et aucune vérification du registre n’a pu commencer. Ce n’est pas un problème de registre. (Ce code est le nôtre ; la CLI n’affiche que le message.)",
            causes: &[
                "az login n’a jamais été lancé dans ce shell, ce conteneur ou ce travail de CI.",
                "L’étape de CI qui se connecte (azure/login, AzureCLI@2) a tourné dans un autre travail ou sous un autre utilisateur.",
                "La connexion a expiré ou a été effacée.",
            ],
            fixes: &[
                fix!("Connectez-vous.", "az login"),
                step!("En CI, connectez-vous d’abord (pour GitHub Actions, l’action azure/login) dans le même travail, puis lancez les commandes az acr."),
                fix!("Puis connectez-vous au registre.", "az acr login -n {name}"),
            ],
            caveats: &[],
        },
        Code::CliCrash => Entry {
            summary: "Azure CLI elle-même a planté.",
            meaning: "La commande s’est arrêtée sur une exception Python au lieu d’un code : un bogue ou un environnement imprévu dans la CLI, pas un verdict sur le registre. Les vérifications affichées OK avant le plantage ont bien réussi. (Ce code est le nôtre.)",
            causes: &[
                "Un bogue de la CLI (par exemple 2.85.0 plantait dans la vérification du chiffrement avec 'NoneType' object has no attribute 'split' ; corrigé en 2.86.0).",
                "Avant 2.76.0, un registre inexistant faisait planter la commande.",
                "Sans --yes et sans terminal, la question du pull ne peut pas recevoir de réponse.",
            ],
            fixes: &[
                fix!("Mettez à jour Azure CLI.", "az upgrade"),
                fix!("Lancez sans question interactive.", "az acr check-health -n {name} --yes"),
                step!("Cherchez le texte de l’exception dans les tickets d’Azure CLI ; signalez-le avec la trace s’il est nouveau."),
            ],
            caveats: &[],
        },
    }
}

pub fn status_causes(status: u16) -> &'static [&'static str] {
    match status {
        401 => &[
            "401 : le registre n’accepte pas cette identité — aucun rôle sur le registre, une connexion périmée ou un autre locataire. Relancez `az login` et vérifiez les attributions de rôle.",
        ],
        403 => &[
            "403 : refus par les règles réseau du registre — accès public désactivé ou règle de pare-feu. Se reconnecter n’y changera rien ; vérifiez networkRuleSet et publicNetworkAccess.",
        ],
        404 => &["404 : le point de jetons est introuvable — le nom désigne peut-être autre chose qu’un registre Azure."],
        429 => &[
            "429 : limitation de débit — trop de demandes de jetons en peu de temps. Ce n’est pas un problème d’autorisation : attendez, réessayez, et connectez-vous moins souvent.",
        ],
        500..=599 => &["5xx : une erreur côté service. Réessayez plus tard et consultez l’état d’Azure ; ouvrez une demande de support si cela dure."],
        _ => &[],
    }
}
