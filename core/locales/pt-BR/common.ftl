### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Pular para o conteúdo
nav-main = Menu principal
nav-accounts = Contas
nav-me = Meu perfil e segurança
signed-in-as = Conectado como { $email }
sign-out = Sair
nav-sign-in = Entrar
nav-sign-up = Criar um acesso
reenrol-notice = Não foi possível trazer sua verificação em duas etapas da área do cliente antiga.
reenrol-link = Configure-a de novo para manter seu acesso protegido.
language-picker = Idioma
support-banner = Acesso feito pelo suporte ({ $staff }) até { $time }.
support-end = Encerrar agora
session-by-support = Suporte: { $staff }
