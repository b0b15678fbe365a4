### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Confirme seu endereço de e-mail
verify-intro = Confirme que este endereço de e-mail é seu.
verify-submit = Confirmar meu e-mail
reset-title = Escolha uma nova senha
reset-password = Nova senha
reset-password-again = Repita a nova senha
reset-code = Um código do seu aplicativo autenticador, ou um dos seus códigos de backup
reset-code-hint = Seu acesso tem um segundo fator, então um link na sua caixa de entrada não basta para alterar a senha dele.
reset-submit = Salvar a nova senha
reset-passwords-differ = As duas senhas são diferentes.

invite-title = Convite para { $account }
invite-page-intro = { $inviter } convidou você para acessar a conta “{ $account }”.
invite-page-intro-staff = { $inviter } (equipe) convidou você para acessar a conta “{ $account }”.
invite-signed-in-as = Você está conectado como { $email }
invite-accept-as = Aceitar como { $email }
invite-switch = Sair e continuar como outra pessoa
invite-have-login = Já tenho um acesso
invite-totp-code = Código do autenticador (se você usa um)
invite-login-accept = Entrar e aceitar
invite-new-here = Sou novo aqui
invite-signup-accept = Criar meu acesso e aceitar
invite-expires = O convite expira em { $time }.

## One-message pages: a heading and a sentence.

page-failed = Algo deu errado
page-failed-text = Tente novamente mais tarde.
page-not-found = Página não encontrada
page-not-found-text = Não há nada aqui, ou você não tem acesso.
page-not-allowed = Não permitido
mailbox-heading = Confira sua caixa de entrada
mailbox-text = O próximo passo está no e-mail que enviamos para você.
mailbox-invite-text = O próximo passo está no e-mail que enviamos para o endereço informado.
link-invalid = Link inválido
link-invalid-text = Este link é inválido ou expirou. Peça um novo.
invitation-unknown = Convite não encontrado
invitation-unknown-text = Este link de convite é inválido. Confira o link no e-mail ou peça um novo convite.
invitation-gone = Convite não é mais válido
invitation-gone-accepted = Este convite já foi aceito.
invitation-gone-cancelled = Este convite foi cancelado. Peça um novo ao titular da conta.
invitation-gone-expired = Este convite expirou. Peça um novo ao titular da conta.
invitation-member = Já é membro
invitation-member-text = Você já tem acesso a esta conta.
invitation-accepted = Convite aceito
invitation-accepted-verify = Agora você tem acesso a { $account }. Enviamos um link para { $email } para confirmar o endereço: abra-o e depois entre.
form-refused = Não foi possível enviar este formulário
form-refused-foreign = Ele veio de outro site, ou a página foi aberta antes de você entrar ou sair. Volte, recarregue a página e tente de novo.
form-refused-control = O campo “{ $field }” contém um caractere de controle (como uma quebra de linha), o que não é permitido. Volte e corrija-o.

## After an emailed link did its work.

verified-heading = Endereço de e-mail confirmado
verified-text = Obrigado: seu endereço de e-mail está confirmado.
verified-to-accounts = Ir para suas contas
verified-sign-in = Entrar
reset-done-heading = Senha alterada
reset-done-text = Sua nova senha foi definida. Todas as outras sessões foram encerradas; entre com ela.
invite-email-taken = Já existe um acesso com este endereço de e-mail: entre com ele.
invite-session-ended = Sua sessão terminou: entre de novo.
invite-code-needed = Digite também o código do seu aplicativo autenticador.
invite-code-mailed = Enviamos um código de acesso por e-mail: digite-o também no campo do código.
