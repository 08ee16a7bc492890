//! English text of the catalogue.

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
    "Run the health check again once this is fixed, with every check shown.",
    "az acr check-health -n {name} --yes --ignore-errors",
);

pub fn entry(code: Code) -> Entry {
    match code {
        Code::DockerCommand => Entry {
            summary: "The Azure CLI could not use Docker on this machine.",
            meaning: "Before anything else the CLI runs `docker ps`. If no docker binary is found, or if that command writes anything at all to its error output, the CLI reports this code and skips the other Docker checks. When Docker printed something, the CLI shows Docker's words instead of its own: they are the real cause.",
            causes: &[
                "Docker is not installed, or not on the PATH of the shell that runs az.",
                "Docker is installed but its daemon (Docker Desktop on Windows and macOS) is not running: a stopped daemon is reported here, not as DOCKER_DAEMON_ERROR.",
                "Your user may not open the Docker socket (Linux: not in the docker group).",
                "Since azure-cli 2.88.0, a docker binary found in the current directory is refused.",
            ],
            fixes: &[
                fix!("Check that Docker answers in this same shell.", "docker ps"),
                step!("If Docker's message mentions the daemon or a pipe, start Docker Desktop (or `sudo systemctl start docker` on Linux) and wait until it is ready."),
                fix!("On Linux, if the socket refused you, add your user to the docker group, then sign out and in again.", "sudo usermod -aG docker $USER"),
                fix!("If you only need a token and not Docker, log in without Docker.", "az acr login -n {name} --expose-token"),
                RERUN,
            ],
            caveats: &["A stopped daemon shows up as DOCKER_COMMAND_ERROR with Docker's own message: the documentation does not say so."],
        },
        Code::DockerDaemon => Entry {
            summary: "Docker is installed but its daemon did not answer.",
            meaning: "The CLI found the docker binary but could not reach the Docker daemon, so docker login and docker pull cannot work from this machine. The CLI then skips the pull check.",
            causes: &[
                "The Docker daemon or Docker Desktop is stopped or still starting.",
                "The daemon is broken or was installed incompletely.",
            ],
            fixes: &[
                fix!("See whether the daemon answers.", "docker info"),
                step!("Start or restart Docker Desktop, or on Linux restart the service: `sudo systemctl restart docker`."),
                RERUN,
            ],
            caveats: &["In the CLI's code this code is almost never raised: a stopped daemon usually appears as DOCKER_COMMAND_ERROR instead."],
        },
        Code::DockerVersion => Entry {
            summary: "The CLI could not read the Docker version.",
            meaning: "The CLI ran a docker version command and it failed. Up to azure-cli 2.5.0 that was `docker --version`; from 2.5.1 it is `docker version --format …`, which asks the daemon, so a stopped daemon can also cause this; from 2.86.0 it is `docker version --format json`.",
            causes: &[
                "The Docker daemon is not running (the version command asks the server since 2.5.1).",
                "Docker printed something on its error output (before 2.55.0 any error output counted as failure).",
                "An old Azure CLI or Docker client.",
            ],
            fixes: &[
                fix!("Run the same command yourself and read its message.", "docker version"),
                fix!("Update the Azure CLI.", "az upgrade"),
                RERUN,
            ],
            caveats: &["The documentation names `docker --version`; the CLI has used `docker version --format …` since 2.5.1."],
        },
        Code::DockerPull => Entry {
            summary: "Docker could not pull Microsoft's small test image.",
            meaning: "After you agree (or with --yes) the CLI runs `docker pull mcr.microsoft.com/mcr/hello-world:latest`. This error means that pull failed from this machine; it says nothing yet about your own registry.",
            causes: &[
                "No route to mcr.microsoft.com: proxy, firewall or DNS on this network.",
                "The Docker daemon is not running properly.",
                "Before azure-cli 2.55.0, any message on Docker's error output (such as macOS's \"What's Next?\" hints) counted as a failure even when the pull worked.",
                "Before 2.5.1, a host running Windows containers failed on the Linux sample image.",
            ],
            fixes: &[
                fix!("Try the pull yourself.", "docker pull mcr.microsoft.com/mcr/hello-world:latest"),
                step!("If the pull works by hand, this is a false positive: update the Azure CLI (`az upgrade`)."),
                step!("Behind a proxy, give Docker the proxy settings (HTTPS_PROXY in the daemon's configuration), not only your shell."),
                RERUN,
            ],
            caveats: &["False positives were fixed in azure-cli 2.5.1 (Windows containers) and 2.55.0 (any stderr)."],
        },
        Code::HelmCommand => Entry {
            summary: "The CLI could not use Helm.",
            meaning: "The CLI runs `helm --help`. If Helm is missing, or if that command writes anything to its error output, the CLI reports this code and appends what Helm printed. Helm's own warnings are enough to trigger it.",
            causes: &[
                "Helm is not installed or not on the PATH.",
                "Helm works but printed warnings (for example about deprecated chart repositories): the CLI treats any warning as a failure.",
            ],
            fixes: &[
                fix!("See what Helm prints.", "helm --help"),
                fix!("If Helm printed repository warnings, list and update or remove the deprecated repositories.", "helm repo list"),
                step!("If you do not use Helm with this registry, you can ignore this code: it says nothing about the registry."),
            ],
            caveats: &["Helm warnings alone produce this code (a false positive)."],
        },
        Code::HelmVersion => Entry {
            summary: "The CLI could not read the Helm version, or found a Helm older than 2.11.0.",
            meaning: "The CLI runs `helm version --client` and reads the version. This code means the command failed, or the version is older than 2.11.0, the oldest the CLI recommends.",
            causes: &[
                "An old Helm (before 2.11.0).",
                "An old Azure CLI that does not understand the output of a newer Helm (Helm 3 is read from 2.0.79).",
            ],
            fixes: &[
                fix!("Run the same command yourself.", "helm version --client"),
                fix!("Update the Azure CLI.", "az upgrade"),
                step!("Install a current Helm 3 release."),
            ],
            caveats: &[],
        },
        Code::NotaryCommand => Entry {
            summary: "The CLI could not find Notary.",
            meaning: "From azure-cli 2.0.81 to 2.86.0 the health check also looks for the Notary client (`notary --help`). This code means it is missing or printed to its error output. Notary is only needed for Docker Content Trust, which is deprecated.",
            causes: &[
                "Notary is not installed: that is normal on most machines.",
                "Notary printed something on its error output.",
            ],
            fixes: &[
                step!("If you do not sign images with Docker Content Trust, ignore this code: your registry access is not affected."),
                step!("If you do, install Notary 0.6.0 and put it on the PATH."),
                fix!("Or update the Azure CLI: from 2.87.0 the Notary check is gone.", "az upgrade"),
            ],
            caveats: &["Not in older documentation; removed from the CLI in 2.87.0."],
        },
        Code::NotaryVersion => Entry {
            summary: "Notary is installed but not at the version the CLI wants.",
            meaning: "The CLI (2.0.81 to 2.86.0) runs `notary version` and requires exactly 0.6.0. Any other version, newer or older, gives this code, as does a failure to run the command.",
            causes: &[
                "A Notary other than 0.6.0 (often newer, bundled with Docker).",
                "The notary command failed.",
            ],
            fixes: &[
                fix!("See which version is installed.", "notary version"),
                step!("If you do not use Docker Content Trust, ignore this code."),
                step!("If you do, install Notary 0.6.0 (from the notaryproject/notary releases) ahead of the other one on the PATH."),
                fix!("Or update the Azure CLI: from 2.87.0 the Notary check is gone.", "az upgrade"),
            ],
            caveats: &["The documentation advises a version earlier than 0.6.0; the CLI's code demands exactly 0.6.0."],
        },
        Code::ConnectivityDns => Entry {
            summary: "The registry's name did not resolve from this machine.",
            meaning: "The CLI looks up the login server's address. This code means the lookup failed, so nothing else about the registry could be checked.",
            causes: &[
                "A misspelt registry name, or a registry that does not exist (or was deleted).",
                "The CLI is set to another cloud (.azurecr.cn, .azurecr.us) than the registry's.",
                "No DNS on this network, or a private DNS zone that does not hold the registry.",
                "You cannot read the registry in this subscription, so the CLI guessed the login server.",
            ],
            fixes: &[
                fix!("Check that the registry exists under this name.", "az acr show -n {name} --query loginServer -o tsv"),
                fix!("Check which cloud the CLI is using.", "az cloud show --query name -o tsv"),
                fix!("Look up the name from this machine.", "nslookup {server}"),
                RERUN,
            ],
            caveats: &[],
        },
        Code::ConnectivityForbidden => Entry {
            summary: "The registry refused this machine (HTTP 403): a firewall rule or disabled public access.",
            meaning: "The registry's /v2/ endpoint answered 403 Forbidden. The registry is reachable but its network rules do not let this address in.",
            causes: &[
                "The registry's firewall allows other IP ranges than yours.",
                "Public network access is disabled: only private endpoints may connect.",
                "Your traffic leaves through a proxy or NAT address that is not allowed.",
            ],
            fixes: &[
                fix!("See the registry's network rules.", "az acr show --query networkRuleSet --name {name}"),
                fix!("See whether public access is enabled.", "az acr show --query publicNetworkAccess --name {name}"),
                fix!("Allow your public address (ask your network team which one).", "az acr network-rule add --name {name} --ip-address <your-public-ip>"),
                step!("With private endpoints only, run from a machine inside the connected network."),
            ],
            caveats: &[],
        },
        Code::ConnectivityChallenge => Entry {
            summary: "The registry's /v2/ endpoint did not answer with a sign-in challenge.",
            meaning: "The CLI calls https://<login server>/v2/ and expects 401 with a WWW-Authenticate header. This code means the call failed (refused, timed out, a proxy error) or got another answer (200, 404, a proxy's page).",
            causes: &[
                "A proxy or firewall between you and the registry answers or drops the request.",
                "The name resolves to a private endpoint that is not reachable from this machine (check the IP of the DNS line).",
                "A service incident on Azure's side (several people reported it at once in May 2024).",
            ],
            fixes: &[
                fix!("See what /v2/ really answers from here: a healthy registry says 401 with `WWW-Authenticate: Bearer realm=…`.", "curl -si https://{server}/v2/"),
                step!("If the DNS line shows a private IP (10.x, 172.16–31.x, 192.168.x), run from inside that network or fix the private DNS zone."),
                step!("Behind a proxy, set HTTPS_PROXY for az and make sure the proxy lets *.azurecr.io through."),
                step!("If nothing local explains it, retry later and check Azure status; then open an issue at https://aka.ms/acr/issues."),
            ],
            caveats: &["The documentation only says to retry later; the causes above are what maintainers asked about in real cases."],
        },
        Code::ConnectivityAadLogin => Entry {
            summary: "The registry challenged, but not for Microsoft Entra sign-in.",
            meaning: "The /v2/ endpoint answered 401, but its WWW-Authenticate header is not `Bearer realm=…,service=…`. An Azure registry always asks for Bearer; something else answered.",
            causes: &[
                "A proxy or another server answers in the registry's place (Basic authentication challenge).",
                "The name points to a registry that is not an Azure registry.",
            ],
            fixes: &[
                fix!("See the challenge header.", "curl -si https://{server}/v2/"),
                fix!("Try the admin user or a token instead of Entra sign-in, if enabled.", "az acr login -n {name} --username <user> --password <password>"),
                step!("If the registry is Azure's and still does this, open an issue at https://aka.ms/acr/issues."),
            ],
            caveats: &[],
        },
        Code::ConnectivityRefreshToken => Entry {
            summary: "The registry refused to exchange your Entra token for a registry token.",
            meaning: "The CLI sends your Microsoft Entra token to the registry's /oauth2/exchange and expects a registry refresh token. The registry answered with another status; the status tells why.",
            causes: &[
                "Your identity has no role on the registry (AcrPull, AcrPush, Reader…).",
                "The Azure CLI's sign-in is stale or belongs to another tenant.",
                "Network rules: with public access disabled, the token exchange answers 403.",
            ],
            fixes: &[
                fix!("Sign in again (in the registry's tenant).", "az login"),
                fix!("Check your role assignments on the registry.", "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table"),
                fix!("Check the network rules if the status is 403.", "az acr show --query \"{public:publicNetworkAccess, rules:networkRuleSet}\" --name {name}"),
                RERUN,
            ],
            caveats: &["Before azure-cli 2.46.0, throttling was reported here with Response code: 429; the advice to run az login does not apply then."],
        },
        Code::ConnectivityTooManyRequests => Entry {
            summary: "Too many sign-ins in a short time: the registry is throttling you (HTTP 429).",
            meaning: "The token exchange answered 429. The registry limits how often tokens are requested; your identity or address went over it. Nothing is wrong with your permissions.",
            causes: &[
                "Many parallel jobs or a loop signing in to the registry.",
                "A pipeline that runs az acr login for every step.",
            ],
            fixes: &[
                step!("Wait a minute and try again."),
                step!("Sign in once per job and reuse the token, instead of once per step or per image."),
                RERUN,
            ],
            caveats: &["This code exists from azure-cli 2.46.0; older versions printed CONNECTIVITY_REFRESH_TOKEN_ERROR with 429."],
        },
        Code::ConnectivityAccessToken => Entry {
            summary: "The registry refused to give an access token for the requested scope.",
            meaning: "With the refresh token, the CLI asks /oauth2/token for an access token. This code means that step failed (the status says why), or, with --repository, that the token lacks some of the repository permissions.",
            causes: &[
                "Your role does not grant the requested actions (for example AcrPull only, when a push is checked).",
                "Attribute-based (ABAC) repository permissions that do not cover this repository.",
                "A stale sign-in.",
            ],
            fixes: &[
                fix!("Sign in again.", "az login"),
                fix!("Check your role assignments on the registry.", "az role assignment list --scope $(az acr show -n {name} --query id -o tsv) -o table"),
                fix!("See whether the registry uses ABAC repository permissions.", "az acr show -n {name} --query roleAssignmentMode"),
                RERUN,
            ],
            caveats: &["The permissions variant (\"You have … permissions to the repository\") exists from azure-cli 2.73.0 and is not in the documentation."],
        },
        Code::ConnectivitySsl => Entry {
            summary: "No secure connection to the registry: usually a proxy that inspects TLS.",
            meaning: "The TLS handshake with the login server failed when the CLI called /v2/. The CLI's Python does not trust the certificate it was shown, or the connection was cut.",
            causes: &[
                "A corporate proxy that re-signs TLS with its own certificate authority.",
                "A missing or outdated CA bundle for the CLI's Python.",
            ],
            fixes: &[
                fix!("See which certificate this machine is shown.", "curl -sv https://{server}/v2/ -o /dev/null"),
                step!("Point the CLI at your company's CA bundle: set REQUESTS_CA_BUNDLE to a file holding it."),
                step!("Set HTTPS_PROXY if your network requires a proxy (see \"Work behind a proxy\" in the Azure CLI documentation)."),
                RERUN,
            ],
            caveats: &[],
        },
        Code::LoginServer => Entry {
            summary: "The CLI could not find the registry's login server.",
            meaning: "The CLI could not read the registry in Azure, and the cloud it is set to has no default registry suffix to build the name from.",
            causes: &[
                "A misspelt or missing registry.",
                "No permission to read the registry in the current subscription.",
                "The CLI is set to a cloud without a registry suffix, or is outdated.",
            ],
            fixes: &[
                fix!("Check the registry and your subscription.", "az acr show -n {name} --query loginServer -o tsv"),
                fix!("See which subscription is active.", "az account show --query name -o tsv"),
                fix!("Update the Azure CLI.", "az upgrade"),
            ],
            caveats: &[],
        },
        Code::Cmk => Entry {
            summary: "The identity used for the registry's encryption key no longer exists.",
            meaning: "The registry is encrypted with a customer-managed key, read through a managed identity. The CLI found that this identity is gone, so the registry cannot reach its key.",
            causes: &["The user-assigned identity was deleted, or the system identity was turned off."],
            fixes: &[
                fix!("See which identity the encryption uses.", "az acr encryption show --name {name}"),
                fix!("Rotate the key with an identity that exists and can read the key vault.", "az acr encryption rotate-key --name {name} --key-encryption-key <key-uri> --identity <identity-id>"),
            ],
            caveats: &[],
        },
        Code::ConnectivityWwwAuthenticate => Entry {
            summary: "The registry's challenge asked for neither Basic nor Bearer authentication.",
            meaning: "Used when signing in with a user name and password: the /v2/ challenge did not ask properly for Basic or Bearer. The health check itself never prints it.",
            causes: &["Something other than the registry (a proxy) answered /v2/."],
            fixes: &[fix!("See the challenge header.", "curl -si https://{server}/v2/")],
            caveats: &["Defined in the CLI but not in the documentation."],
        },
        Code::Unexpected => Entry {
            summary: "The CLI reported an unexpected error.",
            meaning: "A generic code the CLI defines but does not use in its registry commands. If you see it, the message that follows is all there is to go on.",
            causes: &["An error the CLI did not classify."],
            fixes: &[
                fix!("Run the command again with details.", "az acr check-health -n {name} --yes --debug"),
                fix!("Update the Azure CLI.", "az upgrade"),
            ],
            caveats: &["Defined in the CLI but not in the documentation."],
        },
        Code::AzLoginRequired => Entry {
            summary: "The Azure CLI is not signed in.",
            meaning: "No account is signed in to the Azure CLI in this environment, so no Entra token could be obtained and no registry check could start. This is not a registry problem. (This code is ours; the CLI prints only the message.)",
            causes: &[
                "az login was never run in this shell, container or CI job.",
                "The CI step that signs in (azure/login, AzureCLI@2) ran in another job or user.",
                "The sign-in expired or was cleared.",
            ],
            fixes: &[
                fix!("Sign in.", "az login"),
                step!("In CI, sign in first (for GitHub Actions the azure/login action) in the same job, then run az acr commands."),
                fix!("Then log in to the registry.", "az acr login -n {name}"),
            ],
            caveats: &[],
        },
        Code::CliCrash => Entry {
            summary: "The Azure CLI itself crashed.",
            meaning: "The command stopped with a Python exception instead of a code: a bug or an unexpected environment in the CLI, not a verdict about the registry. Checks printed as OK before the crash did pass. (This code is ours.)",
            causes: &[
                "A CLI bug (for example 2.85.0 crashed in the encryption check with 'NoneType' object has no attribute 'split'; fixed in 2.86.0).",
                "Before 2.76.0, a registry that does not exist crashed the command.",
                "Without --yes and without a terminal, the pull prompt cannot be answered.",
            ],
            fixes: &[
                fix!("Update the Azure CLI.", "az upgrade"),
                fix!("Run without prompts.", "az acr check-health -n {name} --yes"),
                step!("Search the exception text in the Azure CLI issues; report it with the traceback if it is new."),
            ],
            caveats: &[],
        },
    }
}

pub fn status_causes(status: u16) -> &'static [&'static str] {
    match status {
        401 => &[
            "401: the registry does not accept this identity — no role on the registry, a stale sign-in, or another tenant. Run `az login` again and check the role assignments.",
        ],
        403 => &[
            "403: refused by the registry's network rules — public access disabled or a firewall rule. Signing in again will not help; check networkRuleSet and publicNetworkAccess.",
        ],
        404 => &["404: the token endpoint was not found — the name may point to something other than an Azure registry."],
        429 => &[
            "429: throttling — too many token requests in a short time. This is not a permission problem: wait and retry, and sign in less often.",
        ],
        500..=599 => &["5xx: an error on the service side. Retry later and check Azure status; open a support request if it lasts."],
        _ => &[],
    }
}
