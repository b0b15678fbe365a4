### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = Não foi possível ler a solicitação.
error-malformed-json = Não foi possível ler a solicitação.
error-validation-failed = Um valor digitado não pode ser usado.
error-weak-password = A senha é fraca demais: escolha uma mais longa e difícil de adivinhar.
error-unauthorized = Sua sessão terminou: entre de novo.
error-invalid-credentials = O endereço de e-mail ou a senha está errado.
error-second-factor-required = É necessário um segundo fator.
error-invalid-second-factor = O código está errado ou já foi usado.
error-email-not-verified = O endereço de e-mail ainda não foi confirmado.
error-invalid-token = Este link é inválido ou expirou.
error-security-answer-required = A resposta à pergunta de segurança está faltando ou errada.
error-forbidden = Você não tem permissão para fazer isso.
error-recent-sign-in-required = Confirme primeiro com sua chave de acesso: sem senha, alterações na forma de entrar exigem uma entrada com chave de acesso nos últimos cinco minutos.
error-support-sign-in-restricted = O suporte que entrou como você não pode fazer isso: só você pode mudar como entra, aceitar convites ou permitir aplicativos.
error-cross-site-request = O formulário veio de outro site.
error-user-management-disabled = O gerenciamento de usuários está desativado na área do cliente; fale com o suporte.
error-owner-cannot-be-removed = O titular não pode ser removido da conta.
error-owner-permissions-fixed = O titular tem todas as permissões; elas não podem ser alteradas.
error-already-member = Esta pessoa já tem acesso a esta conta.
error-invitation-expired = Este convite expirou; peça um novo.
error-invitation-used = Este convite já foi usado.
error-invitation-cancelled = Este convite foi cancelado.
error-user-owns-accounts = Este usuário é titular de contas; transfira a titularidade primeiro.
error-not-found = Não encontrado.
error-method-not-allowed = Isso não pode ser feito aqui.
error-conflict = Algo mudou nesse meio-tempo: recarregue a página e tente de novo.
error-email-taken = Já existe um usuário com este endereço de e-mail.
error-payload-too-large = O que você enviou é grande demais.
error-unsupported-media-type = Não foi possível ler o que você enviou.
error-rate-limited = { $minutes ->
    [one] Tentativas demais: tente de novo em { $minutes } minuto.
   *[other] Tentativas demais: tente de novo em { $minutes } minutos.
}
error-vetoed-by-plugin = Isso foi recusado.
error-plugin-failed = Isso não pode ser feito agora: tente mais tarde.
error-plugin-invalid = Isso não pode ser feito agora.
error-not-ready = O serviço não está pronto: tente de novo em instantes.
error-internal-error = Algo deu errado: tente mais tarde.
form-check-fields = Confira os campos marcados abaixo.
