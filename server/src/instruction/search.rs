//! How the queue finds a file by what an instructor types: a SIRET (its index), a whole file
//! number (its unique index), the beginning of a number (a range of that index), or part of
//! the student's name in any script, accents folded ("benaissa" finds "Benaïssa").
//!
//! The name is folded here, in Rust, into `dossier.search_name` (lower case, accents and
//! ligatures undone), which both databases index for substrings: SQLite through the FTS5
//! trigram table `dossier_search`, PostgreSQL through a `pg_trgm` GIN index. A trigram needs
//! three characters: one or two characters find the names that *begin* with them (the family
//! name comes first), through a plain index of the same column.

use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, DbBackend};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization as _;

use crate::infra::db::entities::dossier;

/// A name as the search compares it: decomposed, combining marks dropped, letters that do not
/// decompose spelt out (œ, æ, ß, ø, ł, đ, ı), lower case, single spaces.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the search box holds, recognised by its shape.
#[derive(Debug, PartialEq, Eq)]
pub enum Search {
    Siret(String),
    Number(String),
    NumberPrefix(String),
    /// Folded; a file number typed whole is found as well.
    Name {
        folded: String,
        number: String,
    },
}

impl Search {
    pub fn parse(typed: &str) -> Self {
        let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        let upper = compact.to_uppercase();
        if compact.len() == 14 && compact.bytes().all(|b| b.is_ascii_digit()) {
            Search::Siret(compact)
        } else if upper.starts_with("APT-") {
            // APT-year-département-suffix.
            let parts: Vec<&str> = upper.split('-').collect();
            if parts.len() == 4 && parts[3].len() == 6 {
                Search::Number(upper)
            } else {
                Search::NumberPrefix(upper)
            }
        } else {
            Search::Name {
                folded: fold(typed).replace(['\\', '%', '_'], ""),
                number: typed.trim().to_uppercase(),
            }
        }
    }

    /// The condition on `dossier` for this search.
    pub fn condition(&self, backend: DbBackend) -> Condition {
        use dossier::Column as D;
        match self {
            Search::Siret(siret) => Condition::all().add(D::Siret.eq(siret.as_str())),
            Search::Number(number) => Condition::all().add(D::Number.eq(number.as_str())),
            Search::NumberPrefix(prefix) => Condition::all().add(begins("number", prefix, backend)),
            Search::Name { folded, number } => Condition::any()
                .add(name_condition(folded, backend))
                .add(D::Number.eq(number.as_str())),
        }
    }
}

fn name_condition(folded: &str, backend: DbBackend) -> SimpleExpr {
    use sea_orm::sea_query::ExprTrait as _;
    if folded.chars().count() < 3 {
        return begins("search_name", folded, backend);
    }
    let pattern = format!("%{folded}%");
    match backend {
        DbBackend::Sqlite => Expr::cust_with_values(
            "\"dossier\".\"search_key\" IN \
             (SELECT rowid FROM dossier_search WHERE search_name LIKE ?)",
            [pattern],
        ),
        _ => Expr::col((dossier::Entity, dossier::Column::SearchName)).like(pattern),
    }
}

/// `column` of `dossier` begins with `prefix`, as a range of an index in byte order (SQLite's
/// own; `COLLATE "C"` on PostgreSQL): `LIKE 'x%'` uses no index on SQLite (case-insensitive)
/// nor on PostgreSQL (the database's collation) without special ones.
fn begins(column: &str, prefix: &str, backend: DbBackend) -> SimpleExpr {
    let collate = if backend == DbBackend::Postgres {
        " COLLATE \"C\""
    } else {
        ""
    };
    let column = format!("\"dossier\".\"{column}\"{collate}");
    // sea-query reads `?` in custom SQL for SQLite, `$n` for PostgreSQL.
    let (first, second) = if backend == DbBackend::Postgres {
        ("$1", "$2")
    } else {
        ("?", "?")
    };
    // SQLite knows nothing of a range's size (no STAT4), and its bounded ANALYZE reads a
    // (service, state) as a thousand files where a million-file base has 125,000: it would
    // rather walk the whole tab. `likelihood(…, 0.01)` tells it each bound keeps one file in a
    // hundred (`unlikely`'s one in 16 was not enough at a million), and still lets it use the
    // range's index.
    let (open, close) = if backend == DbBackend::Postgres {
        ("", "")
    } else {
        ("likelihood(", ", 0.01)")
    };
    match next_prefix(prefix) {
        Some(next) => Expr::cust_with_values(
            format!("{open}{column} >= {first}{close} AND {open}{column} < {second}{close}"),
            [prefix.to_owned(), next],
        ),
        None => Expr::cust_with_values(
            format!("{open}{column} >= {first}{close}"),
            [prefix.to_owned()],
        ),
    }
}

/// The least string greater than every string beginning with `prefix` (none if there is none).
fn next_prefix(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded() {
        for (name, folded) in [
            ("Benaïssa Amina", "benaissa amina"),
            ("  ÉLODIE   Lœtitia ", "elodie loetitia"),
            ("Nguyễn Thị Ánh", "nguyen thi anh"),
            ("Øster Łukasz Đorđe", "oster lukasz dorde"),
            ("Straße", "strasse"),
            ("Çelik Yıldız", "celik yildiz"),
            ("Петрова Анна", "петрова анна"),
            ("بن عيسى", "بن عيسى"),
            ("王 小明", "王 小明"),
            ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ] {
            assert_eq!(fold(name), folded, "{name}");
        }
    }

    #[test]
    fn a_search_is_recognised_by_its_shape() {
        use Search::*;
        for (typed, expected) in [
            ("362 521 879 00034", Siret("36252187900034".into())),
            ("apt-2026-75-a1b2c3", Number("APT-2026-75-A1B2C3".into())),
            ("APT-2026-7", NumberPrefix("APT-2026-7".into())),
            (
                "Benaïssa",
                Name {
                    folded: "benaissa".into(),
                    number: "BENAÏSSA".into(),
                },
            ),
            (
                "50%_a\\",
                Name {
                    folded: "50a".into(),
                    number: "50%_A\\".into(),
                },
            ),
        ] {
            assert_eq!(Search::parse(typed), expected, "{typed}");
        }
    }

    #[test]
    fn a_prefix_ends_where_its_range_ends() {
        assert_eq!(next_prefix("APT-2026-7").as_deref(), Some("APT-2026-8"));
        assert_eq!(next_prefix("li").as_deref(), Some("lj"));
        assert_eq!(next_prefix("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(next_prefix(""), None);
        // Past the surrogates: U+D7FF is followed by U+E000.
        assert_eq!(next_prefix("\u{D7FF}").as_deref(), Some("\u{E000}"));
    }
}

#[cfg(test)]
mod sql {
    use super::*;
    use sea_orm::{EntityTrait, QueryFilter, QueryTrait};

    fn sql(typed: &str, backend: DbBackend) -> String {
        dossier::Entity::find()
            .filter(Search::parse(typed).condition(backend))
            .build(backend)
            .to_string()
    }

    #[test]
    fn each_search_is_written_for_its_index() {
        let sqlite = sql("benaïssa", DbBackend::Sqlite);
        assert!(
            sqlite.contains(
                "\"dossier\".\"search_key\" IN (SELECT rowid FROM dossier_search WHERE search_name LIKE '%benaissa%')"
            ),
            "{sqlite}"
        );
        let pg = sql("benaïssa", DbBackend::Postgres);
        assert!(
            pg.contains("\"dossier\".\"search_name\" LIKE '%benaissa%'"),
            "{pg}"
        );
        let short = sql("Li", DbBackend::Postgres);
        assert!(
            short.contains("\"dossier\".\"search_name\" COLLATE \"C\" >= 'li' AND \"dossier\".\"search_name\" COLLATE \"C\" < 'lj'"),
            "{short}"
        );
        let prefix = sql("APT-2026-7", DbBackend::Sqlite);
        assert!(
            prefix.contains(
                "likelihood(\"dossier\".\"number\" >= 'APT-2026-7', 0.01) AND likelihood(\"dossier\".\"number\" < 'APT-2026-8', 0.01)"
            ),
            "{prefix}"
        );
    }
}
