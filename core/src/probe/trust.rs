//! Where a secret may go. The page sends a token or password only to the registry the person
//! meant: Azure's registry domains over https, or another origin the person ticked by hand.

use super::target::Target;
use super::token::Claims;

/// Whether secrets may go to this registry: an Azure registry, or the very origin the person
/// ticked (a tick for another origin counts for nothing).
pub fn may_send_secrets(target: &Target, ticked_origin: Option<&str>) -> bool {
    target.azure || ticked_origin == Some(target.origin.as_str())
}

/// Whether a pasted ACR refresh token belongs to this registry. ACR issues it for one login
/// server (its `aud`), which is the `service` of that registry's challenge; on an Azure registry
/// that service must be the registry's own host. `Err` carries the audience it was issued for.
pub fn refresh_token_fits(
    claims: Option<&Claims>,
    service: &str,
    target: &Target,
) -> Result<(), String> {
    let audience = claims.map(|c| c.audience.join(", ")).unwrap_or_default();
    let matches_service =
        claims.is_some_and(|c| c.audience.iter().any(|a| a.eq_ignore_ascii_case(service)));
    let service_is_host = !target.azure || service.eq_ignore_ascii_case(&target.host);
    if matches_service && service_is_host {
        Ok(())
    } else {
        Err(audience)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::target::parse_target;

    fn claims(aud: &str) -> Claims {
        let body = crate::probe::dns::base64url(format!(r#"{{"aud":"{aud}"}}"#).as_bytes());
        crate::probe::token::decode(&format!("e30.{body}.c2ln"), |b| {
            serde_json::from_slice(b).ok()
        })
        .expect("claims")
    }

    #[test]
    fn azure_registries_need_no_tick_others_need_their_own() {
        let azure = parse_target("contoso").expect("azure");
        assert!(may_send_secrets(&azure, None));
        let local = parse_target("http://127.0.0.1:5101").expect("local");
        assert!(!may_send_secrets(&local, None));
        assert!(!may_send_secrets(&local, Some("http://127.0.0.1:5102")));
        assert!(may_send_secrets(&local, Some("http://127.0.0.1:5101")));
        let lookalike = parse_target("contoso.azurecr.io.evil.example").expect("lookalike");
        assert!(!may_send_secrets(&lookalike, None));
    }

    #[test]
    fn a_refresh_token_goes_only_to_its_registry() {
        let t = parse_target("contoso.azurecr.io").expect("t");
        let own = claims("contoso.azurecr.io");
        assert_eq!(
            refresh_token_fits(Some(&own), "contoso.azurecr.io", &t),
            Ok(())
        );
        let other = claims("fabrikam.azurecr.io");
        assert_eq!(
            refresh_token_fits(Some(&other), "contoso.azurecr.io", &t),
            Err("fabrikam.azurecr.io".into())
        );
        // A registry that names another registry as its service gets nothing either.
        assert!(refresh_token_fits(Some(&other), "fabrikam.azurecr.io", &t).is_err());
        assert!(refresh_token_fits(None, "contoso.azurecr.io", &t).is_err());
        let local = parse_target("http://127.0.0.1:5101").expect("local");
        let test = claims("acr-doctor.test");
        assert_eq!(
            refresh_token_fits(Some(&test), "acr-doctor.test", &local),
            Ok(())
        );
    }
}
