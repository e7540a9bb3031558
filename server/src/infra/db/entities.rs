//! sea-orm entities. Closed sets (states, who filed, contract, document kind, actor, role,
//! language) are typed columns: the database's value is the enum's code, and a value outside
//! the set is refused when written (migration m20261126) and an error when read.

/// An instruction service (a foreign-labour platform) that instructs the files of its départements.
pub mod instruction_service {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "instruction_service")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub name: String,
        pub email: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A département: whether the service is open there, and which instruction service serves it.
pub mod departement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "departement")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub open: bool,
        pub service_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A request, from draft to decision. Typed steps are kept as the JSON of their raw form.
pub mod dossier {
    use app::i18n::Lang;
    use app::rules::dossier::DossierState;
    use app::rules::eligibility::{Contract, FiledBy};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "dossier")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub number: Option<String>,
        pub state: DossierState,
        pub filed_by: FiledBy,
        pub lang: Lang,
        pub creator_email: String,
        pub student_email: Option<String>,
        pub employer_email: Option<String>,
        pub student_form: Option<String>,
        pub employer_form: Option<String>,
        pub job_form: Option<String>,
        pub departement: Option<String>,
        pub service_id: Option<i32>,
        pub student_name: Option<String>,
        /// `student_name` folded for the search (`instruction::search::fold`); set with it.
        pub search_name: Option<String>,
        pub siret: Option<String>,
        pub contract_start: Option<Date>,
        pub permit_expires: Option<Date>,
        pub contract_type: Option<Contract>,
        /// JSON list of document codes an instructor asked for.
        pub requested_documents: Option<String>,
        /// Bumped by every change, so two writers cannot both win.
        pub version: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub submitted_at: Option<DateTimeUtc>,
        pub decided_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A six-digit access code, hashed, for one address on one request.
pub mod access_grant {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_grant")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub dossier_id: String,
        pub email: String,
        pub code_hash: String,
        /// SHA-256 of the sign-in link's token; cleared once the link is used.
        pub link_hash: Option<String>,
        pub expires_at: DateTimeUtc,
        pub failed_attempts: i32,
        pub locked_until: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A signed-in browser: the SHA-256 of its cookie's secret, never the secret itself.
pub mod session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "session")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub dossier_id: Option<String>,
        pub email: String,
        pub expires_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An uploaded file; its bytes live in the storage under `storage_key`.
pub mod stored_file {
    use app::rules::DocumentKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "stored_file")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub dossier_id: String,
        pub kind: DocumentKind,
        pub file_name: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub storage_key: String,
        pub created_at: DateTimeUtc,
        /// The client address (or IPv6 /64) it was sent from, for the per-client quota.
        pub client_key: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The append-only history of a request: who did what, when, from which state to which.
pub mod dossier_event {
    use app::rules::dossier::{Actor, DossierState};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "dossier_event")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub dossier_id: String,
        pub at: DateTimeUtc,
        pub actor_kind: Actor,
        pub actor: String,
        pub action: String,
        pub from_state: Option<DossierState>,
        pub to_state: Option<DossierState>,
        pub message: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An instructor or administrator; the password is kept as an argon2id hash.
pub mod agent {
    use app::rules::decision::Role;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "agent")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub email: String,
        pub name: String,
        pub password_hash: String,
        pub role: Role,
        pub active: bool,
        /// No longer read: an agent's guesses are counted per client in `throttle` (a lock
        /// of the whole account let anyone keep an agent out). Kept at 0 and null.
        pub failed_logins: i32,
        pub locked_until: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Which services an agent belongs to.
pub mod agent_service {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "agent_service")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub agent_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub service_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A signed-in agent's browser: the SHA-256 of its cookie's secret.
pub mod agent_session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "agent_session")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub agent_id: i32,
        pub expires_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An issued authorisation: what the PDF and the public check show, fixed at issue.
pub mod authorisation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "authorisation")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub dossier_id: String,
        #[sea_orm(unique)]
        pub code: String,
        pub valid_from: Date,
        pub valid_until: Date,
        pub max_annual_hours: Option<f64>,
        pub issued_at: DateTimeUtc,
        pub issued_by: String,
        pub revoked_at: Option<DateTimeUtc>,
        pub birth_date: Date,
        pub initials: String,
        pub employer_name: String,
        /// No longer read: a code's wrong birth dates are counted per client in `throttle`
        /// (a lock of the code let anyone keep the employer from checking it).
        pub failed_checks: i32,
        pub locked_until: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Per e-mail address: access-code guesses and their lock, and the code e-mails sent.
pub mod access_guard {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_guard")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub email: String,
        /// Wrong guesses since the last lock or success.
        pub failures: i32,
        /// Wrong guesses since the last code was sent: at `VOID_AFTER`, the codes are void.
        pub total_failures: i32,
        pub locked_until: Option<DateTimeUtc>,
        /// Code e-mails sent since `codes_since` (a day's window).
        pub codes_sent: i32,
        pub codes_since: Option<DateTimeUtc>,
        pub last_code_at: Option<DateTimeUtc>,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One line of the security event log.
pub mod security_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "security_event")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub at: DateTimeUtc,
        pub kind: String,
        /// Whose account, address or file: an e-mail address, an agent's, a file's id.
        pub subject: String,
        /// The client's address.
        pub client: String,
        pub detail: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One e-mail of the queue (`crate::mail_queue`): written with the change that causes it, sent
/// by the worker. Once sent, its body and attachments are blanked.
pub mod mail_queue {
    use app::instruction::MailState;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "mail_queue")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub created_at: DateTimeUtc,
        /// What the message is (`access_code`, `submitted`, …), for the administrators' view.
        pub kind: String,
        /// JSON array of addresses.
        pub recipients: String,
        pub subject: String,
        pub body: String,
        /// JSON array of `crate::infra::mail::Attachment`: documents rendered when sent.
        pub attachments: String,
        pub state: MailState,
        pub attempts: i32,
        pub next_attempt_at: DateTimeUtc,
        /// The sender holding the message until then (another instance leaves it alone).
        pub lease_until: Option<DateTimeUtc>,
        pub lease_owner: Option<String>,
        pub last_error: Option<String>,
        pub sent_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The bytes of every stored file, in one row (`id` 1) that triggers on `stored_file` keep.
pub mod storage_usage {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "storage_usage")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub bytes: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Attempts counted by scope, subject and client (see `infra::throttle`).
pub mod throttle {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "throttle")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub scope: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub subject: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub client: String,
        /// Attempts since `since` (the window's start).
        pub count: i32,
        pub since: DateTimeUtc,
        /// Until when the key is locked, or, for a spaced key, when its next slot is free.
        pub locked_until: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Who runs a periodic job until when (`infra::lease`).
pub mod job_lease {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "job_lease")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub name: String,
        pub holder: String,
        pub until: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An upload in progress on some instance, until it ends or `expires_at` (a crashed instance's
/// slots expire by themselves).
pub mod upload_slot {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "upload_slot")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub client: String,
        pub expires_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The filed files of one service in one state, kept by triggers on `dossier` (the tab counts).
pub mod queue_count {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "queue_count")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub service_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub state: String,
        pub n: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Files filed, accepted and refused in one bucket of the statistics (`scope` 'm' a month,
/// 'd' a département, 't' all), kept by triggers on `dossier`.
pub mod stats_cell {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "stats_cell")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub scope: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub bucket: String,
        pub submitted: i64,
        pub accepted: i64,
        pub refused: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// How many decided files of a bucket took `days` whole days from filing to decision.
pub mod stats_delay {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "stats_delay")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub scope: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub bucket: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub days: i32,
        pub n: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
