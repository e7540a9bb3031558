//! `server backup`: a copy taken while the service serves and writes, restored the way the
//! README says (files copied back), holds every request and every document.

use std::path::Path;

use sea_orm::{DbBackend, EntityTrait, QueryOrder};
use server::infra::backup::{backup, copy_documents, snapshot, Report, DATABASE_FILE, FILES_DIR};
use server::infra::db::entities::{dossier, stored_file};
use server::instruction::accounts::DEMO_INSTRUCTOR;
use tokio::io::AsyncReadExt;

use crate::common::agent::{demo, dossier_row, log_in};
use crate::common::journey::{filed, typed_draft, upload_all};
use crate::common::{call, get_with, TestApp};

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

async fn bytes_of(app: &TestApp, key: &str) -> Vec<u8> {
    let (mut file, _) = app.state.services.storage.open(key).await.expect("stored");
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).await.unwrap();
    bytes
}

/// The request's row as the instructors see it: number, state, version.
async fn rows(app: &TestApp) -> Vec<(String, Option<String>, String, i32)> {
    dossier::Entity::find()
        .order_by_asc(dossier::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.id, d.number, d.state.code().to_owned(), d.version))
        .collect()
}

/// A new service on a backup, restored as the README says: the database file and the
/// documents' folder copied back.
async fn restored_from(dest: &Path) -> TestApp {
    TestApp::with(|config| {
        let dir = std::env::temp_dir()
            .join("wif-tests")
            .join(format!("restored_{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(dest.join(DATABASE_FILE), dir.join("wif.sqlite")).unwrap();
        copy_tree(&dest.join(FILES_DIR), &dir.join("files"));
        config.database_url = format!("sqlite://{}/wif.sqlite?mode=rw", dir.display());
        config.storage_dir = dir.join("files");
    })
    .await
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_request_and_document() {
    let app = demo().await;
    let dest = app.data_dir.join("backup");
    if app.state.db.get_database_backend() == DbBackend::Postgres {
        // PostgreSQL has its own tools; the command says which instead of copying half.
        let refused = backup(&app.config, &dest).await.unwrap_err().to_string();
        assert!(refused.contains("pg_dump"), "{refused}");
        return;
    }
    let (first, _) = filed(&app, "avant.sauvegarde@example.org").await;
    let (second, _) = filed(&app, "deux.sauvegarde@example.org").await;
    let draft = typed_draft(&app, "brouillon@example.org").await;
    upload_all(&app, &draft).await;
    let at_snapshot = rows(&app).await;

    // The service goes on between the database's copy and the documents': a request is filed
    // and a document leaves the draft.
    snapshot(&app.config, &dest).await.expect("snapshot");
    let (after, _) = filed(&app, "apres@example.org").await;
    let leaving = stored_file::Entity::find()
        .order_by_asc(stored_file::Column::CreatedAt)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|f| {
            at_snapshot
                .iter()
                .any(|r| r.0 == f.dossier_id && r.1.is_none())
        })
        .expect("a draft document");
    let removed = call(
        &app.router,
        "demande/retirer-fichier",
        &[("id", &leaving.id), ("back", "/")],
        Some(&draft),
    )
    .await;
    assert!(removed.status.is_success(), "{}", removed.body);
    let report = copy_documents(&app.config, &dest)
        .await
        .expect("documents copied");
    assert_eq!(
        report,
        Report {
            dossiers: 3,
            files: 14,
            bytes: 14 * 2048,
            gone: 1
        },
        "{report}"
    );

    // Into a new folder, never over an old backup.
    let again = backup(&app.config, &dest).await.unwrap_err().to_string();
    assert!(again.contains("not empty"), "{again}");

    let restored = restored_from(&dest).await;
    assert_eq!(rows(&restored).await, at_snapshot);
    let mut numbers: Vec<_> = at_snapshot.iter().filter_map(|r| r.1.clone()).collect();
    numbers.sort();
    let mut expected = [first.clone(), second];
    expected.sort();
    assert_eq!(numbers, expected);
    assert!(!numbers.contains(&after));
    // Every document the copy lists is there, byte for byte, the removed one excepted.
    let files = stored_file::Entity::find()
        .all(&restored.state.db)
        .await
        .unwrap();
    assert_eq!(files.len(), 14);
    assert!(files.iter().all(|f| f.id != leaving.id));
    for f in &files {
        assert_eq!(
            bytes_of(&restored, &f.storage_key).await,
            bytes_of(&app, &f.storage_key).await,
            "{}",
            f.file_name
        );
    }
    // And the restored service serves them: the instructor signs in and opens a document.
    let agent = log_in(&restored, DEMO_INSTRUCTOR).await;
    let first_id = dossier_row(&restored, &first).await.id;
    let one = files
        .iter()
        .find(|f| f.dossier_id == first_id)
        .expect("a document of the first");
    let shown = get_with(
        &restored.router,
        &format!("/instruction/fichier/{}", one.id),
        &agent,
    )
    .await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    assert_eq!(shown.bytes, bytes_of(&app, &one.storage_key).await);

    // The whole command while a request is being filed: a copy at one instant all the same.
    let second_dest = app.data_dir.join("backup-2");
    let (taken, _) = tokio::join!(
        backup(&app.config, &second_dest),
        filed(&app, "pendant@example.org")
    );
    let report = taken.expect("backup written");
    let restored = restored_from(&second_dest).await;
    let now = rows(&app).await;
    let copied = rows(&restored).await;
    assert_eq!(copied.len() as u64, report.dossiers);
    assert!(copied.len() >= 4, "{report}");
    // Each request as it is now, or (the one being filed) as it was a moment ago.
    for row in &copied {
        assert!(now.iter().any(|r| r.0 == row.0), "{row:?}");
    }
    let files = stored_file::Entity::find()
        .all(&restored.state.db)
        .await
        .unwrap();
    assert_eq!(files.len() as u64, report.files);
    for f in &files {
        assert_eq!(
            bytes_of(&restored, &f.storage_key).await.len() as i64,
            f.size_bytes
        );
    }
}
