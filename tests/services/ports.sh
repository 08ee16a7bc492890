# The loopback ports of the test services (sourced by start.sh and stop.sh; the e2e suite reads
# the same numbers from ports.json).
REGISTRY_PORT=15000
DOH_PORT=15053
declare -A FRONTS=(
  [none]=15001 [deny]=15002 [notfound]=15003 [basic]=15004 [nocors]=15005
  [throttle]=15006 [scope-denied]=15007 [hang]=15008 [foreign-realm]=15010
)
# 15009 is kept free: "registry stopped", nothing listens there.
