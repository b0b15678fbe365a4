### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } não está disponível
oauth-back = Voltar para { $app }
oauth-allow-heading = Permitir que { $app } use seu acesso a { $product }?
oauth-signed-in-learns = Conectado como { $email }. Se você permitir, { $app } vai saber:
oauth-choose-heading = Escolha uma conta para { $app }
oauth-signed-in = Conectado como { $email }.
oauth-refused-choose = Escolha outra conta, ou cancele.
oauth-which-account = A conta com que { $app } trabalha
oauth-owner = titular
oauth-allow = Permitir
oauth-continue = Continuar
oauth-deny = Negar
oauth-cancel = Cancelar
oauth-link-broken = Este link de acesso não funciona
oauth-not-signed-in = Não foi possível fazer você entrar
logout-title = Sair
logout-heading = Sair de { $product }?
logout-asked-by = { $app } pediu para desconectar você.
logout-asked = Um aplicativo pediu para desconectar você.
logout-explain = Sair encerra sua sessão de { $product } neste navegador, e os aplicativos em que você entrou com ela são avisados.
logout-sign-out = Sair
logout-stay = Continuar conectado
logout-link-broken = Este link de saída não funciona
logout-not-signed-out = { $why }. Você não foi desconectado.
logout-done = Você saiu
logout-done-text = Você saiu de { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Quem você é: o identificador do seu acesso neste provedor
scope-profile = Seu nome e idioma
scope-email = Seu endereço de e-mail, e se você o confirmou
scope-account = Uma conta que você escolhe, e o que pode fazer nela
scope-accounts = Cada conta que você acessa, e o que pode fazer em cada uma
scope-offline_access = Manter este acesso mesmo quando você sair

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = A solicitação não indica nenhum aplicativo (client_id).
oauth-unknown-app = O aplicativo que enviou você para cá não está registrado neste provedor.
oauth-foreign-redirect = { $app } pediu para mandar você de volta a um endereço que não registrou, por isso você não foi enviado para lá.
oauth-repeated = A solicitação indica o aplicativo ou o endereço mais de uma vez.
logout-refused-text = A solicitação de saída do aplicativo não é válida para este provedor. Você não saiu.
