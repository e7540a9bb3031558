//! Secrets: access codes (six digits, kept as argon2id hashes) and session tokens (random,
//! kept as SHA-256, since a 256-bit random token needs no slow hash).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh six-digit code, uniformly drawn.
pub fn new_access_code() -> String {
    let n = rand::random_range(0..1_000_000u32);
    format!("{n:06}")
}

/// argon2id with the crate's defaults (19 MiB, 2 passes): slow enough that a stolen table of
/// six-digit codes is not read back in a second.
pub fn hash_code(code: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(code.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hash: {e}"))?
        .to_string())
}

pub fn verify_code(code: &str, hash: &str) -> bool {
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

/// A hash of no code, checked when an address has none: the same work and the same time
/// whether the address is known or not.
pub static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_code("no code").unwrap_or_default());

/// 32 random bytes, hex: the secret a session cookie carries.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
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
    fn codes_hash_and_verify() {
        let code = new_access_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let hash = hash_code(&code).unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(!hash.contains(&code));
        assert!(verify_code(&code, &hash));
        let other = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
        assert!(!verify_code(&other, &hash));
        assert!(!verify_code(&code, "not a hash"));
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
