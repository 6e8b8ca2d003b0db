//! One build at a time per output folder: two builds writing the same output at once would
//! take each other's folders away mid-write.

use std::fs::{File, TryLockError};
use std::path::Path;

use crate::error::{Error, IoContext};

/// An exclusive lock on an output folder, held until dropped. The lock file stays: deleting
/// it would let a waiting build and a new one lock two different files.
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Locks the output `target` through the file at `path`, waiting while another build holds
    /// it (after calling `waiting` once, so that the caller can say so).
    pub fn acquire(path: &Path, target: &Path, waiting: &dyn Fn(&Path)) -> Result<OutputLock, Error> {
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .io(crate::messages::Output::CannotCreate, path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting(target);
                file.lock().io(crate::messages::Output::CannotLock, path)?;
            }
            Err(TryLockError::Error(err)) => return Err(err).io(crate::messages::Output::CannotLock, path),
        }
        Ok(OutputLock { _file: file })
    }
}
