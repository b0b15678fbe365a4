### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Vai al contenuto
nav-main = Menu principale
nav-accounts = Account
nav-me = Il mio profilo e sicurezza
signed-in-as = Accesso effettuato come { $email }
sign-out = Esci
nav-sign-in = Accedi
nav-sign-up = Crea un accesso
reenrol-notice = Non è stato possibile trasferire la verifica in due passaggi dalla vecchia area clienti.
reenrol-link = Configurala di nuovo per mantenere protetto il tuo accesso.
language-picker = Lingua
support-banner = Accesso effettuato dal supporto ({ $staff }) fino alle { $time }.
support-end = Termina ora
session-by-support = Supporto: { $staff }
