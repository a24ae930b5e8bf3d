//! A readable table of events for people (the JSON is for machines).

use std::io::Write;

use rasad_model::{Arg, Bound, DocOutput, Status};

/// One document's events, flattened for printing.
pub struct Row {
    /// Document id.
    pub id: String,
    /// One line per event.
    pub events: Vec<[String; 7]>,
}

fn names(args: &[Arg]) -> String {
    let mut v: Vec<String> = Vec::new();
    for a in args {
        let n = a.link.name.clone().unwrap_or_else(|| a.span.text.clone());
        if !v.contains(&n) {
            v.push(n);
        }
    }
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

impl From<&DocOutput> for Row {
    fn from(d: &DocOutput) -> Row {
        let events = d
            .events
            .iter()
            .map(|e| {
                let qty = e.quantity.as_ref().map_or("-".into(), |q| {
                    let mark = match (q.approx, q.bound) {
                        (_, Bound::AtLeast) => ">",
                        (_, Bound::AtMost) => "<",
                        (true, _) => "~",
                        _ => "",
                    };
                    format!("{mark}{}{}", q.value, q.unit.as_ref().map_or(String::new(), |u| format!(" {u}")))
                });
                let status = match e.status {
                    Status::Reported => "",
                    Status::Claimed => " [claimed]",
                    Status::Planned => " [planned]",
                    Status::Denied => " [denied]",
                    Status::Negated => " [negated]",
                };
                [
                    format!("{}{status}", e.kind),
                    names(&e.actors),
                    names(&e.targets),
                    names(&e.places),
                    e.date.as_ref().and_then(|t| t.value.clone()).unwrap_or_else(|| "-".into()),
                    qty,
                    e.source.as_ref().map_or("-".into(), |s| s.name.clone().unwrap_or_else(|| s.span.text.clone())),
                ]
            })
            .collect();
        Row { id: d.id.clone(), events }
    }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Prints the rows as a plain-text table.
pub fn print(w: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    const HEAD: [&str; 7] = ["type", "actors", "targets", "places", "date", "quantity", "source"];
    const WIDTH: [usize; 7] = [18, 26, 22, 22, 10, 16, 24];
    for r in rows {
        writeln!(w, "\n== {} ({} events)", r.id, r.events.len())?;
        let line: Vec<String> = HEAD.iter().zip(WIDTH).map(|(h, n)| format!("{h:<n$}")).collect();
        writeln!(w, "{}", line.join(" ").trim_end())?;
        for e in &r.events {
            let line: Vec<String> = e
                .iter()
                .zip(WIDTH)
                .map(|(c, n)| {
                    let c = cut(c, n);
                    let pad = n.saturating_sub(c.chars().count());
                    format!("{c}{}", " ".repeat(pad))
                })
                .collect();
            writeln!(w, "{}", line.join(" ").trim_end())?;
        }
    }
    Ok(())
}
