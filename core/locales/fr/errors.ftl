### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = La requête n'a pas pu être lue.
error-malformed-json = La requête n'a pas pu être lue.
error-validation-failed = Une valeur saisie ne peut pas être utilisée.
error-weak-password = Le mot de passe est trop faible : choisissez-en un plus long et difficile à deviner.
error-unauthorized = Votre session a expiré : reconnectez-vous.
error-invalid-credentials = L'adresse e-mail ou le mot de passe est incorrect.
error-second-factor-required = Un second facteur est requis.
error-invalid-second-factor = Le code est incorrect ou a déjà été utilisé.
error-email-not-verified = L'adresse e-mail n'est pas encore vérifiée.
error-invalid-token = Ce lien n'est pas valide ou a expiré.
error-security-answer-required = La réponse à la question de sécurité manque ou est incorrecte.
error-forbidden = Vous n'êtes pas autorisé à faire cela.
error-recent-sign-in-required = Confirmez d'abord avec votre clé d'accès : sans mot de passe, modifier votre façon de vous connecter demande une connexion par clé d'accès datant de moins de cinq minutes.
error-support-sign-in-restricted = Le support connecté à votre place ne peut pas faire cela : vous seul pouvez changer votre façon de vous connecter, accepter des invitations ou autoriser des applications.
error-cross-site-request = Le formulaire venait d'un autre site.
error-user-management-disabled = La gestion des utilisateurs est désactivée dans l'espace client ; contactez l'assistance.
error-owner-cannot-be-removed = Le titulaire ne peut pas être retiré du compte.
error-owner-permissions-fixed = Le titulaire a toutes les autorisations ; elles ne peuvent pas être modifiées.
error-already-member = Cette personne a déjà accès à ce compte.
error-invitation-expired = Cette invitation a expiré ; demandez-en une nouvelle.
error-invitation-used = Cette invitation a déjà été utilisée.
error-invitation-cancelled = Cette invitation a été annulée.
error-user-owns-accounts = Cet utilisateur est titulaire de comptes ; transférez-les d'abord.
error-not-found = Introuvable.
error-method-not-allowed = Cela ne peut pas se faire ici.
error-conflict = Quelque chose a changé entre-temps : rechargez la page et réessayez.
error-email-taken = Un utilisateur avec cette adresse e-mail existe déjà.
error-payload-too-large = Ce que vous avez envoyé est trop volumineux.
error-unsupported-media-type = Ce que vous avez envoyé n'a pas pu être lu.
error-rate-limited = { $minutes ->
    [one] Trop de tentatives : réessayez dans { $minutes } minute.
   *[other] Trop de tentatives : réessayez dans { $minutes } minutes.
}
error-vetoed-by-plugin = Cela a été refusé.
error-plugin-failed = Cela n'est pas possible pour le moment : réessayez plus tard.
error-plugin-invalid = Cela n'est pas possible pour le moment.
error-not-ready = Le service n'est pas prêt : réessayez dans un instant.
error-internal-error = Un problème est survenu : réessayez plus tard.
form-check-fields = Vérifiez les champs signalés ci-dessous.
