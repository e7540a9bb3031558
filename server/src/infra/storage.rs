//! Where uploaded files live, behind one trait: a local directory by default (`LocalDir`), an
//! S3-compatible bucket when `STORAGE_URL=s3://BUCKET[/prefix]` is set (`S3`, through the
//! `object_store` crate). Files are written as they arrive (never whole in memory), and appear
//! under their key only when complete: a local file is renamed into place, an S3 object is a
//! multipart upload completed at the end.

use std::io;
use std::path::{Path, PathBuf};

use object_store::{ObjectStore as _, ObjectStoreExt as _};
use tokio::io::{AsyncRead, AsyncWriteExt};

#[async_trait::async_trait]
pub trait Storage: Send + Sync {
    /// Starts writing a new file, to appear under `key` once committed.
    async fn begin(&self, key: &str) -> io::Result<Box<dyn Upload>>;
    /// Reads a stored file, with its size.
    async fn open(&self, key: &str) -> io::Result<(Box<dyn AsyncRead + Send + Unpin>, u64)>;
    /// Removes a stored file; a missing file is not an error.
    async fn delete(&self, key: &str) -> io::Result<()>;
    /// Removes uploads begun more than `older_than` ago and never finished (a crash, a process
    /// killed mid-write); returns how many.
    async fn sweep(&self, older_than: std::time::Duration) -> io::Result<usize>;
    /// Every stored file's key (for the tests' checks).
    async fn keys(&self) -> io::Result<Vec<String>>;
    /// Where the files are, for the start's message.
    fn describe(&self) -> String;
}

/// A file being written.
#[async_trait::async_trait]
pub trait Upload: Send {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()>;
    /// Makes the file readable under its key.
    async fn commit(self: Box<Self>) -> io::Result<()>;
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

    fn path(&self, key: &str) -> io::Result<PathBuf> {
        checked(key).map(|key| self.root.join(key))
    }
}

/// Keys are ours (uuids and slashes), but a key never leaves the root or the prefix.
fn checked(key: &str) -> io::Result<&str> {
    let safe = !key.is_empty()
        && key
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.starts_with('.'))
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'));
    if safe {
        Ok(key)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "invalid storage key",
        ))
    }
}

/// A temporary file that removes itself unless committed: an upload whose request is dropped
/// (the client went away, a timeout) leaves nothing behind.
struct LocalUpload {
    temp: PathBuf,
    file: Option<tokio::fs::File>,
    target: PathBuf,
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
    async fn begin(&self, key: &str) -> io::Result<Box<dyn Upload>> {
        let target = self.path(key)?;
        let temp = self
            .root
            .join(".incoming")
            .join(uuid::Uuid::new_v4().to_string());
        let file = tokio::fs::File::create(&temp).await?;
        Ok(Box::new(LocalUpload {
            temp,
            file: Some(file),
            target,
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

    async fn keys(&self) -> io::Result<Vec<String>> {
        let mut keys = Vec::new();
        let mut folders = vec![self.root.clone()];
        while let Some(folder) = folders.pop() {
            let mut entries = tokio::fs::read_dir(&folder).await?;
            while let Some(entry) = entries.next_entry().await? {
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                if entry.file_type().await?.is_dir() {
                    folders.push(entry.path());
                } else if let Ok(key) = entry.path().strip_prefix(&self.root) {
                    keys.push(key.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    fn describe(&self) -> String {
        format!("{}/", self.root.display())
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

    async fn commit(mut self: Box<Self>) -> io::Result<()> {
        let mut file = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("upload already finished"))?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        if let Some(dir) = self.target.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        tokio::fs::rename(&self.temp, &self.target).await?;
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

/// An S3-compatible bucket, through `object_store`: `STORAGE_URL=s3://BUCKET[/prefix]`, with the
/// endpoint, keys and region from object_store's standard variables (`AWS_ENDPOINT`,
/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ALLOW_HTTP`). An upload is a
/// multipart upload of `PART_BYTES` parts sent one at a time: one upload in flight holds about
/// one part in memory. A multipart upload never completed (a crash) is not an object: the
/// bucket's lifecycle rule `AbortIncompleteMultipartUpload` removes its parts (README).
pub struct S3 {
    store: std::sync::Arc<dyn object_store::ObjectStore>,
    url: String,
    prefix: String,
}

/// The size of an upload's parts (S3's smallest but for the last).
pub const PART_BYTES: usize = 5 * 1024 * 1024;

fn io_error(e: object_store::Error) -> io::Error {
    match e {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, e),
        other => io::Error::other(other),
    }
}

impl S3 {
    pub fn from_url(url: &str) -> anyhow::Result<Self> {
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| anyhow::anyhow!("STORAGE_URL: s3://BUCKET[/prefix], not {url}"))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        anyhow::ensure!(!bucket.is_empty(), "STORAGE_URL: the bucket is missing");
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| anyhow::anyhow!("S3 storage: {e}"))?;
        Ok(Self {
            store: std::sync::Arc::new(store),
            url: url.to_owned(),
            prefix: prefix.trim_matches('/').to_owned(),
        })
    }

    fn path(&self, key: &str) -> io::Result<object_store::path::Path> {
        let key = checked(key)?;
        let full = if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}/{key}", self.prefix)
        };
        object_store::path::Path::parse(full)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    }
}

/// A multipart upload that aborts itself unless completed.
struct S3Upload {
    writer: Option<object_store::WriteMultipart>,
}

/// Aborts a multipart upload; one that fails is left to the bucket's lifecycle rule.
async fn abort_quietly(writer: object_store::WriteMultipart) {
    if let Err(e) = writer.abort().await {
        tracing::warn!("unfinished upload not aborted (the lifecycle rule will): {e}");
    }
}

impl Drop for S3Upload {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.take() {
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(abort_quietly(writer));
            }
        }
    }
}

#[async_trait::async_trait]
impl Storage for S3 {
    async fn begin(&self, key: &str) -> io::Result<Box<dyn Upload>> {
        let upload = self
            .store
            .put_multipart(&self.path(key)?)
            .await
            .map_err(io_error)?;
        Ok(Box::new(S3Upload {
            writer: Some(object_store::WriteMultipart::new_with_chunk_size(
                upload, PART_BYTES,
            )),
        }))
    }

    async fn open(&self, key: &str) -> io::Result<(Box<dyn AsyncRead + Send + Unpin>, u64)> {
        use futures_util::TryStreamExt as _;
        let got = self.store.get(&self.path(key)?).await.map_err(io_error)?;
        let size = got.meta.size;
        let stream = got.into_stream().map_err(io_error);
        Ok((Box::new(tokio_util::io::StreamReader::new(stream)), size))
    }

    async fn delete(&self, key: &str) -> io::Result<()> {
        match self.store.delete(&self.path(key)?).await {
            Err(object_store::Error::NotFound { .. }) | Ok(()) => Ok(()),
            Err(e) => Err(io_error(e)),
        }
    }

    async fn sweep(&self, _older_than: std::time::Duration) -> io::Result<usize> {
        // Unfinished multipart uploads are the bucket's lifecycle rule's to remove.
        Ok(0)
    }

    async fn keys(&self) -> io::Result<Vec<String>> {
        use futures_util::TryStreamExt as _;
        let prefix =
            (!self.prefix.is_empty()).then(|| object_store::path::Path::from(self.prefix.as_str()));
        let objects: Vec<_> = self
            .store
            .list(prefix.as_ref())
            .try_collect()
            .await
            .map_err(io_error)?;
        let strip = if self.prefix.is_empty() {
            String::new()
        } else {
            format!("{}/", self.prefix)
        };
        let mut keys: Vec<String> = objects
            .into_iter()
            .map(|o| {
                o.location
                    .as_ref()
                    .trim_start_matches(strip.as_str())
                    .to_owned()
            })
            .collect();
        keys.sort();
        Ok(keys)
    }

    fn describe(&self) -> String {
        self.url.clone()
    }
}

#[async_trait::async_trait]
impl Upload for S3Upload {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| io::Error::other("upload already finished"))?;
        // The part before must be sent before more is buffered: about one part in memory.
        writer.wait_for_capacity(0).await.map_err(io_error)?;
        writer.write(chunk);
        Ok(())
    }

    async fn commit(mut self: Box<Self>) -> io::Result<()> {
        let writer = self
            .writer
            .take()
            .ok_or_else(|| io::Error::other("upload already finished"))?;
        writer.finish().await.map_err(io_error)?;
        Ok(())
    }

    async fn abort(mut self: Box<Self>) {
        if let Some(writer) = self.writer.take() {
            abort_quietly(writer).await;
        }
    }
}

/// The storage the configuration names: the bucket of `STORAGE_URL`, or the folder.
pub fn from_config(config: &crate::Config) -> anyhow::Result<std::sync::Arc<dyn Storage>> {
    Ok(match &config.storage_url {
        Some(url) => {
            // reqwest's TLS (rustls) signs with ring: installed once as the process's provider.
            let _ = rustls::crypto::ring::default_provider().install_default();
            std::sync::Arc::new(S3::from_url(url)?)
        }
        None => {
            clean_incoming(&config.storage_dir);
            std::sync::Arc::new(LocalDir::new(&config.storage_dir)?)
        }
    })
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
        let mut upload = storage.begin("d1/f1").await.unwrap();
        upload.write(b"%PDF-1.7 ").await.unwrap();
        upload.write(b"rest").await.unwrap();
        assert!(storage.open("d1/f1").await.is_err());
        upload.commit().await.unwrap();
        assert_eq!(storage.keys().await.unwrap(), ["d1/f1"]);
        let (mut reader, size) = storage.open("d1/f1").await.unwrap();
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await.unwrap();
        assert_eq!((bytes.as_slice(), size), (&b"%PDF-1.7 rest"[..], 13));
        let aborted = storage.begin("d1/f2").await.unwrap();
        aborted.abort().await;
        assert_eq!(std::fs::read_dir(dir.join(".incoming")).unwrap().count(), 0);
        storage.delete("d1/f1").await.unwrap();
        storage.delete("d1/f1").await.unwrap();
        // Dropped half-way (the request went away): nothing left.
        let mut dropped = storage.begin("d1/f3").await.unwrap();
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
            assert!(storage.begin(bad).await.is_err(), "{bad}");
        }
        assert!(storage.keys().await.unwrap().is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }
}
