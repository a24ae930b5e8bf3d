//! The actor network: GraphML and GEXF.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use crate::{Store, StoreError};

/// Network formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFormat {
    /// GraphML (yEd, Gephi, networkx, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
}

/// The actor network: linked actors as nodes; for each event, an edge from each linked actor to
/// each linked target, typed by the event type and weighted by the number of events.
#[derive(Debug, Default)]
pub struct Network {
    /// id → (name, events the actor takes part in).
    pub nodes: BTreeMap<String, (String, usize)>,
    /// (source, target, type) → events.
    pub edges: BTreeMap<(String, String, String), usize>,
}

/// Builds the network from the store.
pub fn network(store: &Store) -> Result<Network, StoreError> {
    let mut stmt = store.conn().prepare("SELECT event, role, kb_id, coalesce(name, text) FROM event_args WHERE kb_id IS NOT NULL AND role IN ('actor', 'target') ORDER BY event")?;
    let rows: Vec<(i64, String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let mut types = store.conn().prepare("SELECT rowid, type FROM events")?;
    let kind: HashMap<i64, String> = types.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut net = Network::default();
    let mut i = 0;
    while i < rows.len() {
        let ev = rows[i].0;
        let mut j = i;
        while j < rows.len() && rows[j].0 == ev {
            j += 1;
        }
        let group = &rows[i..j];
        for (_, _, id, name) in group {
            let n = net.nodes.entry(id.clone()).or_insert_with(|| (name.clone(), 0));
            n.1 += 1;
        }
        let t = kind.get(&ev).cloned().unwrap_or_default();
        for (_, _, a, _) in group.iter().filter(|r| r.1 == "actor") {
            for (_, _, b, _) in group.iter().filter(|r| r.1 == "target") {
                if a != b {
                    *net.edges.entry((a.clone(), b.clone(), t.clone())).or_default() += 1;
                }
            }
        }
        i = j;
    }
    Ok(net)
}

/// XML text and attribute escaping.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the network; returns (nodes, edges).
pub fn write_network(net: &Network, format: NetworkFormat, out: &mut dyn Write) -> Result<(usize, usize), StoreError> {
    let e = xml_escape;
    match format {
        NetworkFormat::Graphml => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
            writeln!(out, r#"  <key id="name" for="node" attr.name="name" attr.type="string"/>"#)?;
            writeln!(out, r#"  <key id="events" for="node" attr.name="events" attr.type="int"/>"#)?;
            writeln!(out, r#"  <key id="type" for="edge" attr.name="type" attr.type="string"/>"#)?;
            writeln!(out, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#)?;
            writeln!(out, r#"  <graph id="rasad" edgedefault="directed">"#)?;
            for (id, (name, n)) in &net.nodes {
                writeln!(out, r#"    <node id="{}"><data key="name">{}</data><data key="events">{n}</data></node>"#, e(id), e(name))?;
            }
            for (i, ((a, b, t), w)) in net.edges.iter().enumerate() {
                writeln!(
                    out,
                    r#"    <edge id="e{i}" source="{}" target="{}"><data key="type">{}</data><data key="weight">{w}</data></edge>"#,
                    e(a),
                    e(b),
                    e(t)
                )?;
            }
            writeln!(out, "  </graph>\n</graphml>")?;
        }
        NetworkFormat::Gexf => {
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
            writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
            writeln!(out, r#"    <attributes class="node"><attribute id="0" title="events" type="integer"/></attributes>"#)?;
            writeln!(out, r#"    <attributes class="edge"><attribute id="0" title="type" type="string"/></attributes>"#)?;
            writeln!(out, "    <nodes>")?;
            for (id, (name, n)) in &net.nodes {
                writeln!(
                    out,
                    r#"      <node id="{}" label="{}"><attvalues><attvalue for="0" value="{n}"/></attvalues></node>"#,
                    e(id),
                    e(name)
                )?;
            }
            writeln!(out, "    </nodes>\n    <edges>")?;
            for (i, ((a, b, t), w)) in net.edges.iter().enumerate() {
                writeln!(
                    out,
                    r#"      <edge id="{i}" source="{}" target="{}" label="{}" weight="{w}"><attvalues><attvalue for="0" value="{}"/></attvalues></edge>"#,
                    e(a),
                    e(b),
                    e(t),
                    e(t)
                )?;
            }
            writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
        }
    }
    Ok((net.nodes.len(), net.edges.len()))
}
