### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } is niet beschikbaar
oauth-back = Terug naar { $app }
oauth-allow-heading = { $app } toestaan uw login bij { $product } te gebruiken?
oauth-signed-in-learns = Ingelogd als { $email }. Als u het toestaat, krijgt { $app } te weten:
oauth-choose-heading = Kies een account voor { $app }
oauth-signed-in = Ingelogd als { $email }.
oauth-refused-choose = Kies een ander account, of annuleer.
oauth-which-account = Met welk account { $app } werkt
oauth-owner = eigenaar
oauth-allow = Toestaan
oauth-continue = Doorgaan
oauth-deny = Weigeren
oauth-cancel = Annuleren
oauth-link-broken = Deze inloglink werkt niet
oauth-not-signed-in = U kon niet worden ingelogd
logout-title = Afmelden
logout-heading = Afmelden bij { $product }?
logout-asked-by = { $app } vraagt u af te melden.
logout-asked = Een app vraagt u af te melden.
logout-explain = Afmelden beëindigt uw sessie bij { $product } in deze browser, en de apps waarbij u er mee inlogde, krijgen bericht.
logout-sign-out = Afmelden
logout-stay = Ingelogd blijven
logout-link-broken = Deze afmeldlink werkt niet
logout-not-signed-out = { $why }. U bent niet afgemeld.
logout-done = U bent afgemeld
logout-done-text = U bent afgemeld bij { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Wie u bent: de id van uw login bij deze aanbieder
scope-profile = Uw naam en taal
scope-email = Uw e-mailadres, en of u het hebt bevestigd
scope-account = Eén account dat u kiest, en wat u daarin mag doen
scope-accounts = Elk account dat u kunt bereiken, en wat u in elk ervan mag doen
scope-offline_access = Deze toegang behouden terwijl u afgemeld bent

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = Het verzoek noemt geen app (client_id).
oauth-unknown-app = De app die u hierheen stuurde, is niet bij deze aanbieder geregistreerd.
oauth-foreign-redirect = { $app } vroeg om u terug te sturen naar een adres dat de app niet heeft geregistreerd; daarom bent u daar niet heen gestuurd.
oauth-repeated = Het verzoek noemt zijn app of adres meer dan eens.
logout-refused-text = Het uitlogverzoek van de app is niet geldig voor deze aanbieder. U bent niet uitgelogd.
