//! Python bindings: `rasad.extract(text, published=None, id=None) -> dict` (the output contract,
//! docs/output.md) and `rasad.extract_batch(texts, published=None, ids=None) -> list[dict]`, which
//! releases the GIL and extracts on every core. Spans are code points, as Python indexes str.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rasad_model::{Date, InputDoc};
use rasad_pipeline::Pipeline;
use rayon::prelude::*;

/// One document's record as JSON text.
fn record(doc: &InputDoc) -> Result<String, String> {
    serde_json::to_string(&Pipeline::shared().extract(doc)).map_err(|e| e.to_string())
}

/// A `YYYY-MM-DD` argument, typed; blank is none.
fn date(published: Option<&str>) -> PyResult<Option<Date>> {
    match published.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse::<Date>()
            .map(Some)
            .map_err(|_| PyValueError::new_err(format!("published date {s:?} is not a valid YYYY-MM-DD date"))),
    }
}

fn to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// Extracts entities, quantities, times and events from one text.
#[pyfunction]
#[pyo3(signature = (text, published=None, id=None))]
fn extract<'py>(py: Python<'py>, text: &str, published: Option<&str>, id: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let doc = InputDoc {
        id: id.unwrap_or("doc").to_string(),
        text: text.to_string(),
        published: date(published)?,
        ..Default::default()
    };
    let json = py.detach(|| record(&doc)).map_err(PyValueError::new_err)?;
    to_py(py, &json)
}

/// Extracts from many texts in parallel, without holding the GIL; results in input order.
#[pyfunction]
#[pyo3(signature = (texts, published=None, ids=None))]
fn extract_batch<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    published: Option<String>,
    ids: Option<Vec<String>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if ids.as_ref().is_some_and(|ids| ids.len() != texts.len()) {
        return Err(PyValueError::new_err("ids must be as long as texts"));
    }
    let published = date(published.as_deref())?;
    let docs: Vec<InputDoc> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| InputDoc {
            id: ids.as_ref().map_or_else(|| i.to_string(), |v| v[i].clone()),
            text,
            published,
            ..Default::default()
        })
        .collect();
    let out: Vec<Result<String, String>> = py.detach(|| docs.par_iter().map(record).collect());
    out.into_iter().map(|r| r.map_err(PyValueError::new_err).and_then(|j| to_py(py, &j))).collect()
}

/// Extracts from JSON Lines documents (`{"id", "text", "published"?, "url"?, "outlet"?, "title"?}`,
/// as `rasad extract --input jsonl` reads them), in parallel without the GIL. A line that is not
/// such a document raises ValueError naming its index.
#[pyfunction]
fn extract_jsonl<'py>(py: Python<'py>, lines: Vec<String>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let out: Vec<Result<String, String>> = py.detach(|| {
        lines
            .par_iter()
            .enumerate()
            .map(|(i, l)| serde_json::from_str::<InputDoc>(l).map_err(|e| format!("line {i}: {e}")).and_then(|d| record(&d)))
            .collect()
    });
    out.into_iter().map(|r| r.map_err(PyValueError::new_err).and_then(|j| to_py(py, &j))).collect()
}

#[pymodule]
fn _rasad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract_jsonl, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
