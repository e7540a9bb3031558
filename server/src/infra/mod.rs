//! What the features stand on: configuration, the database (connection, entities, migrations, backups),
//! mail, file storage, client addresses, rate limits, secrets and the security log.

pub mod backup;
pub mod config;
pub mod db;
pub mod lease;
pub mod limiter;
pub mod mail;
pub mod migration;
pub mod net;
pub mod secret;
pub mod security;
pub mod storage;
pub mod throttle;
