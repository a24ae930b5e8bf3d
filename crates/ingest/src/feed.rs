//! RSS 2.0 and Atom feeds: one document per item, its text from the item's content (or
//! description), HTML markup removed.

use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;

/// One feed item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// Title.
    pub title: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// YYYY-MM-DD from pubDate / published / updated / dc:date.
    pub published: Option<String>,
    /// Plain text of the content (content:encoded, content) or else the description (summary).
    pub text: String,
    /// The feed's own title, as the outlet.
    pub outlet: Option<String>,
}

/// Why a feed could not be read (to its end). Offsets are bytes of the text given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FeedError {
    /// The XML is malformed.
    #[error("malformed XML at byte {pos}: {msg}")]
    Xml {
        /// Byte position.
        pos: u64,
        /// The parser's message.
        msg: String,
        /// Where the item it is in begins, if it is in one.
        item: Option<u64>,
    },
    /// The text ends inside an item.
    #[error("the feed ends inside the item that begins at byte {item}")]
    Cut {
        /// Where the item begins.
        item: u64,
    },
    /// The document is XML but neither RSS nor Atom.
    #[error("neither an RSS <channel> nor an Atom <feed>")]
    NotAFeed,
}

impl FeedError {
    /// Where the loss begins: the item cut or broken, else the error.
    pub fn lost_from(&self) -> u64 {
        match self {
            FeedError::Xml { pos, item, .. } => item.unwrap_or(*pos),
            FeedError::Cut { item } => *item,
            FeedError::NotAFeed => 0,
        }
    }
}

/// A feed's items, and the error that ended it early (the items before it are kept).
#[derive(Debug, Default)]
pub struct Feed {
    /// The items read.
    pub items: Vec<Item>,
    /// What ended the reading before the end, if anything did.
    pub error: Option<FeedError>,
}

#[derive(Default)]
struct Pending {
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    content: Option<String>,
    description: Option<String>,
}

/// Reads the items of an RSS or Atom document, up to its end or its first malformed part.
pub fn items(xml: &str) -> Feed {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<Pending> = None;
    let mut outlet: Option<String> = None;
    let mut is_feed = false;
    let mut text = String::new();
    // Where the item being read begins.
    let mut item_at = 0;
    loop {
        let before = reader.buffer_position();
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let error = FeedError::Xml { pos: reader.error_position(), msg: e.to_string(), item: item.as_ref().map(|_| item_at) };
                return Feed { items: out, error: Some(error) };
            }
        };
        match ev {
            XmlEvent::Start(e) => {
                let name = e.name().as_ref().to_ascii_lowercase();
                if matches!(name.as_str(), "rss" | "feed" | "rdf:rdf" | "channel") {
                    is_feed = true;
                }
                if matches!(name.as_str(), "item" | "entry") {
                    item = Some(Pending::default());
                    item_at = before;
                }
                if name == "link" {
                    link_href(&e, &mut item);
                }
                stack.push(name);
                text.clear();
            }
            XmlEvent::Empty(e) if e.name().as_ref().eq_ignore_ascii_case("link") => link_href(&e, &mut item),
            XmlEvent::Text(t) => text.push_str(&t.xml10_content()),
            XmlEvent::CData(c) => text.push_str(&c.xml10_content()),
            XmlEvent::GeneralRef(r) => {
                if let Ok(Some(ch)) = r.resolve_char_ref() {
                    text.push(ch);
                } else {
                    text.push_str(match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        "nbsp" => " ",
                        _ => "",
                    });
                }
            }
            XmlEvent::End(_) => {
                let name = stack.pop().unwrap_or_default();
                let value = std::mem::take(&mut text).trim().to_string();
                let parent = stack.last().map(String::as_str);
                match (&mut item, name.as_str()) {
                    (Some(_), "item" | "entry") => {
                        if let Some(p) = item.take() {
                            let body = p.content.or(p.description).map(|h| crate::html::fragment_text(&h)).unwrap_or_default();
                            out.push(Item { title: p.title, url: p.url, published: p.published, text: body, outlet: outlet.clone() });
                        }
                    }
                    (Some(p), "title") => p.title = Some(value).filter(|v| !v.is_empty()),
                    (Some(p), "link") if p.url.is_none() && !value.is_empty() => p.url = Some(value),
                    (Some(p), "pubdate" | "published" | "dc:date") => p.published = p.published.take().or_else(|| date_of(&value)),
                    (Some(p), "updated") if p.published.is_none() => p.published = date_of(&value),
                    (Some(p), "content:encoded" | "content") => p.content = Some(value).filter(|v| !v.is_empty()),
                    (Some(p), "description" | "summary") => p.description = Some(value).filter(|v| !v.is_empty()),
                    (None, "title") if matches!(parent, Some("channel" | "feed")) && outlet.is_none() => {
                        outlet = Some(value).filter(|v| !v.is_empty())
                    }
                    _ => {}
                }
            }
            XmlEvent::Eof if item.is_some() => return Feed { items: out, error: Some(FeedError::Cut { item: item_at }) },
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    let error = (!is_feed).then_some(FeedError::NotAFeed);
    Feed { items: out, error }
}

fn link_href(e: &quick_xml::events::BytesStart, item: &mut Option<Pending>) {
    let Some(p) = item else { return };
    let mut href = None;
    let mut rel_alternate = true;
    for a in e.attributes().flatten() {
        let v = a.value.to_string();
        match a.key.as_ref() {
            "href" => href = Some(v),
            "rel" => rel_alternate = v == "alternate",
            _ => {}
        }
    }
    if let (Some(h), true) = (href, rel_alternate) {
        p.url.get_or_insert(h);
    }
}

/// YYYY-MM-DD from an ISO 8601 date (Atom) or an RFC 822 date (RSS: "Tue, 02 Apr 2019 08:15:00 GMT").
pub fn date_of(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().chain(&b[5..7]).chain(&b[8..10]).all(u8::is_ascii_digit) {
        return Some(s[..10].to_string());
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let parts: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|p| !p.is_empty()).collect();
    let i = parts.iter().position(|p| p.chars().all(|c| c.is_ascii_digit()) && p.len() <= 2)?;
    let day: u32 = parts[i].parse().ok()?;
    let month = MONTHS.iter().position(|m| parts.get(i + 1).is_some_and(|p| p.to_ascii_lowercase().starts_with(m)))? + 1;
    let year: i32 = parts.get(i + 2)?.parse().ok()?;
    let year = if year < 100 { 2000 + year } else { year };
    ((1..=31).contains(&day)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_items_with_html_descriptions() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>وكالة المثال</title><link>https://example.invalid</link>
          <item><title>قصف على بلدة</title><link>https://example.invalid/1</link><pubDate>Tue, 02 Apr 2019 08:15:00 GMT</pubDate>
            <description>&lt;p&gt;قصفت طائرات بلدة &amp;amp; قرى مجاورة&lt;/p&gt;</description></item>
          <item><title>ثان</title><content:encoded><![CDATA[<p>الفقرة الأولى</p><p>الثانية</p>]]></content:encoded></item>
          </channel></rss>"#;
        let items = items(rss).items;
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title.as_deref(), Some("قصف على بلدة"));
        assert_eq!(items[0].url.as_deref(), Some("https://example.invalid/1"));
        assert_eq!(items[0].published.as_deref(), Some("2019-04-02"));
        assert_eq!(items[0].text, "قصفت طائرات بلدة & قرى مجاورة");
        assert_eq!(items[0].outlet.as_deref(), Some("وكالة المثال"));
        assert_eq!(items[1].text, "الفقرة الأولى\n\nالثانية");
    }

    #[test]
    fn reads_atom_entries() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
          <entry><title>خبر</title><link rel="alternate" href="https://example.invalid/e"/><updated>2021-04-22T10:00:00Z</updated>
          <content type="html">&lt;p&gt;نص الخبر&lt;/p&gt;</content></entry></feed>"#;
        let items = items(atom).items;
        assert_eq!(items[0].url.as_deref(), Some("https://example.invalid/e"));
        assert_eq!(items[0].published.as_deref(), Some("2021-04-22"));
        assert_eq!(items[0].text, "نص الخبر");
    }

    #[test]
    fn malformed_or_foreign_xml_is_an_error() {
        let f = items("<rss><channel><item></channel>");
        assert!(matches!(f.error, Some(FeedError::Xml { item: Some(14), .. })), "{f:?}");
        assert_eq!(items("<rss><channel><item><title>a").error, Some(FeedError::Cut { item: 14 }));
        assert_eq!(items("<html><body/></html>").error, Some(FeedError::NotAFeed));
    }
}
