//! The integration tests, one binary (one link instead of four): each module drives the real
//! router on its own database, SQLite by default, or PostgreSQL when `TEST_DATABASE_URL` names
//! a server (`scripts/with-postgres.sh`).

mod common;

mod api;
mod backup;
mod counts;
mod instances;
mod instruction;
mod mail;
mod metrics;
mod plans;
mod requests;
mod schema;
mod security;
mod serve;
mod storage;
