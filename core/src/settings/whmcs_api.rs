//! `[whmcs_api]`: the WHMCS-compatible API at `POST /includes/api.php`.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Secret;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct WhmcsApiSettings {
    /// `false` answers 404 at `/includes/api.php`.
    pub enabled: bool,
    /// Addresses allowed to call it: IPs (`203.0.113.7`) or ranges (`10.0.0.0/8`). Empty: any
    /// address (credentials are still required). Like WHMCS's "API IP Access Restriction".
    pub allowed_ips: Vec<AllowedAddress>,
    /// With an allow-list: a passphrase that, sent as `accesskey`, lets a caller with valid
    /// credentials in from an address not on the list (WHMCS's `$api_access_key`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_key: Option<Secret>,
}

impl Default for WhmcsApiSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            allowed_ips: Vec::new(),
            access_key: None,
        }
    }
}

impl WhmcsApiSettings {
    /// Whether a caller at `ip` passes the allow-list (no list: everyone).
    pub fn allows(&self, ip: Option<&str>) -> bool {
        if self.allowed_ips.is_empty() {
            return true;
        }
        let Some(ip) = ip.and_then(|ip| ip.parse::<IpAddr>().ok()) else {
            return false;
        };
        self.allowed_ips.iter().any(|a| a.0.contains(&ip))
    }
}

/// One entry of an allow-list: an address, or a range in CIDR notation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AllowedAddress(pub IpNet);

impl FromStr for AllowedAddress {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Ok(net) = s.parse::<IpNet>() {
            return Ok(Self(net.trunc()));
        }
        s.parse::<IpAddr>()
            .map(|ip| Self(IpNet::from(ip)))
            .map_err(|_| format!("`{s}` is neither an IP address nor a range like 10.0.0.0/8"))
    }
}

impl fmt::Debug for AllowedAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for AllowedAddress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AllowedAddress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_ranges_are_allowed_by_the_list() {
        let mut settings = WhmcsApiSettings::default();
        assert!(settings.allows(Some("198.51.100.1")), "no list: anyone");
        settings.allowed_ips = ["203.0.113.7", "10.1.2.3/16", "2001:db8::/32"]
            .map(|a| a.parse().unwrap())
            .to_vec();
        for ip in ["203.0.113.7", "10.1.200.9", "2001:db8::1"] {
            assert!(settings.allows(Some(ip)), "{ip}");
        }
        for ip in ["203.0.113.8", "10.2.0.1", "2001:db9::1", "not an ip"] {
            assert!(!settings.allows(Some(ip)), "{ip}");
        }
        assert!(!settings.allows(None));
        assert!("300.1.1.1".parse::<AllowedAddress>().is_err());
    }
}
