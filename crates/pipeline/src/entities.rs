//! The document's entities: the linked mentions and the NER model's names merged, one entity per
//! stretch of text. The decisions (crates/ner/README.md, "What extract emits"):
//!
//! - a linked mention and a model name with the same span: the linked mention (it has the link);
//! - a model name that is longer than every linked mention it overlaps, all of them inside it
//!   and of another label: the model's name, unlinked, as the whole name the text gives (أبو أيوب
//!   المصري، ريال مدريد، البنك المركزي الإيطالي, not the nisba or the place inside it, which is not
//!   what the name refers to);
//! - the same with a linked mention of the model's label inside: the linked mention (catalogue
//!   names have exact bounds; the model's wider person names take in the words around a known
//!   name: مؤيدي بن لادن، عباس دعا);
//! - a linked person whose span holds a title before the model's name of the person
//!   (الرئيس السوري بشار الأسد) keeps its link on the name alone (بشار الأسد): the entity is the
//!   name; the events keep the mention as linked; a model's name that is only the first words of
//!   the linked one (رياك of رياك مشار) is not the name: the linked mention stays whole;
//! - model person names that split one linked person's name (عبدربه | منصور هادي) count as one;
//! - any other overlap: the linked mention, as before.
//!
//! Only the entity list changes: the event reader reads the linked mentions themselves.

use rasad_model::{Entity, Label, Link};
use rasad_ner::tagger::Found;

/// Merges linked mentions (as entities, in text order, not overlapping each other) with the
/// model's names (in text order) by the rules of the module; returns the entities in text order.
pub fn merge(linked: Vec<Entity>, found: Vec<Found>) -> Vec<Entity> {
    let found = join_split_persons(&linked, found);
    let mut linked: Vec<Option<Entity>> = linked.into_iter().map(Some).collect();
    let mut out: Vec<Entity> = Vec::with_capacity(linked.len() + found.len());
    let mut cursor = 0;
    for f in found {
        let (fs, fe) = (f.span.start, f.span.end);
        while cursor < linked.len() && linked[cursor].as_ref().is_none_or(|l| l.span.end <= fs) {
            cursor += 1;
        }
        let over: Vec<usize> = (cursor..linked.len())
            .take_while(|&i| linked[i].as_ref().is_none_or(|l| l.span.start < fe))
            .filter(|&i| linked[i].is_some())
            .collect();
        let spans: Vec<(usize, usize, Label)> =
            over.iter().filter_map(|&i| linked[i].as_ref()).map(|l| (l.span.start, l.span.end, l.label)).collect();
        if spans.is_empty() {
            out.push(Entity { span: f.span, label: f.label, link: Link::default() });
        } else if spans.iter().all(|&(s, e, label)| fs <= s && e <= fe && e - s < fe - fs && label != f.label) {
            // The model's longer name wins over the mentions of other labels inside it.
            for i in over {
                linked[i] = None;
            }
            out.push(Entity { span: f.span, label: f.label, link: Link::default() });
        } else if let [(s, e, Label::Per)] = spans[..] {
            // A linked person with a title: the entity is the model's name, with the link.
            if f.label == Label::Per && s < fs && fe == e {
                if let Some(mut l) = linked[over[0]].take() {
                    l.span = f.span;
                    out.push(l);
                }
            }
        }
    }
    out.extend(linked.into_iter().flatten());
    out.sort_by_key(|e| e.span.start);
    out
}

/// The model's person names (in text order) with those that split one linked person's name
/// (عبدربه | منصور هادي of عبدربه منصور هادي; علي | عبدالله صالح) joined into one name, from the first's
/// start to the last's end, so that the linked person is one entity.
fn join_split_persons(linked: &[Entity], found: Vec<Found>) -> Vec<Found> {
    let inside = |f: &Found| {
        linked
            .iter()
            .position(|l| l.label == Label::Per && f.label == Label::Per && l.span.start <= f.span.start && f.span.end <= l.span.end)
    };
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut last_in: Option<usize> = None;
    for f in found {
        let here = inside(&f);
        match (here, last_in, out.last_mut()) {
            (Some(k), Some(prev), Some(p)) if k == prev => {
                let l = &linked[k].span;
                p.span.text = l.text.chars().skip(p.span.start - l.start).take(f.span.end - p.span.start).collect();
                p.span.end = f.span.end;
            }
            _ => out.push(f),
        }
        last_in = here;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_model::TextSpan;

    /// An entity over the words `a..b` of `text` (words one space apart).
    fn at(text: &str, a: usize, b: usize, label: Label, id: Option<&str>) -> (TextSpan, Label, Link) {
        let words: Vec<&str> = text.split(' ').collect();
        let start: usize = words[..a].iter().map(|w| w.chars().count() + 1).sum();
        let t = words[a..b].join(" ");
        let end = start + t.chars().count();
        (TextSpan { text: t, start, end }, label, Link { id: id.map(str::to_string), ..Link::default() })
    }
    fn linked(x: (TextSpan, Label, Link)) -> Entity {
        Entity { span: x.0, label: x.1, link: x.2 }
    }
    fn found(x: (TextSpan, Label, Link)) -> Found {
        Found { span: x.0, label: x.1 }
    }
    fn shown(es: &[Entity]) -> Vec<(String, Label, Option<String>)> {
        es.iter().map(|e| (e.span.text.clone(), e.label, e.link.id.clone())).collect()
    }

    #[test]
    fn a_nisba_or_a_place_inside_a_longer_name_yields_to_the_name() {
        let t = "أعلن أبو أيوب المصري أن البنك المركزي الإيطالي أغلق ملعب ريال مدريد";
        let out = merge(
            vec![
                linked(at(t, 3, 4, Label::Misc, Some("EGY"))),
                linked(at(t, 7, 8, Label::Misc, Some("ITA"))),
                linked(at(t, 11, 12, Label::Loc, Some("ESP"))),
            ],
            vec![found(at(t, 1, 4, Label::Per, None)), found(at(t, 5, 8, Label::Org, None)), found(at(t, 10, 12, Label::Org, None))],
        );
        assert_eq!(
            shown(&out),
            vec![
                ("أبو أيوب المصري".into(), Label::Per, None),
                ("البنك المركزي الإيطالي".into(), Label::Org, None),
                ("ريال مدريد".into(), Label::Org, None),
            ]
        );
    }

    #[test]
    fn a_longer_name_of_the_same_label_yields_to_the_linked_mention() {
        let t = "دعا مؤيدي بن لادن إلى زيارة الولايات المتحدة";
        let out = merge(
            vec![linked(at(t, 2, 4, Label::Per, Some("P-BINLADEN"))), linked(at(t, 6, 8, Label::Loc, Some("C-USA")))],
            vec![found(at(t, 1, 4, Label::Per, None)), found(at(t, 5, 8, Label::Loc, None))],
        );
        assert_eq!(
            shown(&out),
            vec![("بن لادن".into(), Label::Per, Some("P-BINLADEN".into())), ("الولايات المتحدة".into(), Label::Loc, Some("C-USA".into()))]
        );
    }

    #[test]
    fn a_linked_person_loses_the_title_and_equal_or_crossing_spans_keep_the_linked_mention() {
        let t = "قال الرئيس السوري بشار الأسد إن دمشق وحلب آمنتان";
        let out = merge(
            vec![
                linked(at(t, 1, 5, Label::Per, Some("P-ASSAD"))),
                linked(at(t, 6, 7, Label::Loc, Some("P-DAMASCUS"))),
                linked(at(t, 7, 8, Label::Loc, Some("P-ALEPPO"))),
            ],
            vec![found(at(t, 3, 5, Label::Per, None)), found(at(t, 6, 7, Label::Org, None))],
        );
        assert_eq!(
            shown(&out),
            vec![
                ("بشار الأسد".into(), Label::Per, Some("P-ASSAD".into())),
                ("دمشق".into(), Label::Loc, Some("P-DAMASCUS".into())),
                ("وحلب".into(), Label::Loc, Some("P-ALEPPO".into())),
            ]
        );
        // Two model names that split one linked person's name: one entity, the name without the title.
        let t = "قال الرئيس اليمني عبدربه منصور هادي إن الحرب ستنتهي";
        let out = merge(
            vec![linked(at(t, 1, 6, Label::Per, Some("P-HADI")))],
            vec![found(at(t, 3, 4, Label::Per, None)), found(at(t, 4, 6, Label::Per, None))],
        );
        assert_eq!(shown(&out), vec![("عبدربه منصور هادي".into(), Label::Per, Some("P-HADI".into()))]);
        // The model's name is only the first word of the linked name: the linked name whole.
        let out = merge(vec![linked(at(t, 3, 6, Label::Per, Some("P-HADI")))], vec![found(at(t, 3, 4, Label::Per, None))]);
        assert_eq!(shown(&out), vec![("عبدربه منصور هادي".into(), Label::Per, Some("P-HADI".into()))]);
        let t = "قال الرئيس السوري بشار الأسد إن دمشق وحلب آمنتان";
        // The model's name over a linked mention of another label that is not inside it: the linked mention.
        let out = merge(vec![linked(at(t, 1, 5, Label::Per, Some("P-ASSAD")))], vec![found(at(t, 3, 6, Label::Org, None))]);
        assert_eq!(shown(&out), vec![("الرئيس السوري بشار الأسد".into(), Label::Per, Some("P-ASSAD".into()))]);
    }

    /// Non-overlapping spans in text order from (gap, length) pairs.
    fn spans_of(parts: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut pos = 0;
        parts
            .iter()
            .map(|&(gap, len)| {
                let s = pos + gap;
                pos = s + len;
                (s, s + len)
            })
            .collect()
    }

    proptest::proptest! {
        /// Whatever the spans: the entities come out in text order without overlaps, each span is
        /// one the linker or the model gave (or model names joined under a linked person), its text
        /// as long as the span, and a linked mention no model name touches is kept.
        #[test]
        fn entities_are_ordered_disjoint_and_come_from_the_inputs(
            l in proptest::collection::vec((0usize..4, 1usize..4, 0usize..4), 0..12),
            f in proptest::collection::vec((0usize..4, 1usize..6, 0usize..4), 0..12),
        ) {
            let labels = [Label::Per, Label::Org, Label::Loc, Label::Misc];
            let span = |(s, e): (usize, usize)| TextSpan { text: "x".repeat(e - s), start: s, end: e };
            let ls = spans_of(&l.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>());
            let fs = spans_of(&f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>());
            let linked_in: Vec<Entity> = ls.iter().zip(&l).enumerate().map(|(k, (&sp, x))| Entity {
                span: span(sp), label: labels[x.2], link: Link { id: Some(format!("L{k}")), ..Link::default() },
            }).collect();
            let found_in: Vec<Found> = fs.iter().zip(&f).map(|(&sp, x)| Found { span: span(sp), label: labels[x.2] }).collect();
            let out = merge(linked_in.clone(), found_in);
            for w in out.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start, "{:?}", out);
            }
            for e in &out {
                let from_model = fs.contains(&(e.span.start, e.span.end));
                let from_linker = linked_in.iter().any(|l| l.span == e.span || l.link.id == e.link.id && e.link.id.is_some());
                proptest::prop_assert!(from_model || from_linker, "{:?}", e);
                // The text is the span's: as long as it (joined model names take the linked text).
                proptest::prop_assert_eq!(e.span.text.chars().count(), e.span.end - e.span.start, "{:?}", e);
            }
            for l in &linked_in {
                if !fs.iter().any(|&(s, e)| s < l.span.end && l.span.start < e) {
                    proptest::prop_assert!(out.contains(l), "{:?} lost", l);
                }
            }
        }
    }
}
