//! WARC (ISO 28500) records: the HTML pages a crawl saved. Reads `response` records (an HTTP
//! response in the block, whatever the record's Content-Type says) and `resource` records, from
//! a plain or a gzipped stream (`.warc.gz`: one gzip member a record, or the whole file in one).
//!
//! A bad record costs only itself: a line that is no record, a header without its blank line or
//! Content-Length, a Content-Length that does not end the block, a corrupt gzip member. Each is
//! reported with its offset, and reading resumes at the next record (or member). Memory holds
//! one block at a time, at most [`MAX_RECORD`] bytes.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read};

use crate::buf::Buf;
use crate::gz::{Corrupt, Members};

/// Largest record block read into memory; bigger records are skipped with an error.
pub const MAX_RECORD: u64 = 64 << 20;

/// Largest record header; a longer one is no header.
const MAX_HEADER: u64 = 1 << 20;

/// Longest header line.
const MAX_LINE: u64 = 64 << 10;

/// One record's page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date` (YYYY-MM-DD).
    pub date: Option<String>,
    /// The HTTP (or record) content type, lowercased.
    pub content_type: String,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

/// Where a record is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// An offset in a plain file.
    Byte(u64),
    /// In a gzipped file: the offset of the gzip member, and of the record within its data.
    Member {
        /// Offset of the member in the file.
        at: u64,
        /// Offset of the record in the member's decompressed data.
        within: u64,
    },
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Loc::Byte(b) => write!(f, "byte {b}"),
            Loc::Member { at, within: 0 } => write!(f, "gzip member at byte {at}"),
            Loc::Member { at, within } => write!(f, "gzip member at byte {at}, byte {within} of its data"),
        }
    }
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// Reading failed; the rest of the stream is not read.
    #[error("read error: {0}")]
    Io(io::Error),
    /// A gzip member is corrupt, or bytes between members are none.
    #[error("{0}")]
    Gzip(String),
    /// Bytes where a record should begin.
    #[error("not a WARC record (found {found:?}): {skipped} bytes before the next record")]
    NotWarc {
        /// The start of what was found.
        found: String,
        /// Bytes skipped.
        skipped: u64,
    },
    /// The header is broken.
    #[error("{0}")]
    BadHeader(String),
    /// The block is too large to read.
    #[error("block of {0} bytes is over the limit of {mib} MiB", mib = MAX_RECORD >> 20)]
    TooLarge(u64),
    /// The Content-Length does not end the block.
    #[error("{0}")]
    Length(String),
}

/// What a WARC stream yields.
#[derive(Debug)]
pub enum Item {
    /// An HTML page.
    Page {
        /// The record's number in the file (1 for the first).
        number: usize,
        /// Where the record is.
        at: Loc,
        /// The page.
        page: Page,
    },
    /// A bad record (or bad bytes), skipped.
    Bad {
        /// Where.
        at: Loc,
        /// Why.
        error: WarcError,
    },
}

/// What a stream held besides pages.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Records begun.
    pub records: usize,
    /// Bad records and bytes (each yielded as [`Item::Bad`]).
    pub bad: usize,
    /// Records of other types (warcinfo, request, metadata, revisit …), by type.
    pub other_types: BTreeMap<String, usize>,
    /// Responses and resources that are not HTML, by content type.
    pub not_html: BTreeMap<String, usize>,
    /// Responses with an HTTP status other than 2xx.
    pub not_2xx: usize,
    /// Responses whose HTTP message has no status line or no end to its header.
    pub bad_http: usize,
}

enum Src<R> {
    Plain(R),
    Gz(Box<Members<R>>),
}

impl<R: Read> Read for Src<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        match self {
            Src::Plain(r) => r.read(out),
            Src::Gz(m) => m.read(out),
        }
    }
}

/// Why a record ended early.
enum Stop {
    End,
    Bad(Loc, WarcError),
}

type Step<T> = Result<T, Stop>;

/// Reads WARC records one at a time, yielding pages and bad records; see the module.
pub struct Reader<R> {
    src: Buf<Src<R>>,
    record: usize,
    /// Where the last record begun is.
    at: Loc,
    done: bool,
    tally: Tally,
}

impl<R: BufRead> Reader<R> {
    /// A reader over a WARC stream, gzipped (seen from its first bytes) or not.
    pub fn new(mut inner: R) -> Self {
        let gz = inner.fill_buf().is_ok_and(|b| b.starts_with(&[0x1f, 0x8b]));
        let src = if gz { Src::Gz(Box::new(Members::new(inner))) } else { Src::Plain(inner) };
        Reader { src: Buf::new(src), record: 0, at: Loc::Byte(0), done: false, tally: Tally::default() }
    }
}

impl<R: Read> Reader<R> {
    /// What the stream held besides pages, so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    fn locate(&mut self, pos: u64) -> Loc {
        match self.src.inner_mut() {
            Src::Plain(_) => Loc::Byte(pos),
            Src::Gz(m) => {
                let (at, within) = m.locate(pos);
                Loc::Member { at, within }
            }
        }
    }

    /// The stop an I/O error makes: a corrupt gzip member ends the record (reading resumes at
    /// the next member); any other error ends the stream.
    fn io(&mut self, e: io::Error, start: u64) -> Stop {
        if let Some(c) = Corrupt::of(&e) {
            // What is buffered came before the corrupt part.
            self.src.discard();
            return Stop::Bad(Loc::Member { at: c.at, within: 0 }, WarcError::Gzip(c.why.clone()));
        }
        self.done = true;
        let at = self.locate(start);
        Stop::Bad(at, WarcError::Io(e))
    }

    fn peek(&mut self, n: usize, start: u64) -> Step<Vec<u8>> {
        match self.src.peek(n) {
            Ok(b) => Ok(b.to_vec()),
            Err(e) => Err(self.io(e, start)),
        }
    }

    fn line(&mut self, line: &mut Vec<u8>, start: u64) -> Step<usize> {
        line.clear();
        match (&mut self.src).take(MAX_LINE).read_until(b'\n', line) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.io(e, start)),
        }
    }

    /// Consumes whitespace; returns it (the first 64 KiB of it).
    fn blank(&mut self, start: u64) -> Step<Vec<u8>> {
        let mut ws = Vec::new();
        loop {
            let buf = match self.src.fill_buf() {
                Ok(b) => b,
                Err(e) => return Err(self.io(e, start)),
            };
            let n = buf.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(buf.len());
            if ws.len() < MAX_LINE as usize {
                ws.extend_from_slice(&buf[..n]);
            }
            let more = n == buf.len() && n > 0;
            self.src.consume(n);
            if !more {
                return Ok(ws);
            }
        }
    }

    /// Skips to the next line that begins a record (or to the end); returns the bytes skipped.
    fn skip_to_record(&mut self, start: u64) -> Step<u64> {
        if self.peek(5, start)? == b"WARC/" {
            return Ok(0);
        }
        let skipped = self.src.skip_until(b'\n', 6, u64::MAX, |h| h.starts_with(b"\nWARC/"));
        match skipped {
            Ok(n) => {
                let nl = u64::from(!self.src.at_end());
                self.src.consume(nl as usize);
                Ok(n + nl)
            }
            Err(e) => Err(self.io(e, start)),
        }
    }

    /// The bad record at `start`, after skipping to the next record.
    fn bad_skip(&mut self, start: u64, why: String) -> Stop {
        match self.skip_to_record(start) {
            Ok(n) => Stop::Bad(self.locate(start), WarcError::BadHeader(format!("{why} (the next record begins {n} bytes further)"))),
            Err(stop) => stop,
        }
    }

    fn next_record(&mut self) -> Step<Option<Page>> {
        let start = self.src.pos();
        self.blank(start)?;
        let start = self.src.pos();
        let at = self.locate(start);
        self.at = at;
        let head = self.peek(5, start)?;
        if head.is_empty() {
            return Err(Stop::End);
        }
        if head != b"WARC/" {
            let mut line = Vec::new();
            self.line(&mut line, start)?;
            let found: String = String::from_utf8_lossy(&line).trim_end().chars().take(40).collect();
            let skipped = line.len() as u64 + self.skip_to_record(start)?;
            return Err(Stop::Bad(at, WarcError::NotWarc { found, skipped }));
        }
        self.record += 1;
        self.tally.records += 1;
        let mut line = Vec::new();
        self.line(&mut line, start)?;
        let (mut kind, mut len, mut url, mut date, mut ctype) = (String::new(), None, None, None, String::new());
        loop {
            if self.line(&mut line, start)? == 0 {
                return Err(Stop::Bad(at, WarcError::BadHeader("the file ends inside the record's header".into())));
            }
            if self.src.pos() - start > MAX_HEADER {
                return Err(self.bad_skip(start, format!("header longer than {MAX_HEADER} bytes (no blank line ends it)")));
            }
            if line.starts_with(b"WARC/") {
                // The next record: this header had no blank line.
                self.src.unread(&line);
                return Err(Stop::Bad(at, WarcError::BadHeader("header not ended by a blank line".into())));
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end();
            if l.is_empty() {
                break;
            }
            if l.starts_with([' ', '\t']) {
                continue;
            }
            let Some((name, value)) = l.split_once(':') else {
                let shown: String = l.chars().take(40).collect();
                return Err(self.bad_skip(start, format!("header line without a colon ({shown:?})")));
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => kind = value.to_ascii_lowercase(),
                "content-length" => len = value.parse::<u64>().ok(),
                "warc-target-uri" => url = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => date = value.get(..10).map(str::to_string),
                "content-type" => ctype = value.to_ascii_lowercase(),
                _ => {}
            }
        }
        let Some(len) = len else {
            return Err(self.bad_skip(start, "no valid Content-Length in the header; add one".into()));
        };
        let block = self.block(len, start, at)?;
        Ok(self.page(&kind, url, date, ctype, block))
    }

    /// The block of `len` bytes, checked to end where the next record (or the file) begins.
    fn block(&mut self, len: u64, start: u64, at: Loc) -> Step<Vec<u8>> {
        let wrong = |next: u64| format!("its Content-Length ({len}) runs past the next record, at byte {next}");
        if len > MAX_RECORD {
            // Skipped; but a record beginning inside it means the length is wrong.
            let skipped = self.src.skip_until(b'\r', 11, len, |h| h.starts_with(b"\r\n\r\nWARC/1.")).map_err(|e| self.io(e, start))?;
            if skipped < len && !self.src.at_end() {
                self.src.consume(4);
                return Err(Stop::Bad(at, WarcError::Length(wrong(self.src.pos()))));
            }
            if skipped < len {
                let why = format!("the file ends inside the block ({skipped} of its {len} bytes)");
                return Err(Stop::Bad(at, WarcError::Length(why)));
            }
            if !self.trailer()?.1 {
                let why = format!("{}; and its Content-Length does not end the block", WarcError::TooLarge(len));
                return Err(self.bad_skip(start, why));
            }
            return Err(Stop::Bad(at, WarcError::TooLarge(len)));
        }
        let mut block = Vec::new();
        (&mut self.src).take(len).read_to_end(&mut block).map_err(|e| self.io(e, start))?;
        let next_in_block = || find(&block, b"\nWARC/1.").map(|i| i + 1);
        if (block.len() as u64) < len {
            let Some(i) = next_in_block() else {
                let why = format!("the file ends inside the block ({} of its {len} bytes)", block.len());
                return Err(Stop::Bad(at, WarcError::Length(why)));
            };
            self.src.unread(&block[i..]);
            return Err(Stop::Bad(at, WarcError::Length(wrong(self.src.pos()))));
        }
        let (ws, ok) = self.trailer()?;
        if ok {
            return Ok(block);
        }
        if let Some(i) = next_in_block() {
            self.src.unread(&ws);
            self.src.unread(&block[i..]);
            return Err(Stop::Bad(at, WarcError::Length(wrong(self.src.pos()))));
        }
        Err(self.bad_skip(start, format!("its Content-Length ({len}) ends the block early: no blank line follows it")))
    }

    /// Whether the block just read is followed by its blank lines and the next record (or the
    /// end); the whitespace consumed to see.
    fn trailer(&mut self) -> Step<(Vec<u8>, bool)> {
        let pos = self.src.pos();
        let head = self.peek(4, pos)?;
        if head == b"\r\n\r\n" || head.starts_with(b"\n\n") {
            let n = if head[0] == b'\r' { 4 } else { 2 };
            self.src.consume(n);
            // A look past it: where the record ends its gzip member, the member's checksum is
            // checked before the record is taken.
            self.peek(1, pos)?;
            return Ok((Vec::new(), true));
        }
        let ws = self.blank(pos)?;
        let next = self.peek(5, pos)?;
        Ok((ws, next.is_empty() || next == b"WARC/"))
    }

    /// The page of a record, or what it is tallied as.
    fn page(&mut self, kind: &str, url: Option<String>, date: Option<String>, ctype: String, block: Vec<u8>) -> Option<Page> {
        let (content_type, body) = match kind {
            "response" if block.starts_with(b"HTTP/") => match http_page(block) {
                Ok(p) => p,
                Err(Some(_)) => {
                    self.tally.not_2xx += 1;
                    return None;
                }
                Err(None) => {
                    self.tally.bad_http += 1;
                    return None;
                }
            },
            "response" | "resource" => (ctype, block),
            other => {
                *self.tally.other_types.entry(if other.is_empty() { "untyped".into() } else { other.into() }).or_default() += 1;
                return None;
            }
        };
        if !(content_type.is_empty() || content_type.contains("html")) {
            let main = content_type.split(';').next().unwrap_or_default().trim().to_string();
            *self.tally.not_html.entry(main).or_default() += 1;
            return None;
        }
        Some(Page { url, date, content_type, body })
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            // Bytes between gzip members are told after the record read before them.
            if let Src::Gz(m) = self.src.inner_mut() {
                if let Some(junk) = m.junk() {
                    self.tally.bad += 1;
                    return Some(Item::Bad { at: Loc::Byte(junk.at), error: WarcError::Gzip(junk.why) });
                }
            }
            if self.done {
                return None;
            }
            match self.next_record() {
                Ok(Some(page)) => return Some(Item::Page { number: self.record, at: self.at, page }),
                Ok(None) => {}
                Err(Stop::End) => self.done = true,
                Err(Stop::Bad(at, error)) => {
                    self.tally.bad += 1;
                    return Some(Item::Bad { at, error });
                }
            }
        }
    }
}

/// Splits an HTTP response into its content type and de-chunked body; the error is the status
/// when it is not 2xx, `None` when the message is malformed.
fn http_page(mut block: Vec<u8>) -> Result<(String, Vec<u8>), Option<u16>> {
    let head_end = find(&block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(&block, b"\n\n").map(|i| (i, i + 2))).ok_or(None)?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let code: u16 = lines.next().and_then(|status| status.split_whitespace().nth(1)?.parse().ok()).ok_or(None)?;
    if !(200..300).contains(&code) {
        return Err(Some(code));
    }
    let (mut ctype, mut chunked) = (String::new(), false);
    for l in lines {
        if let Some((n, v)) = l.split_once(':') {
            match n.trim().to_ascii_lowercase().as_str() {
                "content-type" => ctype = v.trim().to_ascii_lowercase(),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
    // The body in place of the block: no second copy of a large record.
    block.drain(..head_end.1);
    Ok((ctype, if chunked { dechunk(&block) } else { block }))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Joins HTTP/1.1 chunks; a malformed chunk ends the body there.
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    while let Some(eol) = find(b, b"\r\n") {
        let size_txt = String::from_utf8_lossy(&b[..eol]);
        let Ok(size) = usize::from_str_radix(size_txt.split(';').next().unwrap_or("").trim(), 16) else { break };
        if size == 0 {
            break;
        }
        let start = eol + 2;
        let end = start.saturating_add(size).min(b.len());
        out.extend_from_slice(&b[start..end]);
        b = b.get(end + 2..).unwrap_or(&[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, ctype: &str, block: &str) -> String {
        format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.invalid/a\r\nWARC-Date: 2020-05-01T10:00:00Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n", block.len())
    }

    fn pages(warc: &str) -> Vec<Item> {
        Reader::new(warc.as_bytes()).collect()
    }

    #[test]
    fn reads_response_records_and_passes_over_the_rest() {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>نص الصفحة</p>";
        let warc = record("warcinfo", "application/warc-fields", "software: test\r\n")
            + &record("request", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n")
            + &record("response", "application/http; msgtype=response", http);
        let mut r = Reader::new(warc.as_bytes());
        let Some(Item::Page { number: 3, at: Loc::Byte(_), page: p }) = r.next() else { panic!("a page") };
        assert_eq!(p.url.as_deref(), Some("https://example.invalid/a"));
        assert_eq!(p.date.as_deref(), Some("2020-05-01"));
        assert_eq!(p.content_type, "text/html; charset=utf-8");
        assert_eq!(String::from_utf8_lossy(&p.body), "<p>نص الصفحة</p>");
        assert!(r.next().is_none());
        assert_eq!(r.tally().other_types.values().sum::<usize>(), 2);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let http = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        let Some(Item::Page { page, .. }) = pages(&record("response", "application/http; msgtype=response", http)).pop() else { panic!() };
        assert_eq!(page.body, b"<p>ab</p>");
    }

    #[test]
    fn garbage_and_truncation_are_errors_not_panics() {
        assert!(matches!(&pages("hello\n")[..], [Item::Bad { at: Loc::Byte(0), error: WarcError::NotWarc { skipped: 6, .. } }]));
        let cut = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 100\r\n\r\nshort";
        assert!(matches!(&pages(cut)[..], [Item::Bad { error: WarcError::Length(_), .. }]));
        let nolen = "WARC/1.1\r\nWARC-Type: resource\r\n\r\n";
        assert!(matches!(&pages(nolen)[..], [Item::Bad { error: WarcError::BadHeader(_), .. }]));
        assert!(pages("").is_empty());
        assert!(matches!(&pages("WARC/1.1\r\nWARC-Type: resource\r\n")[..], [Item::Bad { .. }]));
    }
}
