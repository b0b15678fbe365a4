### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Mon profil et ma sécurité
me-passkeys-only-heading = Vous vous connectez uniquement avec des clés d'accès
me-passkeys-only-recent = Vous venez de vous connecter avec une clé d'accès : pendant cinq minutes à partir de ce moment, vous pouvez modifier ici votre adresse e-mail, votre mot de passe, la validation en deux étapes, les codes de secours et les clés d'accès.
me-passkeys-only-confirm = Votre identifiant n'a pas de mot de passe. Pour modifier votre adresse e-mail, votre mot de passe, la validation en deux étapes, les codes de secours ou les clés d'accès, confirmez d'abord que c'est bien vous avec votre clé d'accès : les modifications sont alors possibles pendant cinq minutes.
me-confirm-passkey = Confirmer avec une clé d'accès
me-confirm-needs-script = Pour confirmer, il faut un navigateur qui prend en charge les clés d'accès, avec JavaScript autorisé pour ce site.

me-profile-heading = Profil
me-language = Langue
me-time-zone = Fuseau horaire
me-time-zone-default = Par défaut ({ $zone })
me-save-profile = Enregistrer le profil

me-email-heading = Adresse e-mail
me-email-now = Actuellement :
me-verified = Vérifiée
me-not-verified = Non vérifiée
me-new-email = Nouvelle adresse e-mail
me-new-email-hint = Nous envoyons un lien à la nouvelle adresse : votre adresse change quand vous l'ouvrez.
me-current-password = Mot de passe actuel
me-change-email = Changer d'adresse e-mail

me-password-heading = Mot de passe
me-none = Aucun
me-no-password = Votre identifiant n'a pas de mot de passe : vous vous connectez avec une clé d'accès. Vous pouvez à nouveau définir un mot de passe.
me-change-password = Changer le mot de passe
me-set-password = Définir un mot de passe
me-new-password = Nouveau mot de passe
me-new-password-hint = Au moins { $min } caractères. Vos autres sessions sont déconnectées.
me-new-password-again = Confirmer le nouveau mot de passe
me-drop-heading = Se connecter uniquement avec des clés d'accès
me-drop-hint = Renoncez à votre mot de passe : plus personne ne peut se connecter avec ni vous le dérober par hameçonnage. Vous vous connectez avec une clé d'accès ; si vous perdez vos clés d'accès, un code de secours et un lien de réinitialisation du mot de passe vous permettent de revenir.
me-drop-codes-first = Créez d'abord des codes de secours (sous « Clés d'accès »).
me-drop = Renoncer au mot de passe

me-totp-heading = Validation en deux étapes
me-on = Activée
me-off = Désactivée
me-totp-on-intro = À la connexion, après votre mot de passe, un code de votre application d'authentification (ou un code de secours) vous est demandé.
me-codes-new-heading = Nouveaux codes de secours
me-codes-new-hint = Vos anciens codes de secours cessent de fonctionner.
me-password = Mot de passe
me-or-app-code = ou un code de votre application
me-app-code = Un code de votre application
me-make-new-codes = Créer de nouveaux codes de secours
me-totp-off-heading = Désactiver la validation en deux étapes
me-turn-off = Désactiver
me-totp-intro = Protégez votre identifiant par un code d'une application d'authentification (comme Aegis, Google Authenticator ou 1Password) en plus de votre mot de passe.
me-totp-turn-on = Activer la validation en deux étapes

me-passkeys-heading = Clés d'accès
me-passkeys-intro = Une clé d'accès vous connecte avec votre empreinte, votre visage ou le verrouillage de votre écran au lieu d'un mot de passe. Elle ne fonctionne que sur le site de { $product } : une fausse page de connexion ne peut pas la voler.
me-codes-heading = Codes de secours
me-codes-left = { $count ->
    [0] Aucun pour l'instant.
    [one] Un inutilisé. De nouveaux codes le remplacent.
   *[other] { $count } inutilisés. De nouveaux codes les remplacent.
}
me-codes-hint = Dix codes à usage unique : avec un lien de réinitialisation du mot de passe, un seul vous permet de revenir si vous perdez vos clés d'accès.
me-make-codes = Créer des codes de secours
me-no-passkey = Vous n'avez pas encore de clé d'accès.
me-add-passkey = Ajouter une clé d'accès
me-passkey-name = Un nom pour la reconnaître
me-passkey-name-hint = Par exemple l'appareil où elle se trouve : « MacBook », « Téléphone ».
me-add-needs-script = Pour ajouter une clé d'accès, il faut un navigateur qui les prend en charge, avec JavaScript autorisé pour ce site.
me-passkeys-unusable = Les clés d'accès ne peuvent pas être utilisées à l'adresse de ce serveur ; renseignez-vous auprès de { $product }.
passkey-col-name = Nom
passkey-col-added = Ajoutée
passkey-col-last-used = Dernière utilisation
passkey-never = Jamais
passkey-synced = Synchronisée
passkey-new-name = Nouveau nom pour { $name }
passkey-rename = Renommer
passkey-remove = Supprimer

me-sessions-heading = Où vous êtes connecté
me-col-device = Appareil
me-col-ip = Adresse IP
me-col-signed-in = Connexion
me-col-last-seen = Dernière activité
me-col-actions = Actions
me-unknown = Inconnu
me-this-browser = Ce navigateur
me-sign-out = Déconnecter
me-sign-out-this = (ce navigateur)
me-sign-out-other = (la session depuis { $ip })

me-apps-heading = Applications autorisées
me-app-since = Depuis le { $date }.
me-app-own = Une application de { $product }.
me-app-learns = Elle peut connaître :
me-remove-access = Retirer l'accès
me-no-apps = Aucune application ne vous connecte avec { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Votre profil est enregistré.
me-done-email = Nous avons envoyé un lien à la nouvelle adresse, sauf si elle ne peut pas être utilisée. Votre adresse e-mail change quand vous l'ouvrez.
me-done-password = Votre mot de passe est changé. Vos autres sessions ont été déconnectées.
me-done-password-dropped = Votre mot de passe est supprimé : vous vous connectez désormais avec une clé d'accès. Vos autres sessions ont été déconnectées.
me-done-totp-off = La validation en deux étapes est désactivée.
me-done-passkey-added = Votre clé d'accès est ajoutée : utilisez-la pour vous connecter.
me-done-passkey-renamed = La clé d'accès est renommée.
me-done-passkey-removed = La clé d'accès est supprimée : elle ne connecte plus personne.
me-done-revoked = La session a été déconnectée.
me-done-withdrawn = L'application n'a plus accès. Elle redemandera si vous vous y connectez.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Activer la validation en deux étapes
totp-step1 = 1. Ajoutez { $product } à votre application d'authentification
totp-scan = Scannez ce QR code avec l'application :
totp-qr-alt = QR code de votre secret de validation (le même secret est écrit ci-dessous)
totp-type = Ou saisissez ce secret dans l'application :
totp-step2 = 2. Saisissez le code affiché par l'application
totp-code = Code
totp-submit = Activer
totp-not-now = Pas maintenant
codes-title = Vos codes de secours
codes-heading-first = La validation en deux étapes est activée
codes-heading-new = Vos nouveaux codes de secours
codes-keep-totp = Conservez ces codes en lieu sûr. Chacun fonctionne une fois, à la place d'un code de votre application, si vous perdez votre téléphone.
codes-keep-passkeys = Conservez ces codes en lieu sûr. Chacun fonctionne une fois : avec un lien de réinitialisation du mot de passe, un seul vous permet de revenir si vous perdez vos clés d'accès.
codes-shown-once = Ils ne sont affichés que maintenant.
codes-download = Télécharger les codes
codes-done = Terminé
passkey-add-title = Ajouter une clé d'accès
passkey-add-intro = Votre navigateur vous demande maintenant où conserver la clé d'accès (cet appareil, votre téléphone, une clé de sécurité ou un gestionnaire de mots de passe), puis votre empreinte, votre visage ou le verrouillage de votre écran.
passkey-add-submit = Créer la clé d'accès
passkey-add-missing = Ce navigateur ne peut pas créer de clés d'accès (ou JavaScript est désactivé pour ce site).
passkey-name-length = Donnez-lui un nom de 1 à { $max } caractères.
me-wrong-password = Ce n'est pas votre mot de passe actuel.
totp-wrong-code = Le code est incorrect : vérifiez l'heure de votre téléphone et essayez le suivant.
codes-file = Codes de secours pour { $product } ({ $email })
codes-file-totp = Chacun fonctionne une fois, à la place d'un code de votre application.
codes-file-passkeys = Chacun fonctionne une fois, avec un lien de réinitialisation du mot de passe, si vous perdez vos clés d'accès.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Connexions du support
me-support-intro = L'équipe support de { $product } peut se connecter à votre place pour voir ce que vous voyez : vous recevez un e-mail à chaque fois, et chaque connexion figure ici. Elle ne peut pas changer votre façon de vous connecter.
me-support-allowed = Le support peut se connecter à votre place jusqu'au { $time }.
me-support-withdraw = Retirer
me-support-asks = Le support ne se connecte à votre place que si vous l'autorisez, pour un jour à la fois.
me-support-allow = Autoriser pendant un jour
me-support-col-staff = Membre du support
me-support-col-from = Connexion
me-support-col-until = Jusqu'à
me-support-none = Le support ne s'est jamais connecté à votre place.
me-done-support-allowed = Le support peut se connecter à votre place pendant un jour.
me-done-support-withdrawn = Le support ne peut plus se connecter à votre place.
