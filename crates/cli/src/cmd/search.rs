//! `rasad search`: Arabic-aware search over the store, with event filters and highlighted snippets.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use rasad_pipeline::Pipeline;
use rasad_store::search::{Hit, Query};

use crate::db::DbArg;

/// Options of `rasad search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (all of them; any form: مقاتلين finds المقاتلين، لمقاتلي، بالمقاتلين).
    #[arg(default_value = "")]
    pub query: String,
    /// PLOVER event type (ASSAULT, MOBILIZE …).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Catalogue id of an actor or target (see `rasad kb lookup`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Gazetteer id of a place.
    #[arg(long)]
    pub place: Option<String>,
    /// Events within KM of a point: LAT,LON,KM.
    #[arg(long)]
    pub near: Option<String>,
    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Events on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Only this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Count background events too (long before publication, or recalled history).
    #[arg(long)]
    pub background: bool,
    /// Most results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// JSON Lines out (one hit a line) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

fn day(s: &Option<String>, what: &str) -> Result<Option<String>> {
    Ok(crate::db::date_opt(s.as_deref(), &format!("--{what}"))?.map(|d| d.to_string()))
}

/// One hit as labelled lines: its title (else its source), outlet, date (and score, id), the passage with
/// the matched words marked `on`…`off`, then its events with type, actors and place.
fn write_hit(out: &mut impl Write, n: usize, h: &Hit, scored: bool, (on, off): (&str, &str)) -> Result<()> {
    // Without a title, the source (a file name, a URL) stands for it.
    writeln!(out, "{n}. title: {}", h.title.as_deref().unwrap_or(&h.source))?;
    // BM25 as FTS5 gives it is negative (lower is better); shown positive, and only for word queries.
    let score = if scored { format!(" · score {:.2}", -h.score) } else { String::new() };
    writeln!(
        out,
        "   outlet: {} · date: {}{score} · id {}{}",
        h.outlet.as_deref().unwrap_or("-"),
        h.published.as_deref().unwrap_or("-"),
        &h.id[..12],
        if h.title.is_some() { format!(" · source: {}", h.source) } else { String::new() }
    )?;
    // Highlights are document offsets; the snippet starts at h.snippet.start.
    let mut line = String::new();
    // One line per hit: line breaks inside the passage become spaces (same length, offsets hold).
    let chars: Vec<char> = h.snippet.text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let mut at = 0usize;
    for hl in &h.snippet.highlights {
        let (a, b) = (hl.start - h.snippet.start, hl.end - h.snippet.start);
        if a < at || b > chars.len() {
            continue;
        }
        line.extend(&chars[at..a]);
        line.push_str(on);
        line.extend(&chars[a..b]);
        line.push_str(off);
        at = b;
    }
    line.extend(&chars[at.min(chars.len())..]);
    writeln!(out, "   text: … {line} …")?;
    if h.events.is_empty() {
        writeln!(out, "   events: none")?;
    } else {
        writeln!(out, "   events ({}):", h.events.len())?;
    }
    for e in &h.events {
        let actors = if e.actors.is_empty() { "-".to_string() } else { e.actors.join(", ") };
        writeln!(
            out,
            "     {:<10} actors: {actors} · place: {} · date: {}",
            e.kind,
            e.place.as_deref().unwrap_or("-"),
            e.date.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
}

/// Runs `rasad search`.
pub fn run(args: SearchArgs) -> Result<ExitCode> {
    let near = match &args.near {
        Some(n) => {
            let v: Vec<f64> = n
                .split(',')
                .map(|x| x.trim().parse::<f64>())
                .collect::<std::result::Result<_, _>>()
                .with_context(|| format!("--near {n:?}: expected LAT,LON,KM"))?;
            match v[..] {
                [lat, lon, km] if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && km >= 0.0 => Some((lat, lon, km)),
                _ => bail!("--near {n:?}: expected LAT,LON,KM with a latitude in -90..90 and a longitude in -180..180"),
            }
        }
        None => None,
    };
    let q = Query {
        text: args.query.clone(),
        event_type: args.event_type.clone(),
        actor: args.actor.clone(),
        place: args.place.clone(),
        near,
        from: day(&args.from, "from")?,
        to: day(&args.to, "to")?,
        outlet: args.outlet.clone(),
        limit: args.limit,
        background: args.background,
    };
    let store = args.db.open_existing()?;
    let hits = rasad_store::search::search(&store, &q, Pipeline::shared().segmenter())?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        for h in &hits {
            serde_json::to_writer(&mut out, h)?;
            out.write_all(b"\n")?;
        }
    } else {
        use std::io::IsTerminal;
        let tty = io::stdout().is_terminal();
        let (on, off) = if tty { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
        if hits.is_empty() {
            writeln!(out, "no documents match")?;
        }
        for (i, h) in hits.iter().enumerate() {
            write_hit(&mut out, i + 1, h, !args.query.trim().is_empty(), (on, off))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
