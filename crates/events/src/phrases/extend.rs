//! What a phrase takes in after its first unit, and where it stops: a genitive (وزير الخارجية،
//! قوات الأمن), a nisba (القوات الأمنية), an office's institution (الأمين العام لحزب المؤتمر), an
//! owner (فصائل موالية لإيران، قوات تابعة لعملية الكرامة), an apposed name (وزير الخارجية التركي
//! هاكان فيدان); it stops at a number, a clitic و or preposition, a person's noun (اعتقلت قوات الأمن
//! | الناشط) or a state after a definite word (ودعا الوزير | روسيا).

use rasad_kb::{ActorType, MentionKind};
use rasad_model::Label;
use rasad_text::TokenKind;

use super::words::{construct, nisba_ending, participle_adjective};
use super::Head;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::forms::word_class;

impl Ctx<'_, '_, '_> {
    /// The end of the phrase whose first unit `[i, j)` is headed by `head`, extended over what
    /// belongs to it up to `hi`, and whether it took in a name.
    pub(super) fn extend(&self, i: usize, mut j: usize, hi: usize, head: Head) -> (usize, bool) {
        let words = self.d.words;
        let named_start = head == Head::Name;
        let mut named = named_start;
        // A person's name joins an office or a nisba before it in apposition (الرئيس الأمريكي
        // دونالد ترامب), once.
        let mut person = self.is_person_at(i, j);
        // …but not a body's name (ودعت منظمة العفو الدولية | الرئيس السوري بشار الأسد); its
        // owner's may (المقاومة الموالية للرئيس هادي), and a state's may be a region's (إقليم
        // كردستان العراق مسعود البارزاني).
        let body_end = self
            .mention_starting(i)
            .filter(|&m| {
                named_start
                    && self.d.mentions[m].actor.is_some_and(|a| !matches!(self.d.kb.actors[a].kind, ActorType::Person | ActorType::State))
            })
            .map(|m| self.d.mentions[m].end);
        let body_name =
            |j: usize| body_end.is_some_and(|e| !(e..=j).any(|k| words[k].seg.prefixes.iter().any(|p| matches!(*p, "ل" | "ب"))));
        // A person right after a definite body is the verb's object, not the body's apposition
        // (واتهمت المعارضة | سمير جعجع، انتقدت الحكومة | حسين حبري); a construct takes him (قوات
        // الرئيس صالح), a title announces him, and a body after و is an office's genitive
        // (رئيسا الجمهورية والحكومة فؤاد السنيورة).
        let body_before = |j: usize| {
            let prev = &words[j - 1];
            head == Head::Group
                && prev.seg.definite()
                && word_class(prev) == Some(Head::Group)
                && !cues().honorifics.has(prev.key.as_str())
                && !words[i].seg.prefixes.contains(&"و")
        };
        // A body of civil society (cue list `civil_bodies`) heads it: its name takes its field.
        let body = matches!(head, Head::Group | Head::Name) && cues().civil_bodies.has(bare(&words[i]));
        // …and so does a body in an office's genitive (مفوض الهيئة المستقلة لحقوق الإنسان).
        let office_body = head == Head::Office
            && words
                .get(i + 1)
                .is_some_and(|b| i + 1 < hi && b.seg.definite() && (cues().civil_bodies.has(bare(b)) || cues().field_bodies.has(bare(b))));
        let body = body || office_body;
        // Extend over what belongs to the phrase.
        while j < hi {
            // An office's holder after an abbreviated title (الوزير د. خالد الحمادي، المدير م. سالم).
            if let Some(e) = self.titled_name_end(j, hi).filter(|_| head == Head::Office && !person) {
                j = e;
                person = true;
                named = true;
                continue;
            }
            // A quoted name is the genitive of a group noun (عناصر «داعش»).
            let quoted = self.quoted_name(j);
            if quoted > j && quoted < hi && construct(&words[j - 1]) && word_class(&words[j - 1]).is_some_and(|h| h != Head::Name) {
                j = quoted;
            }
            // (…also when the tagger's name took the group noun and the mark: حزب « | المصريين الأحرار».)
            if crate::context::opening_quote(&words[j - 1]) && j - 1 > i && word_class(&words[j - 2]) == Some(Head::Group) {
                if let Some(m) = self.mention_starting(j).filter(|&m| self.d.mentions[m].actor.is_some() && self.d.mentions[m].end <= hi) {
                    j = self.d.mentions[m].end;
                    continue;
                }
            }
            // An adjective in quotation marks is still the noun's (الممارسات «الإسرائيلية»، الطائرات
            // "الإسرائيلية": a paper's way of distancing itself from a state's name).
            if j + 2 < hi
                && crate::context::opening_quote(&words[j])
                && matches!(words[j + 2].tok.text, "»" | "\"" | "”")
                && super::words::describes_word(&words[j - 1], &words[j + 1])
                && words[j + 1].seg.definite() == words[j - 1].seg.definite()
            {
                j += 3;
                continue;
            }
            // A member of a group named after في (عناصر في تنظيم داعش): the group's.
            if let Some(e) = self.member_of_group(i, j, hi) {
                j = e;
                continue;
            }
            let w = &words[j];
            // A formation's number is its name (الفرقة 16 مشاة، اللواء 35), with its arm.
            if w.tok.kind == TokenKind::Number && cues().numbered_units.has(bare(&words[j - 1])) {
                let arm = words.get(j + 1).is_some_and(|a| j + 1 < hi && cues().unit_arms.has(bare(a)));
                j += if arm { 2 } else { 1 };
                continue;
            }
            // A number starts a phrase of its own (قتل مقاتلون | جنديين).
            if w.tok.kind != TokenKind::Arabic
                || self.in_time[j]
                || self.quantity_at[j].is_some_and(|q| self.d.quantities[q].start == w.tok.span.start)
            {
                break;
            }
            // A person's name goes on with its nasab and family (سلمان بن عبدالعزيز، حمد بن خليفة
            // آل ثاني): بن، بنت or آل and the name after it.
            let nasab = matches!(w.key.as_str(), "بن" | "بنت" | "ابن") || (w.key == "ال" && w.tok.text.starts_with('آ'));
            if (person || named) && nasab {
                if let Some(n) =
                    words.get(j + 1).filter(|n| j + 1 < hi && n.tok.kind == TokenKind::Arabic && !n.seg.definite() && !self.in_time[j + 1])
                {
                    if self.d.lexicon.lookup(n).is_none() {
                        // A compound name goes on with its second part (بن عبد العزيز، بن أبي بكر).
                        let compound = matches!(n.key.as_str(), "عبد" | "ابو" | "ابي")
                            && words.get(j + 2).is_some_and(|m| j + 2 < hi && m.tok.kind == TokenKind::Arabic && !self.in_time[j + 2]);
                        j += if compound { 3 } else { 2 };
                        continue;
                    }
                }
            }
            // A kunya after an office or a title names its holder (القيادي أبو وهيب، الشيخ أبو محمد
            // العدناني), when the NER model found no name there.
            if !person && !named && matches!(head, Head::Office | Head::People) && matches!(w.key.as_str(), "ابو" | "ابي" | "ام") {
                if let Some(n) = words.get(j + 1).filter(|n| {
                    j + 1 < hi
                        && n.tok.kind == TokenKind::Arabic
                        && n.seg.prefixes.iter().all(|p| matches!(*p, "ال" | "و"))
                        && !self.in_time[j + 1]
                        && self.d.lexicon.lookup(n).is_none()
                        && word_class(n).is_none()
                }) {
                    // (A compound name goes on with its second part: أبو عبد الله، أبو عبد الرحمن.)
                    let compound = n.key == "عبد" && words.get(j + 2).is_some_and(|m| j + 2 < hi && m.tok.kind == TokenKind::Arabic);
                    let last = if compound { j + 2 } else { j + 1 };
                    // (…with the nisba of its name: أبو محمد العدناني.)
                    let nisba = words.get(last + 1).is_some_and(|m| {
                        last + 1 < hi
                            && !words[last].seg.definite()
                            && m.seg.prefixes == ["ال"]
                            && super::words::nisba_ending(&m.key)
                            && self.mention_at[last + 1].is_none()
                    });
                    j = last + if nisba { 2 } else { 1 };
                    person = true;
                    continue;
                }
            }
            // نظيره starts the counterpart's phrase, whatever the NER model ran it into.
            if word_class(w) == Some(Head::Counterpart) {
                break;
            }
            // و between two nisbas joins them (المقاتلين الإيرانيين والعراقيين).
            let joined_nisba = w.seg.prefixes.first() == Some(&"و")
                && self.mention_starting(j).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym)
                && (self.mention_at[j - 1].is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym)
                    // (…or a name that ends in one: القوات الروسية والتركية.)
                    || (nisba_ending(&words[j - 1].key) && words[j - 1].seg.definite() == w.seg.definite()));
            // A body's name goes on with its field after ل (مركز الميزان لحقوق الإنسان، الهيئة
            // العامة للاستثمار، منظمة العفو الدولية): an unnamed noun and its definite genitive.
            // (Under an office, no verbal noun of the lexicon, and a definite field only in the
            // plural: اللجنة العليا للانتخابات، المفوضية العليا للاجئين; not دعا رئيس الحزب |
            // للمقاطعة، للتظاهر, what he called for.)
            let plural_field = w.key.ends_with("ات") || w.key.ends_with("ين");
            let body_field = body
                && !(office_body && (self.d.lexicon.lookup(w).is_some() || w.seg.definite() && !plural_field))
                && w.seg.prefixes.contains(&"ل")
                && !w.seg.prefixes.contains(&"ب")
                && self.mention_at[j].is_none()
                && word_class(w).is_none()
                && self.d.lexicon.lookup(w).is_none_or(|h| !h.nominal || w.seg.definite());
            // (…when the tagger's name stopped at the field: المنظمة العربية لحقوق | الإنسان.)
            let field_genitive = body
                && j > i + 1
                && words[j - 1].seg.prefixes.contains(&"ل")
                && !words[j - 1].seg.definite()
                && w.seg.definite()
                && w.seg.prefixes.iter().all(|p| *p == "ال")
                && self.mention_at[j].is_none()
                && word_class(w).is_none();
            if field_genitive {
                j += 1;
                continue;
            }
            if body_field {
                let genitive = words.get(j + 1).is_some_and(|n| {
                    !w.seg.definite()
                        && j + 1 < hi
                        && n.tok.kind == TokenKind::Arabic
                        && n.seg.definite()
                        && self.mention_at[j + 1].is_none()
                });
                j += if genitive { 2 } else { 1 };
                continue;
            }
            // An office takes its field with ل and the field's definite genitive (المفوض السامي
            // لحقوق الإنسان، مستشار الرئيس لشؤون اللاجئين). Not a named one, which would link the
            // office to what it deals with (الأمين العام المساعد | لشؤون فلسطين).
            // (By the key: the segmenter leaves some such words whole, لشؤون.)
            let field = w.key_without_conj().strip_prefix('ل').map(|k| k.strip_prefix('ل').unwrap_or(k));
            let unnamed_definite_next =
                j + 1 < hi && words[j + 1].tok.kind == TokenKind::Arabic && words[j + 1].seg.definite() && self.mention_at[j + 1].is_none();
            if head == Head::Office && field.is_some_and(|k| cues().office_fields.has(k)) && (w.seg.definite() || unnamed_definite_next) {
                j += if w.seg.definite() { 1 } else { 2 };
                continue;
            }
            // A verbal noun's genitive ends before its ل object (دعم الجامعة | للحكومة: verbal_nouns.rs).
            if self.lam_after_genitive(i, j, head) && !self.linked_by_lam(j) {
                break;
            }
            // An office takes its institution with ل (الأمين العام لحزب المؤتمر، المندوب الدائم للعراق).
            let office_lam = head == Head::Office
                && w.seg.prefixes.contains(&"ل")
                && !w.seg.prefixes.contains(&"ال")
                && (word_class(w).is_some_and(|h| matches!(h, Head::Group | Head::Office)) || self.mention_starting(j).is_some());
            if office_lam {
                // The institution names the phrase: an actor after it is another phrase
                // (الأمين العام لحزب الله | الحكومة الإسرائيلية).
                named |= self.mention_starting(j).is_some();
                j = self.mention_starting(j).map_or(j + 1, |m| self.d.mentions[m].end);
                continue;
            }
            // تابعة لـ / الموالية لـ: the owner joins the phrase, named or not (قوات تابعة لعملية
            // الكرامة), with the genitive of an indefinite owner noun.
            let owned_by = j > i && cues().belonging.has(bare(&words[j - 1])) && w.seg.prefixes.contains(&"ل");
            if owned_by {
                let m_end = self.mention_starting(j).map(|m| self.d.mentions[m].end);
                let genitive = words
                    .get(j + 1)
                    .is_some_and(|n| n.tok.kind == TokenKind::Arabic && n.seg.definite() && self.mention_at[j + 1].is_none());
                j = m_end.unwrap_or(if !w.seg.definite() && genitive && j + 2 <= hi { j + 2 } else { j + 1 });
                named |= m_end.is_some();
                continue;
            }
            // تنتمي إلى / مرتبطة بـ: a named owner after إلى or ب joins the phrase as with تابعة لـ
            // (شبكة إرهابية تنتمي إلى تنظيم داعش، خلية مرتبطة بتنظيم القاعدة).
            let affiliation = [j, j.wrapping_sub(1)].into_iter().find(|&a| a >= i && a < hi && cues().affiliated.has(bare(&words[a])));
            if let Some(a) = affiliation {
                let owner = match words.get(a + 1) {
                    Some(n) if bare(n) == "الي" => a + 2,
                    Some(n) if n.seg.prefixes.contains(&"ب") || n.seg.prefixes.contains(&"ل") => a + 1,
                    _ => usize::MAX,
                };
                if let Some(m) = (owner < hi).then(|| self.mention_starting(owner)).flatten() {
                    j = self.d.mentions[m].end;
                    named = true;
                    continue;
                }
            }
            if self.coordinated_genitive(i, j, hi, head) {
                j += if words[j].seg.definite() { 1 } else { 2 };
                continue;
            }
            if self.opens_new(j) && !self.linked_by_lam(j) && !joined_nisba {
                break;
            }
            // A plural nisba describes no single office, nor follows a singular nisba (وحذر الوزير
            // | الحوثيين من التصعيد، دعت الخارجية الأميركية | الإسرائيليين إلى).
            let plural_nisba = w.key.ends_with("يين") || w.key.ends_with("يون");
            let prev = &words[j - 1];
            let singular_nisba =
                nisba_ending(&prev.key) && !prev.key.ends_with("يين") && !prev.key.ends_with("يون") && !prev.key.ends_with("يات");
            // (…nor a person's name: دعا الرئيس فؤاد معصوم | العراقيين إلى الوحدة.)
            let after_person = self.name_at(i).is_some_and(|n| n.0 == j && n.1 == rasad_model::Label::Per)
                || self.mention_at[j - 1].is_some_and(|m| {
                    self.d.mentions[m].end == j && self.d.mentions[m].actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person)
                });
            // (…nor a feminine singular noun or a masculine singular body: وحملت الحكومة | الحوثيين
            // المسؤولية، وحمل الجيش | الحوثيين; cue list masculine_bodies.)
            // (A group noun: القادة، القضاة end in ة as plurals.)
            let feminine_singular = prev.seg.definite()
                && word_class(prev) == Some(Head::Group)
                && (prev.key.ends_with('ه') || cues().masculine_bodies.has(bare(prev)));
            // (A nominative one after a plural office's genitive agrees with the office, which no
            // object can: وزراء الخارجية الأوروبيون، ممثلو المعارضة السوريون.)
            let plural_office = w.key.ends_with("يون") && cues().plural_offices.has(bare(&words[i]).trim_start_matches("ال"));
            if plural_nisba
                && j > i
                && ((j == i + 1 && (self.single_office(j - 1) || feminine_singular)) || (singular_nisba && !plural_office) || after_person)
            {
                break;
            }
            // A town's name right after a bare group noun is its genitive (مقاومة عدن، شرطة دبي).
            let group_of_town = j == i + 1 && head == Head::Group && super::words::bare_construct(&words[i]);
            // (The town ends the phrase: مقاومة عدن | الحوثيين، شرطة دبي | المتهمين.)
            if let Some(m) = self.mention_starting(j).filter(|_| group_of_town && self.town_at(j)) {
                j = self.d.mentions[m].end;
                break;
            }
            if let Some(m) = self.mention_starting(j) {
                let mm = &self.d.mentions[m];
                let is_person = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person);
                // A nisba qualifies (التركي); a name after an office or a group is its
                // apposition or genitive (وزير الخارجية التركي هاكان فيدان، قوات النظام).
                // After a nisba only a person stands in apposition: وزير الخارجية السعودي |
                // إيران is the verb's object.
                let after_nisba = self.mention_at[j - 1].is_some_and(|p| self.d.mentions[p].kind == MentionKind::Demonym);
                // A state or an organization after a definite word is the verb's object, no
                // apposition (ودعا الوزير | روسيا إلى، دعا مجلس التعاون | مجلس الأمن إلى; وزير
                // خارجية روسيا is a genitive chain).
                // (An organization only when its name opens with a bare construct noun: المتمردين
                // الحوثيين and المدير العام للوكالة stay one phrase.)
                let state = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::State);
                let construct = w.seg.prefixes.iter().all(|p| *p == "و") && !w.seg.definite();
                // (…but a state named by a feminine nisba agrees with a feminine noun before it, its
                // adjective: المدفعية السعودية، الطائرات السعودية.)
                let prev_feminine = words[j - 1].seg.definite() && (words[j - 1].key.ends_with('ه') || words[j - 1].key.ends_with("ات"));
                let agrees = state && prev_feminine && w.seg.definite() && self.d.kb.is_demonym(w.key_without_conj());
                let state_after_definite = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind != ActorType::Person)
                    && (state || construct)
                    && (words[j - 1].seg.definite() || self.nun_plural(j - 1))
                    && mm.kind == MentionKind::Name
                    && !agrees;
                // A definite name after a definite word is no genitive (the first is no construct):
                // هاجم الجيش | المسلحين، اعتقلت الشرطة | المسلحين.
                // (Not a nisba-shaped name: المتمردين الحوثيين; not one with ل: الأمين العام للأمم المتحدة.)
                let nisba_shaped = nisba_ending(&w.key);
                let definite_pair = !is_person
                    && mm.kind == MentionKind::Name
                    && w.seg.prefixes.iter().all(|p| matches!(*p, "ال" | "و"))
                    && w.seg.definite()
                    && !nisba_shaped
                    && (words[j - 1].seg.definite() || self.nun_plural(j - 1))
                    && j > i;
                // (Nor after a counted noun in the accusative, which is no construct: طالب 37 نائبا |
                // الحكومة الأردنية; رئيسا إيران is a dual in construct.)
                let prev = &words[j - 1];
                let counted = j >= 2 && words[j - 2].tok.kind == TokenKind::Number;
                let after_tanween = counted && !prev.seg.definite() && prev.key.ends_with('ا') && mm.kind == MentionKind::Name;
                // (A thing's owner with ل is a phrase of its own: قاعدتين عسكريتين | للحوثيين.)
                let owner = head == Head::Generic && !words[i].seg.definite() && w.seg.prefixes.contains(&"ل");
                let apposition = !named
                    && !owner
                    && mm.actor.is_some()
                    && (!after_nisba || is_person)
                    && !state_after_definite
                    && !definite_pair
                    && !after_tanween;
                // A title before it (الأمير، الشيخ) announces the name: ولي العهد السعودي الأمير محمد بن سلمان.
                let titled = cues().honorifics.has(words[j - 1].key.as_str());
                // The same actor named again right after (خادم الحرمين الشريفين الملك سلمان).
                let same =
                    self.mention_at[j - 1].is_some_and(|p| self.d.mentions[p].actor.is_some() && self.d.mentions[p].actor == mm.actor);
                // (Nor a person right after a state's name that is the whole phrase: اتهمت تركيا |
                // الأسد، استدعت مصر | السفير الإسرائيلي فلان.)
                // (A governed state may close an office before the name: المبعوث الأممي إلى اليمن
                // إسماعيل ولد الشيخ أحمد.)
                let governed =
                    words[i].seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل")) || (i > 0 && crate::context::is_governor(&words[i - 1]));
                let state_only = !governed
                    && self.mention_starting(i).is_some_and(|s| {
                        self.d.mentions[s].end == j
                            && self.d.mentions[s].actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::State)
                    });
                if is_person && (body_before(j) || state_only || self.plural_before_person(j) || self.office_after_nisba(j)) {
                    break;
                }
                if mm.kind == MentionKind::Demonym || apposition || same || (is_person && (!person || titled) && !body_name(j)) {
                    named |= mm.kind == MentionKind::Name;
                    // A person an office belongs to (سفير خادم الحرمين الشريفين) is not the
                    // office holder: a name after it still joins (… أحمد قطان).
                    let office_of =
                        head == Head::Office && word_class(&words[j - 1]) == Some(Head::Office) && self::construct(&words[j - 1]);
                    person |= is_person && !office_of;
                    j = mm.end;
                    continue;
                }
                break;
            }
            if let Some((end, label)) = self.name_at(j) {
                if label == Label::Per && (body_before(j) || self.plural_before_person(j)) {
                    break;
                }
                if (label == Label::Per && !person) || !named {
                    named = true;
                    person |= label == Label::Per;
                    j = end;
                    continue;
                }
                break;
            }
            let k = w.key.as_str();
            // A person's noun starts a phrase of its own (اعتقلت قوات الأمن | الناشط فلان), unless an
            // office in construct governs it (نائب الرئيس، مستشار الوزير، مساعد السفير).
            let office_genitive = j > i && construct(&words[j - 1]) && word_class(&words[j - 1]) == Some(Head::Office);
            // …but a title before a name after an office names its holder (رئيس المجلس المحلي
            // الشيخ أحمد العلي، رئيس النادي السابق المستشار فلان).
            // (Over a run of them: صاحب السمو الملكي الأمير محمد بن نايف.)
            let run_end = (j..hi).find(|&x| !cues().honorifics.has(words[x].key.as_str())).unwrap_or(hi);
            let holder = head == Head::Office
                && !person
                && cues().honorifics.has(k)
                && (self.name_at(run_end).is_some()
                    || self.name_units(run_end, hi).is_some()
                    || self
                        .mention_starting(run_end)
                        .and_then(|m| self.d.mentions[m].actor)
                        .is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person));
            // …nor one that, with the person's name after it, is a group noun's genitive (ميليشيات
            // الرئيس المخلوع علي عبدالله صالح، قوات الرئيس هادي): whose forces they are.
            let person_at = |x: usize| {
                self.name_at(x).is_some_and(|n| n.1 == Label::Per)
                    || self
                        .mention_starting(x)
                        .and_then(|m| self.d.mentions[m].actor)
                        .is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person)
            };
            let forces_of =
                head == Head::Group && j == i + 1 && super::words::bare_construct(&words[i]) && (j + 1..(j + 4).min(hi)).any(person_at);
            if cues().new_phrase.has(k) && j > i && !office_genitive && !holder && !forces_of {
                break;
            }
            if cues().honorifics.has(k) && (self.name_at(run_end).is_some() || self.mention_starting(run_end).is_some()) {
                j = run_end;
                continue;
            }
            // (…or a name the tagger missed, of common given and family names: وزير النقل اليمني
            // المهندس بدر باسلمة.)
            if let Some(e) = self.name_units(run_end, hi).filter(|_| holder) {
                j = e;
                person = true;
                named = true;
                continue;
            }
            // (A compass word after a place says where the place lies: عدن | جنوبي اليمن.)
            let after_place = self.mention_at[j - 1].is_some_and(|m| self.d.mentions[m].place.is_some());
            if after_place && cues().locatives.has(bare(w)) {
                break;
            }
            // An adjective agrees with the word before it in definiteness (القوات الأمنية، طائرات
            // حربية; not البلدان | اتفاقية).
            let of_vehicle = cues().vehicles.has(bare(&words[j - 1]).trim_start_matches("ال")) && cues().vehicle_adjectives.has(k);
            if (super::words::describes_word(&words[j - 1], w) && w.seg.definite() == words[j - 1].seg.definite())
                || (participle_adjective(&words[j - 1], w) && !self.office_after_nisba(j))
                || (super::words::nominative_plurals(&words[j - 1], w) && self.mention_at[j].is_none() && !self.is_verb(j))
                || (of_vehicle && w.seg.definite() == words[j - 1].seg.definite())
                || (super::words::feminine_dual(&words[j - 1]) && super::words::feminine_dual(w))
            {
                j += 1;
                continue;
            }
            // …and a participle with its preposition's pronoun (الحكومة المعترف بها دوليا), with
            // an adverb after it, which ends the phrase.
            if j + 1 < hi && super::words::prepositional_participle(&words[j - 1], w, &words[j + 1]) {
                j += 2;
                if j < hi && super::words::accusative_nisba(&words[j]) {
                    j += 1;
                }
                break;
            }
            // …and so does one negated by غير (منظمات غير حكومية، القوات غير النظامية).
            if bare(w) == "غير" && j + 1 < hi {
                let adj = &words[j + 1];
                let agrees = (adj.seg.definite() || !words[j - 1].seg.definite()) && adj.seg.prefixes.iter().all(|p| *p == "ال");
                if agrees && super::words::describes_word(&words[j - 1], adj) {
                    j += 2;
                    continue;
                }
            }
            // An office in construct with another office (نائب رئيس الحركة، مساعد وزير الخارجية).
            if j > i
                && construct(&words[j - 1])
                && word_class(&words[j - 1]) == Some(Head::Office)
                && word_class(w) == Some(Head::Office)
                && !w.seg.definite()
            {
                j += 1;
                continue;
            }
            // One genitive after a construct head (وزير الخارجية، قوات الأمن، قائد الجيش), an
            // event noun too after a group or an office: a name, not an event (قوات الدعم
            // السريع، حزب المؤتمر الشعبي، مجلس التعاون، وفد التفاوض).
            let genitive_head = word_class(&words[j - 1]);
            // (…or after the bare noun that continues an office's construct chain:
            // وزراء خارجية | الدول الأعضاء، وزراء خارجية | دول الخليج, the title read as one.)
            // (Only a two-word title, whose second word no name is: النائب حسن جوهر | الاعتداء.)
            let chain_link = j == i + 2
                && genitive_head.is_none()
                && head == Head::Office
                && word_class(&words[i]) == Some(Head::Office)
                && construct(&words[j - 2])
                && self.name_at(j - 1).is_none()
                && words[j - 1].tok.kind == TokenKind::Arabic
                && words[j - 1].seg.prefixes.is_empty()
                && construct(&words[j - 1])
                && self.mention_at[j - 1].is_none()
                && self.d.lexicon.lookup(&words[j - 1]).is_none();
            let genitive_head = if chain_link { Some(head) } else { genitive_head };
            if j > i
                && construct(&words[j - 1])
                && w.seg.definite()
                // (Not a verb that opens with ال: إن مسؤولا | التقى.)
                && !self.is_verb(j)
                && genitive_head.is_some()
                && (self.d.lexicon.lookup(w).is_none() || matches!(genitive_head, Some(Head::Group | Head::Office)))
            {
                j += 1;
                continue;
            }
            // An indefinite construct chain after an office or a group runs to its definite
            // genitive (رئيس لجنة حقوق الإنسان، قائد قوات التحالف، رئيس هيئة الأركان).
            // (…and after people in a construct plural, to a group or an institution: مصابي قوات
            // الطوارئ; not a counted noun, 18 شخصا | في حلب.)
            let construct_people = genitive_head == Some(Head::People)
                && super::words::construct_plural_of_people(&words[j - 1])
                && !crate::context::is_governor(&words[j])
                && self.quantity_at[j - 1].is_none();
            let head_construct =
                j > i && construct(&words[j - 1]) && (matches!(genitive_head, Some(Head::Office | Head::Group)) || construct_people);
            let bare_noun = |k: usize| {
                let x = &words[k];
                x.tok.kind == TokenKind::Arabic
                    && x.seg.prefixes.is_empty()
                    && construct(x)
                    // (A verb's plural is no noun of a chain: ثلاثة جنود | قتلوا.)
                    && !(x.key.ends_with("وا") && self.d.lexicon.lookup(x).is_some())
                    && !self.in_time[k]
                    && self.quantity_at[k].is_none()
                    // (A form that is a verb and a noun is the noun in a chain: طيران تحالف الدول العربية.)
                    && self.d.lexicon.lookup(x).is_none_or(|h| h.nominal || h.entries.iter().any(|e| e.noun))
                    // (A preposition other than في، من، لدى is no link to an institution: اعتقلت
                    // محتجين | قرب مبنى البرلمان; عناصر في التنظيم stays one phrase.)
                    && (!crate::context::is_governor(x) || matches!(bare(x), "في" | "من" | "لدي"))
                    // (Nor a particle: قال مسؤول | إن المسلحين، أكد مصدر | أن الجيش.)
                    && ![&cues().complementizers, &cues().connectors, &cues().negations].iter().any(|cl| cl.has(bare(x)))
            };
            if head_construct && bare_noun(j) {
                // (…or to a place's or a state's name without ال: ولي عهد أبوظبي، رئيس وزراء قطر.)
                let named_place = |k: usize| {
                    words[k].seg.prefixes.is_empty()
                        && self.mention_starting(k).is_some_and(|m| {
                            let mm = &self.d.mentions[m];
                            mm.place.is_some() || mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::State)
                        })
                };
                // (Three bare nouns at most before it: رئيس حزب اتحاد قوى التقدم; two over a
                // preposition, نائبا رسميا | استقالتهم من الحزب.)
                let end = (j + 1..(j + 4).min(hi)).find(|&k| words[k].seg.prefixes == ["ال"] || named_place(k));
                // (Over a preposition only to a body or a group, not to an event: عناصر في التنظيم,
                // not جنود في الهجوم.)
                let over_preposition = (j..end.unwrap_or(j)).any(|k| crate::context::is_governor(&words[k]));
                let end = end.filter(|&e| e < j + 3 || !over_preposition);
                let event_end = |e: usize| self.d.lexicon.lookup(&words[e]).is_some() && word_class(&words[e]).is_none();
                if let Some(end) = end.filter(|&e| (j + 1..e).all(bare_noun) && !(over_preposition && event_end(e))) {
                    // (A name there is taken whole: وفد من الأمم المتحدة.)
                    j = self.mention_starting(end).map_or(end + 1, |m| self.d.mentions[m].end.max(end + 1));
                    // (The place names the phrase: a state after it is the verb's object, حذر ولي عهد
                    // أبوظبي | طهران من.)
                    named |= named_place(end);
                    continue;
                }
            }
            // Who a group belongs to: من حزب الله، لإيران (after موالية)، باسم الجيش.
            // (Not a thing or a place taken from a group: تحرير جسر الكرامة من تنظيم داعش; nor the
            // party a definite head asks or bars, مسؤول من حماس but طلب الرئيس اليمني | من مجلس الأمن.)
            let from_link = matches!(head, Head::Generic | Head::Place) || (i..j).any(|k| words[k].seg.definite());
            let link_word = cues().phrase_links.has(bare(w)) && !(bare(w) == "من" && from_link);
            if link_word && j + 1 < hi && (head != Head::Name || !named_start) {
                if let Some(m) = self.mention_starting(self.quoted_name(j + 1)).filter(|&m| self.d.mentions[m].actor.is_some()) {
                    j = self.d.mentions[m].end;
                    continue;
                }
                if bare(w) == "باسم" {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        (j, named)
    }
}

impl Ctx<'_, '_, '_> {
    /// True when the word at `k` is an office in the singular (الوزير، رئيس; not الوزراء، رؤساء).
    /// True when the و-word at `j` coordinates a second genitive inside the office's or body's
    /// phrase `[i, j)` (وزير الأوقاف والشؤون الدينية، وزير الخارجية وشؤون المغتربين، المركز
    /// العربي لحقوق الإنسان والقانون الدولي): a definite noun of no class (no group, office or
    /// people: قوات الأمن | والجيش، مقاتلي المعارضة | والمدنيين), no name and no trigger, after a
    /// definite genitive; or a bare noun of no class in construct with a definite genitive after
    /// it (وشؤون المغتربين).
    pub(crate) fn coordinated_genitive(&self, i: usize, j: usize, hi: usize, head: Head) -> bool {
        let words = self.d.words;
        let plain = |k: usize| {
            let w = &words[k];
            w.tok.kind == TokenKind::Arabic
                && word_class(w).is_none()
                && self.mention_at[k].is_none()
                && self.d.lexicon.lookup(w).is_none()
                && !self.in_time[k]
                && self.quantity_at[k].is_none()
                && !super::words::adjective(w)
                // (Nor a body named by a masculine noun, الشعب، النظام; nor a verbal noun with its
                // pronoun: وتسفيره.)
                && !cues().masculine_bodies.has(bare(w))
                && w.seg.suffixes.iter().all(|x| !matches!(*x, "ه" | "ها" | "هم" | "هما" | "هن"))
        };
        // (A party named with its state's nisba right after it: حكومة المملكة | والشعب السعودي.)
        let stated = self.mention_starting(j + 1).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym);
        let w = &words[j];
        let definite = w.seg.prefixes == ["و", "ال"];
        let construct = w.seg.prefixes == ["و"]
            && construct(w)
            && words.get(j + 1).is_some_and(|n| j + 1 < hi && n.seg.prefixes == ["ال"] && self.mention_at[j + 1].is_none());
        matches!(head, Head::Office | Head::Group | Head::Name)
            && j > i + 1
            && words[j - 1].seg.definite()
            && plain(j - 1)
            && (definite || construct)
            && plain(j)
            && !stated
    }

    /// True when the definite word at `j` is an office (المرشد، المبعوث، المستشار) right after a
    /// nisba: the phrase before it is whole, and the office opens another (انتقد الرئيس الأمريكي |
    /// المرشد الإيراني); not one after a plain adjective (الأمين العام المساعد).
    fn office_after_nisba(&self, j: usize) -> bool {
        let (w, prev) = (&self.d.words[j], &self.d.words[j - 1]);
        w.seg.definite() && word_class(w) == Some(Head::Office) && prev.seg.definite() && nisba_ending(&prev.key)
    }

    /// True when the word before a person's name at `j` is an indefinite sound plural with its ن
    /// (مسلحون، مجهولون، ناشطين): many people are no one's apposition, so the name is the verb's
    /// object (هاجم مسلحون | سالم الحربي، قتل مسلحون مجهولون | جمال الحسن).
    fn plural_before_person(&self, j: usize) -> bool {
        j > 0 && !self.d.words[j - 1].seg.definite() && self.nun_plural(j - 1)
    }

    pub(crate) fn single_office(&self, k: usize) -> bool {
        let w = &self.d.words[k];
        word_class(w) == Some(Head::Office)
            && !cues().plural_offices.has(bare(w).trim_start_matches("ال"))
            && !["ين", "ون", "ات", "اء"].iter().any(|e| w.key.ends_with(e))
    }

    /// Where a phrase of members (`[i, j)` holds a word of cue list `members`) ends when a group
    /// they belong to is named after في, past one adjective of theirs (عناصر في تنظيم داعش، القيادي
    /// البارز في جماعة الإخوان، قياديا بارزا في حركة طالبان): the end of the group's mention, up to
    /// `hi`. None when no such group follows, or what follows is a state or a person (قوات الأمن في
    /// العراق: where they are).
    pub(crate) fn member_of_group(&self, i: usize, j: usize, hi: usize) -> Option<usize> {
        let words = self.d.words;
        if j == 0 || j >= hi || !(i..j).any(|k| cues().members.has(bare(&words[k]))) {
            return None;
        }
        // (An indefinite adjective's first letter may read as a clitic: كبيرا، بارزا.)
        let w = &words[j];
        let adjective = j + 2 < hi
            && bare(&words[j + 1]) == "في"
            && w.seg.definite() == words[j - 1].seg.definite()
            && w.seg.prefixes.iter().all(|p| *p == "ال" || !w.seg.definite() && matches!(*p, "ب" | "ك" | "ل"))
            && self.mention_at[j].is_none()
            && self.d.lexicon.lookup(w).is_none()
            && word_class(w).is_none();
        let at = if adjective { j + 1 } else { j };
        if bare(&words[at]) != "في" || at + 1 >= hi {
            return None;
        }
        let m = self.mention_starting(self.quoted_name(at + 1))?;
        let mm = &self.d.mentions[m];
        let group = mm.actor.is_some_and(|a| !matches!(self.d.kb.actors[a].kind, ActorType::State | ActorType::Person));
        (group && mm.end <= hi).then_some(mm.end)
    }
}
