// The loopback ports of the test services: the same numbers as tests/services/ports.sh.
export const FRONT = {
  none: 15001, deny: 15002, notfound: 15003, basic: 15004, nocors: 15005, throttle: 15006,
  'scope-denied': 15007, hang: 15008, 'foreign-realm': 15010,
  'redirect-exchange': 15011, 'redirect-token': 15013,
  'blob-data': 15014, 'blob-refused': 15016, 'blob-hang': 15018, 'blob-tls': 15019,
  'scope-empty': 15022, 'realm-elsewhere': 15025, 'blob-gopher': 15026, 'blob-foreign': 15027,
};
/** The "data endpoints" the blob fronts redirect to that the kit suite serves itself. */
export const DATA_ENDPOINT = 15015;
export const DATA_ENDPOINT_TLS = 15020;
/** A forward HTTP proxy the kit suite runs, as a company network would have. */
export const PROXY = 15021;
/** An https front of the registry the kit suite runs, with a certificate of its own making. */
export const HTTPS_FRONT = 15023;
/** nginx serving the page with hosting/nginx.conf (the hosting suite starts it). */
export const NGINX = 15024;
/** Nothing listens here: "registry stopped". */
export const STOPPED = 15009;
/** The second origin the redirect faults point at; the security suite listens there itself. */
export const RECORDER = 15012;
export const DOH = 'http://127.0.0.1:15053/dns-query';
