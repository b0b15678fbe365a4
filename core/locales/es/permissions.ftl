### The titles of the 13 built-in permissions (`permission-<key>`), wherever pages list them.

permission-profile = Modificar el perfil principal de la cuenta
permission-contacts = Ver y gestionar contactos
permission-products = Ver productos y servicios
permission-manageproducts = Ver y modificar las contraseñas de los productos
permission-productsso = Usar el inicio de sesión único
permission-domains = Ver dominios
permission-managedomains = Gestionar la configuración de los dominios
permission-invoices = Ver y pagar facturas
permission-quotes = Ver y aceptar presupuestos
permission-tickets = Ver y abrir tickets de soporte
permission-affiliates = Ver y gestionar la cuenta de afiliado
permission-emails = Ver correos electrónicos
permission-orders = Hacer pedidos, mejoras y cancelaciones
