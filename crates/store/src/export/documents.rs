//! Stored documents' metadata and near-duplicate clusters.

use std::io::Write;

use serde::Serialize;

use crate::{Store, StoreError};

/// What identifies and describes a stored document.
#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    /// Content id.
    pub id: String,
    /// Source id (file name, URL, JSONL id).
    pub source: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

impl DocMeta {
    /// Reads the six columns `id, source, outlet, url, title, published` starting at `at`.
    pub(crate) fn from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Self> {
        Ok(DocMeta {
            id: r.get(at)?,
            source: r.get(at + 1)?,
            outlet: r.get(at + 2)?,
            url: r.get(at + 3)?,
            title: r.get(at + 4)?,
            published: r.get(at + 5)?,
        })
    }
}

/// One stored document's metadata and near-duplicate cluster.
#[derive(Debug, Clone, Serialize)]
pub struct DocRow {
    /// The document.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// Content id of the first document of its near-duplicate cluster (its own id when first).
    pub cluster: String,
    /// Estimated Jaccard similarity to that document (absent for the first).
    pub similarity: Option<f64>,
    /// Events extracted.
    pub events: usize,
    /// ISO 639-1 code of the text's language, when known.
    pub lang: Option<String>,
    /// Where the publication date was read: a web page's `json-ld`, `meta`, `time`, `byline` or `url`,
    /// or `text` when the extractor read it from the text (none when the input gave it).
    pub date_source: Option<String>,
}

/// Writes every document as a JSON line; returns how many.
pub fn documents(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT d.id, d.source, d.outlet, d.url, d.title, d.published, c.id, d.similarity, (SELECT count(*) FROM events e WHERE e.doc = d.rowid),
                d.lang, d.date_source
         FROM documents d JOIN documents c ON c.rowid = d.dup_of ORDER BY d.rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let row = DocRow {
            meta: DocMeta::from_row(r, 0)?,
            cluster: r.get(6)?,
            similarity: r.get(7)?,
            events: r.get::<_, i64>(8)? as usize,
            lang: r.get(9)?,
            date_source: r.get(10)?,
        };
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}
