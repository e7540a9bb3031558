use server::{router, state, Config};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::from_env()?;
    let state = state(&config).await?;
    server::spawn_purge(state.services.clone());
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    println!("Work in France listening on http://{}", config.addr);
    println!("Database: {}", config.database_url);
    match &config.smtp_url {
        Some(_) => println!("E-mail: sent through SMTP_URL"),
        None => println!(
            "E-mail: written to {}/ (one .eml file per message)",
            config.outbox_dir.display()
        ),
    }
    println!("Uploaded files: {}/", config.storage_dir.display());
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
