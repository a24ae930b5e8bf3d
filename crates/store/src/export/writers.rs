//! One writer per export format, all over the one column schema ([`super::COLUMNS`]).

use std::io::Write;

use serde::ser::{SerializeMap, Serializer};

use super::columns::{cells, Cell, Column, EventRow, COLUMNS};
use crate::StoreError;

/// Writes event rows in one format: rows one at a time, then `finish`.
pub trait RowWriter {
    /// Writes (or buffers) one row.
    fn row(&mut self, row: &EventRow) -> Result<(), StoreError>;
    /// Ends the output (closing brackets, footers, flushing); returns the rows written.
    fn finish(self: Box<Self>) -> Result<usize, StoreError>;
}

/// A CSV error, with write errors kept as I/O errors (so a closed pipe reads as one).
fn csv_error(e: csv::Error) -> StoreError {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(io) = e.into_kind() {
            return StoreError::Io(io);
        }
        return StoreError::Invalid("CSV write error".into());
    }
    StoreError::Csv(e)
}

/// A text cell as a spreadsheet will show it and never run it: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is taken for a formula (`=cmd|' /C calc'!A0`), so it is
/// prefixed with a single quote, as OWASP's "CSV Injection" advises. Numbers are written as
/// numbers (a negative longitude stays one).
pub fn csv_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// CSV with a header row; empty cells for absent values; text cells made safe by [`csv_text`].
pub struct Csv<'w> {
    w: csv::Writer<&'w mut dyn Write>,
    columns: &'static [Column],
    n: usize,
}

impl<'w> Csv<'w> {
    /// A CSV writer of Rasad's columns ([`COLUMNS`]); the header goes out at once.
    pub fn new(out: &'w mut dyn Write) -> Result<Self, StoreError> {
        Self::with_columns(out, COLUMNS, false)
    }

    /// A CSV writer of `columns` ([`COLUMNS`] or [`super::ACLED_COLUMNS`]); with `bom`, the file
    /// starts with a UTF-8 byte-order mark, by which Excel reads it as UTF-8 (Arabic text
    /// otherwise shows as mojibake there).
    pub fn with_columns(out: &'w mut dyn Write, columns: &'static [Column], bom: bool) -> Result<Self, StoreError> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = csv::Writer::from_writer(out);
        w.write_record(columns.iter().map(|c| c.name)).map_err(csv_error)?;
        Ok(Csv { w, columns, n: 0 })
    }
}

impl RowWriter for Csv<'_> {
    fn row(&mut self, row: &EventRow) -> Result<(), StoreError> {
        let escaped: Vec<Option<String>> = cells(self.columns, row)
            .map(|c| match c {
                Cell::Str(Some(s)) => match csv_text(s) {
                    std::borrow::Cow::Owned(e) => Some(e),
                    std::borrow::Cow::Borrowed(_) => None,
                },
                _ => None,
            })
            .collect();
        let safe: Vec<Cell> = cells(self.columns, row).zip(&escaped).map(|(c, e)| e.as_deref().map_or(c, |s| Cell::Str(Some(s)))).collect();
        self.w.serialize(safe).map_err(csv_error)?;
        self.n += 1;
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<usize, StoreError> {
        self.w.flush()?;
        Ok(self.n)
    }
}

/// One JSON object a line, the columns as keys.
pub struct Jsonl<'w> {
    out: &'w mut dyn Write,
    n: usize,
}

impl<'w> Jsonl<'w> {
    /// A JSON Lines writer.
    pub fn new(out: &'w mut dyn Write) -> Self {
        Jsonl { out, n: 0 }
    }
}

impl RowWriter for Jsonl<'_> {
    fn row(&mut self, row: &EventRow) -> Result<(), StoreError> {
        serde_json::to_writer(&mut *self.out, row)?;
        self.out.write_all(b"\n")?;
        self.n += 1;
        Ok(())
    }
    fn finish(self: Box<Self>) -> Result<usize, StoreError> {
        Ok(self.n)
    }
}

/// A GeoJSON FeatureCollection of the rows that have coordinates, the columns as properties;
/// features are written as they come (no collection in memory).
pub struct Geojson<'w> {
    out: &'w mut dyn Write,
    n: usize,
}

impl<'w> Geojson<'w> {
    /// A GeoJSON writer; the collection opens at once.
    pub fn new(out: &'w mut dyn Write) -> Result<Self, StoreError> {
        out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
        Ok(Geojson { out, n: 0 })
    }
}

impl RowWriter for Geojson<'_> {
    fn row(&mut self, row: &EventRow) -> Result<(), StoreError> {
        let (Some(lat), Some(lon)) = (row.latitude, row.longitude) else { return Ok(()) };
        if self.n > 0 {
            self.out.write_all(b",")?;
        }
        let mut ser = serde_json::Serializer::new(&mut *self.out);
        let mut m = ser.serialize_map(Some(3))?;
        m.serialize_entry("type", "Feature")?;
        m.serialize_entry("geometry", &serde_json::json!({"type": "Point", "coordinates": [lon, lat]}))?;
        m.serialize_entry("properties", row)?;
        SerializeMap::end(m)?;
        self.n += 1;
        Ok(())
    }
    fn finish(self: Box<Self>) -> Result<usize, StoreError> {
        self.out.write_all(b"]}\n")?;
        Ok(self.n)
    }
}
