//! Figures that change with the law, as dated values: the value in force on a given date applies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A value that applies from `from` (inclusive) until the next entry's date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dated<T> {
    pub from: NaiveDate,
    pub value: T,
}

/// The value in force on `on`. Dates before the first entry get the first entry: the table starts
/// with the oldest figure we apply, and a date before it is a past contract we still have to judge.
pub fn value_on<T: Copy>(table: &[Dated<T>], on: NaiveDate) -> T {
    let mut current = table.first().expect("a dated table is never empty").value;
    for entry in table {
        if entry.from <= on {
            current = entry.value;
        }
    }
    current
}

/// The rules' configuration; `Default` holds the figures of rules.md, the server may override them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RulesConfig {
    /// Legal annual working time (Code du travail L.3121-41).
    pub annual_legal_hours: Vec<Dated<f64>>,
    /// 60 % of the annual working time (R.5221-26, CESEDA L.422-1).
    pub student_cap: Vec<Dated<f64>>,
    /// 50 % of the annual working time for Algerian students (Franco-Algerian agreement, protocol title III).
    pub algerian_cap: Vec<Dated<f64>>,
    /// Long-stay temporary student visa (≤ 6 months).
    pub temporary_visa_cap: Vec<Dated<f64>>,
    /// Gross hourly minimum wage (SMIC), in euros.
    pub smic_hourly_gross: Vec<Dated<f64>>,
    /// Maximum weekly working time (Code du travail L.3121-20).
    pub max_weekly_hours: f64,
    /// Applicants' age bounds on the contract start date (product decision, rules.md §3).
    pub min_age: u32,
    pub max_age: u32,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date")
}

impl Default for RulesConfig {
    fn default() -> Self {
        let since_2016 = date(2016, 8, 10);
        Self {
            annual_legal_hours: vec![Dated {
                from: since_2016,
                value: 1607.0,
            }],
            student_cap: vec![Dated {
                from: since_2016,
                value: 964.0,
            }],
            algerian_cap: vec![Dated {
                from: since_2016,
                value: 803.5,
            }],
            temporary_visa_cap: vec![Dated {
                from: since_2016,
                value: 482.0,
            }],
            smic_hourly_gross: vec![
                Dated {
                    from: date(2024, 11, 1),
                    value: 11.88,
                },
                Dated {
                    from: date(2026, 1, 1),
                    value: 12.02,
                },
            ],
            max_weekly_hours: 48.0,
            min_age: 16,
            max_age: 80,
        }
    }
}

/// The hour caps in force on one date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Caps {
    pub student: f64,
    pub algerian: f64,
    pub temporary_visa: f64,
}

impl RulesConfig {
    pub fn caps_on(&self, on: NaiveDate) -> Caps {
        Caps {
            student: value_on(&self.student_cap, on),
            algerian: value_on(&self.algerian_cap, on),
            temporary_visa: value_on(&self.temporary_visa_cap, on),
        }
    }

    pub fn smic_on(&self, on: NaiveDate) -> f64 {
        value_on(&self.smic_hourly_gross, on)
    }

    pub fn annual_legal_hours_on(&self, on: NaiveDate) -> f64 {
        value_on(&self.annual_legal_hours, on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smic_follows_its_dates() {
        let cfg = RulesConfig::default();
        let cases = [
            (date(2024, 1, 15), 11.88), // before the table: the oldest figure applies
            (date(2024, 11, 1), 11.88),
            (date(2025, 12, 31), 11.88),
            (date(2026, 1, 1), 12.02),
            (date(2026, 11, 22), 12.02),
        ];
        for (on, expected) in cases {
            assert_eq!(cfg.smic_on(on), expected, "SMIC on {on}");
        }
    }

    #[test]
    fn caps_are_the_figures_of_the_rules() {
        let caps = RulesConfig::default().caps_on(date(2026, 11, 22));
        assert_eq!(
            (caps.student, caps.algerian, caps.temporary_visa),
            (964.0, 803.5, 482.0)
        );
        assert_eq!(
            RulesConfig::default().annual_legal_hours_on(date(2026, 1, 1)),
            1607.0
        );
    }

    #[test]
    fn student_cap_is_sixty_percent_of_legal_hours_truncated() {
        let cfg = RulesConfig::default();
        let on = date(2026, 6, 1);
        assert_eq!(
            (cfg.annual_legal_hours_on(on) * 0.6).floor(),
            cfg.caps_on(on).student
        );
        assert_eq!(
            cfg.annual_legal_hours_on(on) * 0.5,
            cfg.caps_on(on).algerian
        );
    }
}
