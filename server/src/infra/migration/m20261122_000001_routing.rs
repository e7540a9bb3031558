//! Routing: instruction services and the départements they serve, seeded with the pilot
//! (Paris, 75) open.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InstructionService {
    Table,
    Id,
    Code,
    Name,
    Email,
}

#[derive(DeriveIden)]
enum Departement {
    Table,
    Code,
    Open,
    ServiceId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InstructionService::Table)
                    .col(
                        ColumnDef::new(InstructionService::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(InstructionService::Code)
                            .string_len(32)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(InstructionService::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(InstructionService::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Departement::Table)
                    .col(
                        ColumnDef::new(Departement::Code)
                            .string_len(3)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Departement::Open)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(ColumnDef::new(Departement::ServiceId).integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Departement::Table, Departement::ServiceId)
                            .to(InstructionService::Table, InstructionService::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(InstructionService::Table)
                    .columns([
                        InstructionService::Code,
                        InstructionService::Name,
                        InstructionService::Email,
                    ])
                    .values_panic([
                        "moe-paris".into(),
                        "Service de la main-d'œuvre étrangère de Paris".into(),
                        "moe-paris@example.gouv.fr".into(),
                    ])
                    .to_owned(),
            )
            .await?;
        // The same SQL on SQLite and PostgreSQL: the pilot opens Paris.
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO departement (code, open, service_id) \
                 SELECT '75', TRUE, id FROM instruction_service WHERE code = 'moe-paris'",
            )
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Departement::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(InstructionService::Table).to_owned())
            .await
    }
}
