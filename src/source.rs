//! Sources and citations: where every fact was read.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::date::PartialDate;
use crate::id::SourceId;

/// The longest quote, in words, a [`Citation`] may carry.
pub const MAX_QUOTE_WORDS: usize = 25;

/// The longest quote, in bytes of UTF-8, a [`Citation`] may carry: 2 KiB, room for 25
/// long words in any script (a quote in a script written without spaces counts as few
/// words however long it is).
pub const MAX_QUOTE_BYTES: usize = 2048;

/// What kind of document a [`Source`] is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum SourceKind {
    /// A government's own document or site.
    Official,
    /// A news report.
    News,
    /// An editorial, op-ed or column.
    Opinion,
    /// An encyclopedia or reference work.
    Reference,
    /// A scholarly article or book.
    Scholarly,
    /// A forum thread or other user-generated page.
    Forum,
    /// A published dataset.
    Dataset,
}

impl SourceKind {
    /// Every value, in the order of declaration (7).
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Official,
        SourceKind::News,
        SourceKind::Opinion,
        SourceKind::Reference,
        SourceKind::Scholarly,
        SourceKind::Forum,
        SourceKind::Dataset,
    ];
}

/// A document the dataset relies on.
///
/// Every fact in a [`Dataset`](crate::Dataset) cites one or more sources by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// The id other records cite.
    pub id: SourceId,
    /// The title, as the source gives it.
    pub title: String,
    /// Who published it.
    pub outlet: String,
    /// The author, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was published, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where it can be read, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Its language (ISO 639-1), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The file name of the document in the shared news corpus, for corpus documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Anything a reader should know: which copy was read, what it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether the source is weak: a mirror or copy of a wiki or of another site, an
    /// aggregator, a blog or private collection, a book reproduced on a download site, a
    /// retailer's page, or an outlet of low reliability. A weak source may corroborate a
    /// fact but never stand alone: the built-in data's tests check that no citation list
    /// cites only weak sources.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

/// A byte range `[start, end)` in a source's text.
///
/// In the data a span is a list of exactly two offsets, `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "[usize; 2]")]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl<'de> Deserialize<'de> for Span {
    /// Exactly two offsets: a list of three is an error, not a span with its third value
    /// dropped.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpanVisitor;
        impl<'de> Visitor<'de> for SpanVisitor {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a span [start, end]: two byte offsets")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Span, A::Error> {
                let start = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let end = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                let mut len = 2;
                while seq.next_element::<de::IgnoredAny>()?.is_some() {
                    len += 1;
                }
                if len > 2 {
                    return Err(de::Error::invalid_length(len, &self));
                }
                Ok(Span { start, end })
            }
        }
        deserializer.deserialize_seq(SpanVisitor)
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

impl Span {
    /// The number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A pointer into a source: which source, and optionally where in it and what it says.
///
/// In the TOML data a citation is either a bare source id (`"mofa-hoppo-data"`) or a
/// table (`{ source = "corpus-001", quote = "…", locator = "para. 5" }`).
///
/// ```
/// use kuril_dispute::Citation;
///
/// let c = Citation::new("corpus-001".parse()?).with_quote("a solution acceptable to both parties");
/// assert_eq!(c.source.as_str(), "corpus-001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Citation {
    /// The source cited.
    pub source: SourceId,
    /// A short quote (at most [`MAX_QUOTE_WORDS`] words and [`MAX_QUOTE_BYTES`] bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the source: "Art. 9", "p. 3", "para. 5".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// A byte span in the source's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Citation {
    /// A citation of a whole source.
    pub fn new(source: SourceId) -> Self {
        Citation { source, quote: None, locator: None, span: None }
    }

    /// The same citation with a quote.
    pub fn with_quote(mut self, quote: impl Into<String>) -> Self {
        self.quote = Some(quote.into());
        self
    }

    /// The same citation with a locator.
    pub fn with_locator(mut self, locator: impl Into<String>) -> Self {
        self.locator = Some(locator.into());
        self
    }

    /// The same citation with a byte span.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}", self.source)?;
        if let Some(locator) = &self.locator {
            write!(f, ", {locator}")?;
        }
        f.write_str("]")?;
        if let Some(quote) = &self.quote {
            write!(f, " “{quote}”")?;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CitationTable {
    source: SourceId,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    locator: Option<String>,
    #[serde(default)]
    span: Option<Span>,
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CitationVisitor;
        impl<'de> Visitor<'de> for CitationVisitor {
            type Value = Citation;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a source id, or a table { source = \"…\", quote = \"…\", locator = \"…\", span = [start, end] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Citation, E> {
                Ok(Citation::new(v.parse().map_err(E::custom)?))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Citation, A::Error> {
                let t = CitationTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Citation { source: t.source, quote: t.quote, locator: t.locator, span: t.span })
            }
        }
        deserializer.deserialize_any(CitationVisitor)
    }
}

crate::vocabulary::parse_by_id!(
    SourceKind => "source kind",
);

/// A reference as a reader would write it: outlet, title in quotes, author, date and URL,
/// each only when known: `Kyodo, “Abe, Putin agree …”, 2018-11-14, https://…`.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let s = data.sources().find(|s| s.url.is_some()).expect("a source with a URL");
/// let line = s.to_string();
/// assert!(line.starts_with(&format!("{}, “{}”", s.outlet, s.title)));
/// assert!(line.ends_with(s.url.as_deref().unwrap_or_default()));
/// ```
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, “{}”", self.outlet, self.title)?;
        if let Some(author) = &self.author {
            write!(f, ", {author}")?;
        }
        if let Some(date) = &self.date {
            write!(f, ", {date}")?;
        }
        if let Some(url) = &self.url {
            write!(f, ", {url}")?;
        }
        Ok(())
    }
}
