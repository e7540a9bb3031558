//! The server's configuration: one typed struct, read once at start from the environment, with
//! defaults that run on a fresh machine.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` (the default, embedded) or `postgres://…`.
    pub database_url: String,
    pub addr: SocketAddr,
    /// Where cargo-leptos put the compiled site (wasm, js, css, public assets).
    pub site_root: PathBuf,
}

impl Config {
    pub const DEFAULT_DATABASE_URL: &'static str = "sqlite://data/wif.sqlite?mode=rwc";

    /// Reads `DATABASE_URL`, `LEPTOS_SITE_ADDR` (or `ADDR`) and `LEPTOS_SITE_ROOT`.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = var("ADDR")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        Ok(Self {
            database_url: var("DATABASE_URL").unwrap_or_else(|| Self::DEFAULT_DATABASE_URL.into()),
            addr: addr.parse().map_err(|e| anyhow::anyhow!("invalid listen address {addr:?}: {e}"))?,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()).into(),
        })
    }
}
