//! How the text presents an event: reported, claimed, planned, denied or negated.

use rasad_model::{Date, Precision, Source, Status, TimeExpr};
use rasad_text::{Sentence, TokenKind};

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;

impl Ctx<'_, '_, '_> {
    /// The status of the event of trigger `t`: negated (لم، لن، عدم before it), planned (سـ، سوف،
    /// من المقرر within three words before), denied (نفى before it in the sentence), claimed
    /// (زعم، ادعى before it; the act an accusation names is no event of its own: triggers.rs).
    pub(crate) fn status(&self, s: &Sentence, t: usize, source: &Option<Source>) -> Status {
        let words = self.d.words;
        let c = cues();
        if self.negated.borrow().contains(&t) {
            return Status::Negated;
        }
        // قد before an imperfect is "may"; before a perfect (كان قد دعا) it is "had".
        let may =
            t > s.first_token && bare(&words[t - 1]) == "قد" && matches!(words[t].key_without_conj().chars().next(), Some('ي' | 'ت' | 'ن'));
        // An intention negated (لا تعتزم فرض، لا ينوي) is no plan: nothing will happen.
        let intent = (s.first_token.max(t.saturating_sub(3))..t).find(|&i| c.future.has(bare(&words[i])));
        if intent.is_some_and(|i| i > s.first_token && c.negations.has(bare(&words[i - 1]))) {
            return Status::Negated;
        }
        if words[t].seg.future() || may || intent.is_some() {
            return Status::Planned;
        }
        if (s.first_token..t).any(|i| c.denials.has(bare(&words[i]))) {
            return Status::Denied;
        }
        if (s.first_token..t).any(|i| c.claims.has(bare(&words[i]))) || source.as_ref().is_some_and(|x| x.span.text.is_empty()) {
            return Status::Claimed;
        }
        Status::Reported
    }

    /// True when a past negation (لم) within eight words before token `t` in its sentence `s` is
    /// followed by an exceptive particle (cue list `exceptives`: إلا، سوى) within eight words
    /// after `t`, with no other negation between: the negation says "only", and the act happened
    /// (لم تقصف تركيا داعش سوى ثلاث مرات، لم يعلن سوى عن ثلاث غارات، لم ينفذ الطيران إلا غارتين). Not لا (a habit: لا
    /// يقوم إلا بذبح الأبرياء) nor لن (a condition on what is to come) nor ما لم ("unless"), nor
    /// وإلا ("otherwise"), إلا أن ("but"), an exception of time or frequency (لم يصلوا إلا بعد عشرين
    /// دقيقة، لم تقصف المدينة إلا نادرا), nor one after another negation (لم ينسحبوا، ولم تبق
    /// سوى أيام).
    pub(crate) fn exceptive(&self, s: &Sentence, t: usize) -> bool {
        let words = self.d.words;
        let hi = (t + 9).min(s.end_token);
        let plain = |k: usize| bare(&words[k]).trim_start_matches(['و', 'ف']).to_string();
        let Some(n) = (t.saturating_sub(8).max(s.first_token)..t).rev().find(|&k| plain(k) == "لم") else {
            return false;
        };
        if n > 0 && plain(n - 1) == "ما" {
            return false;
        }
        // (…up to another negation: لم ينسحبوا من المدينة، ولم تبق سوى أيام.)
        let hi = (n + 1..hi).find(|&k| k != t && cues().negations.has(&plain(k))).unwrap_or(hi);
        (n + 1..hi).any(|k| {
            let w = &words[k];
            let joined = w.key_without_conj() != w.key;
            let but = words.get(k + 1).is_some_and(|x| {
                let b = bare(x);
                cues().complementizers.has(b) || b.starts_with("ان") || cues().exceptive_limits.has(b)
            });
            k != t && !joined && cues().exceptives.has(bare(w)) && !but
        })
    }

    /// True when the verbal noun at token `t` is the subject of what it would bring about (cue
    /// list `would_bring`, or قد before an imperfect): رفض الاتفاق سيفتح الباب أمام الحرب، قتل
    /// هؤلاء قد يلحق الهزيمة بالتنظيم. The noun names a hypothetical act, no event. Only its
    /// genitives, objects and adjectives stand between (seven words at most, below `end`): no
    /// date (مقتل الجنود أمس سيدفع: it happened), punctuation, verb, أن, relative word or ما
    /// (قتل المسلحون خمسة مما سيؤدي: a verb and its outcome). A verb read as a noun here is one
    /// too (إن رفض الاتفاق سيفتح).
    pub(crate) fn hypothetical_subject(&self, t: usize, end: usize) -> bool {
        let words = self.d.words;
        let c = cues();
        for k in t + 1..(t + 8).min(end) {
            let w = &words[k];
            if w.tok.kind != TokenKind::Arabic {
                return false;
            }
            let b = bare(w);
            let pair = words.get(k + 1).filter(|_| k + 1 < end).map(|n| format!("{b} {}", bare(n)));
            if c.would_bring.has(b) || pair.is_some_and(|x| c.would_bring.has(&x)) || self.modal_qad(k) {
                return true;
            }
            // (A date of its own says the act happened: مقتل الجنود أمس سيدفع الحكومة إلى الرد.)
            if self.in_time[k] {
                return false;
            }
            let verb = crate::objects::imperfect_shaped(&w.key) || self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal);
            if verb || c.relatives.has(b) || c.complementizers.has(b) || matches!(b, "ما" | "مما" | "وهو" | "وهي" | "وهذا" | "الامر")
            {
                return false;
            }
        }
        false
    }

    /// Background: the event's own date ends more than [`BACKGROUND_DAYS`] days before
    /// publication, or its clause recalls history (يذكر أن، سبق أن، آنذاك، في التسعينات).
    pub(crate) fn background(&self, c: &Clause, date: Option<&TimeExpr>) -> bool {
        let words = self.d.words;
        if (c.first..c.end).any(|i| cues().history.has(bare(&words[i]))) {
            return true;
        }
        // A toll since a past point (ومنذ ذلك الوقت قتل عشرات الآلاف، منذ اندلاع الأزمة، منذ عام
        // 1984): a total, not an event of the reporting period (cue list since_points). A count
        // stands in its clause; not a first or a worst since then (أول زيارة منذ بدء النزاع، أعنف
        // هجمات منذ بداية العام: cue list superlatives), nor a campaign going on since (تشن منذ ذلك الحين).
        let year = self.d.published.map(|p| p.year() as i64);
        let past_year = |k: usize| {
            words.get(k).and_then(|w| w.tok.text.parse::<i64>().ok()).is_some_and(|y| (1900..year.unwrap_or(i64::MAX)).contains(&y))
        };
        let since = |i: usize| {
            bare(&words[i]) == "منذ"
                && i + 1 < c.end
                && (cues().since_points.has(bare(&words[i + 1]))
                    || past_year(i + 1)
                    || (matches!(bare(&words[i + 1]), "عام" | "العام") && past_year(i + 2)))
        };
        let superlative = |i: usize| (i.saturating_sub(4).max(c.first)..i).any(|k| cues().superlatives.has(bare(&words[k])));
        let counted = (c.first..c.end).any(|k| self.quantity_at[k].is_some());
        // (Not from a point the event's own date puts within the period: منذ اندلاع جولة العنف
        // الجديدة في 20 يوليو.)
        let old = |d: &TimeExpr| {
            let published = self.d.published?;
            last_day(d).map(|end| published.since(end).is_ok_and(|span| span.get_days() > BACKGROUND_DAYS))
        };
        let dated_old = date.and_then(old);
        if counted && dated_old != Some(false) && (c.first..c.end).any(|i| since(i) && !superlative(i)) {
            return true;
        }
        dated_old.unwrap_or(false)
    }
}

/// Days before publication beyond which an event is background (ACLED and GDELT code what
/// happened in the reporting period; a toll of an old war is not a new one).
pub const BACKGROUND_DAYS: i32 = 30;

/// The last day a time value covers (a year's 31 December, a month's last day).
fn last_day(t: &TimeExpr) -> Option<Date> {
    if let Some(e) = t.end_date.as_deref() {
        return e.parse().ok();
    }
    let v = t.value.as_deref()?;
    match t.precision? {
        Precision::Day | Precision::Week => v.parse().ok(),
        Precision::Month => format!("{v}-01").parse::<Date>().ok().map(|d| d.last_of_month()),
        Precision::Year => format!("{v}-12-31").parse().ok(),
    }
}
