//! The parameters of one WHMCS API call: the query string and the form body merged as PHP's
//! `$_REQUEST` merges them (the body wins), an empty value counting as absent, and PHP's bracket
//! syntax (`email_preferences[general]=1`) read as a map.

use std::collections::BTreeMap;

use super::reply::Reply;

#[derive(Debug, Default)]
pub struct Params(BTreeMap<String, String>);

impl Params {
    /// Merges `query` and `body` (both `application/x-www-form-urlencoded`; the body wins).
    /// A value holding a control character refuses the call (HTTP 400), naming the field.
    pub fn parse(query: Option<&str>, body: &[u8]) -> Result<Self, Reply> {
        let mut map = BTreeMap::new();
        for source in [query.unwrap_or_default().as_bytes(), body] {
            for (key, value) in url::form_urlencoded::parse(source) {
                if crate::http::input::has_control(&value) || crate::http::input::has_control(&key)
                {
                    return Err(Reply::refused(
                        axum::http::StatusCode::BAD_REQUEST,
                        format!("The {key} field contains characters that are not allowed"),
                    ));
                }
                map.insert(key.into_owned(), value.into_owned());
            }
        }
        Ok(Self(map))
    }

    /// The value of `key`, trimmed; `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// The first of `keys` that has a value.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// The value of `key`, or the WHMCS error `message` when it is missing.
    pub fn required(&self, key: &str, message: &str) -> Result<&str, Reply> {
        self.get(key).ok_or_else(|| Reply::error(message))
    }

    /// An integer id (WHMCS ids are integers); `None` when absent. A value that is not a whole
    /// number counts as an id that matches nothing (0).
    pub fn id(&self, key: &str) -> Option<i64> {
        self.get(key).map(|v| v.parse::<i64>().unwrap_or(0))
    }

    /// A number with a default (paging), or the default when the value is not a number.
    pub fn number(&self, key: &str, default: i64) -> i64 {
        self.get(key)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(default)
    }

    /// PHP's truthiness of a flag: absent, `0`, `false`, `off`, `no` are false.
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.get(key).map(truthy)
    }

    /// `key[sub]=value` pairs as a map of `sub` to value (empty values kept: `[general]=0`).
    pub fn bracketed(&self, key: &str) -> BTreeMap<String, String> {
        let prefix = format!("{key}[");
        self.0
            .iter()
            .filter_map(|(k, v)| {
                let sub = k.strip_prefix(&prefix)?.strip_suffix(']')?;
                Some((sub.to_owned(), v.trim().to_owned()))
            })
            .collect()
    }

    /// Whether any of `keys` was sent with a value.
    pub fn any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.get(k).is_some())
    }
}

/// PHP's idea of a true form value.
pub fn truthy(value: &str) -> bool {
    !matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "" | "0" | "false" | "off" | "no"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_wins_empty_is_absent_and_brackets_are_read() {
        let p = Params::parse(
            Some("action=GetUsers&limitnum=5&secret="),
            b"action=getusers&identifier=&email_preferences%5Bgeneral%5D=0&email_preferences[invoice]=1",
        )
        .unwrap();
        assert_eq!(p.get("action"), Some("getusers"));
        assert_eq!(p.number("limitnum", 25), 5);
        assert_eq!(p.get("identifier"), None);
        assert_eq!(p.get("secret"), None);
        let prefs = p.bracketed("email_preferences");
        assert_eq!(prefs.get("general").map(String::as_str), Some("0"));
        assert_eq!(prefs.get("invoice").map(String::as_str), Some("1"));
        assert!(Params::parse(None, b"firstname=a%00b").is_err());
        assert_eq!(
            Params::parse(None, b"clientid=abc").unwrap().id("clientid"),
            Some(0)
        );
        assert!(!truthy("off") && truthy("on") && truthy("1") && !truthy("0"));
    }
}
