//! Events as Parquet: the same columns as the CSV, typed (strings UTF-8, coordinates and counts
//! DOUBLE, flags BOOLEAN, story ids INT64), every column optional.

use std::sync::Arc;

use super::columns::{Cell, EventRow, Kind, COLUMNS};
use super::writers::RowWriter;
use crate::StoreError;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Invalid(format!("Parquet: {e}"))
}

/// Parquet into a writer: rows are kept until `finish`, which writes one row group.
pub struct Parquet<'w> {
    out: &'w mut dyn std::io::Write,
    rows: Vec<EventRow>,
}

impl<'w> Parquet<'w> {
    /// A Parquet writer.
    pub fn new(out: &'w mut dyn std::io::Write) -> Self {
        Parquet { out, rows: Vec::new() }
    }
}

impl RowWriter for Parquet<'_> {
    fn row(&mut self, row: &EventRow) -> Result<(), StoreError> {
        self.rows.push(row.clone());
        Ok(())
    }
    fn finish(self: Box<Self>) -> Result<usize, StoreError> {
        self.out.write_all(&events_parquet(&self.rows)?)?;
        Ok(self.rows.len())
    }
}

/// The Parquet file's bytes for these rows (one row group).
pub fn events_parquet(rows: &[EventRow]) -> Result<Vec<u8>, StoreError> {
    let schema = format!(
        "message rasad_event {{ {} }}",
        COLUMNS
            .iter()
            .map(|c| match c.kind {
                Kind::Str => format!("OPTIONAL BYTE_ARRAY {} (UTF8);", c.name),
                Kind::F64 => format!("OPTIONAL DOUBLE {};", c.name),
                Kind::Bool => format!("OPTIONAL BOOLEAN {};", c.name),
                Kind::I64 => format!("OPTIONAL INT64 {};", c.name),
            })
            .collect::<Vec<_>>()
            .join(" ")
    );
    let schema = Arc::new(parse_message_type(&schema).map_err(pq)?);
    let mut buf = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema, Arc::new(WriterProperties::builder().build())).map_err(pq)?;
    let mut group = writer.next_row_group().map_err(pq)?;
    let mut i = 0;
    while let Some(mut col) = group.next_column().map_err(pq)? {
        let c = &COLUMNS[i];
        let cells: Vec<Cell> = rows.iter().map(|r| (c.get)(r)).collect();
        let defs: Vec<i16> =
            cells.iter().map(|x| i16::from(!matches!(x, Cell::Str(None) | Cell::F64(None) | Cell::Bool(None) | Cell::I64(None)))).collect();
        match c.kind {
            Kind::Str => {
                let v: Vec<ByteArray> = cells
                    .iter()
                    .filter_map(|x| if let Cell::Str(Some(s)) = x { Some(ByteArray::from(s.as_bytes().to_vec())) } else { None })
                    .collect();
                col.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::F64 => {
                let v: Vec<f64> = cells.iter().filter_map(|x| if let Cell::F64(v) = x { *v } else { None }).collect();
                col.typed::<DoubleType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::Bool => {
                let v: Vec<bool> = cells.iter().filter_map(|x| if let Cell::Bool(v) = x { *v } else { None }).collect();
                col.typed::<BoolType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::I64 => {
                let v: Vec<i64> = cells.iter().filter_map(|x| if let Cell::I64(v) = x { *v } else { None }).collect();
                col.typed::<Int64Type>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
        }
        col.close().map_err(pq)?;
        i += 1;
    }
    group.close().map_err(pq)?;
    writer.close().map_err(pq)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn columns_match_the_rows_and_read_back() {
        let s = crate::tests::store_with(&[crate::tests::doc(
            "a",
            "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.",
            "2019-05-10",
            "A",
        )]);
        let rows = crate::export::event_rows(&s).unwrap();
        let bytes = events_parquet(&rows).unwrap();
        let path = std::env::temp_dir().join(format!("rasad-parquet-{}.parquet", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows() as usize, rows.len());
        let first = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
        assert!(first.to_string().contains(&rows[0].event_id), "{first}");
        let _ = std::fs::remove_file(&path);
    }
}
