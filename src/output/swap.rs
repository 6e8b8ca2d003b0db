//! Swapping a finished build in for the previous output. Where the system can exchange two
//! folders in one step (Linux, macOS) the output folder exists at every moment; elsewhere the
//! swap takes two renames, and a build killed between them is repaired by the next one.

use std::fs;
use std::io;
use std::path::Path;

use super::folders::remove_ours;
use crate::error::{Error, IoContext};

/// Puts the folder `staging` in place of `target`; the previous output becomes `spare`.
/// A swap in two steps keeps the previous output at `aside` in between.
pub fn publish(staging: &Path, target: &Path, aside: &Path, spare: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target).io(crate::messages::Output::CannotMove, target);
    }
    if exchange(staging, target).io(crate::messages::Output::CannotMove, target)? {
        // The previous output is now at the staging path.
        keep_as_spare(staging, spare);
        return Ok(());
    }
    fs::rename(target, aside).io(crate::messages::Output::CannotMove, target)?;
    if let Err(err) = fs::rename(staging, target) {
        let _ = fs::rename(aside, target);
        return Err(err).io(crate::messages::Output::CannotMove, target);
    }
    keep_as_spare(aside, spare);
    Ok(())
}

/// What to do with a previous output found at the aside path.
#[derive(Debug, PartialEq, Eq)]
enum Repair {
    Nothing,
    /// The swap was cut short between its two renames: the output is missing.
    PutBack,
    /// The swap was cut short after them: the new output is in place.
    KeepAsSpare,
}

fn repair(target_exists: bool, aside_exists: bool) -> Repair {
    match (target_exists, aside_exists) {
        (_, false) => Repair::Nothing,
        (false, true) => Repair::PutBack,
        (true, true) => Repair::KeepAsSpare,
    }
}

/// Repairs what a swap in two steps that was cut short left. Runs under the output's lock,
/// before anything else, and only once `aside` is known to be Etalase's.
pub fn recover(target: &Path, aside: &Path, spare: &Path) -> Result<(), Error> {
    let exists = |path: &Path| fs::symlink_metadata(path).is_ok();
    match repair(exists(target), exists(aside)) {
        Repair::Nothing => Ok(()),
        Repair::PutBack => fs::rename(aside, target).io(crate::messages::Output::CannotMove, aside),
        Repair::KeepAsSpare => {
            keep_as_spare(aside, spare);
            Ok(())
        }
    }
}

/// Keeps a replaced output as the spare, or deletes it when the name is taken. The new site
/// is already in place, so a failure here fails nothing: the next build tidies up.
fn keep_as_spare(old: &Path, spare: &Path) {
    if fs::rename(old, spare).is_err() {
        let _ = remove_ours(old);
    }
}

/// Exchanges the folders at `a` and `b` in one step; `Ok(false)` when the system or the
/// file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    let (a, b) = (c_path(a)?, c_path(b)?);
    // The system call itself, as glibc has a renameat2() wrapper only since 2.28.
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::c_long::from(libc::AT_FDCWD),
            a.as_ptr(),
            libc::c_long::from(libc::AT_FDCWD),
            b.as_ptr(),
            libc::RENAME_EXCHANGE as libc::c_long,
        )
    };
    // EINVAL: the file system cannot exchange; ENOSYS: the kernel predates it (3.15); EPERM:
    // seccomp filters of older container runtimes refuse system calls they do not know.
    outcome(
        result == 0,
        &[libc::EINVAL, libc::ENOSYS, libc::EOPNOTSUPP, libc::EPERM],
    )
}

#[cfg(target_os = "macos")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let result = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    outcome(result == 0, &[libc::ENOTSUP, libc::EINVAL])
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(any(target_os = "linux", target_os = "macos"))]
fn c_path(path: &Path) -> io::Result<std::ffi::CString> {
    use std::os::unix::ffi::OsStrExt;
    Ok(std::ffi::CString::new(path.as_os_str().as_bytes())?)
}

/// Whether the exchange was done, `false` when it failed with one of the `unsupported`
/// errors. Reads `errno`, so it must follow the call directly.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn outcome(done: bool, unsupported: &[i32]) -> io::Result<bool> {
    if done {
        return Ok(true);
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(code) if unsupported.contains(&code) => Ok(false),
        _ => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::{Repair, exchange, repair};

    #[test]
    fn a_swap_cut_short_is_repaired_by_what_is_left() {
        assert_eq!(repair(true, false), Repair::Nothing);
        assert_eq!(repair(false, false), Repair::Nothing);
        assert_eq!(repair(false, true), Repair::PutBack);
        assert_eq!(repair(true, true), Repair::KeepAsSpare);
    }

    #[test]
    fn an_exchange_swaps_two_folders_or_says_it_cannot() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for (folder, text) in [(&a, "a"), (&b, "b")] {
            std::fs::create_dir(folder).expect("mkdir");
            std::fs::write(folder.join("f"), text).expect("write");
        }
        if exchange(&a, &b).expect("exchange") {
            assert_eq!(std::fs::read_to_string(a.join("f")).expect("read"), "b");
            assert_eq!(std::fs::read_to_string(b.join("f")).expect("read"), "a");
        }
    }
}
