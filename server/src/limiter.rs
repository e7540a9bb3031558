//! Wrong guesses per client address (sign-in, public check): past a number of failures within a
//! window, the address waits. In memory: a restart forgets, which a window of minutes allows.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub struct Limiter {
    max_failures: u32,
    window: Duration,
    failures: Mutex<HashMap<String, (u32, DateTime<Utc>)>>,
}

impl Limiter {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Minutes left to wait, if this address has failed too often.
    pub fn blocked(&self, key: &str, now: DateTime<Utc>) -> Option<u32> {
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let (count, since) = map.get(key)?;
        let ends = *since + self.window;
        (*count >= self.max_failures && now < ends)
            .then(|| ((ends - now).num_seconds() as f64 / 60.0).ceil().max(1.0) as u32)
    }

    pub fn fail(&self, key: &str, now: DateTime<Utc>) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        // Forget windows that are over (the map does not grow without bound).
        if map.len() > 10_000 {
            let window = self.window;
            map.retain(|_, (_, since)| now < *since + window);
        }
        let entry = map.entry(key.to_owned()).or_insert((0, now));
        if now >= entry.1 + self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    pub fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn blocks_after_the_limit_until_the_window_ends() {
        let l = Limiter::new(3, Duration::minutes(15));
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        for i in 0..3 {
            assert_eq!(l.blocked("a", t0), None, "failure {i}");
            l.fail("a", t0);
        }
        assert_eq!(l.blocked("a", t0), Some(15));
        assert_eq!(l.blocked("b", t0), None, "another address is not blocked");
        assert_eq!(l.blocked("a", t0 + Duration::minutes(14)), Some(1));
        assert_eq!(l.blocked("a", t0 + Duration::minutes(15)), None);
        l.clear("a");
        assert_eq!(l.blocked("a", t0), None);
    }

    proptest! {
        /// Fewer failures than the limit never block.
        #[test]
        fn under_the_limit_never_blocks(n in 0u32..5, gaps in prop::collection::vec(0i64..600, 0..5)) {
            let l = Limiter::new(5, Duration::minutes(15));
            let mut t = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
            for i in 0..n {
                t += Duration::seconds(gaps.get(i as usize).copied().unwrap_or(0));
                l.fail("k", t);
                prop_assert_eq!(l.blocked("k", t), None);
            }
        }
    }
}
