### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Alterar o perfil principal da conta
permission-contacts = Ver e gerenciar contatos
permission-products = Ver produtos e serviços
permission-manageproducts = Ver e alterar as senhas dos produtos
permission-productsso = Usar o login único (SSO)
permission-domains = Ver domínios
permission-managedomains = Gerenciar as configurações dos domínios
permission-invoices = Ver e pagar faturas
permission-quotes = Ver e aceitar orçamentos
permission-tickets = Ver e abrir tickets de suporte
permission-affiliates = Ver e gerenciar a conta de afiliado
permission-emails = Ver e-mails
permission-orders = Fazer pedidos, upgrades e cancelamentos
