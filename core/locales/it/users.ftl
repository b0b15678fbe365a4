### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Gestione utenti
users-disabled = Il tuo fornitore ha disattivato la gestione utenti nell'area clienti. Per cambiare chi può accedere a { $account }, contatta l'assistenza.
users-heading = Utenti di { $account }
users-col-user = Utente
users-col-permissions = Permessi
users-col-two-factor = Due passaggi
users-col-last-login = Ultimo accesso
users-col-actions = Azioni
users-all = Tutti
users-none = Nessuno
users-on = Attiva
users-off = Disattiva
users-never = Mai
users-edit = Modifica i permessi
users-may-do = Cosa può fare { $name }
users-save = Salva i permessi
users-remove = Rimuovi
invite-heading = Invita un utente
invite-intro = Gli inviamo via email un link valido per un tempo limitato. La persona accede o crea un accesso e raggiunge questo account con i permessi che scegli.
invite-access = Accesso
invite-all = Tutti i permessi
invite-chosen = Solo i permessi scelti qui sotto
invite-permissions = Permessi
invite-send = Invia l'invito
pending-heading = Inviti in attesa
pending-col-email = Email
pending-col-sent = Inviato
pending-col-expires = Scade
pending-resend = Invia di nuovo
pending-cancel = Annulla
pending-none = Nessun invito in attesa.

## What User Management says after a form succeeded.

users-done-permissions = I permessi sono salvati.
users-done-removed = L'utente è stato rimosso da questo account.
users-done-invited = L'invito è in arrivo.
users-done-resent = È in arrivo un nuovo link di invito; il vecchio link non funziona più.
users-done-cancelled = L'invito è stato annullato; il suo link non funziona più.
