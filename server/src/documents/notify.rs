//! The e-mails the applicant side sends, in the request's language.

use app::i18n::{Lang, Msg};
use app::rules::dossier::DossierState;

use crate::infra::mail::{Attachment, Mail};

/// A new access code and the sign-in link that goes with it in the same e-mail.
pub struct Grant {
    pub code: String,
    /// The whole address: `{PUBLIC_URL}/acces/lien?j=…`.
    pub link: String,
}

/// The body, then the signature every e-mail ends with.
fn signed(body: String, lang: Lang) -> String {
    format!("{body}\n\n--\n{}", lang.t(Msg::MailSignature))
}

/// The code that opens a new request.
pub fn access_code(to: &str, grant: &Grant, public_url: &str, lang: Lang) -> Mail {
    let body = Msg::MailAccessCodeBody.with(
        lang,
        &[
            ("code", &grant.code),
            ("url", public_url),
            ("link", &grant.link),
        ],
    );
    Mail {
        kind: "access_code",
        to: vec![to.to_owned()],
        subject: lang.t(Msg::MailAccessCodeSubject).to_owned(),
        body: signed(body, lang),
        attachments: Vec::new(),
    }
}

/// New codes for every live request of an address.
pub fn new_codes(to: &str, codes: &[(String, Grant)], public_url: &str, lang: Lang) -> Mail {
    let lines: Vec<String> = codes
        .iter()
        .map(|(what, grant)| format!("  - {what} : {}\n    {}", grant.code, grant.link))
        .collect();
    let body =
        Msg::MailNewCodesBody.with(lang, &[("codes", &lines.join("\n")), ("url", public_url)]);
    Mail {
        kind: "new_codes",
        to: vec![to.to_owned()],
        subject: lang.t(Msg::MailNewCodesSubject).to_owned(),
        body: signed(body, lang),
        attachments: Vec::new(),
    }
}

/// The deposit: the receipt attached; a code for whoever did not start the request.
pub fn submitted(
    to: &str,
    number: &str,
    service: &str,
    grant: Option<&Grant>,
    dossier_id: &str,
    public_url: &str,
    lang: Lang,
) -> Mail {
    let access = match grant {
        Some(g) => Msg::MailSubmittedFollowWithCode.with(
            lang,
            &[("code", &g.code), ("url", public_url), ("link", &g.link)],
        ),
        None => Msg::MailSubmittedFollow.with(lang, &[("url", public_url)]),
    };
    let body = Msg::MailSubmittedBody.with(lang, &[("number", number), ("service", service)]);
    Mail {
        kind: "submitted",
        to: vec![to.to_owned()],
        subject: Msg::MailSubmittedSubject.with(lang, &[("number", number)]),
        body: signed(format!("{body}\n\n{access}"), lang),
        attachments: vec![Attachment::Receipt {
            dossier_id: dossier_id.to_owned(),
        }],
    }
}

/// A change of state, e-mailed to the student and the employer.
pub fn state_changed(
    to: &[String],
    number: &str,
    state: DossierState,
    message: Option<&str>,
    public_url: &str,
    lang: Lang,
) -> Mail {
    let what = state.label(lang);
    let mut body = Msg::MailStateChangedBody.with(lang, &[("number", number), ("state", what)]);
    if let Some(m) = message {
        body = format!("{body}\n\n{}\n{m}", lang.t(Msg::MailMessageFromService));
    }
    let details = Msg::MailDetailsNextSteps.with(lang, &[("url", public_url)]);
    Mail {
        kind: "state_changed",
        to: to.to_vec(),
        subject: Msg::MailStateChangedSubject.with(lang, &[("number", number), ("state", what)]),
        body: signed(format!("{body}\n\n{details}"), lang),
        attachments: Vec::new(),
    }
}

/// A message from the instruction service, without a change of state.
pub fn message(to: &[String], number: &str, message: &str, public_url: &str, lang: Lang) -> Mail {
    let body = Msg::MailMessageBody.with(
        lang,
        &[
            ("number", number),
            ("message", message),
            ("url", public_url),
        ],
    );
    Mail {
        kind: "message",
        to: to.to_vec(),
        subject: Msg::MailMessageSubject.with(lang, &[("number", number)]),
        body: signed(body, lang),
        attachments: Vec::new(),
    }
}

/// An issued authorisation withdrawn.
pub fn revoked(
    to: &[String],
    number: &str,
    reason: Option<&str>,
    public_url: &str,
    lang: Lang,
) -> Mail {
    let body = Msg::MailRevokedBody.with(
        lang,
        &[
            ("number", number),
            ("reason", reason.unwrap_or_default()),
            ("url", public_url),
        ],
    );
    Mail {
        kind: "revoked",
        to: to.to_vec(),
        subject: Msg::MailRevokedSubject.with(lang, &[("number", number)]),
        body: signed(body, lang),
        attachments: Vec::new(),
    }
}

/// An applicant's message, to the instruction service's address (in French: the service's language).
pub fn applicant_message(
    to: &str,
    number: &str,
    from: &str,
    message: &str,
    public_url: &str,
) -> Mail {
    Mail {
        kind: "applicant_message",
        to: vec![to.to_owned()],
        subject: format!("Dossier {number} : message du demandeur"),
        body: signed(
            format!("Bonjour,\n\n{from} a écrit au sujet du dossier {number} :\n\n{message}\n\nRépondre depuis le dossier : {public_url}/instruction/dossier/{number}"),
            Lang::Fr,
        ),
        attachments: Vec::new(),
    }
}
