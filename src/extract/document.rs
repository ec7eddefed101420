//! Documents: the text a user brings, checked and with its metadata.

use std::fmt;
use std::path::Path;

use crate::date::PartialDate;
use crate::file::printable;

/// The largest document [`Document::from_bytes`] and [`Document::from_path`] accept by
/// default: 64 MiB. Use the `_with_limit` constructors for another bound.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Why a document could not be read. Every variant names the document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The file could not be read.
    #[error("document {}: cannot read it: {source}", printable(.doc))]
    Io {
        /// The document's id (its file name).
        doc: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("document {}: not UTF-8 (invalid byte sequence at byte {offset})", printable(.doc))]
    NotUtf8 {
        /// The document's id.
        doc: String,
        /// The first invalid byte.
        offset: usize,
    },
    /// The bytes look like UTF-16 text (a byte-order mark, or a NUL in every other byte):
    /// documents are read as UTF-8.
    #[error("document {}: looks like UTF-16 ({byte_order}), not UTF-8: save it as UTF-8", printable(.doc))]
    Utf16 {
        /// The document's id.
        doc: String,
        /// `"little-endian"` or `"big-endian"`.
        byte_order: &'static str,
    },
    /// The bytes look like a binary file (a NUL or other control bytes).
    #[error("document {}: looks binary (control byte {byte:#04x} at byte {offset})", printable(.doc))]
    Binary {
        /// The document's id.
        doc: String,
        /// Where the first offending byte is.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// Nothing but whitespace.
    #[error("document {}: empty (no text besides whitespace)", printable(.doc))]
    Empty {
        /// The document's id.
        doc: String,
    },
    /// The path is not a regular file (a named pipe, a device, a directory, a dangling
    /// symbolic link): refused before it is opened, since a pipe would block and a device
    /// never ends. Read such a source with [`Document::from_reader`].
    #[error("document {}: not a regular file ({what})", printable(.doc))]
    NotAFile {
        /// The document's id (its file name).
        doc: String,
        /// What it is instead.
        what: &'static str,
    },
    /// Larger than the limit.
    #[error("document {}: {size} bytes, more than the limit of {max} bytes", printable(.doc))]
    TooLarge {
        /// The document's id.
        doc: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        max: usize,
    },
}

/// A news document: an id, its text, and what is known of it (title, publication date,
/// language, outlet, URL, author: all optional). The metadata becomes the
/// [`Source`](crate::Source) of every record the document yields
/// ([`Extractor::extend_dataset`](super::Extractor::extend_dataset)).
///
/// The text is kept exactly as given (a byte-order mark, CRLF line ends, curly quotes
/// and dashes included), so every byte offset the extractor reports points into it.
///
/// ```
/// use kuril_dispute::extract::Document;
///
/// let doc = Document::new("note.txt", "Tokyo protested on Monday.")?
///     .with_published("2019-01-16".parse()?);
/// assert_eq!(doc.published().map(|d| d.to_string()), Some("2019-01-16".into()));
/// let article = Document::new("a-1", "Moscow insists on the post-war realities.")?
///     .with_outlet("The Example Wire")
///     .with_url("https://example.org/a-1")
///     .with_author("A. Writer")
///     .with_title("Moscow restates its line")
///     .with_lang("en");
/// assert_eq!(article.outlet(), Some("The Example Wire"));
/// assert!(Document::from_bytes("bad.bin", vec![0xff, 0xfe, 0x00]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Document {
    id: String,
    title: Option<String>,
    published: Option<PartialDate>,
    lang: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    author: Option<String>,
    text: String,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("id", &self.id)
            .field("title", &self.title)
            .field("published", &self.published)
            .field("lang", &self.lang)
            .field("outlet", &self.outlet)
            .field("url", &self.url)
            .field("author", &self.author)
            .field("bytes", &self.text.len())
            .finish()
    }
}

impl Document {
    /// A document from text.
    ///
    /// # Errors
    ///
    /// [`DocumentError::Empty`] when the text is only whitespace, and
    /// [`DocumentError::Binary`] when it looks binary (a NUL, or more than 8 control bytes).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Result<Self, DocumentError> {
        let id = id.into();
        let text = text.into();
        check_text(&id, &text)?;
        Ok(Document {
            id,
            title: None,
            published: None,
            lang: None,
            outlet: None,
            url: None,
            author: None,
            text,
        })
    }

    /// A document from bytes, which must be UTF-8 text of at most
    /// [`DEFAULT_MAX_DOCUMENT_BYTES`].
    ///
    /// # Errors
    ///
    /// As [`Document::from_bytes_with_limit`].
    pub fn from_bytes(id: impl Into<String>, bytes: Vec<u8>) -> Result<Self, DocumentError> {
        Self::from_bytes_with_limit(id, bytes, DEFAULT_MAX_DOCUMENT_BYTES)
    }

    /// A document from bytes, which must be UTF-8 text of at most `max_bytes`.
    ///
    /// # Errors
    ///
    /// [`DocumentError::TooLarge`] over `max_bytes`, [`DocumentError::Utf16`] for text saved
    /// as UTF-16, [`DocumentError::NotUtf8`] naming the offset of the first invalid byte,
    /// and the errors of [`Document::new`].
    pub fn from_bytes_with_limit(
        id: impl Into<String>,
        bytes: Vec<u8>,
        max_bytes: usize,
    ) -> Result<Self, DocumentError> {
        let doc = id.into();
        if bytes.len() > max_bytes {
            return Err(DocumentError::TooLarge { doc, size: bytes.len() as u64, max: max_bytes });
        }
        if let Some(byte_order) = crate::file::utf16_order(&bytes) {
            return Err(DocumentError::Utf16 { doc, byte_order });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Self::new(doc, text),
            Err(e) => Err(DocumentError::NotUtf8 { doc, offset: e.utf8_error().valid_up_to() }),
        }
    }

    /// A document read from a file; its id is the file name, and its errors name the path
    /// as given (`document no/such/file.txt: cannot read it: …`).
    ///
    /// # Errors
    ///
    /// As [`Document::from_path_with_limit`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, DocumentError> {
        Self::from_path_with_limit(path, DEFAULT_MAX_DOCUMENT_BYTES)
    }

    /// A document read from a file of at most `max_bytes`; its id is the file name.
    ///
    /// # Errors
    ///
    /// [`DocumentError::NotAFile`] for a path that is not a regular file (a FIFO, a device,
    /// a directory), [`DocumentError::Io`] when it cannot be read, and the errors of
    /// [`Document::from_bytes_with_limit`].
    pub fn from_path_with_limit(path: impl AsRef<Path>, max_bytes: usize) -> Result<Self, DocumentError> {
        let path = path.as_ref();
        let doc =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        Self::from_path_named(path, doc, max_bytes)
    }

    /// A document read from a file of at most `max_bytes`, with the given id (a path
    /// relative to the directory it was found in). Its errors name the path as given, with
    /// its directory, so that a message says which file of which directory.
    pub(crate) fn from_path_named(path: &Path, id: String, max_bytes: usize) -> Result<Self, DocumentError> {
        let doc = path.display().to_string();
        let io = |doc: &String| {
            let doc = doc.clone();
            move |source| DocumentError::Io { doc, source }
        };
        if let Some(what) = crate::file::not_regular(path).map_err(io(&doc))? {
            return Err(DocumentError::NotAFile { doc, what });
        }
        let file = std::fs::File::open(path).map_err(io(&doc))?;
        let size = file.metadata().map_err(io(&doc))?.len();
        if size > max_bytes as u64 {
            return Err(DocumentError::TooLarge { doc, size, max: max_bytes });
        }
        // Bounded, in case the file grew since.
        let mut read = Self::from_reader(doc, file, max_bytes)?;
        read.id = id;
        Ok(read)
    }

    /// A document read from any source (standard input, a pipe, a socket) of at most
    /// `max_bytes`: reading stops one byte past the limit, so an endless source is refused
    /// without being read whole.
    ///
    /// ```
    /// use kuril_dispute::extract::{Document, DocumentError};
    ///
    /// let doc = Document::from_reader("stdin", &b"Tokyo protested."[..], 1024)?;
    /// assert_eq!(doc.text(), "Tokyo protested.");
    /// let endless = std::io::repeat(b'a');
    /// assert!(matches!(Document::from_reader("zero", endless, 10), Err(DocumentError::TooLarge { .. })));
    /// # Ok::<(), DocumentError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The source cannot be read, is over the limit, or any error of
    /// [`Document::from_bytes_with_limit`].
    pub fn from_reader(
        doc: impl Into<String>,
        from: impl std::io::Read,
        max_bytes: usize,
    ) -> Result<Self, DocumentError> {
        let doc = doc.into();
        let bytes = crate::file::read_bounded(from, max_bytes as u64)
            .map_err(|source| DocumentError::Io { doc: doc.clone(), source })?;
        if bytes.len() > max_bytes {
            return Err(DocumentError::TooLarge { doc, size: bytes.len() as u64, max: max_bytes });
        }
        Self::from_bytes_with_limit(doc, bytes, max_bytes)
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the publication date (relative dates are resolved against it).
    pub fn with_published(mut self, published: PartialDate) -> Self {
        self.published = Some(published);
        self
    }

    /// Sets the language (`"en"`, `"ja"`, `"ru"`: the id of a language pack). Without
    /// it, the extractor tells the language from the text's script.
    pub fn with_lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = Some(lang.into());
        self
    }

    /// Sets the outlet that published it (a newspaper, an agency, a site).
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Self {
        self.outlet = Some(outlet.into());
        self
    }

    /// Sets the address it was read at.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets its author.
    pub fn with_author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }

    /// The outlet, if given.
    pub fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }

    /// The URL, if given.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The author, if given.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// The language, if given.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// The id (a file name, a URL, …).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title, if given.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The publication date, if given.
    pub fn published(&self) -> Option<PartialDate> {
        self.published
    }

    /// The text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }
}

fn check_text(doc: &str, text: &str) -> Result<(), DocumentError> {
    if let Some(byte_order) = crate::file::utf16_order(text.as_bytes()) {
        return Err(DocumentError::Utf16 { doc: doc.to_string(), byte_order });
    }
    // Control bytes other than tab, line feed, form feed and carriage return do not occur
    // in text; a NUL or several of them mark a binary file.
    let mut controls = 0usize;
    for (offset, &byte) in text.as_bytes().iter().enumerate() {
        if byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c) {
            controls += 1;
            if byte == 0 || controls > 8 {
                return Err(DocumentError::Binary { doc: doc.to_string(), offset, byte });
            }
        }
    }
    if text.chars().all(|c| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')) {
        return Err(DocumentError::Empty { doc: doc.to_string() });
    }
    Ok(())
}
