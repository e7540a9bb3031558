//! The e-mails the applicant side sends, in the request's language.

use app::i18n::Lang;
use app::rules::dossier::DossierState;

use crate::infra::mail::{Attachment, Mail};

/// A new access code and the sign-in link that goes with it in the same e-mail.
pub struct Grant {
    pub code: String,
    /// The whole address: `{PUBLIC_URL}/acces/lien?j=…`.
    pub link: String,
}

fn sign(lang: Lang) -> &'static str {
    lang.pick((
        "\n\n--\nWork in France, le service en ligne des autorisations de travail des étudiants étrangers.\nCe message est envoyé automatiquement : n'y répondez pas, écrivez depuis la page de suivi.",
        "\n\n--\nWork in France, the online service for foreign students' work authorisations.\nThis message is sent automatically: do not reply, write from the follow-up page.",
    ))
}

/// The code that opens a new request.
pub fn access_code(to: &str, grant: &Grant, public_url: &str, lang: Lang) -> Mail {
    let (code, link) = (&grant.code, &grant.link);
    let body = match lang {
        Lang::Fr => format!(
            "Bonjour,\n\nVotre code d'accès : {code}\n\nSaisissez-le avec votre adresse électronique sur {public_url}/acces pour commencer votre demande d'autorisation de travail, puis pour la reprendre ou la suivre. Il est valable 14 jours.\n\nOu ouvrez votre demande directement, une fois, par ce lien :\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message."
        ),
        Lang::En => format!(
            "Hello,\n\nYour access code: {code}\n\nEnter it with your e-mail address on {public_url}/acces to start your work authorisation request, then to resume or follow it. It is valid for 14 days.\n\nOr open your request directly, once, with this link:\n{link}\n\nIf you did not ask for it, ignore this message."
        ),
    };
    Mail {
        kind: "access_code",
        to: vec![to.to_owned()],
        subject: lang
            .pick((
                "Votre code d'accès Work in France",
                "Your Work in France access code",
            ))
            .to_owned(),
        body: body + sign(lang),
        attachments: Vec::new(),
    }
}

/// New codes for every live request of an address.
pub fn new_codes(to: &str, codes: &[(String, Grant)], public_url: &str, lang: Lang) -> Mail {
    let lines: Vec<String> = codes
        .iter()
        .map(|(what, grant)| format!("  - {what} : {}\n    {}", grant.code, grant.link))
        .collect();
    let body = match lang {
        Lang::Fr => format!(
            "Bonjour,\n\nVoici vos nouveaux codes d'accès (les précédents ne fonctionnent plus), chacun avec un lien qui ouvre la demande une fois :\n{}\n\nSaisissez-les avec votre adresse sur {public_url}/acces. Ils sont valables 14 jours.",
            lines.join("\n")
        ),
        Lang::En => format!(
            "Hello,\n\nHere are your new access codes (the previous ones no longer work), each with a link that opens the request once:\n{}\n\nEnter them with your address on {public_url}/acces. They are valid for 14 days.",
            lines.join("\n")
        ),
    };
    Mail {
        kind: "new_codes",
        to: vec![to.to_owned()],
        subject: lang
            .pick((
                "Vos nouveaux codes d'accès Work in France",
                "Your new Work in France access codes",
            ))
            .to_owned(),
        body: body + sign(lang),
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
    let access = match (grant, lang) {
        (Some(g), Lang::Fr) => format!("\n\nPour suivre ce dossier, saisissez votre adresse et le code {} sur {public_url}/acces (valable 14 jours), ou ouvrez-le une fois par ce lien :\n{}", g.code, g.link),
        (Some(g), Lang::En) => format!("\n\nTo follow this file, enter your address and the code {} on {public_url}/acces (valid for 14 days), or open it once with this link:\n{}", g.code, g.link),
        (None, Lang::Fr) => format!("\n\nSuivez-le sur {public_url}/suivi."),
        (None, Lang::En) => format!("\n\nFollow it on {public_url}/suivi."),
    };
    let body = match lang {
        Lang::Fr => format!(
            "Bonjour,\n\nLa demande d'autorisation de travail {number} est déposée. Elle est transmise à : {service}.\nLe récépissé de dépôt est joint à ce message. Vous serez informé par courriel de chaque étape : prise en charge, demande de compléments, décision.{access}"
        ),
        Lang::En => format!(
            "Hello,\n\nThe work authorisation request {number} is filed. It goes to: {service}.\nThe deposit receipt is attached. You will be e-mailed at each step: review, request for changes, decision.{access}"
        ),
    };
    Mail {
        kind: "submitted",
        to: vec![to.to_owned()],
        subject: match lang {
            Lang::Fr => format!("Demande {number} déposée"),
            Lang::En => format!("Request {number} filed"),
        },
        body: body + sign(lang),
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
    let note = message
        .map(|m| {
            format!(
                "\n\n{}\n{m}",
                lang.pick((
                    "Message du service instructeur :",
                    "Message from the instruction service:"
                ))
            )
        })
        .unwrap_or_default();
    let body = match lang {
        Lang::Fr => format!("Bonjour,\n\nLe dossier {number} est maintenant : {what}.{note}\n\nDétails et prochaines étapes : {public_url}/suivi"),
        Lang::En => format!("Hello,\n\nFile {number} is now: {what}.{note}\n\nDetails and next steps: {public_url}/suivi"),
    };
    Mail {
        kind: "state_changed",
        to: to.to_vec(),
        subject: match lang {
            Lang::Fr => format!("Dossier {number} : {what}"),
            Lang::En => format!("File {number}: {what}"),
        },
        body: body + sign(lang),
        attachments: Vec::new(),
    }
}

/// A message from the instruction service, without a change of state.
pub fn message(to: &[String], number: &str, message: &str, public_url: &str, lang: Lang) -> Mail {
    let body = match lang {
        Lang::Fr => format!("Bonjour,\n\nLe service instructeur vous écrit au sujet du dossier {number} :\n\n{message}\n\nRépondez depuis la page de suivi : {public_url}/suivi"),
        Lang::En => format!("Hello,\n\nThe instruction service writes to you about file {number}:\n\n{message}\n\nReply from the follow-up page: {public_url}/suivi"),
    };
    Mail {
        kind: "message",
        to: to.to_vec(),
        subject: match lang {
            Lang::Fr => format!("Dossier {number} : nouveau message"),
            Lang::En => format!("File {number}: new message"),
        },
        body: body + sign(lang),
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
    let reason = reason.unwrap_or_default();
    let body = match lang {
        Lang::Fr => format!("Bonjour,\n\nL'autorisation de travail du dossier {number} est retirée. Elle ne permet plus de travailler.\n\nMotif :\n{reason}\n\nDétails : {public_url}/suivi"),
        Lang::En => format!("Hello,\n\nThe work authorisation of file {number} is revoked. It no longer allows work.\n\nReason:\n{reason}\n\nDetails: {public_url}/suivi"),
    };
    Mail {
        kind: "revoked",
        to: to.to_vec(),
        subject: match lang {
            Lang::Fr => format!("Dossier {number} : autorisation retirée"),
            Lang::En => format!("File {number}: authorisation revoked"),
        },
        body: body + sign(lang),
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
        body: format!(
            "Bonjour,\n\n{from} a écrit au sujet du dossier {number} :\n\n{message}\n\nRépondre depuis le dossier : {public_url}/instruction/dossier/{number}"
        ) + sign(Lang::Fr),
        attachments: Vec::new(),
    }
}
