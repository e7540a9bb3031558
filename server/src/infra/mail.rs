//! Outgoing e-mail with lettre: SMTP in production (`SMTP_URL`), otherwise a file outbox where
//! each message is an `.eml` file (what `make run` points at and the tests read). Nothing sends
//! directly: every message goes through the durable queue (`crate::mail_queue`), whose worker
//! calls `Mailer::send`.

use std::path::PathBuf;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment as LettreAttachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One message to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// What it is (`access_code`, `submitted`, …): shown to administrators with its state.
    pub kind: &'static str,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    /// Documents attached, rendered when the message is sent (the queue keeps references, not
    /// bytes).
    pub attachments: Vec<Attachment>,
}

/// A document attached to a message, by reference.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "document", rename_all = "snake_case")]
pub enum Attachment {
    /// The deposit receipt of a filed dossier.
    Receipt { dossier_id: String },
    /// The authorisation issued on a dossier (one per dossier).
    Authorisation { dossier_id: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailAttachment {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

pub enum Transport {
    /// A folder: each message is a file named by when it was written (nanoseconds since the
    /// epoch, then a counter), so the names sort in sending order even within a clock tick.
    Outbox(PathBuf, std::sync::atomic::AtomicU64),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    /// Writes each message to `dir` as an `.eml` file.
    pub fn outbox(dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            from: from.parse()?,
            transport: Transport::Outbox(dir, Default::default()),
        })
    }

    /// `smtp://host:25`, `smtps://user:pass@host:465` or `smtp://…?tls=required` (lettre's URL syntax).
    pub fn smtp(url: &str, from: &str) -> anyhow::Result<Self> {
        // A server that accepts the connection and then hangs fails the try after this long;
        // the queue tries again later.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Self {
            from: from.parse()?,
            transport: Transport::Smtp(transport),
        })
    }

    /// Whether the server answers (a connection and a greeting, no message); a folder always
    /// does.
    pub async fn reachable(&self) -> anyhow::Result<()> {
        match &self.transport {
            Transport::Outbox(..) => Ok(()),
            Transport::Smtp(t) => match t.test_connection().await? {
                true => Ok(()),
                false => anyhow::bail!("the server does not answer"),
            },
        }
    }

    /// Sends one message with its attachments rendered.
    pub async fn send(&self, mail: &Mail, files: &[MailAttachment]) -> anyhow::Result<()> {
        let mut builder = Message::builder()
            .from(self.from.clone())
            .subject(mail.subject.clone());
        let mut any = false;
        for to in &mail.to {
            builder = builder.to(to.parse()?);
            any = true;
        }
        if !any {
            return Ok(());
        }
        // 8bit keeps the text readable in the .eml (and in tests). lettre accepts it only when
        // newline-to-newline distances stay under 76 bytes, CR and LF included: 72 leaves room.
        let wrapped = wrap(&mail.body, 72).replace('\n', "\r\n");
        let body = Body::new_with_encoding(wrapped.clone(), ContentTransferEncoding::EightBit)
            .unwrap_or_else(|_| Body::new(wrapped));
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(body);
        let message = if files.is_empty() {
            builder.singlepart(text)?
        } else {
            let mut parts = MultiPart::mixed().singlepart(text);
            for a in files {
                parts = parts.singlepart(
                    LettreAttachment::new(a.file_name.clone())
                        .body(a.bytes.clone(), ContentType::parse(&a.content_type)?),
                );
            }
            builder.multipart(parts)?
        };
        match &self.transport {
            Transport::Outbox(dir, written) => {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_nanos();
                let n = written.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let name = format!("{nanos:024}-{n:08}.eml");
                // Written whole under a temporary name, then renamed: a reader never sees half.
                let partial = dir.join(format!(".{name}.part"));
                tokio::fs::write(&partial, message.formatted()).await?;
                tokio::fs::rename(&partial, dir.join(name)).await?;
            }
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
        }
        Ok(())
    }
}

/// Breaks lines at spaces so that none is longer than `width` bytes, the unit of the mail line
/// limit (long words stay whole).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut length = 0;
        for (j, word) in line.split(' ').enumerate() {
            let w = word.len();
            if j > 0 && length + 1 + w > width {
                out.push('\n');
                length = 0;
            } else if j > 0 {
                out.push(' ');
                length += 1;
            }
            out.push_str(word);
            length += w;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_wrapped_at_spaces() {
        let text = format!("{}\n\nshort", "mot ".repeat(40).trim_end());
        let wrapped = wrap(&text, 76);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 76),
            "{wrapped}"
        );
        assert_eq!(wrapped.replace('\n', " ").split_whitespace().count(), 41);
        assert!(wrapped.ends_with("\n\nshort"));
        assert_eq!(
            wrap("https://very.long/url/that/cannot/break", 10),
            "https://very.long/url/that/cannot/break"
        );
    }

    #[tokio::test]
    async fn the_outbox_keeps_readable_messages() {
        let dir = std::env::temp_dir().join(format!("wif-outbox-{}", uuid::Uuid::new_v4()));
        let mailer =
            Mailer::outbox(dir.clone(), "Work in France <ne-pas-repondre@example.org>").unwrap();
        let mail = Mail {
            kind: "access_code",
            to: vec!["awa@example.org".into()],
            subject: "Votre code d'accès".into(),
            body: "Votre code d'accès : 123456\nSaisissez-le avec votre adresse électronique sur http://127.0.0.1:3000/acces pour commencer votre demande.\nÀ bientôt.".into(),
            attachments: Vec::new(),
        };
        let files = [MailAttachment {
            file_name: "recu.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF".to_vec(),
        }];
        mailer.send(&mail, &files).await.unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].path()).unwrap();
        assert!(text.contains("To: awa@example.org"), "{text}");
        assert!(text.contains("Votre code d'accès : 123456"), "{text}");
        assert!(
            text.contains("Content-Transfer-Encoding: 8bit") && text.contains("électronique"),
            "{text}"
        );
        assert!(text.contains("recu.pdf"), "{text}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
