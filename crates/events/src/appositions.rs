//! Who a request addresses and where an apposition ends: the office after a person's name that
//! is the name's apposition (دعا موسى أبو مرزوق نائب رئيس المكتب السياسي لحماس إلى …), the one
//! addressed before the content's preposition (ودعا العطية الولايات المتحدة إلى …), and the object
//! after offices in apposition to the agent (استقبل الشيخ محمد بن زايد ولي عهد أبوظبي … وزير الخارجية),
//! and the name after an office that is the office's apposition (طالب المتحدث السفير فلان بـ).

use rasad_kb::ActorType;
use rasad_model::{EventType, Label};

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// Past the office that follows a subject named by a person's name (دعا موسى أبو مرزوق نائب
    /// رئيس المكتب السياسي لحماس إلى …، التقى محمد جواد ظريف وزير الخارجية الإيراني نظيره): that office
    /// is the name's apposition, not the verb's object, unless its state is not the person's
    /// (التقى جون كيري وزير الخارجية السعودي: the object) or, for a person of the catalogue, it is a
    /// definite office naming no state or body (التقى البرهان المبعوث الأممي; a construct office
    /// stays the apposition: ليبرمان رئيس حزب …). A subject opened by an office (الرئيس
    /// السيسي) takes no apposition; one opened by a courtesy title does (الأمير محمد بن سلمان ولي
    /// ولي العهد). `after` itself otherwise.
    pub(crate) fn past_apposition(&self, ps: &[Phrase], agents: &[usize], after: usize) -> usize {
        let kb = self.d.kb;
        let Some(&a) = agents.iter().find(|&&k| ps[k].end == after) else { return after };
        let subject = &ps[a];
        let person_of =
            |t: usize| self.mention_at[t].and_then(|m| self.d.mentions[m].actor).filter(|&x| kb.actors[x].kind == ActorType::Person);
        // (Not a body or a state of the catalogue: ودعت منظمة العفو الدولية الزعيم الليبي | إلى.)
        let body =
            self.mention_at[subject.first].and_then(|m| self.d.mentions[m].actor).is_some_and(|x| kb.actors[x].kind != ActorType::Person);
        // The name proper, past courtesy titles (الأمير، الشيخ، صاحب السمو الملكي; not an office:
        // الرئيس السيسي | ولي العهد السعودي stays the object).
        let words = self.d.words;
        let courtesy = |t: usize| {
            let k = words[t].key.as_str();
            cues().honorifics.has(k) && !cues().office_honorifics.has(k)
        };
        // (…and an abbreviated title with its dot: د. سالم الحربي مدير الجامعة.)
        let title = |t: usize| t + 1 < words.len() && crate::phrases::abbreviated_title(words, t);
        let mut first = subject.first;
        while first < subject.end && (courtesy(first) || title(first)) {
            first += if title(first) { 2 } else { 1 };
        }
        let first = if first < subject.end { first } else { subject.first };
        let named =
            subject.head == Head::Name && !body && (person_of(first).is_some() || self.name_at(first).is_some_and(|n| n.1 == Label::Per));
        // (Or between commas: انتقد جون كيري، وزير الخارجية الأمريكي، روسيا.)
        let opened = words.get(after).is_some_and(crate::context::is_comma);
        let at = if opened { after + 1 } else { after };
        // (Not offices in the plural: دعا الجبوري | رؤساء الكتل إلى.)
        let Some(o) = ps.iter().find(|p| {
            p.first == at
                && p.head == Head::Office
                && p.governor.is_none()
                && !cues().plural_offices.has(bare(&self.d.words[p.first]).trim_start_matches("ال"))
        }) else {
            return after;
        };
        // The state or body the office names (وزير الخارجية السعودي، المبعوث الأممي، … لحماس)
        // against the person's country and organization.
        let id = |m: usize| self.d.mentions[m].actor.map(|x| kb.actors[x].id.as_str());
        let person = person_of(first).map(|x| &kb.actors[x]);
        let lam_genitive = |p: &Phrase| (p.first + 1..p.end).any(|t| words[t].seg.prefixes.contains(&"ل"));
        let other_state = match (o.link.or(o.state).and_then(id), person) {
            (Some(named), Some(p)) => ![p.country.as_deref(), p.parent.as_deref(), p.affiliation.as_deref()].contains(&Some(named)),
            // (A known person's role tells: ودعا ترامب | وزير الخارجية إلى الاستقالة, not
            // نتنياهو رئيس الوزراء; cue table office_roles.)
            (None, Some(p)) => match (self.role_states(o, p), words[o.first].seg.definite()) {
                (Some(same), _) => !same,
                (None, definite) => definite,
            },
            (None, None) => words[o.first].seg.definite(),
            // (A person the catalogue does not know: an office in construct is his (فلان وزير
            // الخارجية القطري), as is a definite one with its ل genitive (الأمين العام للأمم
            // المتحدة); a definite one with a state's nisba is another's (الأمير فلان | الرئيس
            // الأمريكي).)
            (Some(_), None) => words[o.first].seg.definite() && !lam_genitive(o),
        };
        // (An office closed by a comma before a free party is the name's apposition whatever it
        // names: استنكر الأمير زيد بن رعد الحسين المفوض السامي لحقوق الإنسان بالأمم المتحدة، الحكومة
        // السورية. The object starts past the comma.)
        // (Over the office's genitives and governed phrases, up to eight words.)
        if named && (other_state || opened) {
            let comma = (o.end..(o.end + 8).min(words.len())).find(|&k| crate::context::is_comma(&words[k]));
            let own =
                |e: usize| ps.iter().filter(|p| p.first >= o.end && p.first < e).all(|p| p.governor.is_some() || p.head == Head::Generic);
            if let Some(e) = comma.filter(|&e| own(e)) {
                if ps.iter().any(|p| p.first == e + 1 && p.governor.is_none() && !p.coordinated && p.participant()) {
                    return e + 1;
                }
            }
        }
        if !named || other_state || opened {
            return after;
        }
        // Further offices of the same person follow in a chain (ولي العهد نائب رئيس مجلس الوزراء
        // وزير الداخلية، ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء): an office in construct, or
        // a definite one with its ل genitive, that names no other state; any other definite office
        // starts the object (… وزير الداخلية | السفير الأمريكي).
        // (The state or body of the first office, else the person's: نبيل العربي الأمين العام
        // لجامعة الدول العربية | وزير الخارجية المصري is another person.)
        let own = match o.link.or(o.state).and_then(id) {
            Some(s) => [Some(s), None],
            None => [person.and_then(|p| p.country.as_deref()), person.and_then(|p| p.affiliation.as_deref())],
        };
        let mut end = o.end;
        while let Some(n) = ps.iter().find(|p| {
            p.first == end
                && p.head == Head::Office
                && p.governor.is_none()
                && (!words[p.first].seg.definite() || lam_genitive(p))
                && !cues().plural_offices.has(bare(&words[p.first]))
        }) {
            if n.link.or(n.state).and_then(id).is_some_and(|s| !own.contains(&Some(s))) {
                break;
            }
            end = n.end;
        }
        end
    }

    /// Past the office's own adjuncts after an apposition ending at `from` (مدير التعليم |
    /// بالمنطقة الشرقية، | العمل الإرهابي): words with ب or ل, a word after في, the adjectives after
    /// them and one comma that closes them, up to eight words and never past `end`. `from` when
    /// none follows.
    pub(crate) fn past_office_adjuncts(&self, from: usize, end: usize) -> usize {
        let words = self.d.words;
        let hi = end.min(from + 8).min(words.len());
        let mut j = from;
        while j < hi {
            let w = &words[j];
            let governed = w.tok.kind == rasad_text::TokenKind::Arabic && w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل"));
            if governed || (bare(w) == "في" && j + 1 < hi) {
                j += if governed { 1 } else { 2 };
                while j < hi && crate::forms::is_adjective(&words[j]) && self.mention_at[j].is_none() {
                    j += 1;
                }
            } else if crate::context::is_comma(w) && j > from {
                return j + 1;
            } else {
                break;
            }
        }
        if j > from && j < end {
            j
        } else {
            from
        }
    }

    /// Past the person's name that follows a subject named by an office (وطالب المتحدث باسم
    /// الوزارة السفير فلان بـ، ودعا مسؤول الاتصال بالحملة، محمد عبدالعزيز، إلى): the name is the
    /// office's apposition, not the verb's object. Over one governed phrase of the office
    /// (بالحملة) and the commas around the name. `after` itself otherwise (ودعا الوزير | إيران إلى).
    pub(crate) fn past_office_name(&self, ps: &[Phrase], agents: &[usize], after: usize, end: usize) -> usize {
        let words = self.d.words;
        let Some(&a) = agents.iter().find(|&&k| ps[k].end == after) else { return after };
        if ps[a].head != Head::Office || ps[a].link.is_some() {
            return after;
        }
        // (…past the office's own ب or ل words, up to a comma: مسؤول الاتصال بالحملة،.)
        let mut j = after;
        if let Some(g) = ps.iter().find(|p| p.first == j && p.governor.is_some() && p.end < end) {
            j = g.end;
        }
        let lead = (j..(j + 3).min(end)).find(|&k| crate::context::is_comma(&words[k]));
        let governed_only =
            |k: usize| (j..k).all(|i| words[i].seg.prefixes.iter().any(|x| matches!(*x, "ب" | "ل")) || words[i].seg.definite());
        let comma = lead.is_some_and(governed_only);
        if let Some(k) = lead.filter(|_| comma) {
            j = k + 1;
        }
        let kb = self.d.kb;
        // A person's bare name: of the catalogue, or one the tagger reads as a person's; between
        // commas, any name that is no body or state. Not one opened by an office (دعا الوزير
        // الرئيس محمود عباس إلى: another person, addressed).
        let person = |p: &Phrase| {
            let catalogue = p.link.and_then(|m| self.d.mentions[m].actor).map(|x| kb.actors[x].kind == ActorType::Person);
            let titled = cues().office_honorifics.has(words[p.first].key.as_str());
            // (Between commas, an office too, the same person's: رئيس الكتلة، النائب حسن سالم،.)
            let titled_name = comma && p.head == Head::Office && p.link.is_none();
            titled_name || (p.head == Head::Name && !titled && catalogue.unwrap_or(comma || self.is_person_at(p.first, p.end)))
        };
        let Some(n) = ps.iter().find(|p| p.first == j && p.governor.is_none() && person(p)) else { return after };
        let e = n.end;
        match (comma, words.get(e)) {
            (true, Some(w)) if e < end && crate::context::is_comma(w) => e + 1,
            // (A name opened by a comma and not closed by one is the object: دعا الوزير، فلان …)
            (true, _) => after,
            _ => e.min(end),
        }
    }

    /// Past a short parenthesis that opens at `after` (at most six words to its `)`, before
    /// `end`): the word after it; `after` itself when none opens there.
    pub(crate) fn past_bracket(&self, after: usize, end: usize) -> usize {
        let words = self.d.words;
        if words.get(after).is_none_or(|w| w.tok.text != "(") {
            return after;
        }
        (after + 1..(after + 8).min(end)).find(|&j| words[j].tok.text == ")").map_or(after, |j| j + 1)
    }

    /// Past a phrase right after the subject (a quotation mark may open it) that names the same
    /// person of the catalogue again: a kunya or a nickname in apposition (حمّل محمود عباس "أبو
    /// مازن" الحكومة الإسرائيلية). `after` itself otherwise.
    pub(crate) fn past_same_actor(&self, ps: &[Phrase], agents: &[usize], after: usize) -> usize {
        // (A person's: a body's phrase may link to the body its office sits in, عضو مجلس الشيوخ.)
        let kb = self.d.kb;
        let actor = |p: &Phrase| p.link.and_then(|m| self.d.mentions[m].actor).filter(|&x| kb.actors[x].kind == ActorType::Person);
        let Some(own) = agents.iter().find(|&&k| ps[k].end == after).and_then(|&k| actor(&ps[k])) else { return after };
        let words = self.d.words;
        let quote = |k: usize| {
            words.get(k).is_some_and(|w| w.tok.kind == rasad_text::TokenKind::Punct && matches!(w.tok.text, "\"" | "«" | "»" | "“" | "”"))
        };
        let first = if quote(after) { after + 1 } else { after };
        match ps.iter().find(|p| p.first == first && p.governor.is_none() && actor(p) == Some(own)) {
            Some(p) if quote(p.end) => p.end + 1,
            Some(p) => p.end,
            None => after,
        }
    }

    /// Whether the office phrase `o` states the catalogue person `p`'s role (cue table
    /// `office_roles`): None when the person has no role or the table does not know the office.
    fn role_states(&self, o: &Phrase, p: &rasad_kb::Actor) -> Option<bool> {
        let role = p.role.as_deref()?.to_lowercase();
        let words = self.d.words;
        let key = |k: usize| words.get(k).filter(|_| k < o.end).map(|w| w.key.as_str());
        let fragments = cues().office_roles.of(key(o.first)?, key(o.first + 1))?;
        Some(fragments.iter().any(|f| role.contains(f.as_str())))
    }

    /// The addressee of a request verb at `t` (types.toml `content_fallback`): the participant that
    /// ends where its content opens (إلى، ب، على), past the subject, in the trigger's clause
    /// (ودعا العطية الولايات المتحدة | إلى …، طالب الشيخ … وزير الأوقاف علماء الأمة | بالانتباه،
    /// طالبت وفقا لهذه الحقائق مجلس الأمن | بإعادة). An apposition after a comma is not passed
    /// over (مجلس الشورى، سلطة التشريع، بالتوقف gives the apposition).
    /// None when that phrase is the subject (دعا الرئيس | إلى الحوار), begins before `after` (the
    /// subject's apposition: دعا خالد العطية وزير الخارجية القطري | إلى) or the verb has none.
    pub(crate) fn addressee(&self, ps: &[Phrase], c: &Clause, t: usize, kind: EventType, agents: &[usize], after: usize) -> Option<usize> {
        if !info(kind).content_fallback || agents.is_empty() {
            return None;
        }
        let from = self.content_from(t, c.end);
        if from >= c.end {
            return None;
        }
        let k = ps.iter().position(|p| p.end == from)?;
        // (Those addressed may be named with their institution: رؤساء الكتل | في مجلس النواب | إلى.)
        let holder = k > 0
            && matches!(ps[k].governor.as_deref(), Some("في" | "لدي" | "من"))
            && ps[k - 1].end + 1 == ps[k].first
            && ps[k - 1].governor.is_none()
            && matches!(ps[k - 1].head, Head::Office | Head::Group | Head::People);
        let k = if holder { k - 1 } else { k };
        let first_agent = agents.iter().map(|&a| ps[a].first).min()?;
        let p = &ps[k];
        // (Not when the frame's own preposition names one before: طلب النواب من أمانو توضيح …; nor
        // the last of a coordination: داعيا الوزير ومن بعده الحكومة والنواب إلى.)
        let info_t = info(kind);
        // (A phrase inside a parenthesis does not count: طالب الرئيس، في رسالة وجهها إلى الأمين
        // العام، إسرائيل بـ.)
        let governed = ps.iter().any(|q| {
            q.first > t
                && q.end <= from
                && !self.in_parenthesis(t, q.first, q.end, from)
                && q.governor.as_deref().is_some_and(|g| info_t.target.iter().any(|f| f == g))
        });
        (p.first > first_agent
            && p.first >= after
            && !governed
            && !p.coordinated
            && p.patient()
            && !agents.contains(&k)
            && p.governor.is_none()
            && p.first >= c.first
            && !self.in_source(p)
            && matches!(p.head, Head::Name | Head::Group | Head::Office | Head::People | Head::Counterpart | Head::Pair))
        .then_some(k)
    }

    /// The object after offices in apposition to the agent: when the free phrase `k` is an office
    /// right after a person who acts (a name or an office among `skip`), further offices may follow
    /// it (ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع), and after a place or a time (في أبوظبي
    /// أمس، في مكتبه) another free participant comes, that one is the object. None otherwise: the
    /// office is the object (استقبل الرئيس السيسي رئيس الوزراء الإثيوبي في القاهرة).
    pub(crate) fn apposed_object(
        &self,
        ps: &[Phrase],
        k: usize,
        skip: &[usize],
        hi: usize,
        usable: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        // (A person: an office, or a name of a person; not a state, استدعت الكويت السفير الإيراني.)
        let kb = self.d.kb;
        // (…or a name the tagger reads as a person's: السناتور الجمهوري ميتش مكونيل.)
        let person = |p: &Phrase| {
            p.head == Head::Office
                || (p.head == Head::Name
                    && (p.link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| kb.actors[a].kind == ActorType::Person)
                        || (p.link.is_none() && self.is_person_at(p.first, p.end))))
        };
        let adjacent = skip.iter().any(|&a| person(&ps[a]) && ps[a].end == ps[k].first);
        if !adjacent || ps[k].head != Head::Office {
            return None;
        }
        // Over the chain of offices, each right after the one before.
        let mut last = k;
        while ps.get(last + 1).is_some_and(|p| p.first == ps[last].end && p.head == Head::Office && p.governor.is_none()) {
            last += 1;
        }
        let words = self.d.words;
        // The first free participant with something that is no part of the title between: a
        // governed phrase or a time (not عهد أبوظبي, which ends the title); within eight words,
        // with no comma and no verb (أقال الوزير مساعده من منصبه يوم الخميس … قال كارتر: the
        // office is the object).
        // (Commas and a longer stretch when all of it is adjuncts: رفض السناتور فلان زعيم الأغلبية
        // في مجلس الشيوخ، يوم الخميس، الطرح …)
        let adverbial = |j: usize| {
            let between = ps[last].end..ps[j].first;
            (between.clone().any(|i| self.in_time[i]) || ps.iter().any(|p| p.governor.is_some() && between.contains(&p.first)))
                && !between.clone().any(|i| self.is_verb(i))
                && ((between.len() <= 8 && !between.clone().any(|i| crate::context::is_comma(&words[i])))
                    || self.only_adjuncts(ps, between.start, between.end))
        };
        (last + 1..ps.len()).find(|&j| usable(j) && ps[j].governor.is_none() && ps[j].participant() && ps[j].end <= hi && adverbial(j))
    }
}
