### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } non è disponibile
oauth-back = Torna a { $app }
oauth-allow-heading = Consentire a { $app } di usare il tuo accesso a { $product }?
oauth-signed-in-learns = Accesso effettuato come { $email }. Se lo consenti, { $app } conoscerà:
oauth-choose-heading = Scegli un account per { $app }
oauth-signed-in = Accesso effettuato come { $email }.
oauth-refused-choose = Scegli un altro account, oppure annulla.
oauth-which-account = L'account con cui lavora { $app }
oauth-owner = titolare
oauth-allow = Consenti
oauth-continue = Continua
oauth-deny = Nega
oauth-cancel = Annulla
oauth-link-broken = Questo link di accesso non funziona
oauth-not-signed-in = Non è stato possibile farti accedere
logout-title = Esci
logout-heading = Uscire da { $product }?
logout-asked-by = { $app } ha chiesto di farti uscire.
logout-asked = Un'app ha chiesto di farti uscire.
logout-explain = Uscire chiude la tua sessione di { $product } in questo browser, e le app a cui hai effettuato l'accesso con essa vengono avvisate.
logout-sign-out = Esci
logout-stay = Resta connesso
logout-link-broken = Questo link di uscita non funziona
logout-not-signed-out = { $why }. Non sei uscito.
logout-done = Sei uscito
logout-done-text = Sei uscito da { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Chi sei: l'identificativo del tuo accesso presso questo fornitore
scope-profile = Il tuo nome e la tua lingua
scope-email = Il tuo indirizzo email, e se l'hai confermato
scope-account = Un account che scegli, e cosa puoi fare al suo interno
scope-accounts = Ogni account a cui accedi, e cosa puoi fare in ciascuno
scope-offline_access = Mantenere questo accesso anche quando sei uscito

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = La richiesta non indica nessuna app (client_id).
oauth-unknown-app = L'app che ti ha mandato qui non è registrata presso questo fornitore.
oauth-foreign-redirect = { $app } ha chiesto di rimandarti a un indirizzo che non ha registrato, quindi non sei stato mandato lì.
oauth-repeated = La richiesta indica la sua app o il suo indirizzo più di una volta.
logout-refused-text = La richiesta di uscita dell'app non è valida per questo fornitore. Non sei uscito.
