//! Python bindings of Rasad (the `rasad._rasad` extension; the public API is the `rasad`
//! package, which wraps these functions). Records are built as Python objects directly
//! ([`topy`]): the same keys and values as the output contract's JSON (docs/output.md). Spans are
//! code points, as Python indexes `str`.
//!
//! Batches run on a thread pool without the GIL. The pool belongs to one process: a process
//! forked after its parent used the pool (multiprocessing's default on Linux) finds no worker
//! threads there, so it builds its own ([`pool`]). While a batch runs, the calling thread checks
//! Python's signals every 50 ms: Ctrl-C stops the batch after the documents being read.

mod tools;
mod topy;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::IntoPyObjectExt;
use rasad_model::{Date, DocOutput, InputDoc};
use rasad_pipeline::Pipeline;
use rayon::prelude::*;

/// The thread pool of this process: built on first use, and built again in a process whose id
/// is not the one that built it (a forked child inherits the pool's memory, not its threads).
fn pool() -> PyResult<Arc<rayon::ThreadPool>> {
    static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(pool));
        }
    }
    if let Some((_, inherited)) = slot.take() {
        // Its threads live in the parent; dropping it here would signal threads that do not exist.
        std::mem::forget(inherited);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("rasad-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start Rasad's threads: {e}")))?;
    let pool = Arc::new(pool);
    *slot = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}

/// Maps `f` over `items` on the pool, without the GIL, in order. Checks for Ctrl-C (Python's
/// signal handlers) every 50 ms; on an exception from a handler the documents not yet started
/// are left and the exception is raised.
fn par_map<T: Sync, R: Send>(py: Python<'_>, items: &[T], f: impl Fn(&T) -> R + Sync) -> PyResult<Vec<R>> {
    let pool = pool()?;
    let cancel = AtomicBool::new(false);
    let (out, interrupted) = py.detach(|| {
        std::thread::scope(|s| {
            let (done, wait) = mpsc::channel::<()>();
            let (pool, cancel, f) = (&pool, &cancel, &f);
            let worker = s.spawn(move || {
                let out: Vec<Option<R>> =
                    pool.install(|| items.par_iter().map(|x| (!cancel.load(Ordering::Relaxed)).then(|| f(x))).collect());
                let _ = done.send(());
                out
            });
            let mut interrupted = None;
            while let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(Duration::from_millis(50)) {
                if interrupted.is_none() {
                    if let Err(e) = Python::attach(|py| py.check_signals()) {
                        cancel.store(true, Ordering::Relaxed);
                        interrupted = Some(e);
                    }
                }
            }
            (worker.join(), interrupted)
        })
    });
    if let Some(e) = interrupted {
        return Err(e);
    }
    let out = out.map_err(|_| PyValueError::new_err("a Rasad worker thread panicked (a bug: please report the input)"))?;
    Ok(out.into_iter().flatten().collect())
}

/// A `YYYY-MM-DD` date; blank is none. `what` names the document in the error.
fn date(published: Option<&str>, what: &dyn Fn() -> String) -> PyResult<Option<Date>> {
    match published.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse::<Date>()
            .map(Some)
            .map_err(|_| PyValueError::new_err(format!("{}: published: {s:?} is not a valid YYYY-MM-DD date", what()))),
    }
}

/// A record as a dict, with the document's url, outlet and title after the contract's fields
/// when it has them.
fn record<'py>(py: Python<'py>, out: &DocOutput, doc: &InputDoc) -> PyResult<Bound<'py, PyAny>> {
    let rec = topy::to_py(py, out)?;
    let dict = rec.cast::<PyDict>()?;
    for (key, value) in [("url", &doc.url), ("outlet", &doc.outlet), ("title", &doc.title)] {
        if let Some(v) = value {
            dict.set_item(key, v)?;
        }
    }
    Ok(rec)
}

/// One document: `(id, text, published, url, outlet, title, lang)`; `published` is `YYYY-MM-DD`.
type DocTuple = (String, String, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

fn input_doc(i: usize, t: DocTuple) -> PyResult<InputDoc> {
    let (id, text, published, url, outlet, title, lang) = t;
    let published = date(published.as_deref(), &|| format!("document {i} (id {id:?})"))?;
    Ok(InputDoc { id, text, published, url, outlet, title, lang, ..Default::default() })
}

/// Extracts from documents given as tuples `(id, text, published, url, outlet, title, lang)`,
/// in parallel without the GIL; records in input order.
#[pyfunction]
fn extract_docs<'py>(py: Python<'py>, docs: Vec<DocTuple>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let docs: Vec<InputDoc> = docs.into_iter().enumerate().map(|(i, t)| input_doc(i, t)).collect::<PyResult<_>>()?;
    let outs = if docs.len() == 1 {
        py.detach(|| vec![Pipeline::shared().try_extract(&docs[0])])
    } else {
        par_map(py, &docs, |d| Pipeline::shared().try_extract(d))?
    };
    outs.iter()
        .zip(&docs)
        .map(|(o, d)| match o {
            Ok(o) => record(py, o, d),
            Err(e) => Err(PyRuntimeError::new_err(format!("{}: {e}", d.id))),
        })
        .collect()
}

/// `line N: message` for a JSON Lines document that does not read (serde's own position is
/// within the line, so only its column is kept).
fn jsonl_error(line: usize, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg);
    format!("line {line}: {msg} (column {})", e.column())
}

/// Extracts from JSON Lines documents (`{"id", "text", "published"?, "url"?, "outlet"?,
/// "title"?, "lang"?}`) given as `(line number, line)`, in parallel without the GIL. Returns, in
/// input order, a record or the error message (`line N: …`) of each line.
#[pyfunction]
fn extract_jsonl_lines<'py>(py: Python<'py>, lines: Vec<(usize, String)>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let outs = par_map(py, &lines, |(n, l)| {
        let d = serde_json::from_str::<InputDoc>(l).map_err(|e| jsonl_error(*n, &e))?;
        let o = Pipeline::shared().try_extract(&d).map_err(|e| format!("line {n}: {}: {e}", d.id))?;
        Ok::<_, String>((o, d))
    })?;
    outs.into_iter()
        .map(|r| match r {
            Ok((o, d)) => record(py, &o, &d),
            Err(msg) => msg.into_bound_py_any(py),
        })
        .collect()
}

/// The number of threads a batch runs on (the pool of this process; `RAYON_NUM_THREADS` sets it).
#[pyfunction]
fn threads() -> PyResult<usize> {
    Ok(pool()?.current_num_threads())
}

#[pymodule]
fn _rasad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_docs, m)?)?;
    m.add_function(wrap_pyfunction!(extract_jsonl_lines, m)?)?;
    m.add_function(wrap_pyfunction!(threads, m)?)?;
    tools::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
