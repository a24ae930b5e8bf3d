//! Exports: events as CSV (PLOVER fields, sources and spans), ACLED-shaped CSV (ACLED's columns
//! and codes: [`acled`], then Rasad's), JSON Lines, GeoJSON and Parquet, all from one row
//! ([`EventRow`]) through a column schema ([`COLUMNS`], [`ACLED_COLUMNS`]) and a writer per
//! format ([`RowWriter`]); stored documents as JSON Lines; the actor network as GraphML or GEXF.

pub mod acled;
mod columns;
mod documents;
mod network;
pub mod notes;
#[cfg(feature = "parquet")]
mod parquet;
mod rows;
mod writers;

use std::io::Write;

pub use columns::{cells, Cell, Column, EventRow, Kind, ACLED_COLUMNS, COLUMNS};
pub use documents::{documents, DocMeta, DocRow};
pub use network::{network, write_network, xml_escape, Network, NetworkFormat};
#[cfg(feature = "parquet")]
pub use parquet::{events_parquet, Parquet};
pub(crate) use rows::rows_for;
pub use rows::{event_page, event_rows, EventSort};
pub use writers::{csv_text, Csv, Geojson, Jsonl, RowWriter};

use crate::{Store, StoreError};

/// Event export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFormat {
    /// CSV with a header row: Rasad's columns.
    Csv,
    /// CSV with ACLED's columns, names and codes first ([`ACLED_COLUMNS`]).
    AcledCsv,
    /// One JSON object a line, the columns as keys.
    Jsonl,
    /// A GeoJSON FeatureCollection of the events that have coordinates.
    Geojson,
    /// Apache Parquet, the columns typed (with the `parquet` feature, on by default).
    #[cfg(feature = "parquet")]
    Parquet,
}

/// The writer of a format over `out`.
pub fn writer<'w>(format: EventFormat, out: &'w mut dyn Write) -> Result<Box<dyn RowWriter + 'w>, StoreError> {
    writer_for(format, false, out)
}

/// The writer of a format over `out`; with `excel`, a CSV starts with a UTF-8 byte-order mark
/// (other formats ignore it).
pub fn writer_for<'w>(format: EventFormat, excel: bool, out: &'w mut dyn Write) -> Result<Box<dyn RowWriter + 'w>, StoreError> {
    Ok(match format {
        EventFormat::Csv => Box::new(Csv::with_columns(out, COLUMNS, excel)?),
        EventFormat::AcledCsv => Box::new(Csv::with_columns(out, ACLED_COLUMNS, excel)?),
        EventFormat::Jsonl => Box::new(Jsonl::new(out)),
        EventFormat::Geojson => Box::new(Geojson::new(out)?),
        #[cfg(feature = "parquet")]
        EventFormat::Parquet => Box::new(Parquet::new(out)),
    })
}

/// Writes every event in `format`; returns how many were written.
pub fn events(store: &Store, format: EventFormat, out: &mut dyn Write) -> Result<usize, StoreError> {
    events_for(store, format, false, out)
}

/// Writes every event in `format`, a CSV with a byte-order mark when `excel`; returns how many
/// were written.
pub fn events_for(store: &Store, format: EventFormat, excel: bool, out: &mut dyn Write) -> Result<usize, StoreError> {
    let mut w = writer_for(format, excel, out)?;
    for r in &event_rows(store)? {
        w.row(r)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{doc, store_with};

    fn store() -> Store {
        store_with(&[
            doc(
                "a",
                "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.",
                "2019-05-10",
                "A",
            ),
            doc("b", "هاجمت قوات النظام السوري مواقع هيئة تحرير الشام في ريف حماة الشمالي اليوم.", "2019-05-11", "B"),
        ])
    }

    #[test]
    fn csv_has_acled_like_columns_and_spans_that_slice_back() {
        let s = store();
        let mut buf = Vec::new();
        let n = events(&s, EventFormat::Csv, &mut buf).unwrap();
        assert!(n >= 2);
        let text = String::from_utf8(buf).unwrap();
        let header = text.lines().next().unwrap();
        for col in [
            "event_date",
            "event_type",
            "actor1",
            "actor2",
            "location",
            "latitude",
            "longitude",
            "fatalities",
            "source",
            "notes",
            "independent_sources",
            "trigger_span",
        ] {
            assert!(header.split(',').any(|c| c == col), "{col} missing from {header}");
        }
        let rows = event_rows(&s).unwrap();
        assert!(rows.iter().any(|r| r.event_type == "ASSAULT" && r.fatalities == Some(12.0)), "{rows:#?}");
    }

    #[test]
    fn acled_rows_carry_acled_codes_an_english_summary_and_a_bom_for_excel() {
        let s = store();
        let rows = event_rows(&s).unwrap();
        let strike = rows.iter().find(|r| r.event_type == "ASSAULT" && r.fatalities == Some(12.0)).unwrap();
        assert_eq!((strike.acled_event_type.as_str(), strike.sub_event_type.as_str()), ("Explosions/Remote violence", "Air/drone strike"));
        assert_eq!((strike.iso3.as_deref(), strike.country.as_deref()), (Some("SYR"), Some("Syria")));
        assert_eq!(
            (strike.acled_date.as_deref(), strike.acled_time_precision, strike.date_basis.as_deref()),
            (Some("2019-05-09"), Some(1), Some("text"))
        );
        assert_eq!(strike.inter1, Some(1), "Russia's forces are state forces: {strike:#?}");
        assert!(strike.notes.starts_with("Russia") && strike.notes.contains("12 killed"), "{}", strike.notes);
        assert!(strike.notes.ends_with("according to Syrian Observatory for Human Rights."), "{}", strike.notes);
        assert!(strike.sentence.contains("كفرنبل"));
        let mut buf = Vec::new();
        events_for(&s, EventFormat::AcledCsv, true, &mut buf).unwrap();
        assert!(buf.starts_with("\u{feff}".as_bytes()));
        let mut r = csv::Reader::from_reader(&buf[3..]);
        assert_eq!(r.headers().unwrap().iter().take(4).collect::<Vec<_>>(), ["event_id", "event_date", "year", "time_precision"]);
        assert_eq!(r.records().count(), rows.len());
    }

    #[test]
    fn csv_cells_that_would_run_as_formulas_are_quoted() {
        let mut d = doc(
            "a",
            "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا.",
            "2019-05-10",
            "@SUM(1+1)*cmd|' /C calc'!A0",
        );
        d.title = Some("=cmd|' /C calc'!A0".into());
        d.url = Some("-2+3".into());
        let s = store_with(&[d]);
        let mut buf = Vec::new();
        assert!(events(&s, EventFormat::Csv, &mut buf).unwrap() >= 1);
        let mut r = csv::Reader::from_reader(&buf[..]);
        let head = r.headers().unwrap().clone();
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[col("title")], "'=cmd|' /C calc'!A0");
        assert_eq!(&row[col("outlet")], "'@SUM(1+1)*cmd|' /C calc'!A0");
        assert_eq!(&row[col("url")], "'-2+3");
        // Numbers stay numbers; no cell of the file starts a formula.
        assert_eq!(&row[col("fatalities")], "12.0");
        for rec in csv::Reader::from_reader(&buf[..]).records() {
            assert!(rec.unwrap().iter().all(|c| !c.starts_with(['=', '+', '@', '\t', '\r'])));
        }
        for (cell, safe) in [("+1", "'+1"), ("\tx", "'\tx"), ("\r=1", "'\r=1"), ("-", "'-"), ("a=b", "a=b"), ("'=1", "'=1"), ("", "")] {
            assert_eq!(writers::csv_text(cell), safe);
        }
    }

    #[test]
    fn two_outlets_reporting_one_strike_make_one_story_with_two_independent_sources() {
        let texts = [
            ("قصفت طائرات روسية مدينة إدلب أمس، ما أسفر عن مقتل 9 مدنيين، وفق الدفاع المدني.", "2019-05-10", "وكالة أ"),
            ("شنت المقاتلات الروسية غارات على إدلب يوم الخميس وقتلت تسعة أشخاص بينهم أطفال، بحسب ناشطين.", "2019-05-10", "صحيفة ب"),
            ("قصفت طائرات روسية مدينة إدلب في غارة جديدة، وأفاد مراسلنا بسقوط ضحايا.", "2019-05-30", "وكالة أ"),
        ];
        let s = store_with(&texts.iter().map(|(t, p, o)| doc("x", t, p, o)).collect::<Vec<_>>());
        let rows = event_rows(&s).unwrap();
        let assault = |i: usize| {
            let id = crate::content_id(texts[i].0);
            rows.iter()
                .find(|r| r.doc_id == id && r.event_type == "ASSAULT")
                .cloned()
                .unwrap_or_else(|| panic!("no ASSAULT in text {i}: {rows:#?}"))
        };
        let (a, b, c) = (assault(0), assault(1), assault(2));
        assert_eq!(a.story, b.story, "{rows:#?}");
        assert_eq!(a.independent_sources, 2);
        assert_ne!(c.story, a.story, "three weeks later is another strike");
    }

    #[test]
    fn geojson_and_network_are_well_formed() {
        let s = store();
        let mut buf = Vec::new();
        events(&s, EventFormat::Geojson, &mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["type"], "Point");
        let net = network(&s).unwrap();
        assert!(!net.edges.is_empty(), "{net:?}");
        for fmt in [NetworkFormat::Graphml, NetworkFormat::Gexf] {
            let mut out = Vec::new();
            let (n, e) = write_network(&net, fmt, &mut out).unwrap();
            assert!(n >= 2 && e >= 1);
            let xml = String::from_utf8(out).unwrap();
            assert_eq!(xml.matches("<node ").count(), n);
            assert_eq!(xml.matches("<edge ").count(), e);
        }
        assert_eq!(xml_escape("<a href=\"x\">&'\u{1}"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }
}
