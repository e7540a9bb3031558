//! The e-mail queue: every message is written here in the transaction of the change that causes
//! it, and a worker sends it (retries with backoff, one sender at a time per message across
//! instances). A sent message keeps its recipients, subject and dates; its body is blanked.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailQueue {
    Table,
    Id,
    CreatedAt,
    Kind,
    Recipients,
    Subject,
    Body,
    Attachments,
    State,
    Attempts,
    NextAttemptAt,
    LeaseUntil,
    LeaseOwner,
    LastError,
    SentAt,
}

fn moment(col: MailQueue) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MailQueue::Table)
                    .col(
                        ColumnDef::new(MailQueue::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(MailQueue::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(MailQueue::Kind).string_len(40).not_null())
                    .col(ColumnDef::new(MailQueue::Recipients).text().not_null())
                    .col(ColumnDef::new(MailQueue::Subject).text().not_null())
                    .col(ColumnDef::new(MailQueue::Body).text().not_null())
                    .col(ColumnDef::new(MailQueue::Attachments).text().not_null())
                    .col(
                        ColumnDef::new(MailQueue::State)
                            .string_len(16)
                            .not_null()
                            .check(
                                Expr::col(MailQueue::State)
                                    .is_in(["queued", "sent", "failing", "failed"]),
                            ),
                    )
                    .col(
                        ColumnDef::new(MailQueue::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(MailQueue::NextAttemptAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(moment(MailQueue::LeaseUntil))
                    .col(ColumnDef::new(MailQueue::LeaseOwner).string_len(64).null())
                    .col(ColumnDef::new(MailQueue::LastError).text().null())
                    .col(moment(MailQueue::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mail_queue_due")
                    .table(MailQueue::Table)
                    .col(MailQueue::State)
                    .col(MailQueue::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MailQueue::Table).to_owned())
            .await
    }
}
