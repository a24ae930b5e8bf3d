//! WARC records into documents: each page's main text, each bad record a problem, and at the
//! end a word on what the archive held besides pages (a problem when it gave no document).

use std::collections::BTreeMap;
use std::io::BufRead;

use rasad_model::InputDoc;

use crate::charset::decode_html;
use crate::source::{date, sized, Found, Problem, MAX_PAGE_BYTES};
use crate::warc::{Item, Reader, Tally};

/// The documents and problems of one WARC stream.
pub(crate) struct Docs<'r, R> {
    name: &'r str,
    records: Reader<R>,
    docs: usize,
    /// Problems told.
    problems: usize,
    /// HTML pages in which no article text was found.
    no_text: usize,
    done: bool,
}

impl<'r, R: BufRead> Docs<'r, R> {
    pub(crate) fn new(name: &'r str, input: R) -> Self {
        Docs { name, records: Reader::new(input), docs: 0, problems: 0, no_text: 0, done: false }
    }
}

impl<R: BufRead> Docs<'_, R> {
    /// What the archive held besides documents, once it is read.
    fn summary(&self) -> Option<Found> {
        let t = self.records.tally();
        let name = self.name.to_string();
        if t.records == 0 && self.problems == 0 {
            return Some(Found::Problem(Problem { at: name, why: "no WARC record in it (an empty file?)".into() }));
        }
        let mut parts = passed_over(t, self.no_text);
        if self.docs == 0 {
            if self.problems > 0 {
                parts.push(format!("{} bad (told above)", self.problems));
            }
            parts.extend(t.other_types.iter().map(|(kind, n)| format!("{n} {kind}")));
            let why = format!(
                "no document from its {}: {}; Rasad reads the HTML pages of response and resource records",
                count(t.records, "record"),
                parts.join(", ")
            );
            return Some(Found::Problem(Problem { at: name, why }));
        }
        if parts.is_empty() {
            return None;
        }
        let why = format!("{} from {}; passed over: {}", count(self.docs, "document"), count(t.records, "record"), parts.join(", "));
        Some(Found::Note(Problem { at: name, why }))
    }
}

/// "1 record", "2 records".
pub(crate) fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The pages passed over, by why: "3 not HTML (image/png 2, text/css 1)", "1 with HTTP status
/// other than 2xx", "2 HTML without article text".
fn passed_over(t: &Tally, no_text: usize) -> Vec<String> {
    let mut parts = Vec::new();
    if !t.not_html.is_empty() {
        parts.push(format!("{} not HTML ({})", t.not_html.values().sum::<usize>(), most(&t.not_html)));
    }
    if t.not_2xx > 0 {
        parts.push(format!("{} with HTTP status other than 2xx", t.not_2xx));
    }
    if t.bad_http > 0 {
        parts.push(format!("{} with a malformed HTTP message", t.bad_http));
    }
    if no_text > 0 {
        parts.push(format!("{no_text} HTML without article text"));
    }
    parts
}

/// The commonest keys with their counts, "image/png 2, text/css 1", four at most.
fn most(counts: &BTreeMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut s = v.iter().take(4).map(|(k, n)| format!("{} {n}", if k.is_empty() { "no type" } else { k })).collect::<Vec<_>>().join(", ");
    if v.len() > 4 {
        s += &format!(" and {} more types", v.len() - 4);
    }
    s
}

impl<R: BufRead> Iterator for Docs<'_, R> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        let name = self.name;
        loop {
            let (number, at, page) = match self.records.next() {
                Some(Item::Page { number, at, page }) => (number, at, page),
                Some(Item::Bad { at, error }) => {
                    self.problems += 1;
                    return Some(Found::Problem(Problem { at: format!("{name} ({at})"), why: error.to_string() }));
                }
                None if self.done => return None,
                None => {
                    self.done = true;
                    return self.summary();
                }
            };
            if page.body.len() as u64 > MAX_PAGE_BYTES {
                self.problems += 1;
                let why = format!(
                    "a page of {:.1} MB, more than the {} MB a page may have",
                    page.body.len() as f64 / f64::from(1 << 20),
                    MAX_PAGE_BYTES >> 20
                );
                return Some(Found::Problem(Problem { at: format!("{name} ({at})"), why }));
            }
            let art = match decode_html(&page.body, Some(&page.content_type))
                .and_then(|html| crate::html::try_extract(&html).map_err(|e| e.to_string()))
            {
                Ok(a) => a,
                Err(why) => {
                    self.problems += 1;
                    return Some(Found::Problem(Problem { at: format!("{name} ({at})"), why }));
                }
            };
            if art.text.trim().is_empty() {
                self.no_text += 1;
                continue;
            }
            self.docs += 1;
            let id = page.url.clone().unwrap_or_else(|| format!("{name}#{number}"));
            let doc = InputDoc {
                id,
                text: art.text,
                published: date(art.published.or(page.date)),
                url: art.url.or(page.url),
                outlet: art.outlet,
                title: art.title,
                lang: art.lang,
                date_source: art.date_source.map(|s| s.as_str().to_string()),
            };
            return Some(sized(|_| format!("{name} ({at})"), doc));
        }
    }
}
