//! The pipeline's parts one at a time, as `rasad` on the command line offers them: knowledge-base
//! look-up (`rasad kb lookup`), quantities and times (`rasad parse`), the NER tagger, the PLOVER
//! types, and the actor catalogue and gazetteer as rows.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use rasad_kb::{Actor, Place};
use rasad_model::EventType;
use rasad_pipeline::Pipeline;

use crate::topy::to_py;

fn actor_row<'py>(py: Python<'py>, a: &Actor) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &a.id)?;
    d.set_item("name", &a.name)?;
    d.set_item("type", a.kind.as_str())?;
    d.set_item("country", &a.country)?;
    d.set_item("parent", a.parent.as_deref().map(str::trim))?;
    d.set_item("backers", &a.backers)?;
    d.set_item("role", &a.role)?;
    d.set_item("affiliation", &a.affiliation)?;
    d.set_item("start", &a.start)?;
    d.set_item("end", &a.end)?;
    d.set_item("ar", &a.ar)?;
    d.set_item("demonyms", &a.demonyms)?;
    d.set_item("source", &a.source)?;
    Ok(d)
}

fn place_row<'py>(py: Python<'py>, p: &Place) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &p.id)?;
    d.set_item("name", &p.name)?;
    d.set_item("feature", &p.feature)?;
    d.set_item("country", &p.country)?;
    d.set_item("admin1", &p.admin1)?;
    d.set_item("admin2", &p.admin2)?;
    d.set_item("lat", p.lat)?;
    d.set_item("lon", p.lon)?;
    d.set_item("geo_precision", p.geo_precision().as_str())?;
    d.set_item("population", p.population)?;
    d.set_item("curated", p.curated)?;
    d.set_item("ar", &p.ar)?;
    Ok(d)
}

/// What a name may stand for, best first: dicts with `kind` (`actor` or `place`), `score` and
/// the actor's or place's fields (as [`actors`] and [`places`] give them).
#[pyfunction]
fn kb_lookup<'py>(py: Python<'py>, name: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let p = Pipeline::shared();
    let kb = p.kb();
    let tokens: Vec<_> = rasad_text::tokenize(name).into_iter().filter(|t| t.kind != rasad_text::TokenKind::Punct).collect();
    let words = rasad_text::analyze(&tokens, p.segmenter());
    let mut out = Vec::new();
    for (actor, place, score) in kb.lookup(&words) {
        let d = match (actor, place) {
            (Some(a), _) => {
                let d = actor_row(py, &kb.actors[a])?;
                d.set_item("kind", "actor")?;
                d
            }
            (None, Some(pl)) => {
                let d = place_row(py, &kb.places[pl])?;
                d.set_item("kind", "place")?;
                d
            }
            (None, None) => continue,
        };
        d.set_item("score", (score * 100.0).round() / 100.0)?;
        out.push(d);
    }
    Ok(out)
}

/// Every actor of the catalogue (`crates/kb/data/actors.toml`), one dict each.
#[pyfunction]
fn actors(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    Pipeline::shared().kb().actors.iter().map(|a| actor_row(py, a)).collect()
}

/// Every place of the curated list and the built gazetteer, one dict each.
#[pyfunction]
fn places(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    Pipeline::shared().kb().places.iter().map(|p| place_row(py, p)).collect()
}

/// Quantities in a text, as the record's `quantities`.
#[pyfunction]
fn parse_quantities<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let found = py.detach(|| Pipeline::shared().quantities(text));
    to_py(py, &found)
}

/// Time expressions in a text resolved against `published` (`YYYY-MM-DD`), as the record's `times`.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn parse_times<'py>(py: Python<'py>, text: &str, published: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    let published = crate::date(published, &|| "parse_times".to_string())?;
    let found = py.detach(|| Pipeline::shared().times(text, published));
    to_py(py, &found)
}

/// Names the NER model finds in a text, linked or not: dicts `{text, start, end, label}`.
#[pyfunction]
fn ner<'py>(py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let p = Pipeline::shared();
    let found = py.detach(|| rasad_ner::tagger::tag_text(p.ner(), p.kb(), p.segmenter(), text));
    found
        .iter()
        .map(|f| {
            let d = PyDict::new(py);
            d.set_item("text", &f.span.text)?;
            d.set_item("start", f.span.start)?;
            d.set_item("end", f.span.end)?;
            d.set_item("label", f.label.as_str())?;
            Ok(d)
        })
        .collect()
}

/// The 16 PLOVER event types, in PLOVER's order (cooperative first, violent last).
#[pyfunction]
fn event_types() -> Vec<&'static str> {
    EventType::ALL.iter().map(|t| t.as_str()).collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(kb_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(actors, m)?)?;
    m.add_function(wrap_pyfunction!(places, m)?)?;
    m.add_function(wrap_pyfunction!(parse_quantities, m)?)?;
    m.add_function(wrap_pyfunction!(parse_times, m)?)?;
    m.add_function(wrap_pyfunction!(ner, m)?)?;
    m.add_function(wrap_pyfunction!(event_types, m)?)?;
    Ok(())
}
