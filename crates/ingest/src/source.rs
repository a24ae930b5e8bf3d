//! Streams of one format into documents: a [`Reader`] per format and a registry that picks one
//! by file name or by the first bytes. Every problem names where it happened (file, line, record
//! or item) and why; reading goes on after it.
//!
//! ```
//! use rasad_ingest::{Format, Formats, Found};
//! let f = Formats::builtin();
//! assert_eq!(f.by_name("crawl.warc.gz").map(|(r, gz)| (r.format(), gz)), Some((Format::Warc, true)));
//! assert_eq!(f.sniff(b"{\"id\": \"a\"}").format(), Format::Jsonl);
//! let docs: Vec<Found> = f.get(Format::Text).read("a.txt", Box::new(&"قصف مدفعي على البلدة"[..].as_bytes()[..])).collect();
//! assert!(matches!(&docs[0], Found::Doc(d) if d.id == "a.txt"));
//! ```

use std::io::{BufRead, Read};

use rasad_model::InputDoc;

use crate::charset::{as_text, decode_html};
use crate::feed::{self, FeedError};
use crate::html;

/// What a stream holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One plain-text document (UTF-8).
    Text,
    /// One saved web page.
    Html,
    /// JSON Lines: `{"id", "text", "published"?, "url"?, "outlet"?, "title"?}` a line.
    Jsonl,
    /// A WARC archive of crawled pages.
    Warc,
    /// An RSS or Atom feed.
    Feed,
}

/// A problem with one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a path, `path:line`, `path#item` or `path (byte N)` (in a WARC archive).
    pub at: String,
    /// Why, and what to do when there is something to do.
    pub why: String,
}

/// What a stream yields, one at a time.
#[derive(Debug)]
pub enum Found {
    /// A document.
    Doc(InputDoc),
    /// A problem; reading goes on.
    Problem(Problem),
    /// Something passed over that is no failure (what a WARC held besides pages), to be shown.
    Note(Problem),
}

/// Largest document text (UTF-8 bytes), whatever the format. A news article is a few KB (of
/// 76,000 in SANAD and SaudiNewsNet the largest is 60 KB), and extracting a document takes 30
/// (prose) to 450 (a list of numbers) times its size in memory; the CLI extracts documents over
/// 64 KB one at a time.
pub const MAX_DOC_BYTES: u64 = 512 << 10;

/// Largest saved page (HTML file or WARC record's page) parsed.
pub const MAX_PAGE_BYTES: u64 = 16 << 20;

/// Largest feed file read (it is parsed whole).
pub const MAX_FEED_BYTES: u64 = 32 << 20;

/// Longest JSON line (its text may be escaped, `\u0627` six bytes for two).
pub const MAX_LINE_BYTES: u64 = 16 << 20;

/// "16 MB", "256 KB".
fn mb(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

/// A document, or the problem of its text being larger than [`MAX_DOC_BYTES`].
pub(crate) fn sized(at: impl FnOnce(&InputDoc) -> String, doc: InputDoc) -> Found {
    let n = doc.text.len() as u64;
    if n <= MAX_DOC_BYTES {
        return Found::Doc(doc);
    }
    let why = format!(
        "document text of {n} bytes, more than the {} a document may have; split it into articles (a file or a JSON line each)",
        mb(MAX_DOC_BYTES)
    );
    problem(at(&doc), why)
}

/// The documents and problems of one stream, in order.
pub type Docs<'r> = Box<dyn Iterator<Item = Found> + 'r>;

/// A reader of one input format.
pub trait Reader: Send + Sync {
    /// The format it reads.
    fn format(&self) -> Format;
    /// File-name extensions (lowercase, no dot) that say this format.
    fn extensions(&self) -> &'static [&'static str];
    /// True when the first bytes of a stream (up to 512 looked at) show this format.
    fn sniff(&self, head: &[u8]) -> bool;
    /// Reads one stream; `name` is how documents and problems refer to it (a path, `<stdin>`).
    fn read<'r>(&self, name: &'r str, input: Box<dyn BufRead + 'r>) -> Docs<'r>;
}

/// The readers, in the order their first bytes are tried (plain text last: anything is text).
pub struct Formats {
    readers: Vec<Box<dyn Reader>>,
}

impl Formats {
    /// Every built-in reader: WARC, JSON Lines, RSS/Atom, HTML, text.
    pub fn builtin() -> &'static Formats {
        static F: std::sync::LazyLock<Formats> = std::sync::LazyLock::new(|| Formats {
            readers: vec![Box::new(WarcReader), Box::new(JsonlReader), Box::new(FeedReader), Box::new(HtmlReader), Box::new(TextReader)],
        });
        &F
    }

    /// The reader of a format.
    pub fn get(&self, format: Format) -> &dyn Reader {
        // Every format has a reader in `builtin`.
        self.readers.iter().find(|r| r.format() == format).map_or(&TextReader as &dyn Reader, |r| r.as_ref())
    }

    /// The reader a file name says, and whether the file is gzipped (`.warc.gz`, `.jsonl.gz`).
    pub fn by_name(&self, name: &str) -> Option<(&dyn Reader, bool)> {
        let lower = name.to_ascii_lowercase();
        let (base, gz) = match lower.strip_suffix(".gz") {
            Some(b) => (b, true),
            None => (lower.as_str(), false),
        };
        let ext = base.rsplit_once('.').map(|(_, e)| e)?;
        self.readers.iter().find(|r| r.extensions().contains(&ext)).map(|r| (r.as_ref(), gz))
    }

    /// The reader the first bytes of a stream show (for standard input and unknown names).
    pub fn sniff(&self, head: &[u8]) -> &dyn Reader {
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &head[i..]);
        let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        self.readers.iter().find(|r| r.sniff(start)).map_or(&TextReader as &dyn Reader, |r| r.as_ref())
    }
}

impl Formats {
    /// The reader for a stream and the stream to hand it: the `forced` format's, else the one
    /// the file name says, else the one the first bytes show (decompressed, when gzipped). A
    /// gzipped stream (seen from its first bytes) is decompressed for every reader but WARC's,
    /// which reads gzip members itself to resume after a corrupt one.
    pub fn open<'r>(
        &self,
        name: Option<&str>,
        forced: Option<Format>,
        mut raw: Box<dyn BufRead + 'r>,
    ) -> (&dyn Reader, Box<dyn BufRead + 'r>) {
        let (reader, gz) = {
            let head = raw.fill_buf().unwrap_or(&[]);
            let gz = head.starts_with(&[0x1f, 0x8b]);
            let reader = match (forced, name.and_then(|n| self.by_name(n))) {
                (Some(f), _) => self.get(f),
                (None, Some((r, _))) => r,
                (None, None) if gz => self.sniff(&gunzip_head(head)),
                (None, None) => self.sniff(head),
            };
            (reader, gz)
        };
        if gz && reader.format() != Format::Warc {
            return (reader, Box::new(std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(raw))));
        }
        (reader, raw)
    }
}

/// The first bytes (512 at most) a gzipped head decompresses to.
fn gunzip_head(head: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = flate2::read::GzDecoder::new(head).take(512).read_to_end(&mut out);
    out
}

impl Format {
    /// The format a file name says, and whether it is gzipped (see [`Formats::by_name`]).
    pub fn from_name(name: &str) -> Option<(Format, bool)> {
        Formats::builtin().by_name(name).map(|(r, gz)| (r.format(), gz))
    }

    /// The format the first bytes of a stream show (see [`Formats::sniff`]).
    pub fn sniff(head: &[u8]) -> Format {
        Formats::builtin().sniff(head).format()
    }
}

/// Reads one stream of `format` (see [`Reader::read`]).
pub fn read_stream<'r>(name: &'r str, format: Format, input: Box<dyn BufRead + 'r>) -> Docs<'r> {
    Formats::builtin().get(format).read(name, input)
}

fn problem(at: String, why: String) -> Found {
    Found::Problem(Problem { at, why })
}

fn bad(at: &str, why: String) -> Problem {
    Problem { at: at.to_string(), why }
}

/// One document (its size checked) or the problem that stopped it, as a stream of one.
fn one<'r>(name: &str, r: Result<InputDoc, Problem>) -> Docs<'r> {
    Box::new(std::iter::once(r.map_or_else(Found::Problem, |d| sized(|_| name.to_string(), d))))
}

/// The last path component: a text file's or page's document id.
fn file_id(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_string()
}

/// A date the readers produce as `YYYY-MM-DD`, typed.
pub(crate) fn date(s: Option<String>) -> Option<rasad_model::Date> {
    s.and_then(|d| d.parse().ok())
}

/// The whole stream, up to `max` bytes, or the problem that stops it (`what` the stream is,
/// for the message: "a text file").
fn whole(name: &str, input: &mut dyn BufRead, max: u64, what: &str) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    if let Err(e) = input.take(max + 1).read_to_end(&mut bytes) {
        return Err(bad(name, format!("read error: {e}")));
    }
    if bytes.len() as u64 > max {
        let why = format!("larger than the {} {what} may have; split it into articles (a file or a JSON line each)", mb(max));
        return Err(bad(name, why));
    }
    Ok(bytes)
}

fn lower_head(start: &[u8]) -> Vec<u8> {
    start.iter().take(512).map(u8::to_ascii_lowercase).collect()
}

fn has(lower: &[u8], s: &[u8]) -> bool {
    lower.windows(s.len()).any(|w| w == s)
}

/// Plain UTF-8 text: one document, its id the file name.
struct TextReader;

impl Reader for TextReader {
    fn format(&self) -> Format {
        Format::Text
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "text"]
    }
    fn sniff(&self, _: &[u8]) -> bool {
        true
    }
    fn read<'r>(&self, name: &'r str, mut input: Box<dyn BufRead + 'r>) -> Docs<'r> {
        let doc = whole(name, &mut input, MAX_DOC_BYTES, "a text file")
            .and_then(|bytes| as_text(bytes).map(|text| InputDoc::new(file_id(name), text)).map_err(|why| bad(name, why)));
        one(name, doc)
    }
}

/// A saved web page: its main text, title, date, URL and outlet.
struct HtmlReader;

impl Reader for HtmlReader {
    fn format(&self) -> Format {
        Format::Html
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml", "shtml"]
    }
    fn sniff(&self, start: &[u8]) -> bool {
        let lower = lower_head(start);
        lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html")
            || (lower.starts_with(b"<") && (has(&lower, b"<body") || has(&lower, b"<p") || has(&lower, b"<div")))
    }
    fn read<'r>(&self, name: &'r str, mut input: Box<dyn BufRead + 'r>) -> Docs<'r> {
        let doc = whole(name, &mut input, MAX_PAGE_BYTES, "a page").and_then(|bytes| {
            let art =
                decode_html(&bytes, None).and_then(|h| html::try_extract(&h).map_err(|e| e.to_string())).map_err(|why| bad(name, why))?;
            if art.text.trim().is_empty() {
                return Err(bad(name, "no article text found in the page".into()));
            }
            Ok(InputDoc {
                id: file_id(name),
                text: art.text,
                published: date(art.published),
                url: art.url,
                outlet: art.outlet,
                title: art.title,
                lang: art.lang,
                date_source: art.date_source.map(|s| s.as_str().to_string()),
            })
        });
        one(name, doc)
    }
}

/// An RSS or Atom feed: one document per item.
struct FeedReader;

impl Reader for FeedReader {
    fn format(&self) -> Format {
        Format::Feed
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["rss", "atom", "xml"]
    }
    fn sniff(&self, start: &[u8]) -> bool {
        let lower = lower_head(start);
        lower.starts_with(b"<?xml") && (has(&lower, b"<rss") || has(&lower, b"<feed") || has(&lower, b"<rdf"))
            || lower.starts_with(b"<rss")
            || lower.starts_with(b"<feed")
    }
    fn read<'r>(&self, name: &'r str, mut input: Box<dyn BufRead + 'r>) -> Docs<'r> {
        let bytes = match whole(name, &mut input, MAX_FEED_BYTES, "a feed") {
            Ok(b) => b,
            Err(p) => return Box::new(std::iter::once(Found::Problem(p))),
        };
        let xml = match decode_html(&bytes, None) {
            Ok(x) => x,
            Err(why) => return Box::new(std::iter::once(problem(name.to_string(), why))),
        };
        let feed = feed::items(&xml);
        let tail = feed.error.map(|e| feed_problem(name, &bytes, &xml, &e, feed.items.len()));
        let fid = file_id(name);
        Box::new(
            feed.items
                .into_iter()
                .enumerate()
                .map(move |(i, it)| {
                    if it.text.trim().is_empty() {
                        return problem(format!("{name}#{}", i + 1), "feed item without text".into());
                    }
                    let id = it.url.clone().unwrap_or_else(|| format!("{fid}#{}", i + 1));
                    let doc = InputDoc {
                        id,
                        text: it.text,
                        published: date(it.published),
                        url: it.url,
                        outlet: it.outlet,
                        title: it.title,
                        ..Default::default()
                    };
                    sized(|_| format!("{name}#{}", i + 1), doc)
                })
                .chain(tail),
        )
    }
}

/// The problem of a feed read up to `e` only: where the loss begins (line, and byte of the file
/// when it is UTF-8) and how many items were kept.
fn feed_problem(name: &str, bytes: &[u8], xml: &str, e: &FeedError, kept: usize) -> Found {
    let from = usize::try_from(e.lost_from()).unwrap_or(usize::MAX).min(xml.len());
    let line = xml.as_bytes()[..from].iter().filter(|&&b| b == b'\n').count() + 1;
    let bom = bytes.len().saturating_sub(xml.len());
    let utf8 = bytes.get(bom..) == Some(xml.as_bytes());
    let byte = |pos: u64| if utf8 { format!("byte {}", pos + bom as u64) } else { format!("byte {pos} of the decoded text") };
    let what = match e {
        FeedError::NotAFeed => return problem(name.to_string(), e.to_string()),
        FeedError::Xml { pos, msg, item: Some(item) } => {
            format!("malformed XML at {} ({msg}); the item that begins at {} and all after it are skipped", byte(*pos), byte(*item))
        }
        FeedError::Xml { pos, msg, item: None } => format!("malformed XML at {} ({msg}); the rest of the feed is skipped", byte(*pos)),
        FeedError::Cut { item } => {
            format!("the feed ends inside the item that begins at {} (cut short?); that item is skipped", byte(*item))
        }
    };
    problem(format!("{name}:{line}"), format!("{what} ({} before it read)", crate::archive::count(kept, "item")))
}

/// A WARC archive: one document per HTML `response` or `resource` record.
struct WarcReader;

impl Reader for WarcReader {
    fn format(&self) -> Format {
        Format::Warc
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["warc", "arc"]
    }
    fn sniff(&self, start: &[u8]) -> bool {
        start.starts_with(b"WARC/")
    }
    fn read<'r>(&self, name: &'r str, input: Box<dyn BufRead + 'r>) -> Docs<'r> {
        Box::new(crate::archive::Docs::new(name, input))
    }
}

/// JSON Lines: one document a line, read as it streams.
struct JsonlReader;

impl Reader for JsonlReader {
    fn format(&self) -> Format {
        Format::Jsonl
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }
    fn sniff(&self, start: &[u8]) -> bool {
        start.starts_with(b"{")
    }
    fn read<'r>(&self, name: &'r str, input: Box<dyn BufRead + 'r>) -> Docs<'r> {
        Box::new(JsonLines { name, input, line_no: 0, buf: Vec::new(), done: false, pending: None })
    }
}

struct JsonLines<'r> {
    name: &'r str,
    input: Box<dyn BufRead + 'r>,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
    /// The document of a line whose note came first (a publication date that is no date).
    pending: Option<Found>,
}

impl Iterator for JsonLines<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        if let Some(f) = self.pending.take() {
            return Some(f);
        }
        while !self.done {
            self.buf.clear();
            let n = match read_line_capped(&mut self.input, &mut self.buf, MAX_LINE_BYTES) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(problem(self.name.to_string(), format!("read error after line {}: {e}", self.line_no)));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.line_no += 1;
            let at = format!("{}:{}", self.name, self.line_no);
            if n > self.buf.len() as u64 {
                // Read through without being kept; the next line is read as usual.
                let why = format!(
                    "a line of {:.1} MB, more than the {} a JSON line may have; split the document into articles",
                    n as f64 / f64::from(1 << 20),
                    mb(MAX_LINE_BYTES)
                );
                self.buf = Vec::new();
                return Some(problem(at, why));
            }
            // A byte-order mark before the first line is no part of it.
            let bytes = if self.line_no == 1 { self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf) } else { &self.buf };
            let line = match std::str::from_utf8(bytes) {
                Ok(s) => s.trim(),
                Err(e) => return Some(problem(at, format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()))),
            };
            if line.is_empty() {
                continue;
            }
            return Some(match serde_json::from_str::<InputDoc>(line) {
                Ok(doc) => sized(|d| format!("{at} (document {:?})", d.id), doc),
                Err(e) => {
                    // Name the document when the line is an object with an id (a bad field, not bad JSON).
                    let value = serde_json::from_str::<serde_json::Value>(line).ok();
                    let id = value
                        .as_ref()
                        .and_then(|v| v.get("id").and_then(|i| i.as_str().map(str::to_string)))
                        .map_or(String::new(), |id| format!(" (document {id:?})"));
                    // A publication date that is no date does not lose the document: it is read
                    // without one (and its date looked for in its text), with a note.
                    if let Some((doc, date)) = value.and_then(without_bad_date) {
                        self.pending = Some(sized(|d| format!("{at} (document {:?})", d.id), doc));
                        let why = format!(
                            "published date {date} is not a date (YYYY-MM-DD in years 1 to 9999, or an ISO 8601 or RFC 2822 timestamp); the document is read without one"
                        );
                        return Some(Found::Note(Problem { at: format!("{at}{id}"), why }));
                    }
                    problem(format!("{at}{id}"), format!("not a document object ({e}); expected {{\"id\", \"text\", \"published\"?}}"))
                }
            });
        }
        None
    }
}

/// The document of a JSON object whose `published` is the only thing wrong with it, read without
/// that date, and the date as written (JSON); None when the object fails otherwise.
fn without_bad_date(mut v: serde_json::Value) -> Option<(InputDoc, String)> {
    let obj = v.as_object_mut()?;
    let bad = obj.get("published").filter(|p| !p.is_null())?.to_string();
    obj.insert("published".to_string(), serde_json::Value::Null);
    serde_json::from_value::<InputDoc>(v).ok().map(|d| (d, bad))
}

/// Reads a line, its newline included, keeping its first `max` bytes in `buf`; returns how many
/// bytes the line had (more than `buf` holds when it was longer). Memory stays bounded whatever
/// the line's length.
fn read_line_capped(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: u64) -> std::io::Result<u64> {
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let mut total = 0u64;
    loop {
        let avail = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(total);
        }
        let (n, done) = avail.iter().position(|&b| b == b'\n').map_or((avail.len(), false), |i| (i + 1, true));
        let keep = n.min(max.saturating_sub(buf.len()));
        buf.extend_from_slice(&avail[..keep]);
        input.consume(n);
        total += n as u64;
        if done {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(format: Format, input: &[u8]) -> (Vec<InputDoc>, Vec<Problem>) {
        let (mut docs, mut probs) = (Vec::new(), Vec::new());
        let mut r = input;
        for f in read_stream("in", format, Box::new(&mut r)) {
            match f {
                Found::Doc(d) => docs.push(d),
                Found::Problem(p) | Found::Note(p) => probs.push(p),
            }
        }
        (docs, probs)
    }

    #[test]
    fn formats_from_names_and_first_bytes() {
        assert_eq!(Format::from_name("a/b.WARC.gz"), Some((Format::Warc, true)));
        assert_eq!(Format::from_name("x.htm"), Some((Format::Html, false)));
        assert_eq!(Format::from_name("feed.xml"), Some((Format::Feed, false)));
        assert_eq!(Format::from_name("noext"), None);
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("وصل الجنود".as_bytes()), Format::Text);
    }

    #[test]
    fn windows_1256_pages_are_decoded_by_their_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256
            .encode("<html><head><meta charset=\"windows-1256\"></head><body><p>قصف مدفعي على البلدة صباح اليوم</p></body></html>");
        let (docs, probs) = read_all(Format::Html, &bytes);
        assert!(probs.is_empty(), "{probs:?}");
        assert_eq!(docs[0].text, "قصف مدفعي على البلدة صباح اليوم");
        let (_, probs) = read_all(Format::Html, b"<p>\xC7\xE1\xDE\xD5\xDD</p>");
        assert!(probs[0].why.contains("no charset declared"), "{probs:?}");
    }

    #[test]
    fn bad_inputs_are_problems_with_their_place() {
        let (docs, probs) = read_all(Format::Jsonl, b"{\"id\":\"a\",\"text\":\"\xd9\x86\xd8\xb5\"}\nnot json\n\xff\xfe\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(probs.iter().map(|p| p.at.as_str()).collect::<Vec<_>>(), ["in:2", "in:3"]);
        let (_, probs) = read_all(Format::Text, b"");
        assert_eq!(probs[0].why, "empty file");
        let (_, probs) = read_all(Format::Text, b"\x00\x01binary");
        assert!(probs[0].why.contains("binary"));
        let (_, probs) = read_all(Format::Feed, b"<html></html>");
        assert!(probs[0].why.contains("neither"));
    }
}
