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

## The second step of signing in (`/login/code`).

code-title-mailed = Código de acesso
code-title = Verificação em duas etapas
code-intro-mailed = Enviamos por e-mail um código de acesso de 6 dígitos. Digite-o aqui. (Não foi possível trazer sua verificação em duas etapas do sistema antigo: ative-a de novo na sua página de perfil, e estes e-mails param.)
code-intro = Digite o código de 6 dígitos do seu aplicativo autenticador, ou um dos seus códigos de backup.
code-field = Código
code-submit = Continuar
code-passkey-heading = Ou use uma das suas chaves de acesso
code-passkey-button = Usar uma chave de acesso
code-start-again = Começar de novo

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = A chave de acesso não foi usada: a solicitação foi cancelada ou expirou, ou este dispositivo não tem chave de acesso para este site.
passkey-js-exists = Este dispositivo já tem uma chave de acesso para o seu acesso.
passkey-js-failed = A chave de acesso não funcionou aqui ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Entre para continuar.
login-passkey-unknown = Essa chave de acesso não fez você entrar: ela pode ter sido removida do seu acesso ou criada para outro site. Entre com a sua senha.
login-expired = Sua entrada demorou demais ou já foi usada: entre de novo.
code-passkey-unreadable = Não foi possível ler a resposta da chave de acesso: tente de novo.
code-passkey-not-confirmed = Essa chave de acesso não confirmou que é você: tente de novo ou digite um código.
