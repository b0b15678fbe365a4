### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Gebruikersbeheer
users-disabled = Uw provider heeft gebruikersbeheer in de klantomgeving uitgeschakeld. Neem contact op met support om te wijzigen wie { $account } kan bereiken.
users-heading = Gebruikers van { $account }
users-col-user = Gebruiker
users-col-permissions = Rechten
users-col-two-factor = Tweestaps
users-col-last-login = Laatst ingelogd
users-col-actions = Acties
users-all = Alle
users-none = Geen
users-on = Aan
users-off = Uit
users-never = Nooit
users-edit = Rechten bewerken
users-may-do = Wat { $name } mag
users-save = Rechten opslaan
users-remove = Verwijderen
invite-heading = Een gebruiker uitnodigen
invite-intro = We mailen een link die beperkte tijd geldig is. De persoon logt in of maakt een login aan en bereikt dit account met de rechten die u kiest.
invite-access = Toegang
invite-all = Alle rechten
invite-chosen = Alleen de rechten die hieronder zijn gekozen
invite-permissions = Rechten
invite-send = Uitnodiging versturen
pending-heading = Openstaande uitnodigingen
pending-col-email = E-mail
pending-col-sent = Verstuurd
pending-col-expires = Verloopt
pending-resend = Opnieuw versturen
pending-cancel = Intrekken
pending-none = Geen openstaande uitnodigingen.

## What User Management says after a form succeeded.

users-done-permissions = De rechten zijn opgeslagen.
users-done-removed = De gebruiker is uit dit account verwijderd.
users-done-invited = De uitnodiging is onderweg.
users-done-resent = Er is een nieuwe uitnodigingslink onderweg; de oude link werkt niet meer.
users-done-cancelled = De uitnodiging is ingetrokken; de link werkt niet meer.
