//! Access codes: starting a request, asking for a new code, and signing in with one. Each
//! address has one guard row (`access_guard`): its guesses are reserved there before a code is
//! checked, in one statement, and its code e-mails are counted there before one is sent. So a
//! burst of parallel requests gets no more than one at a time would, and a new code gives no new
//! guesses. Known and unknown addresses get the same answers after the same work.

use app::i18n::{Lang, Msg};
use app::model::AppError;
use app::rules::dossier::{Actor, DossierState};
use app::rules::eligibility::FiledBy;
use app::rules::validation::Email;
use app::ssr::SignedIn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::SESSION_HOURS;
use crate::documents::notify::{self, Grant};
use crate::dossier::Parsed;
use crate::dossier::DRAFT_LIFETIME_DAYS;
use crate::error::{Error, Result};
use crate::infra::db::entities::{access_grant, access_guard, dossier, session};
use crate::infra::limiter::{forgive_attempts, minutes_until, reserve_attempt};
use crate::infra::secret;
use crate::infra::security::SecurityEvent;
use crate::services::Services;
use app::ssr::ApplicantSession;

/// Wrong codes in a row before the address is locked for `LOCK_MINUTES`.
pub const MAX_ATTEMPTS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// Wrong codes in all, since the last code was sent, after which the codes are void until a
/// new one is sent. With `CODES_PER_DAY`, an address takes at most 50 guesses a day.
pub const VOID_AFTER: i32 = 10;
/// Code e-mails to one address asked for from one client: at most this many a day, so that a
/// stranger asking for the owner's codes spends the stranger's allowance, not the owner's.
pub const CODES_PER_DAY: i32 = 5;
/// Code e-mails to one address from every client: at most one a minute and this many a day
/// (what bounds the e-mails a mailbox can be sent).
pub const CODES_PER_DAY_ADDRESS: i32 = 20;
/// The throttle scope of the code e-mails one client asks for one address.
pub const CODE_MAILS: &str = "code-mail";
pub const CODE_GAP_SECONDS: i64 = 60;
/// Codes (and links) kept valid per address and request: the newest and the one before.
pub const GRANTS_KEPT: usize = 2;

impl Services {
    /// The address's guard row, created on first use.
    async fn guard(&self, db: &impl ConnectionTrait, email: &str) -> Result<()> {
        access_guard::Entity::insert(access_guard::ActiveModel {
            email: Set(email.to_owned()),
            failures: Set(0),
            total_failures: Set(0),
            locked_until: Set(None),
            codes_sent: Set(0),
            codes_since: Set(None),
            last_code_at: Set(None),
            updated_at: Set(self.now()),
        })
        .on_conflict_do_nothing_on([access_guard::Column::Email])
        .exec_without_returning(db)
        .await?;
        Ok(())
    }

    async fn guard_row(&self, email: &str) -> Result<Option<access_guard::Model>> {
        Ok(access_guard::Entity::find_by_id(email.to_owned())
            .one(&self.db)
            .await?)
    }

    /// Reserves one code e-mail to the address, in one statement: at most one a minute and
    /// `CODES_PER_DAY_ADDRESS` a day, then `CODES_PER_DAY` a day from this client. A new code
    /// also gives back the guesses counted toward voiding. Call it in a transaction that is
    /// committed only if it returns true (a refusal leaves the counts as they were).
    async fn reserve_code_mail(
        &self,
        db: &impl ConnectionTrait,
        email: &str,
        client: &str,
    ) -> Result<bool> {
        use access_guard::Column as G;
        self.guard(db, email).await?;
        let now = self.now();
        let new_day = Condition::any()
            .add(G::CodesSince.is_null())
            .add(G::CodesSince.lte(now - Duration::days(1)));
        let reserved = access_guard::Entity::update_many()
            .col_expr(
                G::CodesSent,
                Expr::case(new_day.clone(), 1)
                    .finally(Expr::col(G::CodesSent).add(1))
                    .into(),
            )
            .col_expr(
                G::CodesSince,
                Expr::case(new_day.clone(), Expr::value(Some(now)))
                    .finally(Expr::col(G::CodesSince))
                    .into(),
            )
            .col_expr(G::LastCodeAt, Expr::value(Some(now)))
            .col_expr(G::TotalFailures, Expr::value(0))
            .col_expr(G::UpdatedAt, Expr::value(now))
            .filter(G::Email.eq(email))
            .filter(
                Condition::any()
                    .add(G::LastCodeAt.is_null())
                    .add(G::LastCodeAt.lte(now - Duration::seconds(CODE_GAP_SECONDS))),
            )
            .filter(
                Condition::any()
                    .add(new_day)
                    .add(G::CodesSent.lt(CODES_PER_DAY_ADDRESS)),
            )
            .exec(db)
            .await?;
        if reserved.rows_affected != 1 {
            return Ok(false);
        }
        Ok(crate::infra::throttle::count_in_window(
            db,
            &crate::infra::throttle::Key::new(CODE_MAILS, email, client),
            CODES_PER_DAY,
            Duration::days(1),
            now,
        )
        .await?
        .is_some())
    }

    /// Counts one start or resend from this client address, before any work.
    async fn code_request_allowed(&self, client: &str) -> Result<()> {
        self.code_limiter
            .attempt(&self.db, client, self.now())
            .await?
            .map_err(|r| AppError::RateLimited { minutes: r.minutes }.into())
    }

    /// A new code and sign-in link for this address and request. The previous ones stay valid
    /// (older ones go): a stranger asking for new codes does not void those in the owner's
    /// mailbox.
    pub(crate) async fn new_grant(
        &self,
        db: &impl ConnectionTrait,
        dossier_id: &str,
        email: &str,
    ) -> Result<Grant> {
        let code = secret::new_access_code();
        let link = secret::new_link_token();
        // A keyed hash: a microsecond, so it may run inside the write transaction.
        let hash = self.code_key.hash(&code);
        let now = self.now();
        let previous = access_grant::Entity::find()
            .filter(access_grant::Column::DossierId.eq(dossier_id))
            .filter(access_grant::Column::Email.eq(email))
            .order_by_desc(access_grant::Column::Id)
            .all(db)
            .await?;
        let older: Vec<i32> = previous
            .iter()
            .skip(GRANTS_KEPT - 1)
            .map(|g| g.id)
            .collect();
        if !older.is_empty() {
            access_grant::Entity::delete_many()
                .filter(access_grant::Column::Id.is_in(older))
                .exec(db)
                .await?;
        }
        access_grant::ActiveModel {
            dossier_id: Set(dossier_id.to_owned()),
            email: Set(email.to_owned()),
            code_hash: Set(hash),
            link_hash: Set(Some(secret::token_hash(&link))),
            expires_at: Set(now + Duration::days(DRAFT_LIFETIME_DAYS)),
            failed_attempts: Set(0),
            locked_until: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(Grant {
            code,
            link: format!("{}/acces/lien?j={link}", self.public_url),
        })
    }

    /// Starts a request, or, if the address already has a live draft in this role, sends that
    /// draft a new code: one live draft per address and role. The answer is the same either
    /// way, and the same when the address was sent a code too recently (nothing is sent then).
    /// The allowance, the draft, the code and its e-mail are written in one transaction: all
    /// of them or none, and the e-mail leaves through the queue whatever the SMTP server does.
    pub(crate) async fn start_request(
        &self,
        email: Email,
        role: FiledBy,
        lang: Lang,
        client: &str,
    ) -> Result<()> {
        self.code_request_allowed(client).await?;
        let now = self.now();
        let txn = crate::infra::db::write_txn(&self.db).await?;
        if !self.reserve_code_mail(&txn, email.as_str(), client).await? {
            return Ok(());
        }
        let live = dossier::Entity::find()
            .filter(dossier::Column::CreatorEmail.eq(email.as_str()))
            .filter(dossier::Column::FiledBy.eq(role))
            .filter(dossier::Column::State.eq(DossierState::Draft))
            .filter(dossier::Column::UpdatedAt.gt(now - Duration::days(DRAFT_LIFETIME_DAYS)))
            .one(&txn)
            .await?;
        let grant = match live {
            Some(d) => self.new_grant(&txn, &d.id, email.as_str()).await?,
            None => self.new_draft(&txn, &email, role, lang).await?,
        };
        let mail = notify::access_code(email.as_str(), &grant, &self.public_url, lang);
        self.queue_mail(&txn, &mail).await?;
        txn.commit().await?;
        self.codes_queued(email.as_str(), client).await;
        Ok(())
    }

    /// After the commit of an e-mail of codes: the worker woken, and the security log told.
    async fn codes_queued(&self, email: &str, client: &str) {
        self.wake_mailer();
        self.security(SecurityEvent::CodeSent, email, client, None)
            .await;
    }

    /// A new draft and its first code, in the caller's transaction.
    async fn new_draft(
        &self,
        txn: &impl ConnectionTrait,
        email: &Email,
        role: FiledBy,
        lang: Lang,
    ) -> Result<Grant> {
        let now = self.now();
        let id = uuid::Uuid::new_v4().to_string();
        dossier::ActiveModel {
            id: Set(id.clone()),
            number: Set(None),
            state: Set(DossierState::Draft),
            filed_by: Set(role),
            lang: Set(lang),
            creator_email: Set(email.as_str().to_owned()),
            student_email: Set((role == FiledBy::Student).then(|| email.as_str().to_owned())),
            employer_email: Set((role == FiledBy::Employer).then(|| email.as_str().to_owned())),
            student_form: Set(None),
            employer_form: Set(None),
            job_form: Set(None),
            departement: Set(None),
            service_id: Set(None),
            contract_type: Set(None),
            student_name: Set(None),
            search_name: Set(None),
            siret: Set(None),
            contract_start: Set(None),
            permit_expires: Set(None),
            requested_documents: Set(None),
            version: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            submitted_at: Set(None),
            decided_at: Set(None),
        }
        .insert(txn)
        .await?;
        let grant = self.new_grant(txn, &id, email.as_str()).await?;
        self.record(
            txn,
            &id,
            Actor::Applicant,
            email.as_str(),
            "create",
            None,
            Some(DossierState::Draft),
            None,
        )
        .await?;
        Ok(grant)
    }

    /// New codes for every request of the address, in one e-mail; silent when it has none or
    /// was sent a code too recently. Guesses already counted stay counted.
    pub(crate) async fn resend_codes(&self, email: Email, lang: Lang, client: &str) -> Result<()> {
        self.code_request_allowed(client).await?;
        let txn = crate::infra::db::write_txn(&self.db).await?;
        if !self.reserve_code_mail(&txn, email.as_str(), client).await? {
            return Ok(());
        }
        let grants = access_grant::Entity::find()
            .filter(access_grant::Column::Email.eq(email.as_str()))
            .all(&txn)
            .await?;
        let mut ids: Vec<String> = grants.into_iter().map(|g| g.dossier_id).collect();
        // A filed request's followers (the addresses its e-mails go to) may always ask for a
        // code, after theirs expired and was deleted too. A draft only has its own codes.
        let followed = dossier::Entity::find()
            .filter(dossier::Column::State.ne(DossierState::Draft))
            .filter(
                Condition::any()
                    .add(dossier::Column::CreatorEmail.eq(email.as_str()))
                    .add(dossier::Column::StudentEmail.eq(email.as_str()))
                    .add(dossier::Column::EmployerEmail.eq(email.as_str())),
            )
            .all(&txn)
            .await?;
        ids.extend(followed.into_iter().map(|d| d.id));
        ids.sort();
        ids.dedup();
        let mut codes = Vec::new();
        for id in ids {
            let Some(d) = dossier::Entity::find_by_id(id).one(&txn).await? else {
                continue;
            };
            if d.state == DossierState::Draft
                && d.updated_at <= self.now() - Duration::days(DRAFT_LIFETIME_DAYS)
            {
                continue;
            }
            let grant = self.new_grant(&txn, &d.id, email.as_str()).await?;
            let what = match &d.number {
                Some(n) => n.clone(),
                None => Msg::MailRequestStartedOn
                    .with(lang, &[("date", &lang.date(d.created_at.date_naive()))]),
            };
            codes.push((what, grant));
        }
        if codes.is_empty() {
            // Answered in the same time as a known address by the port's floor
            // (`CODE_REQUEST_ANSWER_FLOOR`), not by imitating its work.
            txn.commit().await?;
            return Ok(());
        }
        let mail = notify::new_codes(email.as_str(), &codes, &self.public_url, lang);
        self.queue_mail(&txn, &mail).await?;
        txn.commit().await?;
        self.codes_queued(email.as_str(), client).await;
        Ok(())
    }

    /// Checks an e-mailed code. The guess is reserved on the address's guard before the check:
    /// at most `MAX_ATTEMPTS` are checked per lock, and `VOID_AFTER` per code sent.
    pub(crate) async fn sign_in_with_code(
        &self,
        email: Email,
        code: &str,
        client: &str,
    ) -> Result<SignedIn> {
        use access_guard::Column as G;
        let now = self.now();
        if let Err(refused) = self
            .applicant_limiter
            .attempt(&self.db, client, now)
            .await?
        {
            // One line per client and window: a loop of refused guesses writes nothing more.
            if refused.first {
                self.security(SecurityEvent::RateLimited, email.as_str(), client, None)
                    .await;
            }
            return Err(AppError::RateLimited {
                minutes: refused.minutes,
            }
            .into());
        }
        // The guard row and the guess in one commit: an unknown address (whose row is new)
        // then writes as often as a known one, so a loaded database answers both alike.
        let txn = crate::infra::db::write_txn(&self.db).await?;
        self.guard(&txn, email.as_str()).await?;
        let this_address = Condition::all().add(G::Email.eq(email.as_str()));
        let reserved = reserve_attempt::<access_guard::Entity>(
            &txn,
            G::Failures,
            G::LockedUntil,
            this_address.clone().add(G::TotalFailures.lt(VOID_AFTER)),
            MAX_ATTEMPTS,
            Duration::minutes(LOCK_MINUTES),
            now,
            &[G::TotalFailures],
        )
        .await?;
        txn.commit().await?;
        if !reserved {
            // The lock was logged when it was set (`Lockout`); guesses against it write nothing.
            tracing::debug!(target: "security", "access code guessed while locked, from {client}");
            return Err(self.refusal(email.as_str(), now).await?.into());
        }
        let grants: Vec<access_grant::Model> = access_grant::Entity::find()
            .filter(access_grant::Column::Email.eq(email.as_str()))
            .filter(access_grant::Column::ExpiresAt.gt(now))
            .all(&self.db)
            .await?;
        let grants_need_argon2 = grants
            .iter()
            .any(|g| secret::CodeKey::is_slow(&g.code_hash));
        let key = self.code_key.clone();
        let check = {
            let code = code.to_owned();
            move || {
                if grants.is_empty() {
                    // The same work for an address without a code.
                    std::hint::black_box(key.verify(&code, &key.hash("no code")));
                }
                grants.into_iter().find(|g| key.verify(&code, &g.code_hash))
            }
        };
        // Codes stored as argon2 before the keyed hash need the slow pool; the rest is instant.
        let matched = if grants_need_argon2 {
            secret::slow(check).await.map_err(Error::internal)?
        } else {
            check()
        };
        let Some(grant) = matched else {
            let refusal = self.refusal(email.as_str(), now).await?;
            // Void codes stay in the table, refused until a new code replaces them.
            let event = match refusal {
                AppError::CodeVoid => SecurityEvent::CodesVoided,
                AppError::Locked { .. } => SecurityEvent::Lockout,
                _ => SecurityEvent::CodeFailed,
            };
            self.security(event, email.as_str(), client, None).await;
            return Err(refusal.into());
        };
        forgive_attempts::<access_guard::Entity>(
            &self.db,
            G::Failures,
            G::LockedUntil,
            this_address.clone(),
        )
        .await?;
        access_guard::Entity::update_many()
            .col_expr(G::TotalFailures, Expr::value(0))
            .filter(this_address)
            .exec(&self.db)
            .await?;
        self.applicant_limiter.forgive(&self.db, client).await?;
        self.drop_older_grants(&grant).await?;
        self.open_session(&grant.dossier_id, email.as_str(), client)
            .await
    }

    /// Signs in with an e-mailed link's token, once. Not counted against the address's code
    /// lock nor its voiding: a stranger's wrong guesses on the six-digit code cannot keep the
    /// owner of the mailbox out. A token is 128 random bits, valid 14 days: it is not guessed,
    /// and an unknown one costs one indexed read.
    pub(crate) async fn sign_in_by_link(&self, token: &str, client: &str) -> Result<SignedIn> {
        let now = self.now();
        let hash = secret::token_hash(token);
        let grant = access_grant::Entity::find()
            .filter(access_grant::Column::LinkHash.eq(hash.clone()))
            .filter(access_grant::Column::ExpiresAt.gt(now))
            .one(&self.db)
            .await?
            .ok_or(AppError::LinkInvalid)?;
        // Once: the first press clears the token; a second (a double click) finds none.
        let used = access_grant::Entity::update_many()
            .col_expr(
                access_grant::Column::LinkHash,
                Expr::value(Option::<String>::None),
            )
            .filter(access_grant::Column::Id.eq(grant.id))
            .filter(access_grant::Column::LinkHash.eq(hash))
            .exec(&self.db)
            .await?;
        if used.rows_affected != 1 {
            return Err(AppError::LinkInvalid.into());
        }
        self.drop_older_grants(&grant).await?;
        self.open_session(&grant.dossier_id, &grant.email, client)
            .await
    }

    /// Once the owner signed in with a code or a link, the ones sent before it go: only a
    /// newer one (asked for since) stays beside it.
    async fn drop_older_grants(&self, grant: &access_grant::Model) -> Result<()> {
        access_grant::Entity::delete_many()
            .filter(access_grant::Column::DossierId.eq(grant.dossier_id.clone()))
            .filter(access_grant::Column::Email.eq(grant.email.clone()))
            .filter(access_grant::Column::Id.lt(grant.id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// A new session on the dossier, and where its page is: the first open step of a draft,
    /// the follow-up page of a filed request.
    async fn open_session(&self, dossier_id: &str, email: &str, client: &str) -> Result<SignedIn> {
        let now = self.now();
        let token = secret::new_token();
        session::ActiveModel {
            token_hash: Set(secret::token_hash(&token)),
            dossier_id: Set(Some(dossier_id.to_owned())),
            email: Set(email.to_owned()),
            expires_at: Set(now + Duration::hours(SESSION_HOURS)),
            created_at: Set(now),
        }
        .insert(&self.db)
        .await?;
        self.security(SecurityEvent::SignInSucceeded, email, client, None)
            .await;
        let d = self.dossier(dossier_id).await?;
        let next = if d.state == DossierState::Draft {
            Parsed::of(&d, self.today(), &self.rules)?
                .first_open_step(&self.files(&d.id).await?)
                .path()
        } else {
            "/suivi".to_owned()
        };
        Ok(SignedIn { token, next })
    }

    /// Why a guess is refused, as the guard row now says: void codes, a lock, or a wrong code.
    async fn refusal(&self, email: &str, now: DateTime<Utc>) -> Result<AppError> {
        let row = self.guard_row(email).await?;
        Ok(match row {
            Some(g) if g.total_failures >= VOID_AFTER => AppError::CodeVoid,
            Some(g) => match g.locked_until.filter(|u| *u > now) {
                Some(until) => AppError::Locked {
                    minutes: minutes_until(until, now),
                },
                None => AppError::WrongCode,
            },
            None => AppError::WrongCode,
        })
    }
}

impl Services {
    pub(crate) async fn applicant_session(&self, token: &str) -> Result<ApplicantSession> {
        let row = session::Entity::find_by_id(secret::token_hash(token))
            .one(&self.db)
            .await?
            .filter(|s| s.expires_at > self.now())
            .ok_or(AppError::NotSignedIn)?;
        let dossier_id = row.dossier_id.ok_or(AppError::NotSignedIn)?;
        Ok(ApplicantSession {
            dossier_id,
            email: row.email,
        })
    }

    pub(crate) async fn end_session(&self, token: &str) -> Result<()> {
        session::Entity::delete_by_id(secret::token_hash(token))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}
