//! What crosses the wire between the pages and the server functions: views of a request and
//! the one error type, whose message is written for the applicant in their language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::rules::dossier::{Action, Actor, DossierState};
use crate::rules::eligibility::{FiledBy, Outcome, Reason};
use crate::rules::request::{RawForm, Step};
use crate::rules::{DocumentKind, FieldError};

/// The applicant's request as the wizard shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub state: DossierState,
    /// Set once submitted.
    pub number: Option<String>,
    pub filed_by: FiledBy,
    /// The signed-in address.
    pub email: String,
    /// The furthest step the applicant may open (every step before it is saved and valid).
    pub reachable: Step,
    /// What was typed at each form step, by step code.
    pub forms: BTreeMap<String, RawForm>,
    /// The documents this case needs (after step 3), with the files already sent.
    pub documents: Vec<DocumentSlot>,
    /// The eligibility outcome once step 3 is saved.
    pub eligibility: Option<EligibilitySummary>,
    /// When the draft will be deleted unless saved again (RFC 3339).
    pub expires_at: String,
    pub submitted_at: Option<String>,
}

impl DraftView {
    pub fn form(&self, step: Step) -> RawForm {
        self.forms.get(step.code()).cloned().unwrap_or_default()
    }

    pub fn missing_documents(&self) -> Vec<DocumentKind> {
        self.documents
            .iter()
            .filter(|d| d.required && d.files.is_empty())
            .map(|d| d.kind)
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EligibilitySummary {
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
    pub max_annual_hours: Option<f64>,
    /// The link to the public explanation of this answer.
    pub explanation_query: String,
}

/// One document of the case and its files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSlot {
    pub kind: DocumentKind,
    pub required: bool,
    /// Asked again by the instructor: new files are expected.
    pub requested: bool,
    pub files: Vec<StoredFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
}

impl StoredFile {
    /// Shown in place by a PDF viewer (the dossier's island), an image otherwise.
    pub fn is_pdf(&self) -> bool {
        self.content_type == crate::rules::documents::FileType::Pdf.code()
    }
}

/// The follow-up page: where the file stands and what comes next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub number: String,
    pub state: DossierState,
    pub submitted_at: String,
    pub timeline: Vec<TimelineEntry>,
    /// The documents an instructor asked for, when changes are requested.
    pub documents: Vec<DocumentSlot>,
    pub service_name: String,
    /// Whether an authorisation can be downloaded.
    pub authorisation: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// RFC 3339.
    pub at: String,
    pub actor: Actor,
    /// The state the file entered, when this entry changed it.
    pub state: Option<DossierState>,
    pub message: Option<String>,
}

/// Why an upload is refused, for the page and for machines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadError {
    TooLarge,
    WrongType,
    TooMany,
    Empty,
    NotExpected,
    Malformed,
    /// The request's documents would pass `MAX_BYTES_PER_REQUEST`.
    Quota,
    /// The upload took longer than the server waits.
    TimedOut,
    /// Too many uploads at once on the server: try again in a moment.
    Busy,
    /// Too many uploads at once from this client address.
    BusyHere,
    /// The files sent from this client address to requests not yet filed reach its quota.
    ClientQuota,
    /// The service's storage is full (its total quota).
    StorageFull,
}

impl UploadError {
    pub fn code(self) -> &'static str {
        match self {
            UploadError::TooLarge => "too_large",
            UploadError::WrongType => "wrong_type",
            UploadError::TooMany => "too_many",
            UploadError::Empty => "empty",
            UploadError::NotExpected => "not_expected",
            UploadError::Malformed => "malformed",
            UploadError::Quota => "quota",
            UploadError::TimedOut => "timed_out",
            UploadError::Busy => "busy",
            UploadError::BusyHere => "busy_here",
            UploadError::ClientQuota => "client_quota",
            UploadError::StorageFull => "storage_full",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::TooLarge,
            Self::WrongType,
            Self::TooMany,
            Self::Empty,
            Self::NotExpected,
            Self::Malformed,
            Self::Quota,
            Self::TimedOut,
            Self::Busy,
            Self::BusyHere,
            Self::ClientQuota,
            Self::StorageFull,
        ]
        .into_iter()
        .find(|e| e.code() == code)
    }

    pub fn message(self, lang: Lang) -> &'static str {
        lang.t(match self {
            UploadError::TooLarge => Msg::ModelFileTooLarge10,
            UploadError::WrongType => Msg::ModelFileNotPdfJpeg,
            UploadError::TooMany => Msg::Model3FilesMostPer,
            UploadError::Empty => Msg::ModelFileEmpty,
            UploadError::NotExpected => Msg::ModelDocumentNotExpectedFile,
            UploadError::Malformed => Msg::ModelUploadFailedTryAgain,
            UploadError::Quota => Msg::ModelFileSDocumentsReach,
            UploadError::TimedOut => Msg::ModelUploadTookTooLong,
            UploadError::Busy => Msg::ModelServiceReceivingManyFiles,
            UploadError::BusyHere => Msg::ModelSeveralFilesAlreadyBeing,
            UploadError::ClientQuota => Msg::ModelFilesSentFromConnection,
            UploadError::StorageFull => Msg::ModelServiceCannotReceiveFiles,
        })
    }
}

/// Every way a request can fail, for the page to say plainly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    #[error("not signed in")]
    NotSignedIn,
    /// The same answer whether the address has a request or not.
    #[error("wrong access code")]
    WrongCode,
    /// Too many wrong guesses in all: the codes are void, a new one must be asked for.
    #[error("access codes void")]
    CodeVoid,
    /// A sign-in link already used, expired, or replaced by a newer one.
    #[error("sign-in link no longer valid")]
    LinkInvalid,
    #[error("locked")]
    Locked { minutes: u32 },
    #[error("step not reached")]
    StepNotReached(Step),
    #[error("not editable")]
    NotEditable(DossierState),
    #[error("request stopped")]
    Stopped(Outcome),
    #[error("département not open")]
    DepartementClosed { departement: String },
    #[error("documents missing")]
    DocumentsMissing(Vec<DocumentKind>),
    #[error("not found")]
    NotFound,
    #[error("the file changed")]
    Conflict,
    #[error("bad credentials")]
    BadCredentials,
    #[error("forbidden")]
    Forbidden,
    #[error("illegal transition")]
    IllegalTransition { from: DossierState, action: Action },
    #[error("too many attempts")]
    RateLimited { minutes: u32 },
    /// An XLSX export of more rows than a sheet holds.
    #[error("too many rows for a sheet")]
    TooManyRows { rows: u64 },
    #[error("no match")]
    NoMatch,
    /// A call the pages never make: arguments missing or not of their type.
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("server error: {0}")]
    Server(String),
}

impl AppError {
    pub fn message(&self, lang: Lang) -> String {
        use AppError::*;
        match self {
            Invalid(errors) => Msg::ModelFieldsToCorrect.count(lang, errors.len() as u64, &[]),
            NotSignedIn => lang.t(Msg::ModelSessionHasExpiredEnter).to_owned(),
            WrongCode => lang.t(Msg::ModelWrongAddressAccessCode).to_owned(),
            CodeVoid => lang.t(Msg::ModelTooManyAttemptsCode).to_owned(),
            LinkInvalid => lang.t(Msg::ModelSignLinkNoLonger).to_owned(),
            Locked { minutes } => Msg::ModelAccessLocked.count(lang, u64::from(*minutes), &[]),
            StepNotReached(step) => {
                Msg::ModelStepNotReached.with(lang, &[("step", &step.number().to_string())])
            }
            NotEditable(_) => lang.t(Msg::ModelFileFiledCanNo).to_owned(),
            Stopped(Outcome::NotRequired) => lang.t(Msg::ModelNoAuthorisationNeededCase).to_owned(),
            Stopped(_) => lang.t(Msg::ModelAuthorisationCannotGrantedCase).to_owned(),
            DepartementClosed { departement } => {
                Msg::ModelDepartementClosed.with(lang, &[("departement", departement)])
            }
            DocumentsMissing(kinds) => {
                Msg::ModelDocumentsMissing.count(lang, kinds.len() as u64, &[])
            }
            NotFound => lang.t(Msg::ModelNotFound).to_owned(),
            Conflict => lang.t(Msg::ModelFileChangedMeantimePage).to_owned(),
            BadCredentials => lang.t(Msg::ModelWrongAddressPasswordAfter).to_owned(),
            Forbidden => lang.t(Msg::ModelAccountDoesNotAllow).to_owned(),
            IllegalTransition { from, action } => Msg::ModelIllegalTransition.with(
                lang,
                &[
                    ("action", crate::i18n::action_label(*action, lang)),
                    ("state", from.label(lang)),
                ],
            ),
            RateLimited { minutes } => Msg::ModelRateLimited.count(lang, u64::from(*minutes), &[]),
            TooManyRows { rows } => Msg::ModelTooManyRows.with(
                lang,
                &[
                    ("rows", &lang.number(*rows as f64)),
                    (
                        "max",
                        &lang.number(crate::instruction::XLSX_MAX_ROWS as f64),
                    ),
                ],
            ),
            NoMatch => lang.t(Msg::ModelNoAuthorisationMatchesCode).to_owned(),
            BadRequest(_) => lang.t(Msg::ModelRequestSentWasIncomplete).to_owned(),
            Server(_) => lang.t(Msg::ModelServiceHasProblemNothing).to_owned(),
        }
    }

    /// The HTTP status of this answer: 4xx for what the user can change, 5xx for the server's
    /// faults only (monitoring counts those).
    pub fn status(&self) -> u16 {
        use AppError::*;
        match self {
            BadRequest(_) => 400,
            NotSignedIn | WrongCode | BadCredentials => 401,
            Forbidden => 403,
            NotFound | NoMatch => 404,
            StepNotReached(_) | NotEditable(_) | Conflict | IllegalTransition { .. } => 409,
            CodeVoid | LinkInvalid => 410,
            Invalid(_)
            | Stopped(_)
            | DepartementClosed { .. }
            | DocumentsMissing(_)
            | TooManyRows { .. } => 422,
            Locked { .. } | RateLimited { .. } => 429,
            Server(_) => 500,
        }
    }

    /// Seconds to wait before trying again (`Retry-After`), for the answers that have one.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::Locked { minutes } | AppError::RateLimited { minutes } => {
                Some(u64::from(*minutes) * 60)
            }
            _ => None,
        }
    }

    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

/// An act the rules refuse, as the page says it. `Unparsed` is a fault of ours: a filed
/// dossier's steps always validate.
impl From<crate::rules::decision::ActRefusal> for AppError {
    fn from(refusal: crate::rules::decision::ActRefusal) -> Self {
        use crate::rules::decision::ActRefusal;
        match refusal {
            ActRefusal::Invalid(errors) => AppError::Invalid(errors),
            ActRefusal::Stale => AppError::Conflict,
            ActRefusal::IllegalTransition { from, action } => {
                AppError::IllegalTransition { from, action }
            }
            ActRefusal::NotEditable(state) => AppError::NotEditable(state),
            ActRefusal::Stopped(outcome) => AppError::Stopped(outcome),
            ActRefusal::Unparsed => AppError::Server("unparsed dossier".into()),
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr::*;
        match value {
            // What the caller sent could not be read: the caller's mistake, not the server's.
            Args(_) | MissingArg(_) | Deserialization(_) | UnsupportedRequestMethod(_) => {
                AppError::BadRequest(value.to_string())
            }
            _ => AppError::Server(value.to_string()),
        }
    }
}

/// Which instruction service handles an establishment's postcode: the answer of
/// `GET /api/v1/routing/{postcode}`, read by the employer step as the postcode is typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Routing {
    /// The département of the employer's establishment.
    pub departement: String,
    /// Whether this service takes requests for that département yet.
    pub open: bool,
    /// The instruction service, when open.
    pub service: Option<ServiceInfo>,
    /// Where to apply when this service is not open there.
    pub apply_elsewhere: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServiceInfo {
    pub code: String,
    pub name: String,
    pub email: String,
}

/// The national online service (ANEF), where requests go when our service is not open.
pub const ANEF_URL: &str = "https://administration-etrangers-en-france.interieur.gouv.fr";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_the_status_of_its_kind() {
        use crate::rules::dossier::{Action, DossierState};
        use crate::rules::eligibility::Outcome;
        use crate::rules::request::Step;
        for (error, status, retry) in [
            (AppError::BadRequest("x".into()), 400, None),
            (AppError::NotSignedIn, 401, None),
            (AppError::WrongCode, 401, None),
            (AppError::BadCredentials, 401, None),
            (AppError::Forbidden, 403, None),
            (AppError::NotFound, 404, None),
            (AppError::NoMatch, 404, None),
            (AppError::Conflict, 409, None),
            (AppError::StepNotReached(Step::Job), 409, None),
            (AppError::NotEditable(DossierState::Submitted), 409, None),
            (
                AppError::IllegalTransition {
                    from: DossierState::Draft,
                    action: Action::Accept,
                },
                409,
                None,
            ),
            (AppError::CodeVoid, 410, None),
            (AppError::LinkInvalid, 410, None),
            (AppError::Invalid(vec![]), 422, None),
            (AppError::Stopped(Outcome::NotRequired), 422, None),
            (
                AppError::DepartementClosed {
                    departement: "13".into(),
                },
                422,
                None,
            ),
            (AppError::DocumentsMissing(vec![]), 422, None),
            (AppError::TooManyRows { rows: 1_048_576 }, 422, None),
            (AppError::Locked { minutes: 15 }, 429, Some(900)),
            (AppError::RateLimited { minutes: 2 }, 429, Some(120)),
            (AppError::Server("x".into()), 500, None),
        ] {
            assert_eq!(error.status(), status, "{error:?}");
            assert_eq!(error.retry_after(), retry, "{error:?}");
            assert_ne!(
                error.message(Lang::Fr),
                error.message(Lang::En),
                "{error:?}"
            );
        }
    }

    #[test]
    fn unreadable_calls_are_the_callers_mistake() {
        use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
        for (err, status) in [
            (ServerFnErrorErr::Args("x".into()), 400),
            (ServerFnErrorErr::MissingArg("x".into()), 400),
            (ServerFnErrorErr::Deserialization("x".into()), 400),
            (ServerFnErrorErr::ServerError("x".into()), 500),
            (ServerFnErrorErr::Serialization("x".into()), 500),
        ] {
            assert_eq!(AppError::from_server_fn_error(err).status(), status);
        }
    }

    #[test]
    fn upload_errors_round_trip_and_read_in_both_languages() {
        for e in [
            UploadError::TooLarge,
            UploadError::WrongType,
            UploadError::TooMany,
            UploadError::Empty,
            UploadError::NotExpected,
            UploadError::Malformed,
            UploadError::Quota,
            UploadError::TimedOut,
            UploadError::Busy,
        ] {
            assert_eq!(UploadError::from_code(e.code()), Some(e));
            assert_ne!(e.message(Lang::Fr), e.message(Lang::En));
        }
    }
}
