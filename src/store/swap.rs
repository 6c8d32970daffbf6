//! Putting a new version of a file in place only if the old one is still
//! as loaded, even against programs that do not take our lock (editors,
//! scripts saving in a loop). On Linux the new file and the old change
//! places in one step (`renameat2` with `RENAME_EXCHANGE`) and what came
//! out is checked: anything that is not the version loaded goes back, so
//! a write that slipped in between the last look and the rename is never
//! lost. Elsewhere, and on file systems without the exchange, a plain
//! rename after the last look (a window of microseconds).

use std::io;
use std::path::Path;

/// Whether the new version is in place.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Swapped {
    Done,
    /// The file was not as loaded: it stays as the other program left it.
    Changed,
}

/// Puts the file at `new` (beside `target`, holding `ours`) at `target`,
/// if `target` is still the version with fingerprint `expected` (`None`:
/// it must not exist). `new` is gone afterwards either way.
pub(super) fn replace_if(
    new: &Path,
    target: &Path,
    expected: Option<u64>,
    ours: &[u8],
) -> io::Result<Swapped> {
    let outcome = swap(new, target, expected, ours);
    if std::fs::symlink_metadata(new).is_ok() {
        let _ = std::fs::remove_file(new);
    }
    outcome
}

#[cfg(target_os = "linux")]
fn swap(new: &Path, target: &Path, expected: Option<u64>, ours: &[u8]) -> io::Result<Swapped> {
    let Some(print) = expected else {
        return match rename2(new, target, libc::RENAME_NOREPLACE) {
            Ok(()) => Ok(Swapped::Done),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Swapped::Changed),
            Err(e) if unsupported(&e) => plain(new, target, expected),
            Err(e) => Err(e),
        };
    };
    match rename2(new, target, libc::RENAME_EXCHANGE) {
        Ok(()) => {}
        Err(e) if unsupported(&e) => return plain(new, target, expected),
        Err(e) => return Err(e),
    }
    // `new` now holds what was in place at the instant of the exchange.
    if std::fs::read(new).is_ok_and(|was| super::fingerprint(&was) == print) {
        return Ok(Swapped::Done);
    }
    // Someone wrote meanwhile: theirs goes back in place.
    rename2(new, target, libc::RENAME_EXCHANGE)?;
    // If what came out now is not ours, they wrote yet again: their newer
    // version belongs in place, the older one (now beside it) goes.
    if std::fs::read(new).is_ok_and(|back| back != ours) {
        rename2(new, target, libc::RENAME_EXCHANGE)?;
    }
    Ok(Swapped::Changed)
}

#[cfg(not(target_os = "linux"))]
fn swap(new: &Path, target: &Path, expected: Option<u64>, _ours: &[u8]) -> io::Result<Swapped> {
    plain(new, target, expected)
}

/// A rename after the last look, which the caller has made.
fn plain(new: &Path, target: &Path, expected: Option<u64>) -> io::Result<Swapped> {
    if expected.is_none() && std::fs::symlink_metadata(target).is_ok() {
        return Ok(Swapped::Changed);
    }
    std::fs::rename(new, target)?;
    Ok(Swapped::Done)
}

#[cfg(target_os = "linux")]
fn unsupported(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
    )
}

#[cfg(target_os = "linux")]
fn rename2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let from = std::ffi::CString::new(from.as_os_str().as_bytes())?;
    let to = std::ffi::CString::new(to.as_os_str().as_bytes())?;
    // SAFETY: two valid, NUL-terminated paths; the call only renames.
    let done = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            flags,
        )
    };
    match done {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}
