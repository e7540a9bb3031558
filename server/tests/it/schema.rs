//! Typed columns (migration m20261126): the database refuses a value outside a column's set,
//! whoever writes it, and the migration converts the data it finds or stops on what it cannot.

use crate::common::journey::filed;
use crate::common::TestApp;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use sea_orm_migration::MigratorTrait;
use server::infra::db::entities::dossier;
use server::infra::migration::Migrator;

async fn exec(db: &DatabaseConnection, sql: &str) -> Result<(), sea_orm::DbErr> {
    db.execute_unprepared(sql).await.map(|_| ())
}

fn agent_with_role(role: &str) -> String {
    format!(
        "INSERT INTO agent (email, name, password_hash, role, active, failed_logins, created_at) \
         VALUES ('{role}@example.gouv.fr', 'A', 'x', '{role}', TRUE, 0, CURRENT_TIMESTAMP)"
    )
}

#[tokio::test]
async fn unknown_values_are_refused_by_the_database() {
    let app = TestApp::new().await;
    let db = &app.state.db;
    let (number, _) = filed(&app, "typed@example.org").await;
    let id = dossier::Entity::find().one(db).await.unwrap().unwrap().id;
    let refused = [
        format!("UPDATE dossier SET state = 'lost' WHERE id = '{id}'"),
        format!("UPDATE dossier SET filed_by = 'agent' WHERE id = '{id}'"),
        format!("UPDATE dossier SET lang = 'de' WHERE id = '{id}'"),
        format!("UPDATE dossier SET contract_type = 'volunteer' WHERE id = '{id}'"),
        format!("UPDATE stored_file SET kind = 'photo' WHERE dossier_id = '{id}'"),
        format!("UPDATE dossier_event SET actor_kind = 'robot' WHERE dossier_id = '{id}'"),
        format!("UPDATE dossier_event SET to_state = 'Submitted' WHERE dossier_id = '{id}'"),
        agent_with_role("root"),
    ];
    for sql in &refused {
        assert!(exec(db, sql).await.is_err(), "accepted: {sql}");
    }
    // The set's own values and NULL where the column allows it still go in.
    for sql in [
        format!("UPDATE dossier SET contract_type = NULL WHERE id = '{id}'"),
        format!("UPDATE dossier SET contract_type = 'cifre', lang = 'en' WHERE id = '{id}'"),
        // Arabic and Chinese, widened by m20261208.
        format!("UPDATE dossier SET lang = 'zh' WHERE id = '{id}'"),
        format!("UPDATE dossier SET lang = 'ar' WHERE id = '{id}'"),
        agent_with_role("admin"),
    ] {
        exec(db, &sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    let row = dossier::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(row.number.as_deref(), Some(number.as_str()));
    assert_eq!(row.lang, app::i18n::Lang::Ar);
}

/// The typed-columns migration and those after it: undone to get the untyped columns back.
const MIGRATIONS_SINCE_TYPED: u32 = 10;

#[tokio::test]
async fn the_migration_converts_what_it_can_and_stops_on_the_rest() {
    let app = TestApp::new().await;
    let db = &app.state.db;
    filed(&app, "convert@example.org").await;
    let id = dossier::Entity::find().one(db).await.unwrap().unwrap().id;
    // Back to the untyped columns, with data as the old readers tolerated it.
    Migrator::down(db, Some(MIGRATIONS_SINCE_TYPED))
        .await
        .unwrap();
    exec(
        db,
        &format!("UPDATE dossier SET lang = 'FR', state = ' Submitted' WHERE id = '{id}'"),
    )
    .await
    .unwrap();
    Migrator::up(db, None).await.unwrap();
    let row = dossier::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(row.lang, app::i18n::Lang::Fr);
    assert_eq!(row.state, app::rules::dossier::DossierState::Submitted);

    // A value no reading can place stops the migration, with the column and the value named.
    Migrator::down(db, Some(MIGRATIONS_SINCE_TYPED))
        .await
        .unwrap();
    exec(
        db,
        &format!("UPDATE dossier SET state = 'archived' WHERE id = '{id}'"),
    )
    .await
    .unwrap();
    let error = Migrator::up(db, None).await.unwrap_err().to_string();
    assert!(
        error.contains("dossier.state") && error.contains("archived"),
        "{error}"
    );
    // And a row read with it is an error, not a draft.
    assert!(dossier::Entity::find().one(db).await.is_err());
}
