//! WARC (ISO 28500) records: the HTML pages a crawl saved. Reads `response` records (an HTTP
//! response in the block) and `resource` records, plain or gzipped per record (`.warc.gz`, read
//! through a multi-member gzip decoder by the caller).

use std::io::BufRead;

/// Largest record block read into memory; bigger records are skipped with an error.
pub const MAX_RECORD: u64 = 64 << 20;

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

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// Reading failed.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
    /// The stream is not WARC.
    #[error("record {0}: not a WARC record (expected a 'WARC/1.x' line, found {1:?})")]
    NotWarc(usize, String),
    /// A header is missing or wrong.
    #[error("record {0}: {1}")]
    BadHeader(usize, String),
    /// The record is too large.
    #[error("record {0}: block of {1} bytes is over the {MAX_RECORD}-byte limit")]
    TooLarge(usize, u64),
}

/// Reads WARC records one at a time; yields the pages of `response` and `resource` records
/// (other record types are passed over). After an error the reader stops.
pub struct Reader<R> {
    inner: R,
    record: usize,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader over a decompressed WARC stream.
    pub fn new(inner: R) -> Self {
        Reader { inner, record: 0, done: false }
    }

    fn read_line(&mut self, buf: &mut Vec<u8>) -> Result<usize, WarcError> {
        buf.clear();
        // Header lines are short; a missing newline within 64 KiB means this is not a header.
        let n = (&mut self.inner).take(64 << 10).read_until(b'\n', buf)?;
        Ok(n)
    }

    fn next_record(&mut self) -> Result<Option<Page>, WarcError> {
        let mut line = Vec::new();
        // Skip blank lines between records.
        loop {
            if self.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        self.record += 1;
        let rec = self.record;
        if !line.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&line).chars().take(40).collect();
            return Err(WarcError::NotWarc(rec, shown));
        }
        let (mut kind, mut len, mut url, mut date, mut ctype) = (String::new(), None, None, None, String::new());
        loop {
            if self.read_line(&mut line)? == 0 {
                return Err(WarcError::BadHeader(rec, "stream ends inside the header".into()));
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end();
            if l.is_empty() {
                break;
            }
            let Some((name, value)) = l.split_once(':') else { continue };
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
        let len = len.ok_or_else(|| WarcError::BadHeader(rec, "no valid Content-Length".into()))?;
        if len > MAX_RECORD {
            std::io::copy(&mut (&mut self.inner).take(len), &mut std::io::sink())?;
            return Err(WarcError::TooLarge(rec, len));
        }
        let mut block = Vec::with_capacity(len as usize);
        (&mut self.inner).take(len).read_to_end(&mut block)?;
        if (block.len() as u64) < len {
            return Err(WarcError::BadHeader(rec, format!("stream ends inside the block ({} of {len} bytes)", block.len())));
        }
        let page = match kind.as_str() {
            "response" if ctype.starts_with("application/http") => {
                http_page(&block).map(|(content_type, body)| Page { url, date, content_type, body })
            }
            "resource" => Some(Page { url, date, content_type: ctype, body: block }),
            _ => None,
        };
        Ok(Some(page.unwrap_or(Page { url: None, date: None, content_type: String::new(), body: Vec::new() })))
    }
}

use std::io::Read;

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Page, WarcError>;
    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                // Records without a page (requests, metadata, warcinfo) are passed over.
                Ok(Some(p)) if p.content_type.is_empty() && p.body.is_empty() => continue,
                Ok(Some(p)) => return Some(Ok(p)),
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// Splits an HTTP response into its content type and de-chunked body; `None` when the status is
/// not 2xx.
fn http_page(block: &[u8]) -> Option<(String, Vec<u8>)> {
    let head_end = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status = lines.next()?;
    let code: u16 = status.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&code) {
        return None;
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
    let body = &block[head_end.1..];
    Some((ctype, if chunked { dechunk(body) } else { body.to_vec() }))
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

    #[test]
    fn reads_response_records_and_passes_over_the_rest() {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>نص الصفحة</p>";
        let warc = record("warcinfo", "application/warc-fields", "software: test\r\n")
            + &record("request", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n")
            + &record("response", "application/http; msgtype=response", http);
        let pages: Vec<_> = Reader::new(warc.as_bytes()).collect();
        assert_eq!(pages.len(), 1);
        let p = pages[0].as_ref().unwrap();
        assert_eq!(p.url.as_deref(), Some("https://example.invalid/a"));
        assert_eq!(p.date.as_deref(), Some("2020-05-01"));
        assert_eq!(p.content_type, "text/html; charset=utf-8");
        assert_eq!(String::from_utf8_lossy(&p.body), "<p>نص الصفحة</p>");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let http = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        let warc = record("response", "application/http; msgtype=response", http);
        let p = Reader::new(warc.as_bytes()).next().unwrap().unwrap();
        assert_eq!(p.body, b"<p>ab</p>");
    }

    #[test]
    fn garbage_and_truncation_are_errors_not_panics() {
        assert!(matches!(Reader::new(&b"hello\n"[..]).next(), Some(Err(WarcError::NotWarc(1, _)))));
        let cut = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 100\r\n\r\nshort";
        assert!(matches!(Reader::new(cut.as_bytes()).next(), Some(Err(WarcError::BadHeader(1, _)))));
        let nolen = "WARC/1.1\r\nWARC-Type: resource\r\n\r\n";
        assert!(matches!(Reader::new(nolen.as_bytes()).next(), Some(Err(WarcError::BadHeader(1, _)))));
        assert!(Reader::new(&b""[..]).next().is_none());
    }
}
