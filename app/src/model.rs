//! What crosses the wire between the pages and the server functions: views of a request and
//! the one error type, whose message is written for the applicant in their language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
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
        lang.pick(match self {
            UploadError::TooLarge => ("Fichier trop lourd : 10 Mo au plus.", "File too large: 10 MB at most."),
            UploadError::WrongType => (
                "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).",
                "This file is not a PDF, JPEG or PNG (its content was checked, not just its name).",
            ),
            UploadError::TooMany => ("3 fichiers au plus par pièce : retirez-en un d'abord.", "3 files at most per document: remove one first."),
            UploadError::Empty => ("Le fichier est vide.", "The file is empty."),
            UploadError::NotExpected => ("Cette pièce n'est pas attendue pour ce dossier.", "This document is not expected for this file."),
            UploadError::Malformed => ("L'envoi a échoué : réessayez.", "The upload failed: try again."),
            UploadError::Quota => (
                "Les pièces de ce dossier atteignent 60 Mo : retirez un fichier, ou réduisez-le (un scan en 150 dpi suffit), avant d'en ajouter un autre.",
                "This file's documents reach 60 MB: remove a file, or make it smaller (a 150 dpi scan is enough), before adding another.",
            ),
            UploadError::TimedOut => (
                "L'envoi a pris trop de temps et a été interrompu : réessayez, si possible avec une meilleure connexion.",
                "The upload took too long and was stopped: try again, on a better connection if you can.",
            ),
            UploadError::Busy => (
                "Le service reçoit beaucoup de fichiers en ce moment : réessayez dans une minute.",
                "The service is receiving many files right now: try again in a minute.",
            ),
            UploadError::BusyHere => (
                "Plusieurs fichiers sont déjà en cours d'envoi depuis votre connexion : attendez qu'ils arrivent, puis envoyez celui-ci.",
                "Several files are already being sent from your connection: wait for them to arrive, then send this one.",
            ),
            UploadError::ClientQuota => (
                "Les fichiers envoyés depuis votre connexion à des demandes pas encore déposées atteignent la limite : déposez une demande terminée, ou retirez des fichiers, avant d'en envoyer d'autres.",
                "The files sent from your connection to requests not yet filed reach the limit: file a finished request, or remove files, before sending more.",
            ),
            UploadError::StorageFull => (
                "Le service ne peut pas recevoir de fichiers pour le moment. Vos fichiers déjà envoyés sont conservés : réessayez plus tard.",
                "The service cannot receive files right now. The files you already sent are kept: try again later.",
            ),
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
            Invalid(errors) => {
                let n = errors.len();
                match lang {
                    Lang::Fr if n == 1 => "Un champ est à corriger.".to_owned(),
                    Lang::Fr => format!("{n} champs sont à corriger."),
                    Lang::En if n == 1 => "One field needs correcting.".to_owned(),
                    Lang::En => format!("{n} fields need correcting."),
                }
            }
            NotSignedIn => lang
                .pick((
                    "Votre session a expiré : saisissez à nouveau votre adresse et votre code d'accès.",
                    "Your session has expired: enter your address and access code again.",
                ))
                .to_owned(),
            WrongCode => lang
                .pick((
                    "Adresse ou code d'accès incorrect. Après 5 essais, l'accès est bloqué 15 minutes.",
                    "Wrong address or access code. After 5 attempts, access is locked for 15 minutes.",
                ))
                .to_owned(),
            CodeVoid => lang
                .pick((
                    "Trop d'essais : ce code n'est plus valable. Demandez un nouveau code ci-dessous.",
                    "Too many attempts: this code is no longer valid. Ask for a new code below.",
                ))
                .to_owned(),
            LinkInvalid => lang
                .pick((
                    "Ce lien de connexion n'est plus valable (déjà utilisé ou expiré). Saisissez votre adresse et le code reçu, ou demandez un nouveau code.",
                    "This sign-in link is no longer valid (already used or expired). Enter your address and the code you received, or ask for a new code.",
                ))
                .to_owned(),
            Locked { minutes } => match lang {
                Lang::Fr => format!(
                    "Trop d'essais : l'accès est bloqué pendant {minutes} minute{}. Réessayez ensuite, ou demandez un nouveau code.",
                    if *minutes > 1 { "s" } else { "" }
                ),
                Lang::En => format!(
                    "Too many attempts: access is locked for {minutes} minute{}. Try again then, or ask for a new code.",
                    if *minutes > 1 { "s" } else { "" }
                ),
            },
            StepNotReached(step) => match lang {
                Lang::Fr => format!("Complétez d'abord l'étape {} : les étapes se remplissent dans l'ordre.", step.number()),
                Lang::En => format!("Complete step {} first: the steps are filled in order.", step.number()),
            },
            NotEditable(_) => lang
                .pick((
                    "Ce dossier est déposé : il ne peut plus être modifié. Suivez-le depuis la page de suivi.",
                    "This file is filed: it can no longer be changed. Follow it from the follow-up page.",
                ))
                .to_owned(),
            Stopped(Outcome::NotRequired) => lang
                .pick((
                    "Aucune autorisation n'est nécessaire dans ce cas : la demande s'arrête ici.",
                    "No authorisation is needed in this case: the request stops here.",
                ))
                .to_owned(),
            Stopped(_) => lang
                .pick((
                    "Une autorisation ne peut pas être accordée dans ce cas : la demande s'arrête ici.",
                    "An authorisation cannot be granted in this case: the request stops here.",
                ))
                .to_owned(),
            DepartementClosed { departement } => match lang {
                Lang::Fr => format!(
                    "Le département {departement} n'est pas encore ouvert sur ce service : déposez la demande sur le portail ANEF (administration-etrangers-en-france.interieur.gouv.fr)."
                ),
                Lang::En => format!(
                    "Département {departement} is not open on this service yet: file the request on the ANEF portal (administration-etrangers-en-france.interieur.gouv.fr)."
                ),
            },
            DocumentsMissing(kinds) => match lang {
                Lang::Fr => format!("Il manque {} pièce(s) obligatoire(s).", kinds.len()),
                Lang::En => format!("{} required document(s) missing.", kinds.len()),
            },
            NotFound => lang.pick(("Élément introuvable.", "Not found.")).to_owned(),
            Conflict => lang
                .pick((
                    "Le dossier a changé entre-temps : la page a été rechargée, vérifiez et recommencez.",
                    "The file changed in the meantime: the page was reloaded, check and try again.",
                ))
                .to_owned(),
            BadCredentials => lang
                .pick((
                    "Adresse ou mot de passe incorrect. Après 5 essais, le compte est bloqué 15 minutes.",
                    "Wrong address or password. After 5 attempts, the account is locked for 15 minutes.",
                ))
                .to_owned(),
            Forbidden => lang
                .pick((
                    "Votre compte ne permet pas cette action.",
                    "Your account does not allow this action.",
                ))
                .to_owned(),
            IllegalTransition { from, action } => match lang {
                Lang::Fr => format!(
                    "Action impossible : « {} » ne s'applique pas à un dossier « {} ».",
                    crate::i18n::action_label(*action, lang),
                    from.label(lang)
                ),
                Lang::En => format!(
                    "Not possible: \"{}\" does not apply to a file that is \"{}\".",
                    crate::i18n::action_label(*action, lang),
                    from.label(lang)
                ),
            },
            RateLimited { minutes } => match lang {
                Lang::Fr => format!("Trop d'essais : réessayez dans {minutes} minute{}.", if *minutes > 1 { "s" } else { "" }),
                Lang::En => format!("Too many attempts: try again in {minutes} minute{}.", if *minutes > 1 { "s" } else { "" }),
            },
            TooManyRows { rows } => match lang {
                Lang::Fr => format!(
                    "Cette liste compte {} dossiers : une feuille Excel n'en contient que {}. Exportez-la en CSV, sans limite de lignes, ou resserrez les filtres.",
                    lang.number(*rows as f64),
                    lang.number(crate::instruction::XLSX_MAX_ROWS as f64)
                ),
                Lang::En => format!(
                    "This list holds {} files: an Excel sheet holds only {}. Export it as CSV, which has no row limit, or narrow the filters.",
                    lang.number(*rows as f64),
                    lang.number(crate::instruction::XLSX_MAX_ROWS as f64)
                ),
            },
            NoMatch => lang
                .pick((
                    "Aucune autorisation ne correspond à ce code et à cette date de naissance.",
                    "No authorisation matches this code and birth date.",
                ))
                .to_owned(),
            BadRequest(_) => lang
                .pick((
                    "La demande envoyée est incomplète : rechargez la page et recommencez.",
                    "The request sent was incomplete: reload the page and try again.",
                ))
                .to_owned(),
            Server(_) => lang
                .pick((
                    "Le service rencontre un problème : rien n'a été perdu, réessayez dans un instant.",
                    "The service has a problem: nothing was lost, try again in a moment.",
                ))
                .to_owned(),
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
