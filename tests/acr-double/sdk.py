"""A program as a developer would write it with the Azure SDK for Python (azure-containerregistry):
list a repository's tags. Its credential is the ACR double's stand-in for Microsoft Entra: a
token signed with the double's test secret, for the registry's audience, which the double's
/oauth2/exchange accepts as Entra's. Errors are not caught: the traceback is what a person pastes.

usage: sdk.py ENDPOINT entra|anonymous REPOSITORY
"""
import base64
import hashlib
import hmac
import json
import sys
import time

from azure.containerregistry import ContainerRegistryClient
from azure.core.credentials import AccessToken

AUDIENCE = "https://containerregistry.azure.net"


class DoubleEntraCredential:
    """What DefaultAzureCredential would hand the SDK, made here (tests/acr-double only)."""

    def get_token(self, *scopes, **kwargs):
        now = int(time.time())
        claims = {"aud": AUDIENCE, "exp": now + 3600, "iat": now, "tid": "00000000-0000-0000-0000-00000000000a", "upn": "dev@contoso.example"}
        b64 = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
        signing_input = f"{b64({'alg': 'HS256', 'typ': 'JWT'})}.{b64(claims)}"
        signature = hmac.new(b"acr-double-entra-secret", signing_input.encode(), hashlib.sha256).digest()
        token = f"{signing_input}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
        return AccessToken(token, now + 3600)


endpoint, mode, repository = sys.argv[1:4]
credential = DoubleEntraCredential() if mode == "entra" else None
with ContainerRegistryClient(endpoint, credential, audience=AUDIENCE) as client:
    for tag in client.list_tag_properties(repository):
        print(tag.name)
