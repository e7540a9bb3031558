//! The instructor's side: agents (instructors and administrators) with their services and
//! sessions, issued authorisations, and the contract type of each file for the queue's filter.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agent {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    Active,
    FailedLogins,
    LockedUntil,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AgentService {
    Table,
    AgentId,
    ServiceId,
}

#[derive(DeriveIden)]
enum AgentSession {
    Table,
    TokenHash,
    AgentId,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Authorisation {
    Table,
    DossierId,
    Code,
    ValidFrom,
    ValidUntil,
    MaxAnnualHours,
    IssuedAt,
    IssuedBy,
    RevokedAt,
    BirthDate,
    Initials,
    EmployerName,
    FailedChecks,
    LockedUntil,
}

#[derive(DeriveIden)]
enum Dossier {
    Table,
    Id,
    ContractType,
    Siret,
    State,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum InstructionService {
    Table,
    Id,
}

fn timestamp(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Agent::Table)
                    .col(
                        ColumnDef::new(Agent::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Agent::Email)
                            .string_len(254)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Agent::Name).string_len(200).not_null())
                    .col(
                        ColumnDef::new(Agent::PasswordHash)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Agent::Role).string_len(16).not_null())
                    .col(
                        ColumnDef::new(Agent::Active)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(
                        ColumnDef::new(Agent::FailedLogins)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Agent::LockedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(timestamp(Agent::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgentService::Table)
                    .col(ColumnDef::new(AgentService::AgentId).integer().not_null())
                    .col(ColumnDef::new(AgentService::ServiceId).integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(AgentService::AgentId)
                            .col(AgentService::ServiceId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgentService::Table, AgentService::AgentId)
                            .to(Agent::Table, Agent::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgentService::Table, AgentService::ServiceId)
                            .to(InstructionService::Table, InstructionService::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgentSession::Table)
                    .col(
                        ColumnDef::new(AgentSession::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(AgentSession::AgentId).integer().not_null())
                    .col(timestamp(AgentSession::ExpiresAt))
                    .col(timestamp(AgentSession::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgentSession::Table, AgentSession::AgentId)
                            .to(Agent::Table, Agent::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Authorisation::Table)
                    .col(
                        ColumnDef::new(Authorisation::DossierId)
                            .string_len(36)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Authorisation::Code)
                            .string_len(14)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Authorisation::ValidFrom).date().not_null())
                    .col(ColumnDef::new(Authorisation::ValidUntil).date().not_null())
                    .col(
                        ColumnDef::new(Authorisation::MaxAnnualHours)
                            .double()
                            .null(),
                    )
                    .col(timestamp(Authorisation::IssuedAt))
                    .col(
                        ColumnDef::new(Authorisation::IssuedBy)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Authorisation::RevokedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Authorisation::BirthDate).date().not_null())
                    .col(
                        ColumnDef::new(Authorisation::Initials)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Authorisation::EmployerName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Authorisation::FailedChecks)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Authorisation::LockedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Authorisation::Table, Authorisation::DossierId)
                            .to(Dossier::Table, Dossier::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .add_column(ColumnDef::new(Dossier::ContractType).string_len(32).null())
                    .to_owned(),
            )
            .await?;
        // Search by SIRET, and the statistics' scan of filed files by state.
        for index in [
            Index::create()
                .name("idx_dossier_siret")
                .table(Dossier::Table)
                .col(Dossier::Siret)
                .to_owned(),
            Index::create()
                .name("idx_dossier_state_submitted")
                .table(Dossier::Table)
                .col(Dossier::State)
                .col(Dossier::SubmittedAt)
                .to_owned(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["idx_dossier_siret", "idx_dossier_state_submitted"] {
            manager
                .drop_index(Index::drop().name(name).table(Dossier::Table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .drop_column(Dossier::ContractType)
                    .to_owned(),
            )
            .await?;
        for table in [
            Authorisation::Table.into_iden(),
            AgentSession::Table.into_iden(),
            AgentService::Table.into_iden(),
            Agent::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
