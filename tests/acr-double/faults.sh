# The ACR double's faults (sourced by start.sh, run.sh and stop.sh). Each login server fault is a
# registry name of its own, so that one hosts file serves them all: the name a client is given
# selects the fault, as one registry differs from another.
DOUBLE_REGISTRY_PORT=15100
HANG_ADDRESS=127.0.2.2      # accepts on :443, never answers
REFUSED_ADDRESS=127.0.2.1   # nothing listens on :443
RESOLVER_ADDRESS=127.0.2.53 # dnsmasq: NXDOMAIN for every name

# fault → the registry's name (<name>.azurecr.io)
declare -A LOGIN=(
  [healthy]=contoso [firewall]=acrfirewall [throttle]=acrthrottle [throttle-blob]=acrthrottleblob
  [token-401]=acrnoscope [locked]=acrlocked [upload-expired]=acrupload
  [refused]=acrrefused [timeout]=acrhang [untrusted]=acrinspected [wrong-name]=acrwrongname
  [data-refused]=acrdataoff [data-timeout]=acrdatahang [data-untrusted]=acrdatainspected
)
# fault → the token server's --fault
declare -A FRONT_FAULT=(
  [firewall]=deny [throttle]=throttle [throttle-blob]=throttle-blob [token-401]=token-401
  [locked]=disallowed [upload-expired]=upload-unknown
)
# fault → the front's port
declare -A PORT=(
  [healthy]=15101 [firewall]=15102 [throttle]=15103 [throttle-blob]=15104 [token-401]=15105
  [locked]=15106 [upload-expired]=15107 [refused]=15108 [timeout]=15109 [untrusted]=15110
  [wrong-name]=15111 [data-refused]=15112 [data-timeout]=15113 [data-untrusted]=15114
)
# fault → its data endpoint, where layers are redirected
declare -A DATA=(
  [healthy]=contoso.westeurope.data.azurecr.io [throttle-blob]=acrthrottleblob.westeurope.data.azurecr.io
  [data-refused]=acrdataoff.westeurope.data.azurecr.io [data-timeout]=acrdatahang.westeurope.data.azurecr.io
  [data-untrusted]=acrdatainspected.westeurope.data.azurecr.io
)
# name → the address the hosts file gives it, when it is not the TLS front's 127.0.0.1
declare -A ADDRESS=(
  [acrrefused]=$REFUSED_ADDRESS [acrhang]=$HANG_ADDRESS
  [acrdataoff.westeurope.data.azurecr.io]=$REFUSED_ADDRESS
  [acrdatahang.westeurope.data.azurecr.io]=$HANG_ADDRESS
)
# name or fault → the certificate nginx shows (default: the trusted *.azurecr.io one)
declare -A CERT=(
  [untrusted]=inspected [wrong-name]=othername
  [acrdatainspected.westeurope.data.azurecr.io]=inspected
)
# Not in the hosts file, and NXDOMAIN from the resolver: the DNS failure.
MISSING_NAME=acrmissing
