### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Meu perfil e segurança
me-passkeys-only-heading = Você entra apenas com chaves de acesso
me-passkeys-only-recent = Você acabou de entrar com uma chave de acesso: durante cinco minutos a partir de então, pode alterar aqui seu endereço de e-mail, sua senha, a verificação em duas etapas, os códigos de backup e as chaves de acesso.
me-passkeys-only-confirm = Seu acesso não tem senha. Para alterar seu endereço de e-mail, sua senha, a verificação em duas etapas, os códigos de backup ou as chaves de acesso, confirme primeiro que é você com sua chave de acesso: as alterações ficam então liberadas por cinco minutos.
me-confirm-passkey = Confirmar com uma chave de acesso
me-confirm-needs-script = Para confirmar, é preciso um navegador compatível com chaves de acesso, com JavaScript permitido para este site.

me-profile-heading = Perfil
me-language = Idioma
me-time-zone = Fuso horário
me-time-zone-default = Padrão ({ $zone })
me-save-profile = Salvar o perfil

me-email-heading = Endereço de e-mail
me-email-now = Atual:
me-verified = Confirmado
me-not-verified = Não confirmado
me-new-email = Novo endereço de e-mail
me-new-email-hint = Enviamos um link para o novo endereço: seu endereço muda quando você abri-lo.
me-current-password = Senha atual
me-change-email = Alterar o endereço de e-mail

me-password-heading = Senha
me-none = Nenhuma
me-no-password = Seu acesso não tem senha: você entra com uma chave de acesso. Você pode definir uma senha novamente.
me-change-password = Alterar a senha
me-set-password = Definir uma senha
me-new-password = Nova senha
me-new-password-hint = Pelo menos { $min } caracteres. Suas outras sessões são encerradas.
me-new-password-again = Repita a nova senha
me-drop-heading = Entrar apenas com chaves de acesso
me-drop-hint = Abra mão da sua senha: ninguém mais poderá entrar com ela nem roubá-la com uma página falsa. Você entra com uma chave de acesso; se perder suas chaves, um código de backup e um link para redefinir a senha permitem que você volte.
me-drop-codes-first = Crie primeiro códigos de backup (em “Chaves de acesso”).
me-drop = Abrir mão da senha

me-totp-heading = Verificação em duas etapas
me-on = Ativada
me-off = Desativada
me-totp-on-intro = Ao entrar, depois da senha, pedimos um código do seu aplicativo autenticador (ou um código de backup).
me-codes-new-heading = Novos códigos de backup
me-codes-new-hint = Seus códigos de backup antigos deixam de funcionar.
me-password = Senha
me-or-app-code = ou um código do seu aplicativo
me-app-code = Um código do seu aplicativo
me-make-new-codes = Criar novos códigos de backup
me-totp-off-heading = Desativar a verificação em duas etapas
me-turn-off = Desativar
me-totp-intro = Proteja seu acesso com um código de um aplicativo autenticador (como Aegis, Google Authenticator ou 1Password), além da sua senha.
me-totp-turn-on = Ativar a verificação em duas etapas

me-passkeys-heading = Chaves de acesso
me-passkeys-intro = Uma chave de acesso faz você entrar com sua impressão digital, seu rosto ou o bloqueio de tela, em vez de uma senha. Ela só funciona no site de { $product }, então uma página de login falsa não consegue roubá-la.
me-codes-heading = Códigos de backup
me-codes-left = { $count ->
    [0] Nenhum ainda.
    [one] Um não usado. Os novos o substituem.
   *[other] { $count } não usados. Os novos os substituem.
}
me-codes-hint = Dez códigos de uso único: com um link para redefinir a senha, um deles permite que você volte se perder suas chaves de acesso.
me-make-codes = Criar códigos de backup
me-no-passkey = Você ainda não tem nenhuma chave de acesso.
me-add-passkey = Adicionar uma chave de acesso
me-passkey-name = Um nome para reconhecê-la
me-passkey-name-hint = Por exemplo, o dispositivo em que ela está: “MacBook”, “Celular”.
me-add-needs-script = Para adicionar uma chave de acesso, é preciso um navegador compatível, com JavaScript permitido para este site.
me-passkeys-unusable = Não é possível usar chaves de acesso no endereço deste servidor; pergunte a { $product }.
passkey-col-name = Nome
passkey-col-added = Adicionada
passkey-col-last-used = Último uso
passkey-never = Nunca
passkey-synced = Sincronizada
passkey-new-name = Novo nome para { $name }
passkey-rename = Renomear
passkey-remove = Remover

me-sessions-heading = Onde você está conectado
me-col-device = Dispositivo
me-col-ip = Endereço IP
me-col-signed-in = Entrada
me-col-last-seen = Última atividade
me-col-actions = Ações
me-unknown = Desconhecido
me-this-browser = Este navegador
me-sign-out = Sair
me-sign-out-this = (este navegador)
me-sign-out-other = (a sessão de { $ip })

me-apps-heading = Aplicativos com acesso
me-app-since = Desde { $date }.
me-app-own = Um aplicativo do próprio { $product }.
me-app-learns = Ele pode saber:
me-remove-access = Remover o acesso
me-no-apps = Nenhum aplicativo faz você entrar com { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Seu perfil foi salvo.
me-done-email = Enviamos um link para o novo endereço, a menos que ele não possa ser usado. Seu endereço de e-mail muda quando você abri-lo.
me-done-password = Sua senha foi alterada. Suas outras sessões foram encerradas.
me-done-password-dropped = Sua senha foi removida: agora você entra com uma chave de acesso. Suas outras sessões foram encerradas.
me-done-totp-off = A verificação em duas etapas está desativada.
me-done-passkey-added = Sua chave de acesso foi adicionada: use-a para entrar.
me-done-passkey-renamed = A chave de acesso foi renomeada.
me-done-passkey-removed = A chave de acesso foi removida: ela não faz mais ninguém entrar.
me-done-revoked = A sessão foi encerrada.
me-done-withdrawn = O aplicativo não tem mais acesso. Ele vai pedir de novo se você entrar nele.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Ativar a verificação em duas etapas
totp-step1 = 1. Adicione { $product } ao seu aplicativo autenticador
totp-scan = Leia este QR code com o aplicativo:
totp-qr-alt = QR code do seu segredo de verificação (o mesmo segredo aparece escrito abaixo)
totp-type = Ou digite este segredo no aplicativo:
totp-step2 = 2. Digite o código que o aplicativo mostra
totp-code = Código
totp-submit = Ativar
totp-not-now = Agora não
codes-title = Seus códigos de backup
codes-heading-first = A verificação em duas etapas está ativada
codes-heading-new = Seus novos códigos de backup
codes-keep-totp = Guarde estes códigos em um lugar seguro. Cada um funciona uma vez, no lugar de um código do aplicativo, se você perder o celular.
codes-keep-passkeys = Guarde estes códigos em um lugar seguro. Cada um funciona uma vez: com um link para redefinir a senha, um deles permite que você volte se perder suas chaves de acesso.
codes-shown-once = Eles só aparecem agora.
codes-download = Baixar os códigos
codes-done = Concluído
passkey-add-title = Adicionar uma chave de acesso
passkey-add-intro = Seu navegador agora pergunta onde guardar a chave de acesso (este dispositivo, seu celular, uma chave de segurança ou um gerenciador de senhas) e pede sua impressão digital, seu rosto ou o bloqueio de tela.
passkey-add-submit = Criar a chave de acesso
passkey-add-missing = Este navegador não consegue criar chaves de acesso (ou o JavaScript está desativado para este site).
passkey-name-length = Dê a ela um nome de 1 a { $max } caracteres.
me-wrong-password = Esta não é sua senha atual.
totp-wrong-code = O código está errado: confira a hora do seu celular e tente o próximo.
codes-file = Códigos de backup de { $product } ({ $email })
codes-file-totp = Cada um funciona uma vez, no lugar de um código do aplicativo.
codes-file-passkeys = Cada um funciona uma vez, com um link para redefinir a senha, se você perder suas chaves de acesso.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Acessos do suporte
me-support-intro = A equipe de suporte de { $product } pode entrar como você para ver o que você vê: você recebe um e-mail a cada vez, e cada acesso aparece aqui. Ela não pode mudar como você entra.
me-support-allowed = O suporte pode entrar como você até { $time }.
me-support-withdraw = Retirar
me-support-asks = O suporte só entra como você se você permitir, um dia de cada vez.
me-support-allow = Permitir por um dia
me-support-col-staff = Membro do suporte
me-support-col-from = Entrada
me-support-col-until = Até
me-support-none = O suporte nunca entrou como você.
me-done-support-allowed = O suporte pode entrar como você por um dia.
me-done-support-withdrawn = O suporte não pode mais entrar como você.
