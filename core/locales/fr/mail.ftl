### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Bonjour { $first_name },
mail-or-copy = Ou copiez cette adresse dans votre navigateur :
mail-link-once = Le lien ne fonctionne qu'une fois et reste valable { $expires_in }.
mail-new-password-button = Choisir un nouveau mot de passe
mail-if-you-new-password = Si c'était vous, connectez-vous avec votre mot de passe ou choisissez-en un nouveau.
mail-ignore = Si ce n'était pas vous, vous pouvez ignorer ce message.

mail-verify-subject = Confirmez votre adresse e-mail
mail-verify-body = merci de confirmer que cette adresse e-mail est bien la vôtre pour { $product }.
mail-verify-button = Confirmer mon adresse e-mail
mail-verify-ignore = Si vous ne vous êtes pas inscrit, ignorez ce message.

mail-email-change-subject = Confirmez votre nouvelle adresse e-mail
mail-email-change-body = une personne connectée à { $product } a demandé à utiliser cette adresse pour son identifiant. Si c'était vous, ouvrez ce lien pour effectuer le changement.
mail-email-change-button = Utiliser cette adresse e-mail
mail-email-change-ignore = Tant que le lien n'est pas ouvert, rien ne change. Si ce n'était pas vous, ignorez ce message.

mail-email-in-use-subject = Votre adresse e-mail a été indiquée pour un autre identifiant
mail-email-in-use-body = une personne connectée à { $product } a demandé à déplacer son identifiant vers cette adresse e-mail, qui est déjà la vôtre. Rien n'a été modifié : une adresse appartient à un seul identifiant.

mail-reset-subject = Réinitialisez votre mot de passe
mail-reset-body = quelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre identifiant { $product }.
mail-reset-ignore = Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.

mail-set-password-subject = Choisissez votre mot de passe
mail-set-password-body = un identifiant { $product } a été créé pour vous.
mail-set-password-button = Choisir mon mot de passe

mail-signup-attempt-subject = Vous avez déjà un identifiant
mail-signup-attempt-body = quelqu'un a demandé à créer un nouvel identifiant { $product } avec cette adresse e-mail, mais elle en a déjà un.
mail-signup-attempt-ignore = Si ce n'était pas vous, vous pouvez ignorer ce message : rien n'a été modifié.

mail-code-subject = Votre code de connexion
mail-code-body = votre code pour vous connecter à { $product } est :
mail-code-expires = Il ne fonctionne qu'une fois et reste valable { $expires_in }. Votre validation en deux étapes n'a pas pu être reprise de l'ancien système : réactivez-la sur votre page de profil, et ces e-mails cesseront.
mail-code-not-you = Si vous ne venez pas de vous connecter, quelqu'un connaît votre mot de passe : choisissez-en un nouveau.

mail-password-changed-subject = Votre mot de passe a été modifié
mail-password-changed-body = le mot de passe de votre identifiant { $product } vient d'être modifié, et toutes les autres sessions ont été déconnectées.
mail-password-changed-not-you = Si ce n'était pas vous, réinitialisez immédiatement votre mot de passe et contactez l'assistance :

mail-invitation-subject = Invitation à accéder à un compte
mail-invitation-hello = Bonjour,
mail-invitation-body = vous êtes invité à accéder à un compte chez { $product }.
mail-invitation-by-staff = L'invitation a été envoyée par l'équipe { $product }.
mail-invitation-by-customer = Elle a été envoyée par un client de { $product }. Les deux lignes ci-dessous sont ses propres mots : { $product } ne les a pas vérifiés.
mail-invitation-invited-by = Invité par
mail-invitation-account = Compte
mail-invitation-button = Accepter l'invitation
mail-invitation-how = Vous pouvez accepter en vous connectant, ou en créant un identifiant si vous n'en avez pas.
mail-invitation-expires = L'invitation reste valable { $expires_in }.
mail-invitation-ignore = Si vous ne l'attendiez pas, ignorez ce message. { $product } ne vous demande jamais votre mot de passe ni vos coordonnées de paiement par e-mail.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
duration-hours = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
}
duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
duration-seconds = { $n ->
    [one] { $n } seconde
   *[other] { $n } secondes
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product } : le support s'est connecté à votre compte
mail-support-body = { $staff }, de l'équipe support de { $product }, vient de se connecter à votre compte pour voir ce que vous voyez. Jusqu'à { $until }, cette personne peut faire ce que vous pouvez faire, sauf changer votre façon de vous connecter, accepter des invitations ou autoriser des applications, et tout ce qu'elle fait est enregistré à son nom.
mail-support-see = Chaque connexion du support figure sur votre page de profil :
mail-support-not-expected = Si vous ne vous y attendiez pas, contactez-nous et changez votre mot de passe.
mail-support-consent-subject = { $product } : le support demande à se connecter à votre compte
mail-support-consent-body = { $staff }, de l'équipe support de { $product }, demande à se connecter à votre compte pour voir ce que vous voyez. Ce n'est possible qu'une fois que vous l'avez autorisé.
mail-support-consent-how = Pour l'autoriser pendant un jour, ouvrez votre page de profil et choisissez « Autoriser pendant un jour » :
mail-support-consent-ignore = Si vous n'avez pas demandé d'aide, ignorez ce message : rien ne change.
