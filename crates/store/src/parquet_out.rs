//! Events as Parquet: the same flat columns as the CSV, typed (strings UTF-8, coordinates and
//! counts DOUBLE, flags BOOLEAN, story ids INT64), every column optional but the ids.

use std::sync::Arc;

use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::Value;

use crate::export::EventRow;
use crate::StoreError;

#[derive(Clone, Copy)]
enum Kind {
    Str,
    F64,
    Bool,
    I64,
}

/// Column names and kinds, in the order of [`EventRow`]'s fields.
const COLUMNS: &[(&str, Kind)] = &[
    ("event_id", Kind::Str),
    ("doc_id", Kind::Str),
    ("event_date", Kind::Str),
    ("time_precision", Kind::Str),
    ("event_type", Kind::Str),
    ("mode", Kind::Str),
    ("status", Kind::Str),
    ("actor1", Kind::Str),
    ("actor1_id", Kind::Str),
    ("assoc_actor_1", Kind::Str),
    ("actor2", Kind::Str),
    ("actor2_id", Kind::Str),
    ("assoc_actor_2", Kind::Str),
    ("location", Kind::Str),
    ("place_id", Kind::Str),
    ("latitude", Kind::F64),
    ("longitude", Kind::F64),
    ("geo_precision", Kind::Str),
    ("quantity", Kind::F64),
    ("quantity_unit", Kind::Str),
    ("quantity_bound", Kind::Str),
    ("quantity_approx", Kind::Bool),
    ("fatalities", Kind::F64),
    ("source", Kind::Str),
    ("outlet", Kind::Str),
    ("url", Kind::Str),
    ("title", Kind::Str),
    ("published", Kind::Str),
    ("notes", Kind::Str),
    ("story", Kind::I64),
    ("independent_sources", Kind::I64),
    ("confidence", Kind::F64),
    ("trigger_span", Kind::Str),
    ("actor1_span", Kind::Str),
    ("actor2_span", Kind::Str),
    ("location_span", Kind::Str),
    ("date_span", Kind::Str),
    ("quantity_span", Kind::Str),
    ("source_span", Kind::Str),
];

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Invalid(format!("Parquet: {e}"))
}

/// The Parquet file's bytes for these rows (one row group).
pub fn events_parquet(rows: &[EventRow]) -> Result<Vec<u8>, StoreError> {
    let schema = format!(
        "message rasad_event {{ {} }}",
        COLUMNS
            .iter()
            .map(|(name, kind)| match kind {
                Kind::Str => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
                Kind::F64 => format!("OPTIONAL DOUBLE {name};"),
                Kind::Bool => format!("OPTIONAL BOOLEAN {name};"),
                Kind::I64 => format!("OPTIONAL INT64 {name};"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    );
    let schema = Arc::new(parse_message_type(&schema).map_err(pq)?);
    let values: Vec<Value> = rows.iter().map(serde_json::to_value).collect::<Result<_, _>>()?;
    let mut buf = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema, Arc::new(WriterProperties::builder().build())).map_err(pq)?;
    let mut group = writer.next_row_group().map_err(pq)?;
    let mut i = 0;
    while let Some(mut col) = group.next_column().map_err(pq)? {
        let (name, kind) = COLUMNS[i];
        let cells: Vec<&Value> = values.iter().map(|v| v.get(name).unwrap_or(&Value::Null)).collect();
        let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_null())).collect();
        match kind {
            Kind::Str => {
                let v: Vec<ByteArray> = cells.iter().filter_map(|c| c.as_str()).map(|s| ByteArray::from(s.as_bytes().to_vec())).collect();
                col.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::F64 => {
                let v: Vec<f64> = cells.iter().filter_map(|c| c.as_f64()).collect();
                col.typed::<DoubleType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::Bool => {
                let v: Vec<bool> = cells.iter().filter_map(|c| c.as_bool()).collect();
                col.typed::<BoolType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
            }
            Kind::I64 => {
                let v: Vec<i64> = cells.iter().filter_map(|c| c.as_i64()).collect();
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
        // Every field of a row has a column (the CSV header gives the field order).
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&rows[0]).unwrap();
        let csv_bytes = w.into_inner().unwrap();
        let header = String::from_utf8(csv_bytes).unwrap().lines().next().unwrap().to_string();
        assert_eq!(header.split(',').collect::<Vec<_>>(), COLUMNS.iter().map(|(n, _)| *n).collect::<Vec<_>>());
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
