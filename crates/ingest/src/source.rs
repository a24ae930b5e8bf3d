//! Streams of one format into documents. Every problem names where it happened (file, line,
//! record or item) and why; reading goes on after it.

use std::io::{BufRead, Read};

use rasad_pipeline::InputDoc;

use crate::{feed, html, warc};

/// What a stream holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl Format {
    /// The format a file name says, and whether it is gzipped (`.warc.gz`, `.jsonl.gz`).
    pub fn from_name(name: &str) -> Option<(Format, bool)> {
        let lower = name.to_ascii_lowercase();
        let (base, gz) = match lower.strip_suffix(".gz") {
            Some(b) => (b.to_string(), true),
            None => (lower, false),
        };
        let ext = base.rsplit_once('.').map(|(_, e)| e)?;
        let f = match ext {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "warc" | "arc" => Format::Warc,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        };
        Some((f, gz))
    }

    /// The format the first bytes of a stream show (for standard input and unknown names).
    pub fn sniff(head: &[u8]) -> Format {
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &head[i..]);
        let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        let lower: Vec<u8> = start.iter().take(512).map(u8::to_ascii_lowercase).collect();
        let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
        if start.starts_with(b"WARC/") {
            Format::Warc
        } else if start.starts_with(b"{") {
            Format::Jsonl
        } else if lower.starts_with(b"<?xml") && (has(b"<rss") || has(b"<feed") || has(b"<rdf"))
            || lower.starts_with(b"<rss")
            || lower.starts_with(b"<feed")
        {
            Format::Feed
        } else if lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html")
            || (lower.starts_with(b"<") && (has(b"<body") || has(b"<p") || has(b"<div")))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// A problem with one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a path, `path:line` or `path#record`.
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
}

/// Largest single document (text file, page, feed) read into memory.
pub const MAX_DOC_BYTES: u64 = 256 << 20;

/// Checks that bytes are text; the error says why not.
pub fn as_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("looks like a binary file (NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {}); convert it first, e.g. iconv -f windows-1256 -t utf-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Decodes a web page: the charset of the HTTP header, else a byte-order mark, else a `<meta>`
/// declaration, else UTF-8. windows-1256 and ISO-8859-6 pages are common in older Arabic sites.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty page".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return Err("looks like a binary file (NUL bytes)".into());
    }
    let declared = content_type.and_then(charset_param).or_else(|| meta_charset(bytes));
    let enc = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) => enc,
        None => match declared.as_deref().and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
            Some(enc) => enc,
            None => {
                return String::from_utf8(bytes.to_vec()).map_err(|e| {
                    format!(
                        "not valid UTF-8 (byte {}) and no charset declared; add <meta charset=...> or convert it",
                        e.utf8_error().valid_up_to()
                    )
                })
            }
        },
    };
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

fn charset_param(ct: &str) -> Option<String> {
    let lower = ct.to_ascii_lowercase();
    let i = lower.find("charset=")?;
    let v = lower[i + 8..].trim_start_matches(['"', '\'']);
    let end = v.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(v.len());
    Some(v[..end].to_string()).filter(|s| !s.is_empty())
}

fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head[from..].find("<meta") {
        let tag_start = from + i;
        let tag_end = head[tag_start..].find('>').map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        if let Some(c) = charset_param(tag) {
            return Some(c);
        }
        from = tag_end;
    }
    None
}

/// Reads one stream of `format`; `name` is how problems refer to it. `sink` gets every document
/// and problem in order; an error from `sink` stops reading and is returned.
pub fn read_stream<E>(name: &str, format: Format, reader: &mut dyn BufRead, sink: &mut dyn FnMut(Found) -> Result<(), E>) -> Result<(), E> {
    let problem = |at: String, why: String| Found::Problem(Problem { at, why });
    let file_id = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    match format {
        Format::Jsonl => read_jsonl(name, reader, sink),
        Format::Warc => {
            for (i, rec) in warc::Reader::new(reader).enumerate() {
                match rec {
                    Ok(page) => {
                        if !(page.content_type.is_empty() || page.content_type.contains("html")) {
                            continue;
                        }
                        let at = format!("{name}#{}", i + 1);
                        let html = match decode_html(&page.body, Some(&page.content_type)) {
                            Ok(h) => h,
                            Err(why) => {
                                sink(problem(at, why))?;
                                continue;
                            }
                        };
                        let art = html::extract(&html);
                        if art.text.trim().is_empty() {
                            continue;
                        }
                        let id = page.url.clone().unwrap_or(at);
                        sink(Found::Doc(InputDoc {
                            id,
                            text: art.text,
                            published: art.published.or(page.date),
                            url: art.url.or(page.url),
                            outlet: art.outlet,
                            title: art.title,
                        }))?;
                    }
                    Err(e) => sink(problem(name.to_string(), e.to_string()))?,
                }
            }
            Ok(())
        }
        Format::Text | Format::Html | Format::Feed => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(MAX_DOC_BYTES + 1).read_to_end(&mut bytes) {
                return sink(problem(name.to_string(), format!("read error: {e}")));
            }
            if bytes.len() as u64 > MAX_DOC_BYTES {
                return sink(problem(name.to_string(), format!("larger than {} MB; split it or use JSON Lines", MAX_DOC_BYTES >> 20)));
            }
            match format {
                Format::Text => match as_text(bytes) {
                    Ok(text) => sink(Found::Doc(InputDoc { id: file_id, text, ..Default::default() })),
                    Err(why) => sink(problem(name.to_string(), why)),
                },
                Format::Html => {
                    let art = match decode_html(&bytes, None) {
                        Ok(h) => html::extract(&h),
                        Err(why) => return sink(problem(name.to_string(), why)),
                    };
                    if art.text.trim().is_empty() {
                        return sink(problem(name.to_string(), "no article text found in the page".into()));
                    }
                    sink(Found::Doc(InputDoc {
                        id: file_id,
                        text: art.text,
                        published: art.published,
                        url: art.url,
                        outlet: art.outlet,
                        title: art.title,
                    }))
                }
                _ => {
                    let xml = match decode_html(&bytes, None) {
                        Ok(x) => x,
                        Err(why) => return sink(problem(name.to_string(), why)),
                    };
                    match feed::items(&xml) {
                        Ok(items) => {
                            for (i, it) in items.into_iter().enumerate() {
                                if it.text.trim().is_empty() {
                                    sink(problem(format!("{name}#{}", i + 1), "feed item without text".into()))?;
                                    continue;
                                }
                                let id = it.url.clone().unwrap_or_else(|| format!("{file_id}#{}", i + 1));
                                sink(Found::Doc(InputDoc {
                                    id,
                                    text: it.text,
                                    published: it.published,
                                    url: it.url,
                                    outlet: it.outlet,
                                    title: it.title,
                                }))?;
                            }
                            Ok(())
                        }
                        Err(e) => sink(problem(name.to_string(), e.to_string())),
                    }
                }
            }
        }
    }
}

fn read_jsonl<E>(name: &str, reader: &mut dyn BufRead, sink: &mut dyn FnMut(Found) -> Result<(), E>) -> Result<(), E> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => return sink(Found::Problem(Problem { at: name.to_string(), why: format!("read error after line {line_no}: {e}") })),
        };
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let at = || format!("{name}:{line_no}");
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim(),
            Err(e) => {
                sink(Found::Problem(Problem { at: at(), why: format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()) }))?;
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<InputDoc>(line) {
            Ok(doc) => sink(Found::Doc(doc))?,
            Err(e) => sink(Found::Problem(Problem {
                at: at(),
                why: format!("not a document object ({e}); expected {{\"id\", \"text\", \"published\"?}}"),
            }))?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(format: Format, input: &[u8]) -> (Vec<InputDoc>, Vec<Problem>) {
        let (mut docs, mut probs) = (Vec::new(), Vec::new());
        let mut r = input;
        read_stream::<()>("in", format, &mut r, &mut |f| {
            match f {
                Found::Doc(d) => docs.push(d),
                Found::Problem(p) => probs.push(p),
            }
            Ok(())
        })
        .unwrap();
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
