//! Bytes to text: UTF-8 files, and web pages in the charset they declare.

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

pub(crate) fn charset_param(ct: &str) -> Option<String> {
    let lower = ct.to_ascii_lowercase();
    let i = lower.find("charset=")?;
    let v = lower[i + 8..].trim_start_matches(['"', '\'']);
    let end = v.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(v.len());
    Some(v[..end].to_string()).filter(|s| !s.is_empty())
}

pub(crate) fn meta_charset(bytes: &[u8]) -> Option<String> {
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
