### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Hallo { $first_name },
mail-or-copy = Oder kopieren Sie diese Adresse in Ihren Browser:
mail-link-once = Der Link funktioniert nur einmal und gilt { $expires_in } lang.
mail-new-password-button = Neues Passwort wählen
mail-if-you-new-password = Wenn Sie das waren, melden Sie sich mit Ihrem Passwort an oder wählen Sie ein neues.
mail-ignore = Wenn Sie es nicht waren, können Sie diese Nachricht ignorieren.

mail-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse
mail-verify-body = bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse bei { $product } ist.
mail-verify-button = E-Mail-Adresse bestätigen
mail-verify-ignore = Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.

mail-email-change-subject = Bestätigen Sie Ihre neue E-Mail-Adresse
mail-email-change-body = jemand, der bei { $product } angemeldet ist, möchte diese Adresse für seinen Zugang verwenden. Wenn Sie das waren, öffnen Sie diesen Link, um die Änderung vorzunehmen.
mail-email-change-button = Diese E-Mail-Adresse verwenden
mail-email-change-ignore = Bis der Link geöffnet wird, ändert sich nichts. Wenn Sie es nicht waren, ignorieren Sie diese Nachricht.

mail-email-in-use-subject = Ihre E-Mail-Adresse wurde für einen anderen Zugang angegeben
mail-email-in-use-body = jemand, der bei { $product } angemeldet ist, möchte seinen Zugang auf diese E-Mail-Adresse umstellen, die bereits Ihnen gehört. Es wurde nichts geändert: Eine Adresse gehört zu genau einem Zugang.

mail-reset-subject = Setzen Sie Ihr Passwort zurück
mail-reset-body = jemand (hoffentlich Sie) hat darum gebeten, das Passwort Ihres Zugangs bei { $product } zurückzusetzen.
mail-reset-ignore = Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.

mail-set-password-subject = Wählen Sie Ihr Passwort
mail-set-password-body = für Sie wurde ein Zugang bei { $product } angelegt.
mail-set-password-button = Mein Passwort wählen

mail-signup-attempt-subject = Sie haben bereits einen Zugang
mail-signup-attempt-body = jemand wollte mit dieser E-Mail-Adresse einen neuen Zugang bei { $product } anlegen, doch es gibt für sie bereits einen.
mail-signup-attempt-ignore = Wenn Sie es nicht waren, können Sie diese Nachricht ignorieren: Es wurde nichts geändert.

mail-code-subject = Ihr Anmeldecode
mail-code-body = Ihr Code für die Anmeldung bei { $product } lautet:
mail-code-expires = Er funktioniert nur einmal und gilt { $expires_in } lang. Ihre Zwei-Faktor-Anmeldung konnte nicht aus dem alten System übernommen werden: Schalten Sie sie auf Ihrer Profilseite wieder ein, dann kommen diese E-Mails nicht mehr.
mail-code-not-you = Wenn Sie sich nicht gerade angemeldet haben, kennt jemand Ihr Passwort: Wählen Sie ein neues.

mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body = das Passwort Ihres Zugangs bei { $product } wurde soeben geändert, und alle anderen Sitzungen wurden abgemeldet.
mail-password-changed-not-you = Wenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und wenden Sie sich an den Support:

mail-invitation-subject = Einladung zum Kontozugriff
mail-invitation-hello = Hallo,
mail-invitation-body = Sie sind eingeladen, auf ein Konto bei { $product } zuzugreifen.
mail-invitation-by-staff = Die Einladung hat das Team von { $product } verschickt.
mail-invitation-by-customer = Sie kommt von einem Kunden von { $product }. Die zwei Zeilen unten sind seine eigenen Worte: { $product } hat sie nicht geprüft.
mail-invitation-invited-by = Eingeladen von
mail-invitation-account = Konto
mail-invitation-button = Einladung annehmen
mail-invitation-how = Sie nehmen an, indem Sie sich anmelden oder, falls Sie noch keinen Zugang haben, einen anlegen.
mail-invitation-expires = Die Einladung gilt { $expires_in } lang.
mail-invitation-ignore = Wenn Sie sie nicht erwartet haben, ignorieren Sie diese Nachricht. { $product } fragt nie per E-Mail nach Ihrem Passwort oder Ihren Zahlungsdaten.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
duration-hours = { $n ->
    [one] { $n } Stunde
   *[other] { $n } Stunden
}
duration-minutes = { $n ->
    [one] { $n } Minute
   *[other] { $n } Minuten
}
duration-seconds = { $n ->
    [one] { $n } Sekunde
   *[other] { $n } Sekunden
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: Der Support hat sich in Ihrem Konto angemeldet
mail-support-body = { $staff } vom Support-Team von { $product } hat sich soeben in Ihrem Konto angemeldet, um zu sehen, was Sie sehen. Bis { $until } kann diese Person tun, was Sie tun können – außer zu ändern, wie Sie sich anmelden, Einladungen anzunehmen oder Apps zuzulassen –, und alles, was sie tut, wird unter ihrem Namen protokolliert.
mail-support-see = Jede Anmeldung des Supports steht auf Ihrer Profilseite:
mail-support-not-expected = Wenn Sie das nicht erwartet haben, melden Sie sich bei uns und ändern Sie Ihr Passwort.
mail-support-consent-subject = { $product }: Der Support bittet darum, sich in Ihrem Konto anzumelden
mail-support-consent-body = { $staff } vom Support-Team von { $product } bittet darum, sich in Ihrem Konto anzumelden, um zu sehen, was Sie sehen. Das geht erst, wenn Sie es erlauben.
mail-support-consent-how = Um es für einen Tag zu erlauben, öffnen Sie Ihre Profilseite und wählen Sie „Für einen Tag erlauben“:
mail-support-consent-ignore = Wenn Sie nicht um Hilfe gebeten haben, ignorieren Sie diese Nachricht: Es ändert sich nichts.
