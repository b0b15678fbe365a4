### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Olá, { $first_name },
mail-or-copy = Ou copie este endereço no seu navegador:
mail-link-once = O link funciona uma única vez e expira em { $expires_in }.
mail-new-password-button = Escolher uma nova senha
mail-if-you-new-password = Se foi você, entre com sua senha ou escolha uma nova.
mail-ignore = Se não foi você, pode ignorar esta mensagem.

mail-verify-subject = Confirme seu endereço de e-mail
mail-verify-body = confirme que este é o seu endereço de e-mail em { $product }.
mail-verify-button = Confirmar meu e-mail
mail-verify-ignore = Se você não se cadastrou, ignore esta mensagem.

mail-email-change-subject = Confirme seu novo endereço de e-mail
mail-email-change-body = alguém conectado a { $product } pediu para usar este endereço no seu acesso. Se foi você, abra este link para fazer a alteração.
mail-email-change-button = Usar este endereço de e-mail
mail-email-change-ignore = Enquanto o link não for aberto, nada muda. Se não foi você, ignore esta mensagem.

mail-email-in-use-subject = Seu endereço de e-mail foi indicado para outro acesso
mail-email-in-use-body = alguém conectado a { $product } pediu para mudar o seu acesso para este endereço de e-mail, que já é seu. Nada foi alterado: um endereço pertence a um único acesso.

mail-reset-subject = Redefina sua senha
mail-reset-body = alguém (esperamos que você) pediu para redefinir a senha do seu acesso a { $product }.
mail-reset-ignore = Se você não pediu isso, ignore esta mensagem: sua senha continua a mesma.

mail-set-password-subject = Escolha sua senha
mail-set-password-body = um acesso a { $product } foi criado para você.
mail-set-password-button = Escolher minha senha

mail-signup-attempt-subject = Você já tem um acesso
mail-signup-attempt-body = alguém pediu para criar um novo acesso a { $product } com este endereço de e-mail, mas ele já tem um.
mail-signup-attempt-ignore = Se não foi você, pode ignorar esta mensagem: nada foi alterado.

mail-code-subject = Seu código de acesso
mail-code-body = seu código para entrar em { $product } é:
mail-code-expires = Ele funciona uma única vez e expira em { $expires_in }. Não foi possível trazer sua verificação em duas etapas do sistema antigo: ative-a de novo na sua página de perfil, e estes e-mails param.
mail-code-not-you = Se você não acabou de entrar, alguém conhece sua senha: escolha uma nova.

mail-password-changed-subject = Sua senha foi alterada
mail-password-changed-body = a senha do seu acesso a { $product } acabou de ser alterada, e todas as outras sessões foram encerradas.
mail-password-changed-not-you = Se não foi você, redefina sua senha imediatamente e fale com o suporte:

mail-invitation-subject = Convite para acessar uma conta
mail-invitation-hello = Olá,
mail-invitation-body = você foi convidado a acessar uma conta em { $product }.
mail-invitation-by-staff = O convite foi enviado pela equipe de { $product }.
mail-invitation-by-customer = Ele foi enviado por um cliente de { $product }. As duas linhas abaixo são palavras dele: { $product } não as verificou.
mail-invitation-invited-by = Convidado por
mail-invitation-account = Conta
mail-invitation-button = Aceitar o convite
mail-invitation-how = Você pode aceitar entrando com seu acesso, ou criando um se ainda não tiver.
mail-invitation-expires = O convite expira em { $expires_in }.
mail-invitation-ignore = Se você não esperava por ele, ignore esta mensagem. { $product } nunca pede sua senha nem seus dados de pagamento por e-mail.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } dia
   *[other] { $n } dias
}
duration-hours = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
duration-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
duration-seconds = { $n ->
    [one] { $n } segundo
   *[other] { $n } segundos
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: o suporte entrou na sua conta
mail-support-body = { $staff }, da equipe de suporte de { $product }, acabou de entrar na sua conta para ver o que você vê. Até { $until }, essa pessoa pode fazer o que você pode, exceto mudar como você entra, aceitar convites ou permitir aplicativos, e tudo o que ela fizer fica registrado no nome dela.
mail-support-see = Cada acesso do suporte aparece na sua página de perfil:
mail-support-not-expected = Se você não esperava por isso, fale conosco e troque sua senha.
mail-support-consent-subject = { $product }: o suporte pede para entrar na sua conta
mail-support-consent-body = { $staff }, da equipe de suporte de { $product }, pede para entrar na sua conta para ver o que você vê. Isso só é possível depois que você permitir.
mail-support-consent-how = Para permitir por um dia, abra sua página de perfil e escolha “Permitir por um dia”:
mail-support-consent-ignore = Se você não pediu ajuda, ignore esta mensagem: nada muda.
