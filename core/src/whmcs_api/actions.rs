//! The actions this endpoint speaks. Each action admits its caller to the use case it runs
//! ([`super::call::Call::admit`]): the use case names the operation, the role table decides.

use super::call::Call;
use super::reply::Reply;
use super::{access, clients, contacts, users};

/// One action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    GetPermissionsList,
    AddUser,
    GetUsers,
    UpdateUser,
    ResetPassword,
    CreateClientInvite,
    DeleteUserClient,
    GetUserPermissions,
    UpdateUserPermissions,
    ValidateLogin,
    AddClient,
    GetClients,
    GetClientsDetails,
    UpdateClient,
    CloseClient,
    DeleteClient,
    GetContacts,
    AddContact,
    UpdateContact,
    DeleteContact,
}

impl Action {
    /// Every action this endpoint speaks.
    pub const ALL: [Self; 20] = [
        Self::GetPermissionsList,
        Self::AddUser,
        Self::GetUsers,
        Self::UpdateUser,
        Self::ResetPassword,
        Self::CreateClientInvite,
        Self::DeleteUserClient,
        Self::GetUserPermissions,
        Self::UpdateUserPermissions,
        Self::ValidateLogin,
        Self::AddClient,
        Self::GetClients,
        Self::GetClientsDetails,
        Self::UpdateClient,
        Self::CloseClient,
        Self::DeleteClient,
        Self::GetContacts,
        Self::AddContact,
        Self::UpdateContact,
        Self::DeleteContact,
    ];

    /// The action named `name` (any case).
    pub fn find(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "getpermissionslist" => Self::GetPermissionsList,
            "adduser" => Self::AddUser,
            "getusers" => Self::GetUsers,
            "updateuser" => Self::UpdateUser,
            "resetpassword" => Self::ResetPassword,
            "createclientinvite" => Self::CreateClientInvite,
            "deleteuserclient" => Self::DeleteUserClient,
            "getuserpermissions" => Self::GetUserPermissions,
            "updateuserpermissions" => Self::UpdateUserPermissions,
            "validatelogin" => Self::ValidateLogin,
            "addclient" => Self::AddClient,
            "getclients" => Self::GetClients,
            "getclientsdetails" => Self::GetClientsDetails,
            "updateclient" => Self::UpdateClient,
            "closeclient" => Self::CloseClient,
            "deleteclient" => Self::DeleteClient,
            "getcontacts" => Self::GetContacts,
            "addcontact" => Self::AddContact,
            "updatecontact" => Self::UpdateContact,
            "deletecontact" => Self::DeleteContact,
            _ => return None,
        })
    }

    pub async fn run(self, call: &Call<'_>) -> Reply {
        let result = match self {
            Self::GetPermissionsList => users::get_permissions_list(call),
            Self::AddUser => users::add_user(call).await,
            Self::GetUsers => users::get_users(call).await,
            Self::UpdateUser => users::update_user(call).await,
            Self::ResetPassword => users::reset_password(call).await,
            Self::CreateClientInvite => access::create_client_invite(call).await,
            Self::DeleteUserClient => access::delete_user_client(call).await,
            Self::GetUserPermissions => access::get_user_permissions(call).await,
            Self::UpdateUserPermissions => access::update_user_permissions(call).await,
            Self::ValidateLogin => users::validate_login(call).await,
            Self::AddClient => clients::add_client(call).await,
            Self::GetClients => clients::get_clients(call).await,
            Self::GetClientsDetails => clients::get_clients_details(call).await,
            Self::UpdateClient => clients::update_client(call).await,
            Self::CloseClient => clients::close_client(call).await,
            Self::DeleteClient => clients::delete_client(call).await,
            Self::GetContacts => contacts::get_contacts(call).await,
            Self::AddContact => contacts::add_contact(call).await,
            Self::UpdateContact => contacts::update_contact(call).await,
            Self::DeleteContact => contacts::delete_contact(call).await,
        };
        result.unwrap_or_else(|reply| reply)
    }
}
