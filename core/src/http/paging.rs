//! Cursor paging: `?limit=&cursor=` in, `{items, next_cursor}` out. A cursor is opaque to clients
//! (base64url of the last item's id).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{Error, Result};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    pub fn limit(&self) -> Result<u32> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(Error::Validation(format!("limit must be 1 to {MAX_LIMIT}"))),
        }
    }

    /// The id the page starts after.
    pub fn after(&self) -> Result<Option<String>> {
        self.cursor
            .as_deref()
            .map(|c| {
                URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(|| {
                        Error::Validation("cursor is not one this server gave".to_owned())
                    })
            })
            .transpose()
    }
}

/// Splits `fetched` (asked for `limit + 1`) into the page and the cursor of the next one.
pub fn page<T>(
    mut fetched: Vec<T>,
    limit: u32,
    id: impl Fn(&T) -> &str,
) -> (Vec<T>, Option<String>) {
    let limit = limit as usize;
    if fetched.len() > limit {
        fetched.truncate(limit);
        let next = fetched.last().map(|last| URL_SAFE_NO_PAD.encode(id(last)));
        (fetched, next)
    } else {
        (fetched, None)
    }
}
