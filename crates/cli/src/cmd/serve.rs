//! `rasad serve`: the web app and the read-only JSON API over the store.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use rasad_pipeline::Pipeline;
use rasad_store::Prepared;

use crate::db::DbArg;

/// Options of `rasad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one). Keep it on 127.0.0.1 unless you mean to
    /// share the store.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Ingest the built-in example articles first (nothing is added when they are stored already).
    #[arg(long)]
    pub examples: bool,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `rasad serve`.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let path = args.db.path()?;
    let mut store = args.db.open()?;
    if args.examples {
        use rayon::prelude::*;
        let prepared: Vec<Prepared> = crate::examples::ARTICLES
            .par_iter()
            .map(|(name, text)| super::ingest::prepared(rasad_model::InputDoc::new(*name, *text)))
            .collect();
        let st = store.write_batch(&prepared).context("cannot write the examples to the store")?;
        eprintln!("rasad: examples: {} stored, {} already there", st.stored, st.duplicates);
    }
    rasad_server::serve(store, Pipeline::shared().segmenter_handle(), args.addr, |addr| {
        println!("rasad: serving http://{addr}/ (store {}); Ctrl-C stops", path.display());
        let _ = io::stdout().flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
