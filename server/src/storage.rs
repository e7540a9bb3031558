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

struct LocalUpload {
    temp: PathBuf,
    file: tokio::fs::File,
    root: PathBuf,
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
            file,
            root: self.root.clone(),
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
}

#[async_trait::async_trait]
impl Upload for LocalUpload {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        self.file.write_all(chunk).await
    }

    async fn commit(mut self: Box<Self>, key: &str) -> io::Result<()> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        let target = LocalDir {
            root: self.root.clone(),
        }
        .path(key)?;
        if let Some(dir) = target.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        tokio::fs::rename(&self.temp, target).await
    }

    async fn abort(self: Box<Self>) {
        drop(self.file);
        let _ = tokio::fs::remove_file(&self.temp).await;
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
        for bad in ["../x", "/etc/passwd", "a/../../b", ".incoming/x", ""] {
            assert!(storage.open(bad).await.is_err(), "{bad}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
