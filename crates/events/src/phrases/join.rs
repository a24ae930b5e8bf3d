//! Neighbouring phrases that are one: an office and its holder's name between commas (رئيس
//! اللجنة، الدكتور فلان،), victims and the side they belong to (تسعة أشخاص بينهم خمسة مدنيين، سقوط
//! قتلى في صفوف المدنيين), counted fighters and their named owner (عشرين عنصرا لقوات النظام).

use super::{Head, Phrase};
use crate::context::{bare, is_comma, Ctx};
use crate::cues::cues;

impl Ctx<'_, '_, '_> {
    /// An office takes in its holder's name after a comma (رئيس اللجنة، الدكتور فلان،). Victims
    /// take in the side they belong to (cue list `victim_sides`): سقوط قتلى وجرحى | في
    /// صفوف | المدنيين، تسعة أشخاص | بينهم | خمسة مدنيين, or the force they came from (cue list
    /// `victim_origins`: قتلى وجرحى | من | قوات الجماعة); and counted fighters their named owner
    /// after ل (عشرين عنصرا | لقوات النظام). The joined phrase keeps the victims' head and takes the
    /// side's link: its target names the side.
    pub(super) fn join_phrases(&self, out: &mut Vec<Phrase>) {
        let words = self.d.words;
        let mut k = 0;
        while k + 1 < out.len() {
            let (p, q) = (&out[k], &out[k + 1]);
            let counted = self.quantity_at[p.first].is_some();
            let gap = (p.end < q.first).then(|| {
                // (Past commas, a time and على الأقل before the side: قتل سبعة أشخاص، بينهم ثلاثة من
                // الشرطة؛ قتل 15 شخصا، الخميس، معظمهم من قوات الأمن؛ 27 شخصا على الأقل من سكان الحي.)
                let mut keys: Vec<&str> = Vec::new();
                let mut t = p.end;
                while t < q.first {
                    let least = bare(&words[t]) == "علي" && t + 1 < q.first && bare(&words[t + 1]) == "الاقل";
                    if least {
                        t += 2;
                        continue;
                    }
                    if !is_comma(&words[t]) && !self.in_time[t] {
                        keys.push(bare(&words[t]));
                    }
                    t += 1;
                }
                keys.join(" ")
            });
            // An office and its holder's name between commas (رئيس اللجنة، الدكتور فلان الفلاني،):
            // one phrase, named by the person.
            let holder = p.head == Head::Office
                && q.head == Head::Name
                && q.first == p.end + 1
                && is_comma(&words[p.end])
                && (cues().honorifics.has(words[q.first].key.as_str()) || self.is_person_at(q.first, q.end));
            if holder {
                let q = out.remove(k + 1);
                let p = &mut out[k];
                p.end = q.end;
                p.head = Head::Name;
                p.link = q.link.or(p.link);
                continue;
            }
            if self.one_with_group(p, q, gap.as_deref()) {
                let q = out.remove(k + 1);
                let p = &mut out[k];
                p.end = q.end;
                p.head = q.head;
                p.link = q.link.or(p.link);
                p.state = q.state.or(p.state);
                continue;
            }
            let side = match gap.as_deref() {
                Some(g) => {
                    p.head == Head::People
                        && ((cues().victim_sides.has(g) && q.head != Head::Place)
                            // قتلى وجرحى | من | قوات الجماعة: the force they came from (cue list
                            // `victim_origins`), a group or a name, never a place nor a state; and
                            // only after a count or a toll's noun (طلب الصحفيون | من | الملك: no).
                            || (cues().victim_origins.has(g)
                                && matches!(q.head, Head::Group | Head::Name)
                                && !self.names_state(q)
                                && (counted || cues().casualty_nouns.has_word(&words[p.end - 1]))))
                }
                // عشرين عنصرا لقوات النظام: a named owner right after a count of fighters.
                // (…or a group noun: عشرين عنصرا لميليشيا محلية.)
                None => {
                    (counted || (p.link.is_none() && p.end == p.first + 1 && cues().cells.has(bare(&words[p.first]))))
                        && p.head == Head::Group
                        && q.governor.as_deref() == Some("ل")
                        && (q.link.is_some() || q.head == Head::Group)
                        && !q.coordinated
                }
            };
            if side {
                let q = out.remove(k + 1);
                let p = &mut out[k];
                p.end = q.end;
                p.link = q.link.or(p.link);
                p.state = q.state.or(p.state);
            } else {
                k += 1;
            }
        }
    }

    /// A bare outlet or group noun takes in the name quoted or bracketed right after it (لوكالة
    /// (رويترز)، لصحيفة «الحياة»، مع قناة "العربية"، وكالة (يو.بي.آي)، قوات «درع الفرات»): one
    /// phrase from the noun, governed as the noun is, so the name is no participant of its own
    /// (اتهم الوزير في حديث لصحيفة «الحياة» الحوثيين: the Houthis are the target). The noun is a
    /// group phrase of one word or an outlet (cue list `press`); the phrase takes the name's link,
    /// and its head when that is a name. Phrases of `[lo, hi)`, in order.
    pub(super) fn join_quoted_names(&self, out: &mut Vec<Phrase>, lo: usize, hi: usize) {
        let words = self.d.words;
        let punct = |t: usize| words[t].tok.kind == rasad_text::TokenKind::Punct;
        let closes = |t: usize| punct(t) && matches!(words[t].tok.text, "»" | "”" | "\"" | ")");
        let mut o = lo + 1;
        while o + 2 < hi {
            let opens = crate::context::opening_quote(&words[o]) || words[o].tok.text == "(";
            let n = o - 1;
            let noun = &words[n];
            let k = out.partition_point(|p| p.end <= n);
            // (The noun's own phrase, when it makes one: لوكالة، تلفزيون.)
            let own = out.get(k).is_some_and(|p| p.first == n && p.end == o);
            let press = cues().press.has(noun.seg.base_key()) && (own || out.get(k).is_none_or(|p| p.first > n));
            let group = own && out[k].head == Head::Group;
            if !opens || noun.seg.definite() || !(group || press) {
                o += 1;
                continue;
            }
            // (A short name: the closing mark within eight tokens, no other mark but a dot inside.)
            let Some(close) = (o + 2..hi.min(o + 10)).find(|&t| closes(t)) else {
                o += 1;
                continue;
            };
            if (o + 1..close).any(|t| punct(t) && !matches!(words[t].tok.text, "." | "-")) {
                o += 1;
                continue;
            }
            // (…with the adjectives after the name: لصحيفة «الحياة» اللندنية.)
            let mut end = close + 1;
            while end < hi && words[end].seg.definite() && super::adjective(&words[end]) && self.mention_at[end].is_none() {
                end += 1;
            }
            let at = if own { k + 1 } else { k };
            let inner_n = out[at..].iter().take_while(|q| q.first < end).count();
            let inner: Vec<Phrase> = out.drain(at..at + inner_n).collect();
            let link = inner.iter().find_map(|q| q.link.map(|l| (l, q.state)));
            let named = inner.iter().any(|q| q.head == Head::Name);
            if !own {
                let governor = self.governor(n);
                let p = Phrase { first: n, end, head: Head::Group, link: None, state: None, governor, coordinated: false };
                out.insert(k, p);
            }
            let p = &mut out[k];
            p.end = end;
            if let Some((l, state)) = link {
                p.link = Some(l);
                p.state = state.or(p.state);
            }
            if named {
                p.head = Head::Name;
            }
            o = end;
        }
    }

    /// True when phrase `p` is one of the group `q` names: a partitive head with a superlative, one
    /// or two bare nouns of the chain or nothing between (أحد | أبرز | قيادات سرايا القدس، إحدى |
    /// عضوات | جماعة الإخوان), or people said to belong to it (17 شخصا |
    /// يشتبه في انتمائهم | لتنظيم داعش; cue lists `suspicions` and `affiliated`).
    fn one_with_group(&self, p: &Phrase, q: &Phrase, gap: Option<&str>) -> bool {
        let words = self.d.words;
        let group = q.participant() && matches!(q.head, Head::Group | Head::Name | Head::Office) && !q.coordinated;
        // (…or one or two bare nouns of the chain: إحدى عضوات جماعة الإخوان، أحد كبار مساعدي صدام.)
        let chain = |i: usize| {
            let w = &words[i];
            w.tok.kind == rasad_text::TokenKind::Arabic
                && w.seg.prefixes.is_empty()
                && self.mention_at[i].is_none()
                && !self.in_time[i]
                && self.d.lexicon.lookup(w).is_none()
        };
        let partitive = p.head == Head::Generic
            && p.end == p.first + 1
            && cues().partitive_heads.has(bare(&words[p.first]))
            && q.governor.is_none()
            && (gap.is_none_or(|g| cues().partitive_superlatives.has(g)) || (q.first <= p.end + 2 && (p.end..q.first).all(chain)));
        let belongs = matches!(p.head, Head::People | Head::Group)
            && matches!(q.governor.as_deref(), None | Some("ل") | Some("الي"))
            && gap.is_some_and(|g| {
                let ws: Vec<&str> = g.split(' ').collect();
                ws.iter().any(|w| cues().affiliated.has(w)) && ws.iter().all(|w| cues().affiliated.has(w) || cues().suspicions.has(w))
            });
        group && (partitive || belongs)
    }

    /// True when phrase `q` is linked to a state of the catalogue (40 جريحا من اليمن: where they
    /// came from, not a side).
    fn names_state(&self, q: &Phrase) -> bool {
        q.link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| self.d.kb.actors[a].kind == rasad_kb::ActorType::State)
    }
}
