//! The queue's orders as indexes, so that a page read by key is one range of an index with no
//! sort (see `instruction::keyset`): most urgent first within a service and a state, and the
//! latest decision first. The first replaces the (service, state, contract start) index, of
//! which it is an extension (the tab counts with a date filter still use its beginning).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, DeriveIden)]
enum Dossier {
    Table,
    ServiceId,
    State,
    ContractStart,
    PermitExpires,
    SubmittedAt,
    DecidedAt,
    Id,
}

fn index(name: &str, columns: &[Dossier]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(Dossier::Table);
    for column in columns {
        index.col(column.clone());
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Dossier::*;
        manager
            .create_index(index(
                "idx_dossier_queue_urgent",
                &[
                    ServiceId,
                    State,
                    ContractStart,
                    PermitExpires,
                    SubmittedAt,
                    Id,
                ],
            ))
            .await?;
        manager
            .create_index(index(
                "idx_dossier_queue_decided",
                &[ServiceId, State, DecidedAt, Id],
            ))
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_dossier_service_state_start")
                    .table(Dossier::Table)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Dossier::*;
        manager
            .create_index(index(
                "idx_dossier_service_state_start",
                &[ServiceId, State, ContractStart],
            ))
            .await?;
        for name in ["idx_dossier_queue_decided", "idx_dossier_queue_urgent"] {
            manager
                .drop_index(Index::drop().name(name).table(Dossier::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}
