//! Support signing in as a client (issue 28): a staff member opens the client area as one of the
//! provider's users, to see what the customer sees. Who may: the operation
//! [`op::LoginAs`](crate::staff::roles::op::LoginAs) in the role table, for the roles
//! `support.login_as_roles` names, while `support.login_as` is not `off` (and, with
//! `with_consent`, while the user allows it). The session itself is `sessions::support`.

use crate::audit::{Acting, SupportBy};
use crate::error::{Error, Result};
use crate::sessions::support::Started;
use crate::settings::{LoginAs, Settings};
use crate::staff::roles::{Role, op};
use crate::staff::sessions::StaffIdentity;
use crate::state::AppState;
use crate::users::UserStatus;

/// Support sign-ins one staff member may start in an hour: each writes rows and emails the user,
/// so a stolen staff session cannot flood a customer's mailbox.
pub const SIGN_INS_PER_HOUR: u32 = 20;

/// Whether a member of `role` may sign in as users at all (what the admin pages offer).
pub fn offered(settings: &Settings, role: Role) -> bool {
    settings.support.login_as != LoginAs::Off && role.may_login_as(&settings.support.login_as_roles)
}

/// Ends one support sign-in as `user_id` (any member's) from the admin area: who may start one
/// may end one.
pub async fn end(
    state: &AppState,
    ctx: impl Acting<'_, op::LoginAs>,
    user_id: &str,
    session_id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    crate::sessions::support::end_one(state, ctx, user_id, session_id).await
}

/// Starts a support sign-in as `user_id` for the member `me` (from their staff session): the
/// session's token and its end. Refused with 403 when the member may not (the setting is `off`,
/// their role is not listed, the user has not allowed it), and with 409 for a disabled user.
pub async fn start(
    state: &AppState,
    ctx: impl Acting<'_, op::LoginAs>,
    me: &StaffIdentity,
    user_id: &str,
    user_agent: Option<String>,
) -> Result<Started> {
    let ctx = ctx.admitted()?.context();
    let support = &state.settings.support;
    if support.login_as == LoginAs::Off {
        return Err(Error::Forbidden(
            "signing in as a user is turned off (support.login_as). Ask an administrator"
                .to_owned(),
        ));
    }
    if !me.role.may_login_as(&support.login_as_roles) {
        return Err(Error::Forbidden(format!(
            "the {} role may not sign in as a user (support.login_as_roles). Ask an administrator",
            me.role.as_str()
        )));
    }
    let user = crate::users::service::get(state, user_id).await?;
    if user.status != UserStatus::Active {
        return Err(Error::Conflict(
            "the user is disabled: enable them first".to_owned(),
        ));
    }
    if support.login_as == LoginAs::WithConsent
        && crate::sessions::support::allowed_until(state, user_id)
            .await?
            .is_none()
    {
        // The user is asked (by email, at most once an hour); the sign-in waits for them.
        crate::sessions::support::ask(state, user_id, &me.email).await?;
        return Err(Error::Forbidden(
            "the user has not allowed a support sign-in yet: they were emailed, and allow it on \
             their profile page (support.login_as = \"with_consent\")"
                .to_owned(),
        ));
    }
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("support:start:{}", me.staff_id),
        SIGN_INS_PER_HOUR,
        std::time::Duration::from_secs(3600),
        state.clock.now_ms(),
    )
    .await?;
    let by = SupportBy {
        staff_id: me.staff_id.clone(),
        email: me.email.clone(),
        role: me.role,
    };
    crate::sessions::support::start(state, ctx, user_id, (&by, &me.session_id), user_agent).await
}
