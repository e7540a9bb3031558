use server::{router, state, Config};

/// mimalloc, not glibc's malloc: server-side rendering allocates many short-lived strings, and
/// `make bench` measures the difference (README, "Speed").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    // LOG_FORMAT=json: one JSON object per line, for a log collector.
    if std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_current_span(false)
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let config = Config::from_env()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        // A command's error is one line for the person who typed it, not a backtrace.
        if let Err(e) = command(&config, &args).await {
            eprintln!("error: {e:#}");
            std::process::exit(2);
        }
        return Ok(());
    }
    let demo = std::env::var("WIF_DEMO").is_ok_and(|v| v == "1");
    if demo {
        server::demo::refuse_over_https(&config)?;
    }
    // Held until the process ends: a second server on the same SQLite file stops here.
    let _single = server::infra::db::claim_sqlite(&config.database_url)?;
    let state = state(&config).await?;
    if demo {
        // One instance at a time seeds (the others find it done).
        let files = server::infra::db::at_start(&state.db, async {
            server::instruction::accounts::seed_demo(&state.db).await?;
            server::demo::seed_demo_files(&state.services).await
        })
        .await?;
        if files > 0 {
            println!("Demo: {files} filed requests added to the queues");
        }
        println!(
            "Demo accounts (password {}):",
            server::instruction::accounts::DEMO_PASSWORD
        );
        println!(
            "  administrator       {}",
            server::instruction::accounts::DEMO_ADMIN
        );
        println!(
            "  instructor (Paris)  {}",
            server::instruction::accounts::DEMO_INSTRUCTOR
        );
        println!(
            "  instructor (Lyon)   {}",
            server::instruction::accounts::DEMO_OTHER_INSTRUCTOR
        );
        println!("  sign in on http://{}/instruction/connexion", config.addr);
    }
    let purge = server::spawn_purge(state.services.clone());
    let stop_mail = std::sync::Arc::new(tokio::sync::Notify::new());
    let mail_worker =
        server::mail_queue::spawn_mail_worker(state.services.clone(), stop_mail.clone());
    let state_storage = state.services.storage.describe();
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    println!("Work in France listening on http://{}", config.addr);
    println!(
        "Database: {}",
        server::infra::config::redacted(&config.database_url)
    );
    match &config.smtp_url {
        Some(_) => println!("E-mail: sent through SMTP_URL"),
        None => println!(
            "E-mail: written to {}/ (one .eml file per message)",
            config.outbox_dir.display()
        ),
    }
    println!("Uploaded files: {}", state_storage);
    server::http::serve::serve(listener, app, config.serve, shutdown()).await?;
    // The background jobs stop with the server; what is queued stays queued for the next start.
    purge.abort();
    stop_mail.notify_one();
    let _ = mail_worker.await;
    Ok(())
}

const USAGE: &str = "usage: server user add --email ADDRESS --name NAME [--role instructor|admin] [--service CODE]...
  The password is read from WIF_PASSWORD, or else from the first line of standard input.
  An existing account with this address is updated (role, services, password).
       server backup FOLDER
  Copies the SQLite database and the documents of STORAGE_DIR into FOLDER (new or empty),
  while the service runs (README, \"Backups\").";

/// `server user add …` and `server backup FOLDER`.
async fn command(config: &Config, args: &[String]) -> anyhow::Result<()> {
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["user", "add", ..] => add_user(config, &args[2..]).await,
        ["backup", folder] => {
            let report =
                server::infra::backup::backup(config, std::path::Path::new(folder)).await?;
            println!("backup written to {folder}: {report}");
            Ok(())
        }
        _ => anyhow::bail!("{USAGE}"),
    }
}

/// `server user add …`: creates or updates an instructor or administrator.
async fn add_user(config: &Config, args: &[String]) -> anyhow::Result<()> {
    use app::rules::decision::Role;
    let (mut email, mut name, mut role, mut services) = (None, None, Role::Instructor, Vec::new());
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| anyhow::anyhow!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--email" => email = Some(value.clone()),
            "--name" => name = Some(value.clone()),
            "--role" => {
                role = Role::from_code(value)
                    .ok_or_else(|| anyhow::anyhow!("role: instructor or admin"))?
            }
            "--service" => services.push(value.clone()),
            _ => anyhow::bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    let (Some(email), Some(name)) = (email, name) else {
        anyhow::bail!("{USAGE}");
    };
    let password = match std::env::var("WIF_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let db = server::infra::db::connect(&config.database_url).await?;
    let saved = server::instruction::accounts::save_agent(
        &db,
        server::instruction::accounts::NewAgent {
            email: &email,
            name: &name,
            role,
            service_codes: &services,
            password: Some(&password),
            active: true,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "account {} saved: {email} ({}), services: {}",
        saved.id,
        role.code(),
        services.join(", ")
    );
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
