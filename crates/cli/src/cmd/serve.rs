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
    /// Also answer requests naming this host (a name or an address; repeatable). By default only
    /// the bound address and localhost names are answered, so no web page can reach the API by
    /// pointing a name of its own at this machine (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Requests per client address per minute (0: no limit).
    #[arg(long, default_value_t = rasad_server::RATE_PER_MINUTE)]
    pub rate_limit: u32,
    /// Most open connections (more are closed as they come).
    #[arg(long, default_value_t = 512)]
    pub max_connections: usize,
    /// Seconds a connection has to send a request's headers.
    #[arg(long, default_value_t = 10)]
    pub header_timeout: u64,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `rasad serve`.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let path = args.db.path()?;
    let mut store = if args.examples { args.db.open()? } else { args.db.open_existing()? };
    if args.examples {
        use rayon::prelude::*;
        let prepared: Vec<Prepared> = crate::examples::ARTICLES
            .par_iter()
            .map(|(name, text)| super::ingest::prepared(rasad_model::InputDoc::new(*name, *text)))
            .collect();
        let st = store.write_batch(&prepared).context("cannot write the examples to the store")?;
        eprintln!("rasad: examples: {} stored, {} already there", st.stored, st.duplicates);
    }
    drop(store);
    let config = rasad_server::Config {
        addr: args.addr,
        allowed_hosts: args.allow_host,
        rate_per_minute: args.rate_limit,
        max_connections: args.max_connections,
        header_timeout: std::time::Duration::from_secs(args.header_timeout.max(1)),
        ..Default::default()
    };
    rasad_server::serve(&path, Pipeline::shared().segmenter_handle(), config, |addr| {
        println!("rasad: serving http://{addr}/ (store {}); Ctrl-C stops", path.display());
        let _ = io::stdout().flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
