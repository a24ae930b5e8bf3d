//! Quantities: numbers in digits or words, vague amounts, modifiers and the counted noun.
//!
//! Vague amounts follow ACLED's conservative convention: the value is the lowest number the
//! phrase can mean (عشرات "tens" = 20: more than one ten, as eval/dev/GUIDELINES.md codes it;
//! مئات = 100, آلاف = 1000, بضعة "a few" = 3), with the whole range in `min` and `max`.

use rasad_model::{Bound, Quantity};
use rasad_text::Word;

use crate::facts::Reader;
use crate::numbers::NumWord;
use crate::tables::quantity_words::PRE_MODIFIERS;
use std::sync::Arc;

/// A parsed number before modifiers: value, end token (exclusive), and a range when vague.
struct Num {
    value: f64,
    end: usize,
    vague: Option<(f64, f64)>,
}

fn bare<'w>(w: &'w Word) -> &'w str {
    w.key_without_conj()
}

fn vague_at(words: &[Word], i: usize) -> Option<Num> {
    let k = bare(&words[i]);
    let next_thousands = words.get(i + 1).is_some_and(|w| matches!(w.key.as_str(), "الالاف" | "الاف" | "الوف"));
    let (base, range) = match k {
        "عشرات" | "العشرات" if next_thousands => return Some(Num { value: 2e4, end: i + 2, vague: Some((2e4, 99_999.0)) }),
        "ماءات" | "مءات" | "الماءات" | "المءات" if next_thousands => {
            return Some(Num { value: 1e5, end: i + 2, vague: Some((1e5, 999_999.0)) })
        }
        "عشرات" | "العشرات" => (20.0, (20.0, 99.0)),
        "ماءات" | "مءات" | "الماءات" | "المءات" => (100.0, (100.0, 999.0)),
        "الاف" | "الالاف" | "الوف" => (1e3, (1e3, 9_999.0)),
        "ملايين" | "الملايين" => (1e6, (1e6, 9_999_999.0)),
        "بضع" | "بضعه" => (3.0, (3.0, 9.0)),
        _ => return None,
    };
    Some(Num { value: base, end: i + 1, vague: Some(range) })
}

/// The number at `i` with the smaller number joined to it by و after a scale: مليون و500 ألف
/// (1,500,000), ألفان و300 (2,300), 3 ملايين و200 ألف. The joined part is in digits or words.
fn number_at(facts: Reader, words: &[Word], i: usize) -> Option<Num> {
    let mut n = single_number_at(facts, words, i)?;
    if n.vague.is_some() {
        return Some(n);
    }
    let scale = [1e9, 1e6, 1e3].into_iter().find(|s| n.value >= *s && n.value % s == 0.0);
    let conj = words.get(n.end).is_some_and(|w| w.tok.kind == rasad_text::TokenKind::Arabic && w.key == "و");
    if let (Some(scale), true) = (scale, conj) {
        let digits_next = words.get(n.end + 1).is_some_and(|w| w.tok.kind == rasad_text::TokenKind::Number);
        if let Some(m) = digits_next.then(|| single_number_at(facts, words, n.end + 1)).flatten() {
            if m.vague.is_none() && m.value < scale {
                n.value += m.value;
                n.end = m.end;
            }
        }
    }
    Some(n)
}

fn single_number_at(facts: Reader, words: &[Word], i: usize) -> Option<Num> {
    let w = &words[i];
    if w.tok.kind == rasad_text::TokenKind::Number {
        let f = facts.of(w);
        if f.n_digits() >= 7 && !f.separated() {
            return None; // phone numbers, ids
        }
        // Times of day (00:04) and dates (13-06-2018, 13/6/2018) are not quantities.
        let joiner = |p: &Word| p.is_punct(":") || p.is_punct("/") || p.is_punct("-") || p.is_punct(".");
        let is_num = |k: usize| words.get(k).is_some_and(|x| x.tok.kind == rasad_text::TokenKind::Number);
        if let Some(n) = words.get(i + 1) {
            if joiner(n) && is_num(i + 2) && n.tok.span.start == w.tok.span.end {
                return None;
            }
        }
        if i > 1 && joiner(&words[i - 1]) && words[i - 1].tok.span.end == w.tok.span.start && is_num(i - 2) {
            return None;
        }
        // Numbers that name rather than count: resolutions, articles, roads, phone lines.
        if i > 0 && facts.of(&words[i - 1]).identifier_noun() {
            return None;
        }
        let mut v = f.digits()?;
        let mut end = i + 1;
        if let Some(NumWord::Scale(s, _)) = words.get(i + 1).and_then(|n| facts.of(n).num_whole()) {
            v *= if (2e3..1e6).contains(&s) {
                1e3
            } else if (2e6..1e9).contains(&s) {
                1e6
            } else if s >= 2e9 {
                1e9
            } else {
                s
            };
            end += 1;
        } else if f.chars() == 4
            && (1900.0..=2100.0).contains(&v)
            && i > 0
            && matches!(words[i - 1].key.as_str(), "في" | "منذ" | "عام" | "العام" | "سنه" | "حتي" | "لعام" | "مطلع" | "نهايه")
        {
            return None;
        }
        return Some(Num { value: v, end, vague: None });
    }
    if w.tok.kind != rasad_text::TokenKind::Arabic {
        return None;
    }
    // Most words are no number at all: the form's facts decide.
    let f = facts.of(w);
    let first = f.num_whole();
    if first.is_none() && f.num_bare().is_none() && !f.vague() {
        return None;
    }
    if let Some(v) = vague_at(words, i) {
        return Some(v);
    }
    // Number words.
    let (mut total, mut cur, mut j, mut last_unit) = (0.0f64, 0.0f64, i, false);
    let mut words_used = 0;
    // The last scale closed (for ونصف after it) and a fraction waiting for its scale (نصف مليون).
    let (mut last_scale, mut pending) = (0.0f64, None::<f64>);
    while j < words.len() {
        let wj = &words[j];
        if wj.tok.kind != rasad_text::TokenKind::Arabic {
            break;
        }
        let has_conj = wj.seg.prefixes.first().is_some_and(|p| *p == "و");
        // After the first word, a new number word must be joined by و, unless it is a scale or عشر.
        let nw = if j == i {
            first
        } else if has_conj {
            facts.of(wj).num_bare()
        } else {
            facts.of(wj).num_whole()
        };
        let Some(nw) = nw else { break };
        let hundreds_after_unit = nw == NumWord::Add(100.0) && last_unit;
        let joined = j == i || has_conj || hundreds_after_unit || matches!(nw, NumWord::Scale(..) | NumWord::Teen);
        if !joined {
            break;
        }
        // A fraction binds to a scale: the next word's (نصف مليون) at the start, the last one's after و
        // (مليون ونصف، ثلاثة ملايين ونصف المليون, whose المليون it takes in).
        if let NumWord::Fraction(f) = nw {
            let next_scale = words.get(j + 1).and_then(|n| facts.of(n).num_whole()).is_some_and(|n| matches!(n, NumWord::Scale(_, false)));
            if j == i && next_scale {
                pending = Some(f);
            } else if has_conj && last_scale > 0.0 && cur == 0.0 {
                total += f * last_scale;
                // …and the scale named again after it, with or without the article (مليون ونصف مليون).
                let the_scale = words.get(j + 1).is_some_and(|n| {
                    crate::numbers::num_word(n.key.strip_prefix("ال").unwrap_or(&n.key)).is_some_and(|x| matches!(x, NumWord::Scale(..)))
                });
                words_used += 1;
                j += if the_scale { 2 } else { 1 };
                break;
            } else {
                break;
            }
            words_used += 1;
            j += 1;
            continue;
        }
        match nw {
            // ثلاث مئة: a unit before مئة multiplies it.
            NumWord::Add(v) if v == 100.0 && last_unit && !has_conj => {
                cur = (cur % 10.0).max(1.0) * 100.0 + (cur - cur % 10.0);
                last_unit = false;
            }
            NumWord::Add(v) => {
                cur += v;
                last_unit = v < 10.0;
            }
            NumWord::Teen => {
                cur += 10.0;
                last_unit = false;
            }
            NumWord::Fraction(_) => unreachable!("fractions are read above"),
            NumWord::Scale(s, plural) => {
                if let Some(f) = pending.take() {
                    total += f * s;
                    last_scale = s;
                    words_used += 1;
                    j += 1;
                    continue;
                }
                if cur == 0.0 {
                    if plural {
                        break; // bare آلاف is vague, handled above
                    }
                    // ألفا جندي: the dual in construct (2,000), not the accusative of ألف after a number.
                    // مليونا، مليارا: the nominative dual where a subject stands (يحتاج مليونا شخص),
                    // the accusative "a million" after a named subject (أحصت الأمم المتحدة مليونا).
                    let after_subject = j > 0 && (words[j - 1].seg.definite() || words[j - 1].tok.kind != rasad_text::TokenKind::Arabic);
                    let nominative_dual = matches!(words[j].key_without_conj(), "مليونا" | "مليارا") && !after_subject;
                    let construct_dual = (words[j].key_without_conj() == "الفا" || nominative_dual)
                        && words.get(j + 1).is_some_and(|n| facts.of(n).unit().is_some() && facts.of(n).num_whole().is_none());
                    cur = if construct_dual { 2.0 } else { 1.0 };
                }
                let s = if !plural && (s == 2e3 || s == 2e6 || s == 2e9) {
                    if cur == 1.0 {
                        s
                    } else {
                        s / 2.0
                    }
                } else {
                    s
                };
                total += cur * s;
                // ونصف after a dual (مليارين ونصف المليار) is half of one.
                last_scale = if !plural && cur == 1.0 && (s == 2e3 || s == 2e6 || s == 2e9) { s / 2.0 } else { s };
                cur = 0.0;
                last_unit = false;
            }
        }
        words_used += 1;
        j += 1;
    }
    if words_used == 0 {
        return None;
    }
    // The teen part of an ordinal (الحادي عشر، الثاني عشر) is no count.
    if i > 0 && words[i - 1].seg.definite() && crate::numbers::ordinal(&words[i - 1].key).is_some() {
        return None;
    }
    // أحد/إحدى alone means "one of" (أحد المقاتلين), not a count.
    if words_used == 1 && matches!(words[i].key.as_str(), "احد" | "احدي" | "واحد" | "واحده") {
        return None;
    }
    if words_used == 1 && words[i].seg.definite() {
        return None;
    }
    Some(Num { value: total + cur, end: j, vague: None })
}

fn modifier_ending_at(facts: Reader, words: &[Word], i: usize) -> Option<(usize, bool, Bound)> {
    let last = words.get(i.checked_sub(1)?)?;
    if !facts.of(last).may_end_modifier() {
        return None;
    }
    for (seq, approx, bound) in PRE_MODIFIERS {
        let n = seq.len();
        if i < n {
            continue;
        }
        let start = i - n;
        let ok = seq.iter().enumerate().all(|(k, s)| {
            let w = &words[start + k];
            if k == 0 {
                w.key == *s || w.key_without_conj() == *s
            } else {
                w.key == *s
            }
        });
        if ok {
            return Some((start, *approx, *bound));
        }
    }
    None
}

/// The counted noun a word stands for after a number (its singular match key), if it can be one
/// (`tables::quantity_words::unit_of_word`, kept with the form).
fn unit_of(facts: Reader, w: &Word) -> Option<Arc<str>> {
    facts.of(w).unit().cloned()
}

/// Finds quantities in `words`, skipping tokens where `skip[i]` is set (times, furniture; a
/// shorter `skip` leaves the words past its end unskipped).
/// `text` is the document text the words were cut from.
pub fn parse_quantities(text: &str, words: &[Word], skip: &[bool]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    let skipped = |k: usize| skip.get(k).copied().unwrap_or(false);
    let facts = Reader::new();
    while i < words.len() {
        if skipped(i) {
            i += 1;
            continue;
        }
        // Most words start nothing: their form's note says so.
        let f = facts.of(&words[i]);
        if !f.may_start_quantity() {
            i += 1;
            continue;
        }
        // A dual counts two of its noun (جنديين، غارتين، الطائرتين).
        if f.dual() {
            let t = &words[i].tok;
            out.push(Quantity {
                text: t.text.to_string(),
                start: t.span.start,
                end: t.span.end,
                value: 2.0,
                approx: false,
                bound: Bound::Exact,
                min: None,
                max: None,
                unit: f.unit().cloned(),
            });
            i += 1;
            continue;
        }
        // بين X و Y
        let range_intro = f.range_intro();
        let start_num = if range_intro { i + 1 } else { i };
        let Some(num) = (start_num < words.len() && !skipped(start_num)).then(|| number_at(facts, words, start_num)).flatten() else {
            i += 1;
            continue;
        };
        let mut q_start = start_num;
        let mut end = num.end;
        let (mut approx, mut bound, mut min, mut max) = (false, Bound::Exact, None, None);
        let mut value = num.value;
        if let Some((vmin, vmax)) = num.vague {
            approx = true;
            bound = Bound::Range;
            min = Some(vmin);
            max = Some(vmax);
        }
        if range_intro {
            let second = words
                .get(end)
                .filter(|w| w.key == "و")
                .map(|_| end + 1)
                .or_else(|| words.get(end).filter(|w| w.seg.prefixes.first() == Some(&"و")).map(|_| end));
            if let Some(k) = second.and_then(|k| if k < words.len() { number_at(facts, words, k) } else { None }) {
                q_start = i;
                min = Some(value);
                max = Some(k.value);
                bound = Bound::Range;
                end = k.end;
            } else {
                // A lone بين before a number is not a range; read the number alone.
                q_start = start_num;
            }
        }
        if bound != Bound::Range || num.vague.is_some() {
            if let Some((ms, ap, b)) = modifier_ending_at(facts, words, q_start) {
                q_start = ms;
                approx |= ap;
                if b != Bound::Exact {
                    bound = b;
                    if b == Bound::AtLeast {
                        min = Some(value);
                    } else {
                        max = Some(value);
                    }
                }
            }
        }
        if words.get(end).is_some_and(|w| w.key == "تقريبا") {
            approx = true;
            end += 1;
        }
        // The counted noun: the next word, or the one after من (العشرات من المقاتلين).
        // The span takes the counted noun in, so the reader sees what was counted.
        // A word joined by و or ف starts a clause of its own (قتل 13 وأصيب 85): no counted noun,
        // unless the و is the noun's own first letter (300 وفدا: the unit keeps it).
        let joined = |w: &Word, u: &str| matches!(w.seg.prefixes.first(), Some(&"و" | &"ف")) && !u.starts_with(['و', 'ف']);
        let mut unit = words.get(end).filter(|_| !skipped(end)).and_then(|w| unit_of(facts, w).filter(|u| !joined(w, u)));
        if unit.is_some() {
            end += 1;
        } else if words.get(end).is_some_and(|w| w.key == "من") {
            unit = words.get(end + 1).filter(|_| !skipped(end + 1)).and_then(|w| unit_of(facts, w));
            if unit.is_some() {
                end += 2;
            }
        }
        if words.get(end).is_some_and(|w| w.key == "تقريبا") {
            approx = true;
            end += 1;
        }
        if words.get(end).is_some_and(|w| w.key == "تقريبا") {
            approx = true;
            end += 1;
        }
        if num.vague.is_some() && bound == Bound::AtLeast {
            max = None;
        }
        if value.is_nan() {
            value = 0.0;
        }
        let (a, b) = (&words[q_start].tok, &words[end - 1].tok);
        out.push(Quantity {
            text: text[a.byte_start..b.byte_start + b.text.len()].to_string(),
            start: a.span.start,
            end: b.span.end,
            value,
            approx,
            bound,
            min,
            max,
            unit,
        });
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    fn q(text: &str) -> Vec<Quantity> {
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        parse_quantities(text, &words, &[])
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(q("ثلاثمائة وخمسة وأربعون")[0].value, 345.0);
        assert_eq!(q("ألف ومئتي جندي")[0].value, 1200.0);
        assert_eq!(q("سبعة آلاف مقاتل")[0].value, 7000.0);
        assert_eq!(q("ثلاثة عشر قتيلا")[0].value, 13.0);
    }

    #[test]
    fn digits_with_scale_words() {
        assert_eq!(q("7 آلاف")[0].value, 7000.0);
        assert_eq!(q("90 ألفا من الجنود")[0].value, 90000.0);
        assert_eq!(q("1.5 مليون")[0].value, 1.5e6);
        assert_eq!(q("٢٥ ألفا")[0].value, 25000.0);
    }

    #[test]
    fn modifiers_and_units() {
        let x = &q("ارتفعت الحصيلة إلى أكثر من 445 قتيلا")[0];
        assert_eq!((x.value, x.bound, x.unit.as_deref()), (445.0, Bound::AtLeast, Some("قتيل")));
        assert_eq!(x.text, "أكثر من 445 قتيلا");
        let x = &q("وصل نحو سبعة آلاف مقاتل")[0];
        assert!(x.approx);
        assert_eq!(x.unit.as_deref(), Some("مقاتل"));
        // A counted noun in س is not a future verb (سائحا → سائح).
        assert_eq!(q("قتل 21 سائحا")[0].unit.as_deref(), q("قتل 21 ساءحا")[0].unit.as_deref());
        assert!(q("قتل 21 سائحا")[0].unit.as_deref().is_some_and(|u| u.starts_with('س')));
        assert!(q("إن 5000 سيغادرون المخيم")[0].unit.as_deref().is_none_or(|u| !u.starts_with('س')));
        let x = &q("بين 10 و20 غارة")[0];
        assert_eq!((x.bound, x.min, x.max), (Bound::Range, Some(10.0), Some(20.0)));
    }

    #[test]
    fn vague_amounts_are_conservative_ranges() {
        let x = &q("العشرات من مقاتلي الحشد")[0];
        assert_eq!((x.value, x.min, x.max, x.approx), (20.0, Some(20.0), Some(99.0), true));
        assert_eq!(x.unit.as_deref(), Some("مقاتل"));
        assert_eq!(q("مئات من الجنود")[0].value, 100.0);
        assert_eq!(q("عشرات الآلاف")[0].value, 20000.0);
    }

    #[test]
    fn not_quantities() {
        assert!(q("في عام 2006").is_empty());
        assert!(q("الساعة 00:04").is_empty());
        assert!(q("اتصل على 0501234567").is_empty());
        assert!(q("أحد المقاتلين").is_empty());
    }
}
