//! A WebAuthn ceremony between its two calls: the library's state kept in the database
//! (`passkey_ceremonies`), so that any replica may finish what another began. Found by the SHA-256
//! of a token handed to whoever began it, bound to whom and what began it (a user's session for a
//! registration, a sign-in challenge for a second factor, a setup link for a staff member's first
//! passkey), taken by the first attempt to finish it, over after [`CEREMONY_LIFE`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::AnyConnection;

use super::CEREMONY_LIFE;
use super::repo::{self, CeremonyRow};
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::{Error, Result};
use crate::sessions::{Authenticated, Subject};

/// What a ceremony is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A new passkey.
    Register,
    /// Signing in with a passkey alone.
    SignIn,
    /// A passkey as the second factor after a password.
    SecondFactor,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
            Self::SecondFactor => "second_factor",
        }
    }
}

/// Whose ceremony it is and what it is bound to: only the same may finish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bound<'a> {
    pub subject: Subject,
    /// The user's or staff member's id (none for a sign-in with a passkey alone).
    pub id: Option<&'a str>,
    /// What began it: a session id, the hash of a sign-in challenge or of a setup link.
    pub to: Option<&'a str>,
}

impl<'a> Bound<'a> {
    /// Nobody yet: a sign-in with a passkey alone, by a user.
    pub const ANYONE: Self = Self {
        subject: Subject::User,
        id: None,
        to: None,
    };

    /// A signed-in user's session.
    pub fn session(auth: &'a Authenticated) -> Self {
        Self {
            subject: Subject::User,
            id: Some(&auth.user_id),
            to: Some(&auth.session_id),
        }
    }

    /// `subject`'s `id`, by way of `to` (a challenge's or a link's hash).
    pub fn by(subject: Subject, id: &'a str, to: &'a str) -> Self {
        Self {
            subject,
            id: Some(id),
            to: Some(to),
        }
    }
}

/// Keeps `state` as a new ceremony of `kind`, bound to `bound`; answers the token that finishes it.
pub(crate) async fn open<S: Serialize>(
    conn: &mut AnyConnection,
    kind: Kind,
    bound: Bound<'_>,
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
            subject: bound.subject.kind().to_owned(),
            subject_id: bound.id.map(str::to_owned),
            bound_to: bound.to.map(str::to_owned),
            state,
            created_at: now,
            expires_at: now + ms(CEREMONY_LIFE),
        },
    )
    .await?;
    Ok(token)
}

/// Takes the ceremony `token` finishes (it is gone afterwards, whatever follows: a ceremony is
/// answered once): its state, when it is of `kind`, bound to `bound` and not over at `now`.
pub(crate) async fn take<S: DeserializeOwned>(
    conn: &mut AnyConnection,
    kind: Kind,
    bound: Bound<'_>,
    token: &str,
    now: i64,
) -> Result<Option<S>> {
    let Some(row) = repo::take(conn, &hash_token(token)).await? else {
        return Ok(None);
    };
    let same = row.kind == kind.name()
        && row.subject == bound.subject.kind()
        && row.subject_id.as_deref() == bound.id
        && row.bound_to.as_deref() == bound.to;
    if !same || row.expires_at <= now {
        return Ok(None);
    }
    serde_json::from_str(&row.state)
        .map(Some)
        .map_err(|e| Error::internal(format!("passkey ceremony state: {e}")))
}
