#!/usr/bin/env python3
"""Every command the page offers, run by the real tool: az (a pinned azure-cli) and kubectl.

Reads `place<TAB>template` lines (cargo run -p acr-doctor-core --example commands), fills each
template's slots and placeholders with valid-shaped values, and runs it in a network namespace
of its own (`unshare -n`: nothing leaves the machine) with an empty az configuration, so nothing
is signed in. A command whose arguments the tool refuses fails the test; a good az command stops
later, at "Please run 'az login'" or at the network. `kubectl run` is checked with
`--dry-run=client`: kubectl builds the pod, applies `--overrides` and prints it, after asking an
API server which resources exist; a stand-in on 127.0.0.1 answers that discovery (pods in v1)
and nothing else, so no pod is ever created.

usage: check.py AZ KUBECTL < commands.tsv
"""
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/contoso-rg/providers"
# One valid-shaped value for every slot and placeholder a command may hold. A new placeholder
# needs its value here: the test refuses a command it cannot fill.
VALUES = {
    "{name}": "contoso",
    "{server}": "contoso.azurecr.io",
    "{origin}": "https://contoso.azurecr.io",
    "{host}": "contoso.azurecr.io",
    "{repository}": "team/app",
    "{ip}": "203.0.113.7",
    "<registry-name>": "contoso",
    "<login-server>": "contoso.azurecr.io",
    "<resource-group>": "contoso-rg",
    "<cluster-name>": "contoso-aks",
    "<app-id>": "00000000-0000-0000-0000-000000000001",
    "<object-id>": "00000000-0000-0000-0000-000000000002",
    "<kubelet-object-id>": "00000000-0000-0000-0000-000000000003",
    "<assignee>": "someone@contoso.com",
    "<key-uri>": "https://contoso-kv.vault.azure.net/keys/acr-key",
    "<identity-id>": SUBSCRIPTION + "/Microsoft.ManagedIdentity/userAssignedIdentities/acr-key-reader",
    "<your-public-ip>": "203.0.113.7",
    "<repository>": "team/app",
    "<tag>": "v1",
    "<user>": "contoso-pull",
    "<rule-name>": "hub-nginx",
    "<credential-set>": "hub-credentials",
}
# What a `$(…)` inside a command prints, by the field it asks for (the inner command is checked
# on its own).
SUBSTITUTIONS = {
    "id": SUBSCRIPTION + "/Microsoft.ContainerRegistry/registries/contoso",
    "identityProfile.kubeletidentity.objectId": "00000000-0000-0000-0000-000000000003",
}
# What az and kubectl print when they refuse their arguments.
REFUSED = re.compile(
    r"unrecognized arguments|misspelled or not recognized|the following arguments are required"
    r"|invalid choice|expected one argument|usage error|not a valid value|is not a legal value"
    r"|unknown flag|unknown shorthand flag|unknown command|flag needs an argument|invalid argument"
    r"|error: (required flag|accepts)",
    re.I,
)


class Discovery(http.server.BaseHTTPRequestHandler):
    """What kubectl asks an API server before a client-side dry run: its versions and resources."""

    ANSWERS = {
        "/api": {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []},
        "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": []},
        "/api/v1": {
            "kind": "APIResourceList",
            "groupVersion": "v1",
            "resources": [
                {"name": "pods", "singularName": "pod", "namespaced": True, "kind": "Pod",
                 "verbs": ["create", "delete", "get", "list"], "shortNames": ["po"]}
            ],
        },
    }

    def do_GET(self):
        body = self.ANSWERS.get(self.path.split("?", 1)[0])
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def kubeconfig(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Discovery)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = os.path.join(directory, "kubeconfig")
    with open(path, "w") as f:
        f.write(
            "apiVersion: v1\nkind: Config\n"
            f"clusters: [{{name: c, cluster: {{server: 'http://127.0.0.1:{server.server_port}'}}}}]\n"
            "contexts: [{name: c, context: {cluster: c, namespace: default}}]\n"
            "current-context: c\n"
        )
    return path


def fill(template):
    text = template
    for key, value in VALUES.items():
        text = text.replace(key, value)
    left = re.findall(r"\{[a-z]+\}|<[a-z][a-z0-9-]*>", text)
    return text, left


def substitute(command):
    """The command with each $(…) replaced by what it prints, and the inner commands."""
    inner = []
    while True:
        m = re.search(r"\$\(([^()]*)\)", command)
        if not m:
            return command, inner
        query = re.search(r"--query\s+(\S+)", m.group(1))
        value = SUBSTITUTIONS.get(query.group(1).strip("\"'") if query else "")
        if value is None:
            raise ValueError(f"no value for the substitution $({m.group(1)})")
        inner.append(m.group(1))
        command = command[: m.start()] + value + command[m.end() :]


def run(argv_sh, env, isolated=True):
    p = subprocess.run(
        (["unshare", "-n"] if isolated else []) + ["sh", "-c", argv_sh],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return p.returncode, p.stdout + p.stderr


def first_error(out):
    for line in out.splitlines():
        if line.startswith("ERROR:") or line.startswith("error:"):
            return line[:160]
    return (out.strip().splitlines() or ["(no output)"])[0][:160]


def main():
    az, kubectl = sys.argv[1], sys.argv[2]
    config = tempfile.mkdtemp(prefix="acr-doctor-az-")
    env = dict(os.environ)
    env.update(
        AZURE_CONFIG_DIR=config,
        AZURE_CORE_COLLECT_TELEMETRY="no",
        AZURE_CORE_NO_COLOR="yes",
        AZURE_CORE_ONLY_SHOW_ERRORS="yes",
        KUBECONFIG=kubeconfig(config),
        PATH=os.path.dirname(az) + os.pathsep + os.path.dirname(kubectl) + os.pathsep + env["PATH"],
    )
    failures, checked = [], 0
    for line in sys.stdin:
        place, _, template = line.rstrip("\n").partition("\t")
        tool = template.split(" ", 1)[0]
        if tool not in ("az", "kubectl"):
            print(f"  not run here ({tool}): {template}")
            continue
        command, left = fill(template)
        if left:
            failures.append(f"{place}: no value for {', '.join(left)} in: {template}")
            continue
        try:
            command, inner = substitute(command)
        except ValueError as e:
            failures.append(f"{place}: {e}")
            continue
        if tool == "kubectl":
            if " run " not in f" {command} ":
                failures.append(f"{place}: only `kubectl run` is checked here: {template}")
                continue
            # Attached (-i, --rm, stdin) cannot be a dry run: the pod is what is checked.
            command = re.sub(r"\s+<\s+\S+$", "", command)
            command = re.sub(r"\s--rm(?=\s)|\s-i(?=\s)", "", command)
            command = command.replace(" --command --", " --dry-run=client -o yaml --command --", 1)
        for c in inner + [command]:
            checked += 1
            # kubectl talks to the stand-in on loopback; az to nothing at all.
            rc, out = run(c, env, isolated=tool == "az")
            bad = REFUSED.search(out) or rc == 2 or (tool == "kubectl" and rc != 0)
            # The pod kubectl would create runs on the node's network exactly when asked to.
            if tool == "kubectl" and ('"hostNetwork":true' in c) != ("hostNetwork: true" in out):
                bad = True
            verdict = "REFUSED" if bad else "ok"
            print(f"  {verdict:7} {c}\n          → {first_error(out) if tool == 'az' else f'exit {rc}'}")
            if bad:
                failures.append(f"{place}: {c}\n    {first_error(out)}")
    print(f"\n{checked} commands run by az {az} and kubectl")
    if failures:
        print("\nRefused:\n" + "\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
