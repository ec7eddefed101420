//! Every way a document can be refused, with the message the user sees; and the extract
//! example's handling of a bad file (a message, no panic, a non-zero exit).

use kuril_dispute::extract::{DEFAULT_MAX_DOCUMENT_BYTES, Document, DocumentError};

#[test]
fn not_utf8_names_the_document_and_the_byte() {
    let e = Document::from_bytes("a.txt", b"Japan \xff said".to_vec()).unwrap_err();
    assert!(matches!(e, DocumentError::NotUtf8 { offset: 6, .. }));
    assert_eq!(e.to_string(), "document a.txt: not UTF-8 (invalid byte sequence at byte 6)");
}

#[test]
fn binary_names_the_byte_and_where() {
    let e = Document::from_bytes("b.bin", b"PK\x03\x04\x00zip".to_vec()).unwrap_err();
    assert!(matches!(e, DocumentError::Binary { .. }));
    assert_eq!(e.to_string(), "document b.bin: looks binary (control byte 0x00 at byte 4)");
}

#[test]
fn empty_is_refused() {
    let e = Document::new("c.txt", " \n\u{feff}\t ").unwrap_err();
    assert!(matches!(e, DocumentError::Empty { .. }));
    assert_eq!(e.to_string(), "document c.txt: empty (no text besides whitespace)");
}

#[test]
fn too_large_says_the_size_and_the_limit() {
    let e = Document::from_bytes_with_limit("d.txt", vec![b'a'; 101], 100).unwrap_err();
    assert_eq!(e.to_string(), "document d.txt: 101 bytes, more than the limit of 100 bytes");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, vec![b'a'; 2048]).unwrap();
    let e = Document::from_path_with_limit(&path, 1024).unwrap_err();
    assert!(matches!(e, DocumentError::TooLarge { size: 2048, max: 1024, .. }), "{e}");
    assert!(Document::from_path(&path).is_ok(), "the default limit is {DEFAULT_MAX_DOCUMENT_BYTES}");
}

#[test]
fn unreadable_file_names_it() {
    let e = Document::from_path("no/such/file.txt").unwrap_err();
    assert!(matches!(e, DocumentError::Io { .. }));
    assert!(e.to_string().starts_with("document no/such/file.txt: cannot read it: "), "{e}");
    assert!(std::error::Error::source(&e).is_some());
}

#[test]
fn the_example_reports_a_bad_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let good = dir.path().join("good.txt");
    std::fs::write(&bad, b"Japan \xff said").unwrap();
    std::fs::write(&good, "Tokyo protested.").unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "extract", "--", "--json"])
        .arg(&bad)
        .arg(&good)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "extract: document {}: not UTF-8 (invalid byte sequence at byte 6)",
            bad.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(r#""doc":"good.txt""#), "{stdout}");
}

/// Devices and pipes are refused by path (a device never ends, a FIFO blocks); a stream
/// read with `from_reader` stops one byte past the limit.
#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_and_streams_are_bounded() {
    let e = Document::from_path_with_limit("/dev/zero", 10).unwrap_err();
    assert!(matches!(e, DocumentError::NotAFile { what: "a character device", .. }), "{e}");
    assert_eq!(e.to_string(), "document /dev/zero: not a regular file (a character device)");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        let e = Document::from_path(&fifo).unwrap_err();
        assert!(matches!(e, DocumentError::NotAFile { .. }), "{e}");
        assert!(e.to_string().contains("a named pipe (FIFO)"), "{e}");
    }
    let e = Document::from_reader("stdin", std::io::repeat(b'a'), 1 << 20).unwrap_err();
    assert!(
        matches!(e, DocumentError::TooLarge { size, max, .. } if size == (1 << 20) + 1 && max == 1 << 20)
    );
    let doc = Document::from_reader("stdin", &b"Tokyo protested."[..], 100).unwrap();
    assert_eq!(doc.text(), "Tokyo protested.");
}

#[test]
fn utf16_says_so() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Tokyo protested.".encode_utf16().flat_map(u16::to_le_bytes));
    let e = Document::from_bytes("e.txt", bytes).unwrap_err();
    assert!(matches!(e, DocumentError::Utf16 { byte_order: "little-endian", .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "document e.txt: looks like UTF-16 (little-endian), not UTF-8: save it as UTF-8"
    );
    // Without a byte-order mark, ASCII saved as UTF-16 is valid UTF-8 full of NULs.
    let bytes: Vec<u8> = "Tokyo protested.".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let e = Document::from_bytes("f.txt", bytes).unwrap_err();
    assert_eq!(e.to_string(), "document f.txt: looks like UTF-16 (big-endian), not UTF-8: save it as UTF-8");
}

#[test]
fn control_characters_are_not_echoed_to_the_terminal() {
    // In an error's document name.
    let e = Document::new("a\u{1b}[2J.txt", "").unwrap_err();
    assert_eq!(e.to_string(), "document a\\u{1b}[2J.txt: empty (no text besides whitespace)");
    // In the example's summary of a document (a few control bytes pass as text).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("esc.txt");
    std::fs::write(
        &file,
        "Japan demands the return of \u{1b}[31mall four islands, Iturup\u{1b}[0m included.",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "extract", "--", "--published", "2019-11-20"])
        .arg(&file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("demands the return of \\u{1b}[31mall four islands"), "{stdout}");
    assert!(!stdout.chars().any(|c| c.is_control() && c != '\n'), "{stdout:?}");
}
