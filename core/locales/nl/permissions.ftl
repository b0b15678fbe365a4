### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Hoofdprofiel van het account wijzigen
permission-contacts = Contactpersonen bekijken en beheren
permission-products = Producten en diensten bekijken
permission-manageproducts = Productwachtwoorden bekijken en wijzigen
permission-productsso = Single sign-on gebruiken
permission-domains = Domeinnamen bekijken
permission-managedomains = Domeininstellingen beheren
permission-invoices = Facturen bekijken en betalen
permission-quotes = Offertes bekijken en accepteren
permission-tickets = Supporttickets bekijken en openen
permission-affiliates = Affiliate-account bekijken en beheren
permission-emails = E-mails bekijken
permission-orders = Bestellingen, upgrades en opzeggingen plaatsen
