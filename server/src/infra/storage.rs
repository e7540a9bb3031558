//! Where uploaded files live, behind one trait: a local directory by default; an S3-compatible
//! store can implement the same trait. Files are written as they arrive (never whole in memory)
//! to a temporary name, and appear under their key only when complete.

use std::io;
use std::path::{Path, PathBuf};

use tokio::io::{AsyncRead, AsyncWriteExt};

#[async_trait::async_trait]
pub trait Storage: Send + Sync {
    /// Starts writing a new file.
    async fn begin(&self) -> io::Result<Box<dyn Upload>>;
    /// Reads a stored file, with its size.
    async fn open(&self, key: &str) -> io::Result<(Box<dyn AsyncRead + Send + Unpin>, u64)>;
    /// Removes a stored file; a missing file is not an error.
    async fn delete(&self, key: &str) -> io::Result<()>;
    /// Removes uploads begun more than `older_than` ago and never finished (a crash, a process
    /// killed mid-write); returns how many.
    async fn sweep(&self, older_than: std::time::Duration) -> io::Result<usize>;
}

/// A file being written.
#[async_trait::async_trait]
pub trait Upload: Send {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()>;
    /// Makes the file readable under `key`.
    async fn commit(self: Box<Self>, key: &str) -> io::Result<()>;
    /// Forgets what was written.
    async fn abort(self: Box<Self>);
}

/// Files in a directory: `<root>/<key>`, written first under `<root>/.incoming/`.
pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    pub fn new(root: impl Into<PathBuf>) -> io::Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(root.join(".incoming"))?;
        Ok(Self { root })
    }

    /// Keys are ours (uuids and slashes), but a key never leaves the root.
    fn path(&self, key: &str) -> io::Result<PathBuf> {
        let safe = !key.is_empty()
            && key.split('/').all(|part| {
                !part.is_empty() && part != "." && part != ".." && !part.starts_with('.')
            })
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'));
        if safe {
            Ok(self.root.join(key))
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "invalid storage key",
            ))
        }
    }
}

/// A temporary file that removes itself unless committed: an upload whose request is dropped
/// (the client went away, a timeout) leaves nothing behind.
struct LocalUpload {
    temp: PathBuf,
    file: Option<tokio::fs::File>,
    root: PathBuf,
    done: bool,
}

impl Drop for LocalUpload {
    fn drop(&mut self) {
        if !self.done {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[async_trait::async_trait]
impl Storage for LocalDir {
    async fn begin(&self) -> io::Result<Box<dyn Upload>> {
        let temp = self
            .root
            .join(".incoming")
            .join(uuid::Uuid::new_v4().to_string());
        let file = tokio::fs::File::create(&temp).await?;
        Ok(Box::new(LocalUpload {
            temp,
            file: Some(file),
            root: self.root.clone(),
            done: false,
        }))
    }

    async fn open(&self, key: &str) -> io::Result<(Box<dyn AsyncRead + Send + Unpin>, u64)> {
        let file = tokio::fs::File::open(self.path(key)?).await?;
        let size = file.metadata().await?.len();
        Ok((Box::new(file), size))
    }

    async fn delete(&self, key: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    async fn sweep(&self, older_than: std::time::Duration) -> io::Result<usize> {
        let mut removed = 0;
        let mut entries = tokio::fs::read_dir(self.root.join(".incoming")).await?;
        while let Some(entry) = entries.next_entry().await? {
            let old = entry
                .metadata()
                .await
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= older_than);
            if old && tokio::fs::remove_file(entry.path()).await.is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

#[async_trait::async_trait]
impl Upload for LocalUpload {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.write_all(chunk).await,
            None => Err(io::Error::other("upload already finished")),
        }
    }

    async fn commit(mut self: Box<Self>, key: &str) -> io::Result<()> {
        let mut file = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("upload already finished"))?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        let target = LocalDir {
            root: self.root.clone(),
        }
        .path(key)?;
        if let Some(dir) = target.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        tokio::fs::rename(&self.temp, target).await?;
        self.done = true;
        Ok(())
    }

    async fn abort(mut self: Box<Self>) {
        drop(self.file.take());
        if tokio::fs::remove_file(&self.temp).await.is_ok() {
            self.done = true;
        }
    }
}

/// Removes what a crash left half-written.
pub fn clean_incoming(root: &Path) {
    if let Ok(entries) = std::fs::read_dir(root.join(".incoming")) {
        for entry in entries.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn a_file_appears_only_when_committed() {
        let dir = std::env::temp_dir().join(format!("wif-storage-{}", uuid::Uuid::new_v4()));
        let storage = LocalDir::new(&dir).unwrap();
        let mut upload = storage.begin().await.unwrap();
        upload.write(b"%PDF-1.7 ").await.unwrap();
        upload.write(b"rest").await.unwrap();
        assert!(storage.open("d1/f1").await.is_err());
        upload.commit("d1/f1").await.unwrap();
        let (mut reader, size) = storage.open("d1/f1").await.unwrap();
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await.unwrap();
        assert_eq!((bytes.as_slice(), size), (&b"%PDF-1.7 rest"[..], 13));
        let aborted = storage.begin().await.unwrap();
        aborted.abort().await;
        assert_eq!(std::fs::read_dir(dir.join(".incoming")).unwrap().count(), 0);
        storage.delete("d1/f1").await.unwrap();
        storage.delete("d1/f1").await.unwrap();
        // Dropped half-way (the request went away): nothing left.
        let mut dropped = storage.begin().await.unwrap();
        dropped.write(b"%PDF-1.7 half").await.unwrap();
        assert_eq!(std::fs::read_dir(dir.join(".incoming")).unwrap().count(), 1);
        drop(dropped);
        assert_eq!(std::fs::read_dir(dir.join(".incoming")).unwrap().count(), 0);
        // Left by a crash: swept once old enough.
        std::fs::write(dir.join(".incoming").join("left-by-a-crash"), b"x").unwrap();
        assert_eq!(
            storage
                .sweep(std::time::Duration::from_secs(3600))
                .await
                .unwrap(),
            0
        );
        assert_eq!(storage.sweep(std::time::Duration::ZERO).await.unwrap(), 1);
        for bad in ["../x", "/etc/passwd", "a/../../b", ".incoming/x", ""] {
            assert!(storage.open(bad).await.is_err(), "{bad}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
