//! Files a user names: only regular files are opened (a named pipe would block, a device
//! never ends), and reading stops one byte past a limit.

use std::io::Read;
use std::path::Path;

/// What `path` is when it is not a regular file, after following symbolic links:
/// `Ok(None)` for a regular file, `Ok(Some(what))` for anything else (a dangling link
/// included), `Err` when the path cannot be examined (missing, no permission).
pub(crate) fn not_regular(path: &Path) -> std::io::Result<Option<&'static str>> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(None),
        Ok(meta) => Ok(Some(describe(&meta.file_type()))),
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            Ok(Some("a dangling symbolic link"))
        }
        Err(e) => Err(e),
    }
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Reads `from` to its end or to one byte past `limit`, whichever comes first: a result
/// longer than `limit` means the source is over it (and was not read whole).
pub(crate) fn read_bounded(from: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    from.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_past_the_limit() {
        let endless = std::io::repeat(b'x');
        assert_eq!(read_bounded(endless, 10).map(|b| b.len()).ok(), Some(11));
        assert_eq!(read_bounded(&b"abc"[..], 10).ok(), Some(b"abc".to_vec()));
    }

    #[test]
    fn directories_are_not_regular_files() {
        assert_eq!(not_regular(Path::new(env!("CARGO_MANIFEST_DIR"))).ok(), Some(Some("a directory")));
        let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        assert_eq!(not_regular(&readme).ok(), Some(None));
    }
}
