# The loopback ports of the test services (sourced by start.sh and stop.sh; the e2e suite reads
# the same numbers in tests/e2e/ports.mjs).
REGISTRY_PORT=15000
DOH_PORT=15053
declare -A FRONTS=(
  [none]=15001 [deny]=15002 [notfound]=15003 [basic]=15004 [nocors]=15005
  [throttle]=15006 [scope-denied]=15007 [hang]=15008 [foreign-realm]=15010
  [redirect-exchange]=15011 [redirect-token]=15013
  [blob-data]=15014 [blob-refused]=15016 [blob-hang]=15018 [blob-tls]=15019
  [scope-empty]=15022 [realm-elsewhere]=15025 [blob-gopher]=15026 [blob-foreign]=15027
)
# Where each front's redirect points. The blob fronts send layers to a "data endpoint": 15015
# (the e2e suite serves it), 15017 (nothing listens: refused), the hanging front, and 15020 (the
# e2e suite serves TLS there with a certificate from an unknown CA).
declare -A REDIRECT_TO=(
  [blob-data]=http://127.0.0.1:15015 [blob-refused]=http://127.0.0.1:15017
  [blob-hang]=http://127.0.0.1:15008 [blob-tls]=https://127.0.0.1:15020
  [blob-gopher]=gopher://127.0.0.1:15012 [blob-foreign]=http://localhost:15012
)
# 15012: the second origin the redirect faults, realm-elsewhere, blob-gopher (another scheme)
# and blob-foreign (another host than the registry's) point at. The e2e suite listens there itself and
# records whatever reaches it (a client that followed the redirect would send it the secret).
RECORDER_PORT=15012
# 15024: nginx serving the page with hosting/nginx.conf (tests/e2e/hosting.test.mjs starts it).
# 15009 is kept free: "registry stopped", nothing listens there.
