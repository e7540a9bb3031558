//! Schema migrations, run at start. A shipped migration is never edited: add a new one.

use sea_orm_migration::prelude::*;

mod m20261122_000001_routing;
mod m20261123_000001_requests;
mod m20261124_000001_instruction;
mod m20261125_000001_access_guard;
mod m20261125_000002_security_event;
mod m20261126_000001_typed_columns;
mod m20261201_000001_mail_queue;
mod m20261201_000002_sign_in_link;
mod m20261202_000001_storage_quotas;
mod m20261202_000002_throttle;
mod m20261202_000003_instances;
mod m20261202_000004_aggregates;
pub(crate) use m20261202_000004_aggregates::backfill as count_backfill;
mod m20261202_000005_search;
mod m20261202_000006_queue_order;
mod m20261208_000001_languages;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_routing::Migration),
            Box::new(m20261123_000001_requests::Migration),
            Box::new(m20261124_000001_instruction::Migration),
            Box::new(m20261125_000001_access_guard::Migration),
            Box::new(m20261125_000002_security_event::Migration),
            Box::new(m20261126_000001_typed_columns::Migration),
            Box::new(m20261201_000001_mail_queue::Migration),
            Box::new(m20261201_000002_sign_in_link::Migration),
            Box::new(m20261202_000001_storage_quotas::Migration),
            Box::new(m20261202_000002_throttle::Migration),
            Box::new(m20261202_000003_instances::Migration),
            Box::new(m20261202_000004_aggregates::Migration),
            Box::new(m20261202_000005_search::Migration),
            Box::new(m20261202_000006_queue_order::Migration),
            Box::new(m20261208_000001_languages::Migration),
        ]
    }
}
