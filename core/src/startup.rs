//! Building and running the server: `App::build` connects, migrates and binds (port 0 in tests);
//! `App::run` serves until the shutdown future resolves, then drains within the grace period.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::db::Db;
use crate::mail::Mailer;
use crate::plugins::Plugins;
use crate::settings::Settings;
use crate::state::{AppState, Shared};
use crate::users::Passwords;

/// A server that is connected, migrated and bound, but not yet serving.
#[derive(Debug)]
pub struct App {
    listener: TcpListener,
    router: crate::http::App,
    state: AppState,
    local_addr: SocketAddr,
    /// The management listener (`/metrics`), when metrics are on.
    management: Option<(TcpListener, SocketAddr)>,
}

impl App {
    pub async fn build(settings: Settings) -> Result<Self, anyhow::Error> {
        crate::install_crypto_provider();
        crate::stats::install();
        // The provider's wording is checked before anything is opened or listens.
        let messages = crate::i18n::Messages::load(settings.ui.messages_dir.as_deref())
            .map_err(|problem| anyhow::anyhow!("ui.messages_dir: {problem}"))?;
        let messages = Arc::new(messages);
        if let Some(dir) = settings.mail_templates_dir() {
            let branding = crate::mail::templates::Branding::of(&settings);
            crate::mail::templates::Templates::check(dir, &branding, &messages)
                .map_err(|problem| anyhow::anyhow!("ui.mail_templates_dir: {problem}"))?;
        }
        let db = Db::connect(&settings.database).await.map_err(|e| {
            anyhow::anyhow!(
                "cannot open the database {} (database.url): {e}",
                settings.database.url.masked()
            )
        })?;
        let applied = db.migrate().await?;
        if applied > 0 {
            tracing::info!(applied, "database migrations applied");
        }
        crate::oauth::keys::ensure(&db, Clock::default().now_ms())
            .await
            .map_err(|e| anyhow::anyhow!("cannot make or read the signing keys: {e}"))?;
        let mailer = Mailer::from_settings(&settings.mail)?.branded(&settings, messages.clone());
        let passwords = Passwords::new(settings.auth.argon2, settings.auth.password.clone())?;
        let clock = Clock::default();
        // Compiling plugins is CPU work (cached on disk after the first time).
        let (plugins, catalog) = {
            let (settings, db, clock) = (settings.clone(), db.clone(), clock.clone());
            tokio::task::spawn_blocking(move || Plugins::load(&settings, &db, &clock))
                .await?
                .map_err(|e| anyhow::anyhow!(e))?
        };
        plugins.prepare_queue().await?;
        let state = AppState::new(Shared {
            settings: Arc::new(settings),
            db,
            mailer,
            passwords,
            clock,
            catalog: Arc::new(catalog),
            plugins,
            messages,
        });
        let bind = state.settings.server.bind.0;
        let listener = TcpListener::bind(bind)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {bind} (server.bind): {e}"))?;
        let local_addr = listener.local_addr()?;
        let management = if state.settings.metrics.enabled {
            let bind = state.settings.metrics.bind.0;
            let listener = TcpListener::bind(bind)
                .await
                .map_err(|e| anyhow::anyhow!("cannot listen on {bind} (metrics.bind): {e}"))?;
            let addr = listener.local_addr()?;
            Some((listener, addr))
        } else {
            None
        };
        let router = crate::http::router(state.clone())?;
        Ok(Self {
            listener,
            router,
            state,
            local_addr,
            management,
        })
    }

    /// The address actually bound (differs from the setting when it asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The management listener's address (`/metrics`), when metrics are on.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.management.as_ref().map(|(_, addr)| *addr)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves; then stops accepting, lets in-flight requests finish for at
    /// most `server.shutdown_grace`, and closes the database pool.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let grace = self.state.settings.server.shutdown_grace;
        let sweeper = tokio::spawn(crate::sweeper::run(self.state.clone()));
        let upkeep = tokio::spawn(crate::stats::upkeep());
        let (stop_queue, queue_stopped) = tokio::sync::watch::channel(false);
        let queue = tokio::spawn({
            let plugins = self.state.plugins.clone();
            async move { plugins.run_queue(queue_stopped).await }
        });
        let (stop_mail, mail_stopped) = tokio::sync::watch::channel(false);
        let outbox = tokio::spawn(crate::mail::outbox::run(self.state.clone(), mail_stopped));
        let (stop_logouts, logouts_stopped) = tokio::sync::watch::channel(false);
        let logouts = tokio::spawn(crate::oauth::backchannel::run(
            self.state.clone(),
            logouts_stopped,
        ));
        // Prometheus is served until the process stops; it holds no request a drain must wait on.
        let management = self.management.map(|(listener, _)| {
            let router = crate::http::health::management_router(self.state.clone());
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, router).await {
                    tracing::error!(error = %e, "the management listener (metrics.bind) stopped");
                }
            })
        });
        let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
        let signal = async move {
            shutdown.await;
            tracing::info!("shutting down: no new connections, draining in-flight requests");
            let _ = started_tx.send(());
        };
        let serve = axum::serve(
            self.listener,
            axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
                SocketAddr,
            >(self.router),
        )
        .with_graceful_shutdown(signal);
        let deadline = async move {
            if started_rx.await.is_err() {
                std::future::pending::<()>().await;
            }
            tokio::time::sleep(grace).await;
        };
        let result = tokio::select! {
            result = serve => result,
            () = deadline => {
                tracing::warn!(grace = ?grace, "shutdown grace elapsed; dropping open connections");
                Ok(())
            }
        };
        sweeper.abort();
        upkeep.abort();
        if let Some(management) = management {
            management.abort();
        }
        // The after-hook call in progress finishes (within its deadline) and its cursor is saved.
        let _ = stop_queue.send(true);
        if tokio::time::timeout(grace, queue).await.is_err() {
            tracing::warn!("after-hook delivery did not stop within the grace period");
        }
        // Background work that may write mail (a reset link asked for) finishes, the outbox sends
        // what is due within the grace period, then its sender stops and lets go of the rest
        // (another replica, or this one's next start, sends it).
        if tokio::time::timeout(grace, crate::mail::outbox::settled(&self.state))
            .await
            .is_err()
        {
            tracing::warn!("mail still due after the grace period; it stays in the outbox");
        }
        let _ = stop_mail.send(true);
        if tokio::time::timeout(grace, outbox).await.is_err() {
            tracing::warn!("the mail outbox's sender did not stop within the grace period");
        }
        // The logout being sent finishes; the rest stays queued for another replica or the next
        // start.
        let _ = stop_logouts.send(true);
        if tokio::time::timeout(grace, logouts).await.is_err() {
            tracing::warn!("back-channel logout delivery did not stop within the grace period");
        }
        self.state.db.close().await;
        tracing::info!("stopped");
        result
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
