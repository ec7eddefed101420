//! Files and text a user gives: only regular files are opened (a named pipe would block,
//! a device never ends), reading stops one byte past a limit, text saved as UTF-16 is
//! recognised, and text echoed in a message has its control characters escaped.

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

/// One line read by [`read_line_bounded`].
#[cfg(feature = "extract")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// The source is at its end: no more lines.
    End,
    /// A line of at most the limit, in the buffer, without its line end (`\n` or `\r\n`).
    Read,
    /// A line longer than the limit, of this many bytes (its end included): skipped, the
    /// buffer holds at most the limit (and is not to be used).
    TooLong(u64),
}

/// Reads the next line of `from` into `buf` (cleared first), keeping at most `limit`
/// bytes: a longer line is read past without being stored, so memory stays bounded by
/// the limit however long the line is. The last line needs no line end.
#[cfg(feature = "extract")]
pub(crate) fn read_line_bounded(
    from: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut over = false;
    loop {
        let chunk = match from.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            if total == 0 {
                return Ok(Line::End);
            }
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        total += take as u64;
        if !over {
            let part = chunk.get(..take).unwrap_or_default();
            if buf.len() + part.len() > limit.saturating_add(2) {
                over = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        from.consume(take);
        if done {
            break;
        }
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    if over || buf.len() > limit {
        buf.clear();
        return Ok(Line::TooLong(total));
    }
    Ok(Line::Read)
}

/// The byte order of text that looks like UTF-16: a byte-order mark (`FF FE`, `FE FF`),
/// or, in its first 64 bytes, a NUL in every other byte (ASCII text saved as UTF-16).
/// `None` for anything else.
pub(crate) fn utf16_order(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("little-endian"),
        [0xFE, 0xFF, ..] => return Some("big-endian"),
        _ => {}
    }
    let head = bytes.get(..bytes.len().min(64) & !1)?;
    if head.len() < 4 {
        return None;
    }
    let pairs = || head.chunks_exact(2).filter_map(|p| Some((*p.first()?, *p.get(1)?)));
    if pairs().all(|(_, hi)| hi == 0) && pairs().any(|(lo, _)| lo != 0) {
        Some("little-endian")
    } else if pairs().all(|(hi, _)| hi == 0) && pairs().any(|(_, lo)| lo != 0) {
        Some("big-endian")
    } else {
        None
    }
}

/// `text` fit to be shown in a message on a terminal: control characters (an escape
/// sequence, a bell, a carriage return) and the invisible controls of text direction are
/// written as `\u{…}` escapes, everything else as it is.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    fn hidden(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
    #[cfg(feature = "extract")]
    fn lines_are_read_bounded() {
        let mut from = std::io::BufReader::with_capacity(4, &b"ab\r\ncdefghij\n\nlast"[..]);
        let mut buf = Vec::new();
        let mut next = || read_line_bounded(&mut from, &mut buf, 5).map(|l| (l, buf.clone())).ok();
        assert_eq!(next(), Some((Line::Read, b"ab".to_vec())));
        assert_eq!(next(), Some((Line::TooLong(9), Vec::new())));
        assert_eq!(next(), Some((Line::Read, Vec::new())));
        assert_eq!(next(), Some((Line::Read, b"last".to_vec())));
        assert_eq!(next(), Some((Line::End, Vec::new())));
        // An endless line is read past with the buffer bounded.
        let mut endless = std::io::BufReader::new(std::io::repeat(b'x').take(10_000_000));
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut endless, &mut buf, 100).ok(), Some(Line::TooLong(10_000_000)));
        assert!(buf.capacity() < 100_000, "{}", buf.capacity());
    }

    #[test]
    fn directories_are_not_regular_files() {
        assert_eq!(not_regular(Path::new(env!("CARGO_MANIFEST_DIR"))).ok(), Some(Some("a directory")));
        let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        assert_eq!(not_regular(&readme).ok(), Some(None));
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_byte_order_mark() {
        let le: Vec<u8> = "[[event]]".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "[[event]]".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_order(&le), Some("little-endian"));
        assert_eq!(utf16_order(&be), Some("big-endian"));
        assert_eq!(utf16_order(&[0xFF, 0xFE, b'a', 0]), Some("little-endian"));
        assert_eq!(utf16_order(b"[[event]]\n"), None);
        assert_eq!(utf16_order(&[0, 0, 0, 0]), None);
        assert_eq!(utf16_order("択捉".as_bytes()), None);
    }

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(printable("Iturup 択捉島"), "Iturup 択捉島");
        assert_eq!(printable("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(printable("x\u{202e}y\r\n"), "x\\u{202e}y\\u{d}\\u{a}");
    }
}
