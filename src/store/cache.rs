//! The files as last read, kept in the platform cache folder, so that a
//! start (or `agenda search`) reads and parses only the files that changed.
//!
//! Never trusted blindly: the whole cache counts only for the same program
//! build and the same data folder, and each file's entry only while the
//! file has the size and time of change it had when read (a file changed
//! in the last two seconds gets no stamp and is always read). A cache that
//! is missing, stale, unreadable or corrupt is simply rebuilt.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileRead, Loaded};

/// Bumped whenever what the cache holds changes shape.
const FORMAT: u32 = 7;

/// Entries per chunk of the cache's main part: small enough to spread over
/// the cores, large enough that the lengths cost nothing.
const CHUNK: usize = 512;

/// What a cache must match to be used at all.
#[derive(Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Header {
    format: u32,
    /// The program's version and the size and time of its executable: a
    /// new build may read files differently.
    program: String,
    /// The data folder, as given.
    dir: PathBuf,
}

impl Header {
    fn now(dir: &Path) -> Header {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
            .unwrap_or_default();
        Header {
            format: FORMAT,
            program: format!("{} {exe}", env!("CARGO_PKG_VERSION")),
            dir: dir.to_path_buf(),
        }
    }
}

/// The cache file for the data folder `dir` in the cache folder `folder`:
/// one per data folder, named by a hash of its path.
pub fn file_for(folder: &Path, dir: &Path) -> PathBuf {
    let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let hash = super::fingerprint(full.as_os_str().as_encoded_bytes());
    folder.join(format!("files-{hash:016x}.bin"))
}

/// The cache file for `dir` in the platform's cache folder; none where
/// there is no home, or with `AGENDA_CACHE=off`.
pub fn default_file(dir: &Path) -> Option<PathBuf> {
    if std::env::var_os("AGENDA_CACHE").is_some_and(|v| v == "off" || v == "0") {
        return None;
    }
    let dirs = directories::ProjectDirs::from("", "", "agenda")?;
    Some(file_for(dirs.cache_dir(), dir))
}

/// Loads `dir`, taking from the cache at `cache` every file that has not
/// changed since, and writes the cache again if anything did.
pub fn load(dir: &Path, cache: &Path, progress: &super::Progress) -> Loaded {
    let mut out = None;
    load_then(dir, cache, progress, true, |loaded| out = Some(loaded));
    out.unwrap_or_default()
}

/// [`load`], handing the data to `deliver` before the cache is written
/// (the app need not wait for that). Without `keep` the readings are not
/// kept for a later reload (see `load::assemble`): for one-time reads.
pub fn load_then(
    dir: &Path,
    cache: &Path,
    progress: &super::Progress,
    keep: bool,
    deliver: impl FnOnce(Loaded),
) {
    let cached = read(cache, dir).unwrap_or_default();
    let (gathered, unchanged) = super::load::gather_cached(dir, cached, progress);
    if !keep {
        if !unchanged {
            // Before the records move into the data. A cache that cannot
            // be written only costs time next start.
            let _ = write(cache, dir, &gathered.read);
        }
        return deliver(super::load::assemble(gathered, true, false));
    }
    let loaded = super::load::assemble(gathered, true, true);
    let read = loaded.read.clone();
    deliver(loaded);
    if !unchanged {
        let _ = write(cache, dir, &read);
    }
}

/// Loads `dir` as a command or the app does: the files unchanged since the
/// last time come from the cache, the rest are read. For one-time reads
/// (the commands): the readings are not kept.
pub fn open(dir: &Path) -> Loaded {
    match default_file(dir) {
        Some(file) => {
            let mut out = None;
            load_then(dir, &file, &super::Progress::default(), false, |l| {
                out = Some(l);
            });
            out.unwrap_or_default()
        }
        None => super::load::load(dir),
    }
}

/// Loads `dir` for the app, counting the files read into `progress`, and
/// hands the data to `deliver` as soon as it is there (before the cache
/// is written). The readings are kept, for reloads.
pub fn open_counting(dir: &Path, progress: &super::Progress, deliver: impl FnOnce(Loaded)) {
    match default_file(dir) {
        Some(file) => load_then(dir, &file, progress, true, deliver),
        None => deliver(super::load::reading(
            dir,
            &Loaded::default(),
            None,
            progress,
        )),
    }
}

/// The session files of `dir` only, as the cache knows them, each read
/// again if it changed: enough for a first frame while the rest is read.
/// The folder is not walked (at four times the stress corpus that alone
/// takes a third of the first frame's budget): a session file new since the
/// cache was written comes with the rest. `None` without a usable cache.
pub fn first(dir: &Path, cache: &Path) -> Option<Loaded> {
    let sessions = head(cache, dir)?;
    let files = sessions.len();
    let read: Vec<FileRead> = sessions
        .into_par_iter()
        .filter_map(|done| {
            let full = dir.join(&done.path);
            let stamp = super::load::stamp(&full);
            if stamp.is_some() && done.stamp == stamp {
                Some(done)
            } else if full.is_file() {
                Some(super::load::read_one(dir, done.path, stamp))
            } else {
                // Gone since: the full reading says whatever is to be said.
                None
            }
        })
        .collect();
    // Without the motions, the agendas' references cannot be checked yet.
    let gathered = super::load::Gathered {
        read,
        diagnostics: Vec::new(),
        files,
    };
    Some(super::load::assemble(gathered, false, true))
}

// The file: the header, the length of the session files' entries, those
// entries, then the other files' entries in chunks (length, bytes). A
// start that wants the sessions first reads no further.

/// The cache at `cache` opened past its header, if it is a plain file of
/// this build for `dir`: the file, the bytes read so far, where the
/// header ends.
fn open_file(cache: &Path, dir: &Path) -> Option<(std::fs::File, Vec<u8>, usize)> {
    let meta = std::fs::symlink_metadata(cache).ok()?;
    // Only a plain file: a FIFO would block the start.
    if !meta.file_type().is_file() {
        return None;
    }
    // The header first: a cache of another build is not read whole.
    let mut file = std::fs::File::open(cache).ok()?;
    let mut head = vec![0; 4096];
    let got = std::io::Read::read(&mut file, &mut head).ok()?;
    head.truncate(got);
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(&head).ok()?;
    let at = got - rest.len();
    (header == Header::now(dir)).then_some((file, head, at))
}

/// The session files' entries: only that part of the file is read.
fn head(cache: &Path, dir: &Path) -> Option<Vec<FileRead>> {
    let (file, bytes, at) = open_file(cache, dir)?;
    let (sessions, _) = read_head(&file, bytes, at)?;
    Some(sessions)
}

/// The first part after the header (see [`head`]), and where it ends.
fn read_head(file: &std::fs::File, mut bytes: Vec<u8>, at: usize) -> Option<(Vec<FileRead>, u64)> {
    let len = u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?);
    let end = (at + 8).checked_add(usize::try_from(len).ok()?)?;
    if end > usize::try_from(file.metadata().ok()?.len()).ok()? {
        return None;
    }
    if bytes.len() < end {
        let missing = (end - bytes.len()) as u64;
        std::io::Read::read_to_end(&mut std::io::Read::take(file, missing), &mut bytes).ok()?;
    }
    let part = bytes.get(at + 8..end)?;
    let sessions: Vec<FileRead> = postcard::from_bytes(part).ok()?;
    Some((sessions, end as u64))
}

/// Every entry of the cache, if it reads whole. The chunks are read and
/// decoded each on its own, on every core: the file is never in memory
/// whole beside what it decodes to.
fn read(cache: &Path, dir: &Path) -> Option<Vec<FileRead>> {
    let (file, bytes, at) = open_file(cache, dir)?;
    let (sessions, mut at) = read_head(&file, bytes, at)?;
    let size = file.metadata().ok()?.len();
    // Where each chunk is: its length first, then its bytes.
    let mut chunks = Vec::new();
    while at < size {
        let mut len = [0; 8];
        read_at(&file, &mut len, at).ok()?;
        let len = u64::from_le_bytes(len);
        let start = at.checked_add(8)?;
        at = start.checked_add(len).filter(|&end| end <= size)?;
        chunks.push((start, usize::try_from(len).ok()?));
    }
    let others: Option<Vec<Vec<FileRead>>> = chunks
        .into_par_iter()
        .map(|(start, len)| {
            let mut chunk = vec![0; len];
            read_at(&file, &mut chunk, start).ok()?;
            postcard::from_bytes(&chunk).ok()
        })
        .collect();
    // Back in path order, as a reading gives them: both parts are in it
    // already (as written), so one merge does, without sorting 40,000
    // paths component by component.
    let others: Vec<FileRead> = others?.into_iter().flatten().collect();
    Some(merged(sessions, others))
}

/// Two lists in path order as one.
fn merged(a: Vec<FileRead>, b: Vec<FileRead>) -> Vec<FileRead> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.path <= y.path => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(f) => out.push(f),
            None => return out,
        }
    }
}

/// Fills `buf` from `file` at `offset`, leaving the file's own position
/// alone, so that several threads read one open file.
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// Writes the cache, through a temporary file and a rename: a reader
/// never sees half of it. Chunk by chunk, so that it is never in memory
/// whole.
fn write(cache: &Path, dir: &Path, read: &[FileRead]) -> std::io::Result<()> {
    use std::io::Write;
    let is_session = |f: &&FileRead| matches!(&f.parsed, Some((_, Some(r))) if matches!(**r, super::read::Record::Session(..)));
    let kept = read.iter().filter(|f| f.stamp.is_some());
    let (sessions, others): (Vec<&FileRead>, Vec<&FileRead>) = kept.partition(is_session);
    let fail = std::io::Error::other;
    let folder = match cache.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let temp = tempfile::Builder::new()
        .prefix(".files-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    let mut out = std::io::BufWriter::new(temp);
    out.write_all(&postcard::to_stdvec(&Header::now(dir)).map_err(fail)?)?;
    // The length of the part a first step reads, so it reads no more.
    let head = postcard::to_stdvec(&sessions).map_err(fail)?;
    out.write_all(&(head.len() as u64).to_le_bytes())?;
    out.write_all(&head)?;
    for chunk in others.chunks(CHUNK) {
        let chunk = postcard::to_stdvec(chunk).map_err(fail)?;
        out.write_all(&(chunk.len() as u64).to_le_bytes())?;
        out.write_all(&chunk)?;
    }
    let temp = out.into_inner().map_err(|e| e.into_error())?;
    temp.persist(cache).map_err(|e| e.error)?;
    Ok(())
}
