### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Modify Master Account Profile
permission-contacts = View & Manage Contacts
permission-products = View Products & Services
permission-manageproducts = View & Modify Product Passwords
permission-productsso = Perform Single Sign-On
permission-domains = View Domains
permission-managedomains = Manage Domain Settings
permission-invoices = View & Pay Invoices
permission-quotes = View & Accept Quotes
permission-tickets = View & Open Support Tickets
permission-affiliates = View & Manage Affiliate Account
permission-emails = View Emails
permission-orders = Place New Orders/Upgrades/Cancellations
