//! Bytes to text: UTF-8 files, and web pages in the charset they declare.

/// Checks that bytes are text and makes them a string: UTF-8, or UTF-16 (little- or big-endian)
/// when a byte-order mark says so. The mark is not kept: offsets into the text count from after
/// it. The error says why not, with the offset in the file.
pub fn as_text(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let (enc, bom) = encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_8, 0));
    if bom == bytes.len() {
        return Err("empty file (nothing after its byte-order mark)".into());
    }
    if enc != encoding_rs::UTF_8 {
        return utf16(&bytes[bom..], enc == encoding_rs::UTF_16LE, bom);
    }
    bytes.drain(..bom);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("looks like a binary file (NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {}); convert it first, e.g. iconv -f windows-1256 -t utf-8",
            e.utf8_error().valid_up_to() + bom
        )
    })
}

/// UTF-16 after a byte-order mark of `bom` bytes.
fn utf16(body: &[u8], le: bool, bom: usize) -> Result<String, String> {
    let name = if le { "UTF-16LE" } else { "UTF-16BE" };
    let fix = format!("convert it first, e.g. iconv -f {name} -t utf-8");
    if body.len() % 2 == 1 {
        return Err(format!("not valid {name} (an odd number of bytes after its byte-order mark); {fix}"));
    }
    let units = body.chunks_exact(2).map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    let mut text = String::with_capacity(body.len() * 3 / 2);
    let mut at = bom;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') if at < 16384 => return Err("looks like a binary file (NUL characters)".into()),
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => return Err(format!("not valid {name} (a lone surrogate at offset {at}); {fix}")),
        }
    }
    Ok(text)
}

/// Decodes a web page: the charset of the HTTP header, else a byte-order mark, else a `<meta>`
/// declaration, else UTF-8; a single-byte declaration over bytes that are valid UTF-8 (and not all
/// ASCII) is taken for a stale label and the page read as UTF-8. windows-1256 and ISO-8859-6 pages are common in older Arabic sites.
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
            // A page re-saved as UTF-8 often keeps its old declaration: bytes that are valid UTF-8
            // with multi-byte sequences are UTF-8 whatever a single-byte label says (Arabic text in
            // windows-1256 or ISO-8859-6 is practically never valid UTF-8).
            Some(enc) if enc.is_single_byte() && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
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

pub(crate) fn charset_param(ct: &str) -> Option<String> {
    let lower = ct.to_ascii_lowercase();
    let i = lower.find("charset=")?;
    let v = lower[i + 8..].trim_start_matches(['"', '\'']);
    let end = v.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(v.len());
    Some(v[..end].to_string()).filter(|s| !s.is_empty())
}

/// Most bytes of a page read for a `<meta>` charset declaration: the whole `<head>` up to this
/// (a page may declare it after thirty other meta tags), never its body.
pub const MAX_HEAD_BYTES: usize = 64 << 10;

/// The charset a `<meta>` tag of the page's `<head>` declares (`<meta charset=…>` or
/// `http-equiv` `content="…; charset=…"`), lowercased; read up to `</head>` or `<body`, at most
/// [`MAX_HEAD_BYTES`].
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<String> {
    let window = &bytes[..bytes.len().min(MAX_HEAD_BYTES)];
    let end = [&b"</head"[..], b"<body"]
        .iter()
        .filter_map(|pat| window.windows(pat.len()).position(|w| w.eq_ignore_ascii_case(pat)))
        .min()
        .unwrap_or(window.len());
    let head = String::from_utf8_lossy(&window[..end]).to_ascii_lowercase();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_under_a_single_byte_label_is_read_as_utf8() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><p>قصفت الطائرات البلدة</p></body></html>";
        assert!(decode_html(page.as_bytes(), None).unwrap().contains("قصفت الطائرات"));
        // The label still decides a page that is not UTF-8.
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(page);
        assert!(decode_html(&cp1256, None).unwrap().contains("قصفت الطائرات"));
        assert!(decode_html(&cp1256, Some("text/html; charset=windows-1256")).unwrap().contains("قصفت"));
    }

    #[test]
    fn a_declaration_late_in_a_long_head_is_seen_and_one_in_the_body_is_not() {
        let metas: String = (0..60).map(|i| format!("<meta name=\"k{i}\" content=\"قيمة طويلة نوعا ما للوسم رقم {i}\">\n")).collect();
        assert!(metas.len() > 4096);
        let body = "<p>قصف مدفعي على البلدة صباح اليوم</p>";
        let page = format!("<html><head>{metas}<meta charset=\"windows-1256\"></head><body>{body}</body></html>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
        assert_eq!(meta_charset(&bytes).as_deref(), Some("windows-1256"));
        assert!(decode_html(&bytes, None).unwrap().contains("قصف مدفعي"));
        // Only the head is read: a page quoting a charset in its text declares nothing.
        assert_eq!(meta_charset(b"<html><head></head><body><meta charset=\"koi8-r\"></body>"), None);
        assert_eq!(
            meta_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\">").as_deref(),
            Some("iso-8859-6")
        );
    }
}
