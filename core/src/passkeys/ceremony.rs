//! A WebAuthn ceremony between its two calls: the library's state kept in the database
//! (`passkey_ceremonies`), so that any replica may finish what another began. Found by the SHA-256
//! of a token handed to whoever began it, bound to the user and session that began a
//! registration, taken by the first attempt to finish it, over after [`CEREMONY_LIFE`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::AnyConnection;

use super::CEREMONY_LIFE;
use super::repo::{self, CeremonyRow};
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::{Error, Result};
use crate::sessions::Authenticated;

/// What a ceremony is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Register,
    SignIn,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
        }
    }
}

/// Keeps `state` as a new ceremony of `kind` (begun by `by`, for a registration); answers the
/// token that finishes it.
pub(super) async fn open<S: Serialize>(
    conn: &mut AnyConnection,
    kind: Kind,
    by: Option<&Authenticated>,
    state: &S,
    now: i64,
) -> Result<String> {
    let token = new_token()?;
    let state = serde_json::to_string(state)
        .map_err(|e| Error::internal(format!("passkey ceremony state: {e}")))?;
    repo::begin(
        conn,
        &CeremonyRow {
            token_hash: hash_token(&token),
            kind: kind.name().to_owned(),
            user_id: by.map(|a| a.user_id.clone()),
            session_id: by.map(|a| a.session_id.clone()),
            state,
            created_at: now,
            expires_at: now + ms(CEREMONY_LIFE),
        },
    )
    .await?;
    Ok(token)
}

/// Takes the ceremony `token` finishes (it is gone afterwards, whatever follows: a ceremony is
/// answered once): its state, when it is of `kind`, begun by `by` (for a registration) and not
/// over at `now`.
pub(super) async fn take<S: DeserializeOwned>(
    conn: &mut AnyConnection,
    kind: Kind,
    by: Option<&Authenticated>,
    token: &str,
    now: i64,
) -> Result<Option<S>> {
    let Some(row) = repo::take(conn, &hash_token(token)).await? else {
        return Ok(None);
    };
    let bound = row.user_id.as_deref() == by.map(|a| a.user_id.as_str())
        && row.session_id.as_deref() == by.map(|a| a.session_id.as_str());
    if row.kind != kind.name() || !bound || row.expires_at <= now {
        return Ok(None);
    }
    serde_json::from_str(&row.state)
        .map(Some)
        .map_err(|e| Error::internal(format!("passkey ceremony state: {e}")))
}
