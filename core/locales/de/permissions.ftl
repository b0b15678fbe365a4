### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Hauptprofil des Kontos ändern
permission-contacts = Kontakte ansehen und verwalten
permission-products = Produkte und Dienste ansehen
permission-manageproducts = Produktpasswörter ansehen und ändern
permission-productsso = Single Sign-on nutzen
permission-domains = Domains ansehen
permission-managedomains = Domain-Einstellungen verwalten
permission-invoices = Rechnungen ansehen und bezahlen
permission-quotes = Angebote ansehen und annehmen
permission-tickets = Support-Tickets ansehen und eröffnen
permission-affiliates = Partnerkonto ansehen und verwalten
permission-emails = E-Mails ansehen
permission-orders = Bestellungen, Upgrades und Kündigungen aufgeben
