//! Read models for the web app: one document with its record, and event counts per day and type.

use rasad_model::DocOutput;
use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::{Store, StoreError};

/// A stored document with everything extracted from it.
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    /// The document.
    #[serde(flatten)]
    pub meta: crate::export::DocMeta,
    /// The text; every span of `record` is in code points into it.
    pub text: String,
    /// The extract record (docs/output.md).
    pub record: DocOutput,
    /// Content id of the first document of its near-duplicate cluster.
    pub cluster: String,
    /// Other documents of the cluster (content ids).
    pub duplicates: Vec<String>,
}

/// One document by content id (a unique prefix of at least 8 hex digits also works).
pub fn document(store: &Store, id: &str) -> Result<Option<DocView>, StoreError> {
    if id.len() < 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let conn = store.conn();
    let row = conn
        .query_row(
            "SELECT d.rowid, d.id, d.source, d.outlet, d.url, d.title, d.published, d.text, d.record, c.id, d.dup_of
             FROM documents d JOIN documents c ON c.rowid = d.dup_of WHERE d.id >= ?1 AND d.id < ?1 || 'g' ORDER BY d.id LIMIT 1",
            [id.to_ascii_lowercase()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocView {
                        meta: crate::export::DocMeta::from_row(r, 1)?,
                        text: r.get(7)?,
                        record: serde_json::from_str(&r.get::<_, String>(8)?)
                            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e)))?,
                        cluster: r.get(9)?,
                        duplicates: Vec::new(),
                    },
                    r.get::<_, i64>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((rowid, mut view, dup_of)) = row else { return Ok(None) };
    let mut stmt = conn.prepare("SELECT id FROM documents WHERE dup_of = ?1 AND rowid != ?2 ORDER BY rowid LIMIT 50")?;
    view.duplicates = stmt.query_map([dup_of, rowid], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(Some(view))
}

/// Events per day and type (days from the event's anchor).
#[derive(Debug, Clone, Serialize)]
pub struct DayCount {
    /// YYYY-MM-DD.
    pub day: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub count: usize,
}

/// The timeline: events per day and type, oldest first.
pub fn timeline(store: &Store) -> Result<Vec<DayCount>, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT anchor, type, count(*) FROM events WHERE anchor IS NOT NULL AND background = 0 GROUP BY anchor, type ORDER BY anchor, type",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(DayCount { day: r.get(0)?, kind: r.get(1)?, count: r.get::<_, i64>(2)? as usize }))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{doc, store_with};

    #[test]
    fn a_document_comes_back_with_its_record_and_the_timeline_counts_it() {
        let text = "قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين.";
        let s = store_with(&[doc("a", text, "2019-05-10", "A")]);
        let id = crate::content_id(text);
        let v = document(&s, &id[..10]).unwrap().unwrap();
        assert_eq!(v.text, text);
        assert!(!v.record.events.is_empty());
        assert!(document(&s, "zz' OR 1=1 --").unwrap().is_none());
        assert!(document(&s, "0000000000").unwrap().is_none());
        let t = timeline(&s).unwrap();
        assert!(t.iter().any(|d| d.day == "2019-05-09" && d.kind == "ASSAULT"), "{t:?}");
    }
}
