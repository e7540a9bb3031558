//! The server's one error type. Everything below the edges returns [`Result`]: `?` converts a
//! database, I/O, JSON or other failure into it, and an [`AppError`] (what the user can act on)
//! passes through untouched. At an edge (a server function's port, a route) it becomes an
//! `AppError` — the page's message and the HTTP status (`AppError::status`) — and a fault of
//! ours is logged there, once.

use app::model::AppError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's mistake or a refusal by the rules: told as it is, not logged as a fault.
    #[error(transparent)]
    App(#[from] AppError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0:#}")]
    Other(#[from] anyhow::Error),
    #[error("{0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A fault of ours with no error value behind it ("no free file number").
    pub fn internal(what: impl std::fmt::Display) -> Self {
        Error::Internal(what.to_string())
    }
}

/// An act the rules refuse is the instructor's to correct, except a dossier whose steps do not
/// validate any more: that one is ours.
impl From<app::rules::decision::ActRefusal> for Error {
    fn from(refusal: app::rules::decision::ActRefusal) -> Self {
        match refusal {
            app::rules::decision::ActRefusal::Unparsed => {
                Error::internal("a filed dossier's steps do not validate")
            }
            other => Error::App(other.into()),
        }
    }
}

impl From<Error> for AppError {
    fn from(error: Error) -> Self {
        match error {
            Error::App(e) => e,
            Error::Database(e) => {
                tracing::error!("database: {e}");
                AppError::Server("database".into())
            }
            other => {
                tracing::error!("internal: {other}");
                AppError::Server("internal".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_hidden_and_the_users_errors_pass() {
        let cases: Vec<(Error, AppError)> = vec![
            (AppError::NotFound.into(), AppError::NotFound),
            (AppError::Conflict.into(), AppError::Conflict),
            (
                sea_orm::DbErr::Custom("secret table".into()).into(),
                AppError::Server("database".into()),
            ),
            (
                std::io::Error::other("disk full").into(),
                AppError::Server("internal".into()),
            ),
            (
                serde_json::from_str::<u8>("x").unwrap_err().into(),
                AppError::Server("internal".into()),
            ),
            (
                Error::internal("no free file number"),
                AppError::Server("internal".into()),
            ),
        ];
        for (error, expected) in cases {
            let shown = AppError::from(error);
            assert_eq!(shown, expected);
            assert!(!format!("{shown:?}").contains("secret"));
        }
    }
}
