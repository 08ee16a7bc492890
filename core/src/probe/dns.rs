//! DNS-over-HTTPS (RFC 8484) messages: the query the page sends with GET `?dns=`, and the answer.

/// What a DoH answer says about a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The response code: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED.
    pub rcode: u8,
    /// The CNAME chain, in order: (owner, target).
    pub cnames: Vec<(String, String)>,
    /// IPv4 addresses of the final name.
    pub addresses: Vec<String>,
    /// IPv6 addresses of the final name (in the answer to an AAAA query).
    pub addresses6: Vec<String>,
}

impl Answer {
    pub fn rcode_name(&self) -> &'static str {
        match self.rcode {
            0 => "NOERROR",
            1 => "FORMERR",
            2 => "SERVFAIL",
            3 => "NXDOMAIN",
            4 => "NOTIMP",
            5 => "REFUSED",
            _ => "other",
        }
    }

    /// A CNAME into `privatelink.azurecr.io`: the registry has a private endpoint.
    pub fn private_link(&self) -> Option<&str> {
        self.cnames
            .iter()
            .map(|(_, t)| t.as_str())
            .find(|t| t.contains(".privatelink."))
    }

    /// The Azure region that answered, when the chain ends in `<host>.<region>.cloudapp.azure.com`
    /// (the label `az aks check-acr` reads as the registry's location).
    pub fn region(&self) -> Option<&str> {
        region_of(self.cnames.iter().map(|(_, t)| t.as_str()))
    }

    /// The first private (RFC 1918) address in the answer.
    pub fn private_address(&self) -> Option<&str> {
        self.addresses
            .iter()
            .map(String::as_str)
            .find(|a| crate::values::is_private_ipv4(a))
    }
}

/// The region label of the last CNAME target, if it is a `cloudapp.azure.com` name.
pub fn region_of<'a>(targets: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let last = targets.last()?.trim_end_matches('.');
    let rest = last.strip_suffix(".cloudapp.azure.com")?;
    let region = rest.rsplit('.').next().filter(|_| rest.contains('.'))?;
    let plain = !region.is_empty()
        && region.len() <= 40
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    plain.then_some(region)
}

/// The dedicated data endpoint an Azure registry would have in a region:
/// `<name>.<region>.data.<suffix>` for a login server `<name>.<suffix>`.
pub fn data_endpoint(host: &str, name: &str, region: &str) -> Option<String> {
    let suffix = host.strip_prefix(name)?.strip_prefix('.')?;
    suffix
        .starts_with("azurecr.")
        .then(|| format!("{name}.{region}.data.{suffix}"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsError {
    /// A label longer than 63 bytes or a name longer than 253.
    Name(String),
    /// The answer is shorter than it says or points outside itself.
    Malformed(&'static str),
}

/// The record types the page asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qtype {
    /// IPv4 addresses.
    A = 1,
    /// IPv6 addresses.
    Aaaa = 28,
}

/// A query for `name`: id 0 (RFC 8484 §4.1 for caching), recursion desired.
pub fn query(name: &str, qtype: Qtype) -> Result<Vec<u8>, DnsError> {
    let name = name.trim_end_matches('.');
    if name.is_empty() || name.len() > 253 {
        return Err(DnsError::Name(name.to_owned()));
    }
    let mut q = vec![0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 || !label.is_ascii() {
            return Err(DnsError::Name(name.to_owned()));
        }
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, qtype as u8, 0, 1]);
    Ok(q)
}

/// The GET URL for a query: `<resolver>?dns=<base64url, no padding>`.
pub fn get_url(resolver: &str, name: &str, qtype: Qtype) -> Result<String, DnsError> {
    let sep = if resolver.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{resolver}{sep}dns={}",
        base64url(&query(name, qtype)?)
    ))
}

/// Standard base64 with padding (for HTTP Basic credentials).
pub fn base64(bytes: &[u8]) -> String {
    let mut s: String = base64url(bytes).replace('-', "+").replace('_', "/");
    while !s.len().is_multiple_of(4) {
        s.push('=');
    }
    s
}

pub fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Read an answer: response code, CNAME chain, A records. Never panics on short or hostile input.
pub fn parse(msg: &[u8]) -> Result<Answer, DnsError> {
    let u16_at = |i: usize| -> Result<usize, DnsError> {
        msg.get(i..i + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or(DnsError::Malformed("cut short"))
    };
    if msg.len() < 12 {
        return Err(DnsError::Malformed("no header"));
    }
    let rcode = msg[3] & 0x0f;
    let qdcount = u16_at(4)?;
    let ancount = u16_at(6)?;
    // Each name costs one from this budget, so a message that claims thousands of records
    // stops early instead of building them all.
    let mut budget = MAX_NAMES;
    let mut off = 12;
    for _ in 0..qdcount {
        off = read_name(msg, off, &mut budget)?.1 + 4;
    }
    let mut answer = Answer {
        rcode,
        cnames: Vec::new(),
        addresses: Vec::new(),
        addresses6: Vec::new(),
    };
    for _ in 0..ancount {
        let (owner, next) = read_name(msg, off, &mut budget)?;
        let rtype = u16_at(next)?;
        let rdlen = u16_at(next + 8)?;
        let rdata = next + 10;
        let data = msg
            .get(rdata..rdata + rdlen)
            .ok_or(DnsError::Malformed("record cut short"))?;
        match rtype {
            1 if rdlen == 4 => answer
                .addresses
                .push(format!("{}.{}.{}.{}", data[0], data[1], data[2], data[3])),
            28 if rdlen == 16 => {
                let mut b = [0u8; 16];
                b.copy_from_slice(data);
                answer
                    .addresses6
                    .push(std::net::Ipv6Addr::from(b).to_string());
            }
            5 => answer
                .cnames
                .push((owner, read_name(msg, rdata, &mut budget)?.0)),
            _ => {}
        }
        off = rdata + rdlen;
    }
    Ok(answer)
}

/// Most names read from one message (questions, owners and CNAME targets together).
const MAX_NAMES: usize = 300;
/// Longest name on the wire (RFC 1035 §2.3.4), length bytes included.
const MAX_NAME_BYTES: usize = 255;

/// A name at `off`, following compression pointers: at most 128 steps, so a loop cannot hang,
/// and at most 255 bytes, so pointers cannot build a name longer than DNS allows.
fn read_name(msg: &[u8], mut off: usize, budget: &mut usize) -> Result<(String, usize), DnsError> {
    *budget = budget
        .checked_sub(1)
        .ok_or(DnsError::Malformed("too many names"))?;
    let mut labels: Vec<String> = Vec::new();
    let mut wire_len = 1;
    let mut end = None;
    for _ in 0..128 {
        let len = *msg.get(off).ok_or(DnsError::Malformed("name cut short"))?;
        if len == 0 {
            return Ok((labels.join("."), end.unwrap_or(off + 1)));
        }
        if len & 0xc0 == 0xc0 {
            let low = *msg
                .get(off + 1)
                .ok_or(DnsError::Malformed("pointer cut short"))?;
            end.get_or_insert(off + 2);
            off = (usize::from(len & 0x3f) << 8) | usize::from(low);
            continue;
        }
        let label = msg
            .get(off + 1..off + 1 + usize::from(len))
            .ok_or(DnsError::Malformed("label cut short"))?;
        wire_len += 1 + label.len();
        if wire_len > MAX_NAME_BYTES {
            return Err(DnsError::Malformed("name longer than 255 bytes"));
        }
        labels.push(String::from_utf8_lossy(label).into_owned());
        off += 1 + usize::from(len);
    }
    Err(DnsError::Malformed("name too long or looping"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_is_the_label_before_cloudapp_in_the_last_cname() {
        let chain = |c: &[&'static str]| region_of(c.iter().copied());
        // Real chains (see the data-path notes): a single region and a data endpoint.
        assert_eq!(
            chain(&[
                "sec.fe.azcr.io",
                "sec-acr-reg.trafficmanager.net",
                "r0910sec-az.swedencentral.cloudapp.azure.com"
            ]),
            Some("swedencentral")
        );
        assert_eq!(
            chain(&["d0831cnre.eastus2euap.cloudapp.azure.com."]),
            Some("eastus2euap")
        );
        // Only the last name counts, and only a plain lower-case label.
        assert_eq!(chain(&["a.westeurope.cloudapp.azure.com", "x.net"]), None);
        assert_eq!(chain(&["westeurope.cloudapp.azure.com"]), None);
        assert_eq!(chain(&["a.West_Europe.cloudapp.azure.com"]), None);
        assert_eq!(chain(&["a..cloudapp.azure.com"]), None);
        assert_eq!(chain(&[]), None);
    }

    #[test]
    fn the_data_endpoint_keeps_the_cloud_suffix() {
        assert_eq!(
            data_endpoint("r.azurecr.io", "r", "westeurope").as_deref(),
            Some("r.westeurope.data.azurecr.io")
        );
        assert_eq!(
            data_endpoint("r.azurecr.cn", "r", "chinanorth3").as_deref(),
            Some("r.chinanorth3.data.azurecr.cn")
        );
        assert_eq!(data_endpoint("r.example.com", "r", "westeurope"), None);
        assert_eq!(data_endpoint("rr.azurecr.io", "r", "westeurope"), None);
    }

    #[test]
    fn the_query_is_the_rfc_8484_get_form() {
        // The same bytes dnspython builds (id 0, RD, A, IN): see the local DoH notes.
        assert_eq!(
            base64url(&query("public.azurecr.io", Qtype::A).expect("q")),
            "AAABAAABAAAAAAAABnB1YmxpYwdhenVyZWNyAmlvAAABAAE"
        );
        assert_eq!(
            get_url(
                "http://127.0.0.1:8053/dns-query",
                "private.azurecr.io",
                Qtype::A
            )
            .expect("url"),
            "http://127.0.0.1:8053/dns-query?dns=AAABAAABAAAAAAAAB3ByaXZhdGUHYXp1cmVjcgJpbwAAAQAB"
        );
        assert!(query(&"a".repeat(64), Qtype::A).is_err());
        assert_eq!(
            base64(b"testadmin:testpassword"),
            "dGVzdGFkbWluOnRlc3RwYXNzd29yZA=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn an_aaaa_query_and_its_answer() {
        let q = query("a.io", Qtype::Aaaa).expect("q");
        assert_eq!(q[q.len() - 4..], [0, 28, 0, 1]);
        let mut msg = vec![0, 0, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0];
        msg.extend(q[12..].iter());
        // AAAA 2603:1020:1:2::4 (owner: pointer to the question), then an "AAAA" of 8 bytes,
        // which is not an address and is skipped.
        msg.extend([0xc0, 12, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16]);
        msg.extend([0x26, 0x03, 0x10, 0x20, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 4]);
        msg.extend([
            0xc0, 12, 0, 28, 0, 1, 0, 0, 0, 60, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8,
        ]);
        let a = parse(&msg).expect("answer");
        assert_eq!(a.addresses6, ["2603:1020:1:2::4"]);
        assert!(a.addresses.is_empty());
    }

    #[test]
    fn answers_with_a_cname_chain_and_nxdomain() {
        let mut msg = vec![0, 0, 0x85, 0x80, 0, 1, 0, 2, 0, 0, 0, 0];
        msg.extend(query("private.azurecr.io", Qtype::A).expect("q")[12..].iter());
        // CNAME private.azurecr.io -> private.privatelink.azurecr.io (pointer to offset 12)
        msg.extend([0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 22, 7]);
        msg.extend(b"private");
        msg.push(11);
        msg.extend(b"privatelink");
        msg.extend([0xc0, 20]);
        let target = 12 + 24 + 12;
        msg.extend([
            0xc0,
            target as u8,
            0,
            1,
            0,
            1,
            0,
            0,
            0,
            60,
            0,
            4,
            10,
            0,
            0,
            5,
        ]);
        let a = parse(&msg).expect("parse");
        assert_eq!(a.rcode, 0);
        assert_eq!(
            a.cnames,
            [(
                "private.azurecr.io".to_owned(),
                "private.privatelink.azurecr.io".to_owned()
            )]
        );
        assert_eq!(a.addresses, ["10.0.0.5"]);
        assert_eq!(a.private_link(), Some("private.privatelink.azurecr.io"));
        assert_eq!(a.private_address(), Some("10.0.0.5"));

        let nx = [0u8, 0, 0x81, 0x83, 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(parse(&nx).expect("nx").rcode_name(), "NXDOMAIN");
    }

    #[test]
    fn hostile_answers_are_errors_not_panics() {
        assert!(parse(&[]).is_err());
        assert!(
            parse(&[0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xc0, 12]).is_err(),
            "self-pointing name"
        );
        for n in 0..64u8 {
            let junk: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            let _ = parse(&junk);
        }
    }

    #[test]
    fn names_longer_than_dns_allows_are_refused() {
        // One question whose name is four 63-byte labels and a fifth: 4 * 64 + 2 + 1 > 255.
        let mut msg = vec![0, 0, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0];
        for _ in 0..4 {
            msg.push(63);
            msg.extend([b'a'; 63]);
        }
        msg.push(1);
        msg.push(b'b');
        msg.extend([0, 0, 1, 0, 1]);
        assert_eq!(
            parse(&msg),
            Err(DnsError::Malformed("name longer than 255 bytes"))
        );
    }

    #[test]
    fn a_message_that_claims_thousands_of_records_stops_early() {
        // 65535 answers, each a pointer to the question's name with an empty record: small on
        // the wire, hundreds of thousands of names if read whole.
        let mut msg = vec![0, 0, 0x81, 0x80, 0, 1, 0xff, 0xff, 0, 0, 0, 0];
        msg.extend(query("a.io", Qtype::A).expect("q")[12..].iter());
        for _ in 0..2000 {
            msg.extend([0xc0, 12, 0, 99, 0, 1, 0, 0, 0, 60, 0, 0]);
        }
        assert_eq!(parse(&msg), Err(DnsError::Malformed("too many names")));
    }
}
