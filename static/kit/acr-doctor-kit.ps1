# acr-doctor probe kit, transcript version 1 (Windows PowerShell 5.1 or later).
# Checks, read-only, what a pull from this machine needs: DNS, TCP and TLS to the registry, its
# /v2/ challenge, a token, the image's manifest, and the data endpoint its layers come from.
# It changes nothing and needs no administrator. It prints no secret: a token as its length, a
# redirect as its host.
#
# Where secrets go: only to this registry's own origin (below). A challenge that names another
# host or scheme as its realm gets nothing, and the transcript says so. az's Entra token goes
# only to an Azure login server, unless $env:ACR_KIT_ENTRA_ORIGIN names this exact origin.
# Secrets, and every URL and value a server sent, reach curl.exe on its standard input, never
# its command line. Only https (plain http for this machine alone), no redirect followed; a
# layer's redirect is read only on the registry itself, its data endpoint or Azure storage.
#
# Credentials, if any: $env:ACR_USERNAME and $env:ACR_PASSWORD, else a signed-in az. To set the
# password without it showing or staying in your history:
#   $env:ACR_PASSWORD = [Net.NetworkCredential]::new('', (Read-Host -AsSecureString 'Password')).Password
# Each request stops after $env:ACR_KIT_TIMEOUT seconds (10).
# Run it: powershell -ExecutionPolicy Bypass -File .\acr-doctor-kit.ps1, then paste everything it
# prints into acr-doctor.
# (acr-doctor writes the registry's values here.)
$T = if ($env:ACR_KIT_TIMEOUT -match '^[0-9]+$') { [int]$env:ACR_KIT_TIMEOUT } else { 10 }
$Proto = if ($Loopback -eq 'yes') { '=http,https' } else { '=https' }
# What is piped to curl.exe is sent as UTF-8 (Windows PowerShell 5.1 sends ASCII by default).
$OutputEncoding = New-Object Text.UTF8Encoding($false)
function Say([string]$Line) { Write-Output $Line }
# A value for the transcript: one word, no control characters.
function Enc([string]$Text) { (($Text -replace '[\x00-\x1f\x7f]', '') -replace ' ', '%20') }
function Ms([string]$Seconds) { $s = 0.0; if ([double]::TryParse($Seconds, [Globalization.NumberStyles]::Float, [Globalization.CultureInfo]::InvariantCulture, [ref]$s)) { '{0}ms' -f [int]($s * 1000) } else { '' } }
# One option of curl's config, which curl.exe reads on its standard input: the value
# double-quoted, its backslashes and quotes escaped, control characters dropped. Every URL,
# header, form field and secret reaches curl.exe this way; KCurl takes nothing else, and
# curl.exe's command line holds only constants.
function Opt([string]$Name, [string]$Value) { '{0} = "{1}"' -f $Name, (($Value -replace '[\x00-\x1f\x7f]', '').Replace('\', '\\').Replace('"', '\"')) }
function KCurl([string[]]$Config) { ($Config -join "`n") | & curl.exe -sS --max-time $T --proto $Proto --proto-redir $Proto -K - 2>$null }
function FailOf([int]$Code) { switch ($Code) { 6 { 'dns' } 7 { 'refused' } 28 { 'timeout' } { $_ -in 35, 51, 58, 60, 77, 83, 90, 91 } { 'tls' } default { "curl-$Code" } } }
function Code([string[]]$Out) { $c = (($Out | Select-Object -Last 1) -replace '[^0-9]', ''); if (-not $c -or $c -eq '000') { 'fail' } else { $c } }
function Field([string]$Json, [string]$Name) { if ($Json -match ('"' + $Name + '"\s*:\s*"([^"]+)"')) { $Matches[1] } else { '' } }
# A URL's scheme (lower case) and origin, as the kit compares them.
function SchemeOf([string]$Url) { if ($Url -match '^([a-zA-Z][a-zA-Z0-9+.-]*)://') { $Matches[1].ToLowerInvariant() } else { '' } }
function OriginOf([string]$Url) { if ($Url -match '^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\s]*)') { $Matches[1] } else { '' } }
# Where a layer may be read: the registry itself, its data endpoint, Azure storage.
function HostOk([string]$H) { ($H -ceq $HostName) -or ($H -cmatch ('\A(?:' + $DataHosts + ')\z')) }
# A step that may wait on the network, in a runspace of its own, stopped after $T seconds.
function Limited([scriptblock]$Block, [object[]]$Arguments) {
  $p = [PowerShell]::Create().AddScript($Block.ToString())
  foreach ($a in $Arguments) { $null = $p.AddArgument($a) }
  $h = $p.BeginInvoke()
  # Stopped without waiting for it: a lookup that hangs may not return to be stopped.
  if (-not $h.AsyncWaitHandle.WaitOne($T * 1000)) { $null = $p.BeginStop($null, $null); throw 'timeout' }
  try { $p.EndInvoke($h) } finally { $p.Dispose() }
}
# What a token grants, from its "access" claim decoded here (" granted=type:name:actions;..."),
# or nothing when it cannot be decoded. The token itself is never printed.
function Granted([string]$Token) {
  $p = @($Token -split '\.')
  if ($p.Count -lt 2) { return '' }
  $b = $p[1].Replace('-', '+').Replace('_', '/')
  switch ($b.Length % 4) { 2 { $b += '==' } 3 { $b += '=' } }
  try { $c = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b)) | ConvertFrom-Json } catch { return '' }
  if (-not $c.grant_type) { return '' }
  ' granted=' + ((@($c.access | ForEach-Object { '{0}:{1}:{2};' -f $_.type, $_.name, (@($_.actions) -join ',') }) -join '') -replace '[\x00-\x20\x7f]', '')
}

Say "acr-doctor-kit 1 $Origin"

# 1. DNS, as this machine resolves the name.
if ($Dns -eq 'yes') {
  try {
    $r = Limited { param($n) Resolve-DnsName -Name $n -ErrorAction Stop } @($HostName)
    $a = ($r | Where-Object { $_.Type -eq 'A' } | ForEach-Object { $_.IPAddress }) -join ','
    $a6 = ($r | Where-Object { $_.Type -eq 'AAAA' } | ForEach-Object { $_.IPAddress }) -join ','
    $c = (@($HostName) + @($r | Where-Object { $_.Type -eq 'CNAME' } | ForEach-Object { $_.NameHost })) -join '>'
    if ($a) { Say "dns ok addresses=$(Enc $a) cnames=$(Enc $c) aaaa=$(Enc $a6)" } else { Say "dns fail error=nxdomain" }
  } catch {
    if ("$_" -eq 'timeout') { Say "dns fail error=timeout" } else { Say "dns fail error=nxdomain" }
  }
}

# 2. TCP, and TLS with the certificate's issuer and names. The proxy in use, if any, by its host.
# The variables curl reads for this scheme (names are not case-sensitive on Windows).
$P = if ($Tls -eq 'yes') { $env:HTTPS_PROXY } else { $env:http_proxy }
if (-not $P) { $P = if ($env:ALL_PROXY) { $env:ALL_PROXY } else { '' } }
$PX = if ($P -match '^(?:[a-zA-Z]+://)?(?:[^@/]*@)?([^:/]+)') { " proxy=$(Enc $Matches[1])" } else { '' }
$R = KCurl @((Opt 'url' "$Origin/v2/"), (Opt 'output' 'NUL'), (Opt 'write-out' '%{time_connect} %{time_appconnect}')); $E = $LASTEXITCODE
switch (FailOf $E) {
  'curl-0' { Say "tcp ok $(Ms ($R -split ' ')[0])$PX" }
  'tls' { Say "tcp ok$PX" }
  default { Say "tcp fail error=$(FailOf $E)"; Say "acr-doctor-kit end"; return }
}
if ($Tls -eq 'yes') {
  $I = ''; $N = ''
  $tcp = New-Object Net.Sockets.TcpClient
  try {
    # Connecting, then each read and write of the handshake, stop after $T seconds.
    if (-not $tcp.ConnectAsync($HostName.Trim('[]'), [int]$Port).Wait($T * 1000)) { throw 'timeout' }
    $tcp.ReceiveTimeout = $T * 1000; $tcp.SendTimeout = $T * 1000
    $ssl = New-Object Net.Security.SslStream($tcp.GetStream(), $false, { $true })
    $ssl.AuthenticateAsClient($HostName); $I = $ssl.RemoteCertificate.Issuer
    $N = ((New-Object Security.Cryptography.X509Certificates.X509Certificate2($ssl.RemoteCertificate)).DnsNameList | ForEach-Object { $_.Unicode }) -join ','
    $ssl.Dispose()
  } catch { } finally { $tcp.Dispose() }
  if ($E -eq 0) {
    Say "tls ok $(Ms ($R -split ' ')[1]) issuer=$(Enc $I) names=$(Enc $N)"
  } else {
    Say "tls fail issuer=$(Enc $I) names=$(Enc $N)"
    Say "acr-doctor-kit end"
    return
  }
}

# 3. GET /v2/: the status and the challenge (and the address a firewall saw).
$B = KCurl @((Opt 'url' "$Origin/v2/"), (Opt 'dump-header' '-'))
$S = ((($B | Select-Object -First 1) -split ' ')[1]) -replace '[^0-9]', ''
$W = ($B | Where-Object { $_ -match '^www-authenticate:' } | Select-Object -First 1) -replace '^[^:]*:\s*', ''
$IP = if (($B -join "`n") -match "client with IP '([0-9a-fA-F.:]+)'") { $Matches[1] } else { '' }
Say ("v2 $(if ($S) { $S } else { '000' }) www-authenticate=$(Enc $W)" + $(if ($IP) { " client-ip=$IP" } else { '' }))

# 4. A token, with the credentials at hand, and only from the registry itself.
$Realm = if ($W -match 'realm="([^"]*)"') { $Matches[1] } else { '' }
$Service = if ($W -match 'service="([^"]*)"') { $Matches[1] } else { '' }
$Scope = if ($Repo) { "repository:${Repo}:pull" } else { 'registry:catalog:*' }
$AT = ''
# The realm must be this registry's own origin (scheme, host and port), as the page requires.
$RO = OriginOf $Realm
if (-not $Realm) {
  Say "token skip"
} elseif ($RO -cne $Origin) {
  Say "token skip reason=foreign-realm realm=$(Enc $RO)"
} elseif ($env:ACR_USERNAME -and $env:ACR_PASSWORD) {
  $O = KCurl @((Opt 'user' ('{0}:{1}' -f $env:ACR_USERNAME, $env:ACR_PASSWORD)), (Opt 'url' $Realm), 'get', (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "scope=$Scope"), (Opt 'write-out' '\n%{http_code}'))
  $AT = Field ($O -join '') 'access_token'
  $GR = Granted $AT
  Say "token $(Code $O) via=basic length=$($AT.Length) scope=$Scope$GR"
} elseif (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Say "token skip"
} elseif ($Azure -ne 'yes' -and $env:ACR_KIT_ENTRA_ORIGIN -cne $Origin) {
  Say "token skip reason=entra-not-azure"
} elseif ($ET = az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>$null) {
  $O = KCurl @((Opt 'url' "$Origin/oauth2/exchange"), (Opt 'data-urlencode' 'grant_type=access_token'), (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "access_token=$ET"), (Opt 'write-out' '\n%{http_code}'))
  $RT = Field ($O -join '') 'refresh_token'
  if ($RT) {
    $O = KCurl @((Opt 'url' "$Origin/oauth2/token"), (Opt 'data-urlencode' 'grant_type=refresh_token'), (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "scope=$Scope"), (Opt 'data-urlencode' "refresh_token=$RT"), (Opt 'write-out' '\n%{http_code}'))
    $AT = Field ($O -join '') 'access_token'
  }
  $GR = Granted $AT
  Say "token $(Code $O) via=entra length=$($AT.Length) scope=$Scope$GR"
} else {
  Say "token skip"
}

# 5. The image: its manifest, then its config blob without following the redirect.
if ($Repo -and $AT) {
  $Accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
  $O = KCurl @((Opt 'url' "$Origin/v2/$Repo/manifests/$Tag"), (Opt 'header' "Authorization: Bearer $AT"), (Opt 'header' "Accept: $Accept"), (Opt 'write-out' '\n%{http_code}'))
  Say "manifest $(Code $O)"
  $D = if (($O -join '') -match '"config"\s*:\s*\{[^}]*"digest"\s*:\s*"(sha256:[0-9a-f]+)"') { $Matches[1] } else { '' }
  if ($D) {
    $O = KCurl @((Opt 'url' "$Origin/v2/$Repo/blobs/$D"), (Opt 'header' "Authorization: Bearer $AT"), (Opt 'output' 'NUL'), (Opt 'write-out' '%{http_code} %{redirect_url}'))
    $BS, $LOC = (@($O)[0]) -split ' ', 2
    $BS = $BS -replace '[^0-9]', ''; if (-not $BS) { $BS = '000' }
    $LS = SchemeOf $LOC
    # The redirect's host: its authority without a port (user info stays, and fails the check).
    $DH = ((OriginOf $LOC) -replace '^[^:]*://', '' -replace ':[0-9]*$', '').ToLowerInvariant()
    if (-not $LOC) {
      Say "blob $BS"
    } elseif ($LS -ne 'https' -and ($LS -ne 'http' -or $Loopback -ne 'yes')) {
      Say "blob $BS location-host=$(Enc $DH) location-scheme=$(Enc $LS) refused=scheme"
    } elseif (-not (HostOk $DH)) {
      Say "blob $BS location-host=$(Enc $DH) refused=host"
    } else {
      Say "blob $BS location-host=$(Enc $DH)"
      # The redirect's own signed URL, read from stdin: a few bytes, with no Authorization.
      # curl.exe resolves the name: its exit code tells the stage that failed.
      $R = KCurl @((Opt 'url' $LOC), (Opt 'output' 'NUL'), (Opt 'range' '0-15'), (Opt 'write-out' '%{http_code} %{time_total}')); $E = $LASTEXITCODE
      switch (FailOf $E) {
        'curl-0' {
          Say "data-dns ok"
          Say "data-tcp ok"
          if ($LS -eq 'https') { Say "data-tls ok" }
          Say "data-get $((($R -split ' ')[0]) -replace '[^0-9]', '') $(Ms ($R -split ' ')[1])"
        }
        'dns' { Say "data-dns fail" }
        'tls' { Say "data-dns ok"; Say "data-tcp ok"; Say "data-tls fail" }
        default { Say "data-dns ok"; Say "data-tcp fail error=$(FailOf $E)" }
      }
    }
  }
}
Say "acr-doctor-kit end"
