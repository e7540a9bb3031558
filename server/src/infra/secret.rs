//! Secrets: access codes (six digits, kept as HMAC-SHA256 under a server key), agents'
//! passwords (argon2id), session tokens (random, kept as SHA-256, since a 256-bit random token
//! needs no slow hash).
//!
//! Why a keyed hash for codes: a code has a million values, so no hash, however slow, keeps a
//! stolen table of them secret; a key kept outside the database does, and costs a
//! microsecond instead of argon2's tens of milliseconds and 19 MiB (which, inside the write
//! lock, made a burst of starts fail). Codes stored before the change as argon2 keep verifying
//! until they expire.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use hmac::{KeyInit, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh six-digit code, uniformly drawn.
pub fn new_access_code() -> String {
    let n = rand::random_range(0..1_000_000u32);
    format!("{n:06}")
}

/// The server key of the access codes' HMAC (`ACCESS_CODE_KEY`, shared by every instance).
#[derive(Clone)]
pub struct CodeKey(Vec<u8>);

/// Never printed, even in a debug dump of the configuration.
impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey(***)")
    }
}

/// What a keyed code hash starts with, beside argon2's `$argon2id$`.
const HMAC_PREFIX: &str = "hmac-sha256$";

impl CodeKey {
    /// At least 32 bytes: the key is what keeps a million-valued code secret.
    pub const MIN_LEN: usize = 32;

    pub fn new(bytes: impl Into<Vec<u8>>) -> anyhow::Result<Self> {
        let bytes = bytes.into();
        anyhow::ensure!(
            bytes.len() >= Self::MIN_LEN,
            "ACCESS_CODE_KEY must be at least {} bytes long (e.g. `openssl rand -hex 32`)",
            Self::MIN_LEN
        );
        Ok(Self(bytes))
    }

    /// A random key, for a process that was given none (development and tests).
    pub fn random() -> Self {
        let mut bytes = vec![0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    fn mac(&self, code: &str) -> hmac::Hmac<sha2_011::Sha256> {
        let mut mac = <hmac::Hmac<sha2_011::Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(code.as_bytes());
        mac
    }

    /// `hmac-sha256$<hex>`.
    pub fn hash(&self, code: &str) -> String {
        format!(
            "{HMAC_PREFIX}{}",
            hex::encode(self.mac(code).finalize().into_bytes())
        )
    }

    /// Whether `code` is the one behind `stored`: a keyed hash, compared in constant time, or
    /// (stored before the change) an argon2 hash.
    pub fn verify(&self, code: &str, stored: &str) -> bool {
        match stored.strip_prefix(HMAC_PREFIX) {
            Some(hex_mac) => hex::decode(hex_mac)
                .is_ok_and(|expected| self.mac(code).verify_slice(&expected).is_ok()),
            None => verify_password(code, stored),
        }
    }

    /// Whether checking `stored` needs argon2 (a code from before the change).
    pub fn is_slow(stored: &str) -> bool {
        !stored.starts_with(HMAC_PREFIX)
    }
}

/// argon2id with the crate's defaults (19 MiB, 2 passes), for agents' passwords.
pub fn hash_password(code: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(code.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hash: {e}"))?
        .to_string())
}

pub fn verify_password(code: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(code.as_bytes(), &parsed)
            .is_ok()
    })
}

/// At most this many argon2 computations at once (19 MiB each): a burst of sign-ins waits its
/// turn instead of exhausting memory and the blocking thread pool.
pub const MAX_CONCURRENT_HASHES: usize = 4;

static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_CONCURRENT_HASHES);

/// Runs argon2 work (a hash or checks) off the async threads, at most
/// `MAX_CONCURRENT_HASHES` at a time.
pub async fn slow<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let _turn = HASHING.acquire().await?;
    Ok(tokio::task::spawn_blocking(work).await?)
}

/// A hash of no password, checked when an agent's address is unknown: the same work and the
/// same time whether the account exists or not.
pub static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("no password").unwrap_or_default());

/// 32 random bytes, hex: the secret a session cookie carries.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// 128 random bits in 26 lower-case base-32 letters and digits: the token of an e-mailed
/// sign-in link, short enough that the link fits on one line of a mail (`/acces/lien?j=…`).
pub fn new_link_token() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let mut bits: u128 = u128::from_be_bytes(bytes);
    (0..26)
        .map(|_| {
            let c = ALPHABET[(bits & 31) as usize] as char;
            bits >>= 5;
            c
        })
        .collect()
}

/// Whether two secrets are equal, in a time that tells nothing of where they differ (their
/// digests are compared, every byte).
pub fn same(given: &[u8], expected: &[u8]) -> bool {
    let (a, b) = (Sha256::digest(given), Sha256::digest(expected));
    a.iter().zip(b.iter()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Letters and digits that cannot be mistaken for one another when read aloud or retyped.
const NUMBER_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A file number: `APT-2026-75-K7Q4M2`.
pub fn new_file_number(year: i32, departement: &str) -> String {
    let mut rng = rand::rng();
    let suffix: String = (0..6)
        .map(|_| NUMBER_ALPHABET[(rng.next_u32() as usize) % NUMBER_ALPHABET.len()] as char)
        .collect();
    format!("APT-{year}-{departement}-{suffix}")
}

/// Crockford's base 32 without I, L, O, U: what `rules::decision::verification_code` reads.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// An authorisation's verification code: 60 random bits, `7KQ2-M9XD-4TPA`.
pub fn new_verification_code() -> String {
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..12)
        .map(|_| CODE_ALPHABET[(rng.next_u32() as usize) % CODE_ALPHABET.len()] as char)
        .collect();
    let group = |i: usize| chars[i..i + 4].iter().collect::<String>();
    format!("{}-{}-{}", group(0), group(4), group(8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterz", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn codes_are_keyed_hashes() {
        let key = CodeKey::random();
        let code = new_access_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let hash = key.hash(&code);
        assert!(hash.starts_with("hmac-sha256$"), "{hash}");
        assert!(!hash.contains(&code));
        assert!(key.verify(&code, &hash));
        assert!(!CodeKey::is_slow(&hash));
        let other = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
        assert!(!key.verify(&other, &hash));
        // Another server's key does not verify it: the table alone gives nothing.
        assert!(!CodeKey::random().verify(&code, &hash));
        assert!(!key.verify(&code, "hmac-sha256$zz"));
        assert!(!key.verify(&code, "not a hash"));
        // The HMAC of RFC 4231's test case 2, so the construction is the standard one.
        let jefe = CodeKey(b"Jefe".to_vec());
        assert_eq!(
            jefe.hash("what do ya want for nothing?"),
            "hmac-sha256$5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn codes_stored_as_argon2_still_verify() {
        let key = CodeKey::random();
        let old = hash_password("123456").unwrap();
        assert!(CodeKey::is_slow(&old));
        assert!(key.verify("123456", &old));
        assert!(!key.verify("654321", &old));
    }

    #[test]
    fn a_short_key_is_refused() {
        assert!(CodeKey::new(vec![7u8; 31]).is_err());
        assert!(CodeKey::new(vec![7u8; 32]).is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_than_the_bound_hash_at_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..3 * MAX_CONCURRENT_HASHES)
            .map(|_| {
                let (running, most) = (running.clone(), most.clone());
                tokio::spawn(slow(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let most = most.load(Ordering::SeqCst);
        assert!(most <= MAX_CONCURRENT_HASHES, "{most} at once");
        assert!(most > 1, "the work runs in parallel up to the bound");
    }

    #[test]
    fn link_tokens_are_short_and_random() {
        let (a, b) = (new_link_token(), new_link_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 26);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c)));
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn file_numbers() {
        let n = new_file_number(2026, "2A");
        assert!(n.starts_with("APT-2026-2A-"), "{n}");
        assert_eq!(n.len(), "APT-2026-2A-".len() + 6);
        assert!(n[12..].bytes().all(|b| NUMBER_ALPHABET.contains(&b)));
    }

    #[test]
    fn verification_codes_read_back_as_typed() {
        for _ in 0..200 {
            let code = new_verification_code();
            assert_eq!(code.len(), 14);
            assert_eq!(
                app::rules::decision::verification_code(&code).as_deref(),
                Ok(code.as_str())
            );
            assert_eq!(
                app::rules::decision::verification_code(&code.to_lowercase().replace('-', ""))
                    .as_deref(),
                Ok(code.as_str())
            );
        }
    }
}
