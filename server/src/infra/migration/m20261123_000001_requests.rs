//! The applicant's side: requests (dossiers) from draft to decision, their access codes,
//! sessions, uploaded files and the append-only history of what happened to each.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    Id,
    Number,
    State,
    FiledBy,
    Lang,
    CreatorEmail,
    StudentEmail,
    EmployerEmail,
    StudentForm,
    EmployerForm,
    JobForm,
    Departement,
    ServiceId,
    StudentName,
    Siret,
    ContractStart,
    PermitExpires,
    RequestedDocuments,
    Version,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum AccessGrant {
    Table,
    Id,
    DossierId,
    Email,
    CodeHash,
    ExpiresAt,
    FailedAttempts,
    LockedUntil,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    DossierId,
    Email,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StoredFile {
    Table,
    Id,
    DossierId,
    Kind,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DossierEvent {
    Table,
    Id,
    DossierId,
    At,
    ActorKind,
    Actor,
    Action,
    FromState,
    ToState,
    Message,
}

#[derive(DeriveIden)]
enum InstructionService {
    Table,
    Id,
}

fn dossier_fk(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Dossier::Table, Dossier::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Dossier::Table)
                    .col(
                        ColumnDef::new(Dossier::Id)
                            .string_len(36)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Dossier::Number)
                            .string_len(32)
                            .null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Dossier::State).string_len(24).not_null())
                    .col(ColumnDef::new(Dossier::FiledBy).string_len(16).not_null())
                    .col(ColumnDef::new(Dossier::Lang).string_len(2).not_null())
                    .col(
                        ColumnDef::new(Dossier::CreatorEmail)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Dossier::StudentEmail).string_len(254).null())
                    .col(
                        ColumnDef::new(Dossier::EmployerEmail)
                            .string_len(254)
                            .null(),
                    )
                    .col(ColumnDef::new(Dossier::StudentForm).text().null())
                    .col(ColumnDef::new(Dossier::EmployerForm).text().null())
                    .col(ColumnDef::new(Dossier::JobForm).text().null())
                    .col(ColumnDef::new(Dossier::Departement).string_len(3).null())
                    .col(ColumnDef::new(Dossier::ServiceId).integer().null())
                    .col(ColumnDef::new(Dossier::StudentName).string_len(210).null())
                    .col(ColumnDef::new(Dossier::Siret).string_len(14).null())
                    .col(ColumnDef::new(Dossier::ContractStart).date().null())
                    .col(ColumnDef::new(Dossier::PermitExpires).date().null())
                    .col(ColumnDef::new(Dossier::RequestedDocuments).text().null())
                    .col(
                        ColumnDef::new(Dossier::Version)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Dossier::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Dossier::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Dossier::SubmittedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Dossier::DecidedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Dossier::Table, Dossier::ServiceId)
                            .to(InstructionService::Table, InstructionService::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "idx_dossier_state_updated",
                vec![Dossier::State, Dossier::UpdatedAt],
            ),
            (
                "idx_dossier_service_state_start",
                vec![Dossier::ServiceId, Dossier::State, Dossier::ContractStart],
            ),
            ("idx_dossier_student_email", vec![Dossier::StudentEmail]),
            ("idx_dossier_employer_email", vec![Dossier::EmployerEmail]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Dossier::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(AccessGrant::Table)
                    .col(
                        ColumnDef::new(AccessGrant::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::DossierId)
                            .string_len(36)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::CodeHash)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::FailedAttempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::LockedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(AccessGrant::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(&mut dossier_fk(AccessGrant::Table, AccessGrant::DossierId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_access_grant_email")
                    .table(AccessGrant::Table)
                    .col(AccessGrant::Email)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(
                        ColumnDef::new(Session::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Session::DossierId).string_len(36).null())
                    .col(ColumnDef::new(Session::Email).string_len(254).not_null())
                    .col(
                        ColumnDef::new(Session::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Session::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(&mut dossier_fk(Session::Table, Session::DossierId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StoredFile::Table)
                    .col(
                        ColumnDef::new(StoredFile::Id)
                            .string_len(36)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(StoredFile::DossierId)
                            .string_len(36)
                            .not_null(),
                    )
                    .col(ColumnDef::new(StoredFile::Kind).string_len(48).not_null())
                    .col(
                        ColumnDef::new(StoredFile::FileName)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StoredFile::ContentType)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StoredFile::SizeBytes)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StoredFile::StorageKey)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StoredFile::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(&mut dossier_fk(StoredFile::Table, StoredFile::DossierId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_stored_file_dossier")
                    .table(StoredFile::Table)
                    .col(StoredFile::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DossierEvent::Table)
                    .col(
                        ColumnDef::new(DossierEvent::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::DossierId)
                            .string_len(36)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::ActorKind)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::Actor)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::Action)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DossierEvent::FromState)
                            .string_len(24)
                            .null(),
                    )
                    .col(ColumnDef::new(DossierEvent::ToState).string_len(24).null())
                    .col(ColumnDef::new(DossierEvent::Message).text().null())
                    .foreign_key(&mut dossier_fk(
                        DossierEvent::Table,
                        DossierEvent::DossierId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_event_dossier")
                    .table(DossierEvent::Table)
                    .col(DossierEvent::DossierId)
                    .col(DossierEvent::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DossierEvent::Table.into_iden(),
            StoredFile::Table.into_iden(),
            Session::Table.into_iden(),
            AccessGrant::Table.into_iden(),
            Dossier::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
