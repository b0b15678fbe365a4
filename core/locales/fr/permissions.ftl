### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Modifier le profil principal du compte
permission-contacts = Voir et gérer les contacts
permission-products = Voir les produits et services
permission-manageproducts = Voir et modifier les mots de passe des produits
permission-productsso = Utiliser la connexion unique (SSO)
permission-domains = Voir les noms de domaine
permission-managedomains = Gérer les réglages des noms de domaine
permission-invoices = Voir et payer les factures
permission-quotes = Voir et accepter les devis
permission-tickets = Voir et ouvrir des tickets d'assistance
permission-affiliates = Voir et gérer le compte d'affiliation
permission-emails = Voir les e-mails
permission-orders = Passer des commandes, mises à niveau et résiliations
