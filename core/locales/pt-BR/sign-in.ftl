### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Entrar
login-heading = Entrar no { $product }
field-email = Endereço de e-mail
field-password = Senha
login-submit = Entrar
login-passkey-heading = Ou use uma chave de acesso
login-passkey-intro = Sua digital, seu rosto ou o bloqueio de tela no lugar da senha: sem digitar e-mail.
login-passkey-button = Entrar com uma chave de acesso
login-forgot = Esqueceu a senha?
login-new-here = Novo por aqui?
login-create = Criar um acesso
signup-title = Criar um acesso
field-first-name = Nome
field-last-name = Sobrenome
field-new-password-hint = Pelo menos { $min } caracteres.
field-company = Nome da empresa (opcional)
signup-company-hint = Sua conta é criada com este nome; deixe em branco para usar o seu.
signup-submit = Criar meu acesso
signup-have-login = Já tem um acesso?
signup-sign-in = Entrar
forgot-title = Esqueceu a senha?
forgot-sent = Se existir um acesso para esse endereço, enviamos a ele um link para escolher uma nova senha. O link funciona uma vez.
forgot-intro = Vamos enviar por e-mail um link para você escolher uma nova senha.
forgot-submit = Enviar o link
forgot-back = Voltar para o login
