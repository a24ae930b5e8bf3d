//! The sides of a story's fighting: a capture whose sentence does not name the side that held
//! what was taken took it from the actor's enemy in the same story.
//!
//! News of a front tells who fights whom once (اشتباكات بين المقاومة الشعبية والحوثيين، قصفت
//! المقاومة مواقع الحوثيين) and then only who took what (وسيطرت المقاومة على جبل منيف). Coders
//! give each capture the side that lost the place; captures.rs finds it when the capture's own
//! sentence names it (تحرير المدينة من داعش). Otherwise the capture's actor's nearest enemy in the
//! document's other attacks is taken, with that mention's own span: the target of an attack the
//! actor made, or the actor of one made on it, an armed actor of the catalogue either way. Nothing
//! is made up: an actor fighting nobody in the document, or a capture without an actor, keeps
//! the targets it had.

use rasad_model::{Arg, Event, EventType};

use crate::carry::same_party;

/// Gives each event flagged in `held` (a trigger whose frame has `held`: captures, clearings,
/// advances) that has actors and no target that is a `side` (an armed actor of the catalogue or an
/// armed noun: مسلحين، الانتحاري) the nearest enemy of its actors in the document ([`enemy`]; `armed`:
/// an armed actor of the catalogue), replacing what it had (a place or a count read as a target:
/// سيطرت المقاومة على المواقع). `held` has one flag per event.
pub(crate) fn story_holders(events: &mut [Event], held: &[bool], armed: &dyn Fn(&Arg) -> bool, side: &dyn Fn(&Arg) -> bool) {
    let found: Vec<Option<Arg>> = (0..events.len())
        .map(|k| {
            let e = &events[k];
            let open = held.get(k).copied().unwrap_or(false) && !e.actors.is_empty() && !e.targets.iter().any(side);
            if open {
                enemy(events, k, armed)
            } else {
                None
            }
        })
        .collect();
    for (e, side) in events.iter_mut().zip(found) {
        if let Some(side) = side {
            e.targets = vec![side];
        }
    }
}

/// The enemy of event `k`'s actors in the document: among the other attacks (ASSAULT), the armed
/// targets of one its actors made and the armed actors of one made on them, not one of its own
/// actors; the nearest before it, else the nearest after it (by trigger, in code points).
fn enemy(events: &[Event], k: usize, armed: &dyn Fn(&Arg) -> bool) -> Option<Arg> {
    let e = &events[k];
    let at = e.trigger.start;
    let ours = |a: &Arg| e.actors.iter().any(|x| same_party(x, a));
    let mut best: Option<((bool, usize), &Arg)> = None;
    for (j, o) in events.iter().enumerate() {
        if j == k || o.kind != EventType::Assault {
            continue;
        }
        let other_side = if o.actors.iter().any(ours) {
            &o.targets
        } else if o.targets.iter().any(ours) {
            &o.actors
        } else {
            continue;
        };
        let rank = (o.trigger.start > at, o.trigger.start.abs_diff(at));
        for side in other_side.iter().filter(|s| armed(s) && !ours(s)) {
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, side));
            }
        }
    }
    best.map(|(_, side)| side.clone())
}
