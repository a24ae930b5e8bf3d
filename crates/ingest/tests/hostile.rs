//! Broken and hostile inputs, generated here at run time: a bad record, item or byte-order mark
//! costs only itself, and every loss is reported with the file and where in it.

use std::io::Write;

use rasad_ingest::{read_stream, Format, Found, Problem};
use rasad_model::InputDoc;

#[derive(Default, Debug)]
struct Read {
    docs: Vec<InputDoc>,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
}

fn read(format: Format, bytes: &[u8]) -> Read {
    let mut r = Read::default();
    for f in read_stream("in", format, Box::new(bytes)) {
        match f {
            Found::Doc(d) => r.docs.push(d),
            Found::Problem(p) => r.problems.push(p),
            Found::Note(p) => r.notes.push(p),
        }
    }
    r
}

/// The numbers of the pages read (their URLs end in the number).
fn numbers(docs: &[InputDoc]) -> Vec<usize> {
    docs.iter().map(|d| d.url.as_deref().and_then(|u| u.rsplit('/').next()?.parse().ok()).unwrap_or(0)).collect()
}

fn page(n: usize) -> String {
    format!("<html><body><p>الخبر رقم {n}: قصفت الطائرات البلدة صباح اليوم وقتل ثلاثة مدنيين.</p></body></html>")
}

fn http(ctype: &str, body: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
}

/// A `response` record of page `n`, its header saying `len` for a block of `block.len()` bytes.
fn record_len(n: usize, ctype: &str, block: &str, len: u64) -> String {
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.invalid/{n}\r\nWARC-Date: 2024-02-02T00:00:00Z\r\n\
         Content-Type: {ctype}\r\nContent-Length: {len}\r\n\r\n{block}\r\n\r\n"
    )
}

fn record(n: usize, ctype: &str, block: &str) -> String {
    record_len(n, ctype, block, block.len() as u64)
}

fn response(n: usize) -> String {
    record(n, "application/http; msgtype=response", &http("text/html; charset=utf-8", &page(n)))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn has(ps: &[Problem], at: &str, why: &str) -> bool {
    ps.iter().any(|p| p.at.contains(at) && p.why.contains(why))
}

#[test]
fn a_garbage_line_between_records_costs_nothing_but_is_reported() {
    let first = response(1);
    let warc = format!("{first}this line is no record\r\n{}{}", response(2), response(3));
    let r = read(Format::Warc, warc.as_bytes());
    assert_eq!(numbers(&r.docs), [1, 2, 3], "{r:?}");
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(has(&r.problems, &format!("in (byte {})", first.len()), "not a WARC record"), "{r:?}");
}

#[test]
fn a_wrong_content_length_costs_only_its_record() {
    let http_of = |n| http("text/html", &page(n));
    let short = record_len(2, "application/http", &http_of(2), http_of(2).len() as u64 - 30);
    let long = record_len(4, "application/http", &http_of(4), http_of(4).len() as u64 + 200);
    let huge = record_len(6, "application/http", &http_of(6), 99_999_999_999);
    let parts = [response(1), short, response(3), long, response(5), huge, response(7)];
    let warc = parts.concat();
    let r = read(Format::Warc, warc.as_bytes());
    assert_eq!(numbers(&r.docs), [1, 3, 5, 7], "{r:?}");
    let at = |i: usize| format!("in (byte {})", parts[..i].iter().map(String::len).sum::<usize>());
    assert!(has(&r.problems, &at(1), "Content-Length"), "{r:?}");
    assert!(has(&r.problems, &at(3), "Content-Length"), "{r:?}");
    assert!(has(&r.problems, &at(5), "Content-Length"), "{r:?}");
    // A record cut short by the end of the file is one problem, not a loop.
    let cut = response(1) + &response(2)[..100];
    let r = read(Format::Warc, cut.as_bytes());
    assert_eq!((numbers(&r.docs), r.problems.len()), (vec![1], 1), "{r:?}");
    // A header that never ends: the next record starts at the next version line.
    let unended = response(1).replacen("\r\n\r\n", "\r\n", 1) + &response(2);
    let r = read(Format::Warc, unended.as_bytes());
    assert_eq!(numbers(&r.docs), [2], "{r:?}");
    assert!(has(&r.problems, "in (byte 0)", ""), "{r:?}");
}

#[test]
fn a_corrupt_gzip_member_costs_only_its_record() {
    let mut members: Vec<Vec<u8>> = (1..=6).map(|n| gzip(response(n).as_bytes())).collect();
    // Member 2: a byte of its compressed data changed; member 4: its checksum wrong.
    let m = members[1].len() / 2;
    members[1][m] ^= 0x55;
    let l = members[3].len();
    members[3][l - 8] ^= 0xff;
    // Junk between members 5 and 6.
    members[4].extend_from_slice(b"junk between members");
    let at = |i: usize| members[..i].iter().map(Vec::len).sum::<usize>();
    let (at2, at4, at6) = (at(1), at(3), at(5) - 20);
    let r = read(Format::Warc, &members.concat());
    assert_eq!(numbers(&r.docs), [1, 3, 5, 6], "{r:?}");
    assert!(has(&r.problems, &format!("gzip member at byte {at2}"), "corrupt"), "{r:?}");
    assert!(has(&r.problems, &format!("gzip member at byte {at4}"), "corrupt"), "{r:?}");
    assert!(has(&r.problems, &format!("in (byte {at6})"), "not a gzip member"), "{r:?}");
    // A file cut inside its last member.
    let whole = [gzip(response(1).as_bytes()), gzip(response(2).as_bytes())].concat();
    let r = read(Format::Warc, &whole[..whole.len() - 30]);
    assert_eq!(numbers(&r.docs), [1], "{r:?}");
    assert_eq!(r.problems.len(), 1, "{r:?}");
}

#[test]
fn response_records_without_application_http_are_read_and_what_is_passed_over_is_told() {
    // An HTTP message under another record type, and a bare page as the block.
    let warc = record(1, "text/html", &http("text/html", &page(1))) + &record(2, "text/html; charset=utf-8", &page(2));
    let r = read(Format::Warc, warc.as_bytes());
    assert_eq!(numbers(&r.docs), [1, 2], "{r:?}");
    assert!(r.problems.is_empty() && r.notes.is_empty(), "{r:?}");
    // Nothing but images: a problem that says what the records were.
    let png = http("image/png", "\u{89}PNG....");
    let warc = record(1, "application/http", &png) + &record(2, "application/http", &png);
    let r = read(Format::Warc, warc.as_bytes());
    assert!(r.docs.is_empty());
    assert!(has(&r.problems, "in", "2 not HTML (image/png 2)"), "{r:?}");
    // A page and an image: the page is read, the image told of without failing.
    let warc = response(1) + &record(2, "application/http", &png);
    let r = read(Format::Warc, warc.as_bytes());
    assert_eq!((numbers(&r.docs), r.problems.len()), (vec![1], 0), "{r:?}");
    assert!(has(&r.notes, "in", "1 not HTML (image/png 1)"), "{r:?}");
}

fn rss_item(n: usize) -> String {
    format!(
        "<item><title>خبر {n}</title><link>https://example.invalid/{n}</link><description>قصف على البلدة رقم {n}</description></item>\n"
    )
}

#[test]
fn a_malformed_feed_tail_keeps_the_items_before_it() {
    let head = format!("<?xml version=\"1.0\"?>\n<rss><channel><title>وكالة</title>\n{}{}", rss_item(1), rss_item(2));
    let bad = format!("{head}<item><title>ثالث</titel></item>\n</channel></rss>");
    let r = read(Format::Feed, bad.as_bytes());
    assert_eq!(numbers(&r.docs), [1, 2], "{r:?}");
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(has(&r.problems, "in:5", &format!("byte {}", head.len())), "{r:?}");
    // Cut inside an item.
    let cut = format!("{head}<item><title>ثالث");
    let r = read(Format::Feed, cut.as_bytes());
    assert_eq!(numbers(&r.docs), [1, 2], "{r:?}");
    assert!(has(&r.problems, "in:5", "ends inside"), "{r:?}");
}

#[test]
fn byte_order_marks_are_not_text_and_utf16_is_decoded() {
    let text = "قصفت الطائرات البلدة";
    let r = read(Format::Text, format!("\u{feff}{text}").as_bytes());
    assert_eq!(r.docs[0].text, text, "{r:?}");
    let jsonl = format!("\u{feff}{{\"id\":\"a\",\"text\":\"{text}\"}}\n");
    let r = read(Format::Jsonl, jsonl.as_bytes());
    assert_eq!((r.docs.len(), r.problems.len()), (1, 0), "{r:?}");
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    for bytes in [le, be] {
        let r = read(Format::Text, &bytes);
        assert_eq!(r.docs.first().map(|d| d.text.as_str()), Some(text), "{r:?}");
    }
    // An odd byte or a lone surrogate is no UTF-16.
    let r = read(Format::Text, &[0xFF, 0xFE, 0x41, 0x00, 0x42]);
    assert!(has(&r.problems, "in", "UTF-16"), "{r:?}");
    let r = read(Format::Text, &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]);
    assert!(has(&r.problems, "in", "UTF-16"), "{r:?}");
    let r = read(Format::Html, format!("\u{feff}<html><body><p>{text}</p></body></html>").as_bytes());
    assert_eq!(r.docs[0].text, text, "{r:?}");
}

#[test]
fn a_line_too_long_costs_only_itself_and_is_read_through_without_being_kept() {
    use rasad_ingest::MAX_LINE_BYTES;
    let good = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"قصفت الطائرات البلدة صباح اليوم\"}}\n");
    let mut jsonl = good("a").into_bytes();
    jsonl.extend_from_slice(b"{\"id\":\"big\",\"text\":\"");
    jsonl.resize(jsonl.len() + MAX_LINE_BYTES as usize + 10, b'a');
    jsonl.extend_from_slice(b"\"}\n");
    jsonl.extend_from_slice(good("c").as_bytes());
    let r = read(Format::Jsonl, &jsonl);
    assert_eq!(r.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
    assert!(has(&r.problems, "in:2", "more than the 16 MB a JSON line may have"), "{:?}", r.problems);
    // A line of no newline at all, to the end of a gzipped stream.
    let mut nonl = b"{\"id\":\"x\",\"text\":\"".to_vec();
    nonl.resize(MAX_LINE_BYTES as usize * 2, b'b');
    let r = read(Format::Jsonl, &nonl);
    assert!(r.docs.is_empty() && has(&r.problems, "in:1", "a line of 32.0 MB"), "{:?}", r.problems);
}

#[test]
fn documents_larger_than_the_limit_are_problems_whatever_the_format() {
    use rasad_ingest::{MAX_DOC_BYTES, MAX_PAGE_BYTES};
    let text = "قصف ".repeat(MAX_DOC_BYTES as usize / 7 + 10);
    let r = read(Format::Text, text.as_bytes());
    assert!(r.docs.is_empty() && has(&r.problems, "in", "larger than the 512 KB a text file may have"), "{:?}", r.problems);
    let line = format!("{{\"id\":\"long\",\"text\":\"{text}\"}}\n{{\"id\":\"b\",\"text\":\"نص\"}}\n");
    let r = read(Format::Jsonl, line.as_bytes());
    assert_eq!(r.docs.len(), 1);
    assert!(has(&r.problems, "in:1 (document \"long\")", "document text of 524"), "{:?}", r.problems);
    let r = read(Format::Html, format!("<p>{text}</p>").as_bytes());
    assert!(has(&r.problems, "in", "more than the 512 KB a document may have"), "{:?}", r.problems);
    // A page too large to parse, in a WARC archive: only its record is lost.
    let big = format!("<p>{}</p>", "ب".repeat(MAX_PAGE_BYTES as usize / 2 + 1));
    let warc = record(1, "application/http; msgtype=response", &http("text/html", &big)) + &response(2);
    let r = read(Format::Warc, warc.as_bytes());
    assert_eq!(numbers(&r.docs), [2]);
    assert!(has(&r.problems, "in (byte 0)", "more than the 16 MB a page may have"), "{:?}", r.problems);
    // A page of too many elements.
    let r = read(Format::Html, "<i></i>".repeat(rasad_ingest::html::MAX_ELEMENTS + 1).as_bytes());
    assert!(has(&r.problems, "in", "more than 100000 elements"), "{:?}", r.problems);
}

#[test]
fn a_publication_date_that_is_no_date_costs_the_date_not_the_document() {
    let line = |id: &str, published: &str| format!("{{\"id\":\"{id}\",\"published\":{published},\"text\":\"نص الخبر\"}}\n");
    let jsonl =
        [line("a", "\"21/07/2015\""), line("b", "7"), line("c", "\"Tue, 21 Jul 2015 10:30:00 +0300\""), line("d", "\"2015-07-21\"")]
            .concat();
    let r = read(Format::Jsonl, jsonl.as_bytes());
    assert_eq!(r.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d"], "{r:?}");
    assert_eq!(r.docs[0].published, None);
    assert_eq!(r.docs[2].published.map(|d| d.to_string()).as_deref(), Some("2015-07-21"));
    assert!(r.problems.is_empty(), "{r:?}");
    assert!(has(&r.notes, "in:1", "published date \"21/07/2015\" is not a date"), "{:?}", r.notes);
    assert!(has(&r.notes, "in:2", "the document is read without one"), "{:?}", r.notes);
    // Any other fault still costs the line.
    let r = read(Format::Jsonl, b"{\"id\":\"e\",\"published\":\"x\",\"text\":5}\n");
    assert!(r.docs.is_empty() && has(&r.problems, "in:1", "not a document object"), "{r:?}");
}
