### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Modificare il profilo principale dell'account
permission-contacts = Visualizzare e gestire i contatti
permission-products = Visualizzare prodotti e servizi
permission-manageproducts = Visualizzare e modificare le password dei prodotti
permission-productsso = Usare l'accesso unico (SSO)
permission-domains = Visualizzare i domini
permission-managedomains = Gestire le impostazioni dei domini
permission-invoices = Visualizzare e pagare le fatture
permission-quotes = Visualizzare e accettare i preventivi
permission-tickets = Visualizzare e aprire ticket di assistenza
permission-affiliates = Visualizzare e gestire l'account di affiliazione
permission-emails = Visualizzare le email
permission-orders = Effettuare ordini, upgrade e disdette
