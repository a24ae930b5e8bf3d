//! Sentence splitter for real news pages.
//!
//! Boundaries: terminal punctuation (. ! ? ؟ … and runs of dots) outside quotations, blank lines,
//! and single line breaks that do not look like a hard wrap inside a sentence. A single line
//! break continues the sentence when the line before ends without punctuation and either ends
//! in a function word ("إلى", "في" …) or the next line starts with a definite word (an adjective
//! or the rest of a construct: "المقاتلين⏎الإيرانيين"). Headlines and section titles without a
//! final stop therefore stay sentences of their own when a blank line, a number, or a
//! non-definite word follows.

use crate::normalize::match_key;
use crate::tokenize::{tokenize, Token, TokenKind};
use crate::Span;

/// A sentence: its code-point span and the range of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Code-point span into the text, from its first token to its last.
    pub span: Span,
    /// Index of the first token in the token list of the whole text.
    pub first_token: usize,
    /// One past the index of the last token.
    pub end_token: usize,
}

/// Words after which a line break cannot end a sentence (match keys).
const CONTINUATION_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "بين",
    "و",
    "او",
    "ثم",
    "ان",
    "لان",
    "بان",
    "الذي",
    "التي",
    "الذين",
    "قد",
    "لقد",
    "حتي",
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "ضد",
    "نحو",
    "عبر",
    "لدي",
    "عند",
    "حول",
    "ضمن",
    "بعض",
    "كل",
    "جميع",
    "لم",
    "لن",
    "ما",
    "لا",
    "هو",
    "هي",
    "كان",
    "كانت",
    "وفق",
    "بحسب",
    "حسب",
    "لصالح",
    "تجاه",
    "امام",
    "وراء",
    "فوق",
    "تحت",
    "دون",
    "غير",
    "اثر",
    "عقب",
    "لدعم",
    "الذين",
    "اللذين",
    "اللتين",
];

const CLOSERS: &[&str] = &["\"", "»", "”", "’", "'", ")", "]", "›"];

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && (matches!(t.text, "!" | "?" | "؟" | "…" | "۔") || t.text.starts_with('.'))
}

/// The letters of a word: its match key's, without diacritics and tatweel (هـ → ه).
fn letter_count(t: &Token) -> usize {
    match_key(t.text).chars().count()
}

/// Whether the dot at token `i` abbreviates rather than ends a sentence:
/// - after a single Arabic letter that stands for a title or a name (د. for دكتور, م. for مهندس,
///   أ. for أستاذ: "وقال د. خالد إن …"، "وقال الرئيس د. محمد") when a word follows on the same
///   line, also one space before the dot after د or م (د . فتحي). Not after a number (the era
///   and the unit: 2015 م.), not after ه, ة or و, and not before a word with و or ف when a
///   definite word (a label: المجموعة أ. وتلعب; not before د, a title after an office) or an
///   acronym's dot (د.ب.أ. واعتقلت) comes before the letter;
/// - inside a dotted acronym, a dot between two pieces of at most two letters that touches the
///   piece after it (سي.إن.إن، يو .بي .آي).
fn abbreviation_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.text != "." || i == 0 {
        return false;
    }
    let (prev, Some(next)) = (&tokens[i - 1], tokens.get(i + 1)) else {
        return false;
    };
    if prev.kind != TokenKind::Arabic || next.kind != TokenKind::Arabic {
        return false;
    }
    let gap_after = &text[t.byte_start + t.text.len()..next.byte_start];
    if gap_after.contains('\n') {
        return false;
    }
    let touches_prev = prev.span.end == t.span.start;
    // (A title's letter may stand one space before its dot in some outlets' copy: د . فتحي، د .جمال.)
    // (Not أ, which is also a group's label: المجموعة أ . ثم.)
    let spaced_title = || prev.span.end + 1 == t.span.start && matches!(match_key(prev.text).as_str(), "د" | "م");
    // (A word with و or ف after the dot opens a new sentence where the letter may end one: after a
    // definite word, المجموعة أ. وتلعب, and at the end of an acronym, وكالة د.ب.أ. واعتقلت; a title
    // after an office goes on to its holder, وقال الرئيس د. محمد.)
    let new_clause = || matches!(next.text.chars().next(), Some('و' | 'ف'));
    let initial = || {
        let key = match_key(prev.text);
        let before = i.checked_sub(2).map(|k| &tokens[k]);
        // (د after a definite word is a title after an office, الوزير د. فتحي, not a label; م may
        // be a time's, الثامنة م. وقصف.)
        let label = before.is_some_and(|b| b.kind == TokenKind::Arabic && is_definite(b)) && key != "د";
        let acronym_end = before.is_some_and(|b| b.text == "." && b.span.end == prev.span.start);
        letter_count(prev) == 1
            && !matches!(key.as_str(), "ه" | "ة" | "و")
            && before.is_none_or(|b| b.kind != TokenKind::Number)
            && !((label || acronym_end) && new_clause())
    };
    let acronym = || gap_after.is_empty() && letter_count(prev) <= 2 && letter_count(next) <= 2;
    (touches_prev || spaced_title()) && initial() || acronym()
}

/// The letters that abbreviate a title before a name: د (دكتور), م (مهندس), أ (أستاذ).
pub fn is_title_letter(t: &Token) -> bool {
    t.kind == TokenKind::Arabic && matches!(match_key(t.text).as_str(), "د" | "م" | "ا")
}

/// A definite word: ال after at most one of the prefixes و ف ب ك, or لل.
fn is_definite(t: &Token) -> bool {
    let key = match_key(t.text);
    let rest = key.strip_prefix(['و', 'ف', 'ب', 'ك']).unwrap_or(&key);
    key.starts_with("ال") || rest.starts_with("ال") || key.starts_with("لل")
}

fn quote_delta(t: &Token, ascii_open: &mut bool) -> i32 {
    match t.text {
        "«" | "“" | "‹" => 1,
        "»" | "”" | "›" => -1,
        "\"" => {
            *ascii_open = !*ascii_open;
            if *ascii_open {
                1
            } else {
                -1
            }
        }
        _ => 0,
    }
}

/// Which side of a quotation a straight quote `"` at token `i` stands on, from the spaces around
/// it: one that touches the word after it and not the one before opens (قال "نعم), one that touches
/// the word before and not the one after closes (نعم" وأضاف). None for another token or when the
/// spacing does not tell (touching both or neither).
fn ascii_quote_side(tokens: &[Token], i: usize) -> Option<bool> {
    let t = &tokens[i];
    if t.text != "\"" {
        return None;
    }
    let gap_before = i == 0 || tokens[i - 1].byte_start + tokens[i - 1].text.len() < t.byte_start;
    let gap_after = tokens.get(i + 1).is_none_or(|n| t.byte_start + t.text.len() < n.byte_start);
    match (gap_before, gap_after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

fn line_break_continues(prev: &Token, next: &Token) -> bool {
    if prev.kind != TokenKind::Arabic || !next.is_word() {
        return false;
    }
    let pk = match_key(prev.text);
    if CONTINUATION_WORDS.contains(&pk.as_str()) {
        return true;
    }
    let nk = match_key(next.text);
    let nk = nk.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(&nk);
    next.kind == TokenKind::Arabic && nk.starts_with("ال") && nk.chars().count() > 3
}

/// How far (in code points) an unclosed quotation may run before its stops count again.
const MAX_QUOTE_SPAN: usize = 600;

/// The most tokens a sentence may hold: a page without punctuation is cut here, so that no later
/// stage works on one endless "sentence" (each cut is at a token boundary; spans stay exact).
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Splits `text` into sentences. `tokens` must be `tokenize(text)`.
pub fn split_sentences_with(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    let mut depth: i32 = 0;
    let mut quote_start = 0usize;
    let mut ascii_open = false;
    let mut i = 0usize;
    let close = |out: &mut Vec<Sentence>, first: usize, end: usize| {
        if end > first {
            out.push(Sentence { span: Span::new(tokens[first].span.start, tokens[end - 1].span.end), first_token: first, end_token: end });
        }
    };
    while i < tokens.len() {
        let t = &tokens[i];
        if i - first >= MAX_SENTENCE_TOKENS {
            close(&mut out, first, i);
            first = i;
            depth = 0;
            ascii_open = false;
        }
        if i > first {
            let prev = &tokens[i - 1];
            let gap = &text[prev.byte_start + prev.text.len()..t.byte_start];
            let newlines = gap.matches('\n').count();
            if newlines >= 2 || (newlines == 1 && !line_break_continues(prev, t)) {
                close(&mut out, first, i);
                first = i;
                depth = 0;
                ascii_open = false;
            }
        }
        let d = match ascii_quote_side(tokens, i) {
            // (An opener while one is open: the first was never closed; this one replaces it.)
            Some(true) if ascii_open => 0,
            Some(true) => {
                ascii_open = true;
                1
            }
            Some(false) if ascii_open => {
                ascii_open = false;
                -1
            }
            Some(false) => 0,
            None => quote_delta(t, &mut ascii_open),
        };
        if d > 0 && depth == 0 {
            quote_start = t.span.start;
        }
        depth = (depth + d).max(0);
        i += 1;
        if is_terminal(t) && !abbreviation_dot(text, tokens, i - 1) {
            let quote_too_long = depth > 0 && t.span.start.saturating_sub(quote_start) > MAX_QUOTE_SPAN;
            // A stop right before a closing quote ends the quotation and the sentence together.
            let mut j = i;
            while j < tokens.len() && CLOSERS.contains(&tokens[j].text) && tokens[j].span.start == tokens[j - 1].span.end {
                quote_delta(&tokens[j], &mut ascii_open);
                depth = (depth - 1).max(0);
                j += 1;
            }
            if depth == 0 || quote_too_long {
                // A following terminal mark ("?!") belongs to the same sentence.
                while j < tokens.len() && is_terminal(&tokens[j]) {
                    j += 1;
                }
                close(&mut out, first, j);
                first = j;
                depth = 0;
                ascii_open = false;
                i = j;
            }
        }
    }
    close(&mut out, first, tokens.len());
    out
}

/// Tokenizes and splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let tokens = tokenize(text);
    split_sentences_with(text, &tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::char_slice;

    fn sents(text: &str) -> Vec<String> {
        split_sentences(text).iter().map(|s| char_slice(text, s.span)).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_stops() {
        assert_eq!(sents("وصل الوزير. هل يعود؟ نعم!"), vec!["وصل الوزير.", "هل يعود؟", "نعم!"]);
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence() {
        let text = "وصل مئات من الجنود\nالروس والسوريين إلى\nحلب صباح اليوم.\nوقال مصدر إن الوضع هادئ.";
        assert_eq!(sents(text), vec!["وصل مئات من الجنود\nالروس والسوريين إلى\nحلب صباح اليوم.", "وقال مصدر إن الوضع هادئ."]);
    }

    #[test]
    fn headlines_without_stop_are_their_own_sentence() {
        let text = "الجيش يستعيد بلدة في ريف حماة\n\nاستعاد الجيش البلدة أمس.";
        assert_eq!(sents(text), vec!["الجيش يستعيد بلدة في ريف حماة", "استعاد الجيش البلدة أمس."]);
        let text = "اقرأ أيضا|\nوزير يزور بغداد\nوصل الوزير إلى بغداد.";
        assert_eq!(sents(text), vec!["اقرأ أيضا|", "وزير يزور بغداد", "وصل الوزير إلى بغداد."]);
    }

    #[test]
    fn teaser_ellipsis_ends_a_sentence() {
        assert_eq!(sents("مع تسارع الأحداث في الشمال... وصل الجيش."), vec!["مع تسارع الأحداث في الشمال...", "وصل الجيش."]);
    }

    #[test]
    fn stops_inside_quotations_do_not_split() {
        let text = "قال الوزير: «انتهت المعركة. وبدأ الإعمار» ثم غادر. وصل الوفد.";
        assert_eq!(sents(text), vec!["قال الوزير: «انتهت المعركة. وبدأ الإعمار» ثم غادر.", "وصل الوفد."]);
        let text = "قال: \"وصلنا إلى الهدف.\" وأضاف أن القتال توقف.";
        assert_eq!(sents(text), vec!["قال: \"وصلنا إلى الهدف.\"", "وأضاف أن القتال توقف."]);
    }

    #[test]
    fn an_unclosed_straight_quote_does_not_swallow_the_text_after_it() {
        // The first quotation is never closed; the spacing of the later marks still tells which
        // open and which close, so the stops after the second quotation split again.
        let text = "وقال \"إن الوضع خطير. وأضاف \"نحن مستعدون\" للحوار. وصل الوفد إلى المدينة.";
        let s = sents(text);
        assert_eq!(s.last().map(String::as_str), Some("وصل الوفد إلى المدينة."), "{s:?}");
    }

    #[test]
    fn titles_initials_and_acronyms_are_not_stops() {
        assert_eq!(sents("وقال د. سامي العلي إن الوفد وصل. ثم غادر."), vec!["وقال د. سامي العلي إن الوفد وصل.", "ثم غادر."]);
        assert_eq!(sents("وأكد أ.د. هشام الراوي أن الحصار انتهى."), vec!["وأكد أ.د. هشام الراوي أن الحصار انتهى."]);
        assert_eq!(sents("وصرح م.نبيل حداد للصحفيين."), vec!["وصرح م.نبيل حداد للصحفيين."]);
        assert_eq!(sents("وقال الرئيس د. محمد مرسي إن الوفد وصل."), vec!["وقال الرئيس د. محمد مرسي إن الوفد وصل."]);
        assert_eq!(sents("والتقى أ. خالد المحمود وفدا."), vec!["والتقى أ. خالد المحمود وفدا."]);
        assert_eq!(sents("وأعلن الوزير د. فيصل سالم أن الحصار انتهى."), vec!["وأعلن الوزير د. فيصل سالم أن الحصار انتهى."]);
        assert_eq!(sents("بدأ الاجتماع الثامنة م. وقصف الجيش المقر."), vec!["بدأ الاجتماع الثامنة م.", "وقصف الجيش المقر."]);
        assert_eq!(sents("صنفت في المجموعة أ . ثم غادرت."), vec!["صنفت في المجموعة أ .", "ثم غادرت."]);
        assert_eq!(sents("وقال في مقابلة مع (سي.إن.إن) إن الهدنة صامدة."), vec!["وقال في مقابلة مع (سي.إن.إن) إن الهدنة صامدة."]);
        assert_eq!(sents("وذكرت وكالة (يو .بي .آي) أن القصف توقف."), vec!["وذكرت وكالة (يو .بي .آي) أن القصف توقف."]);
        assert_eq!(sents("ووصف الوزير د . فتحي سالم الاقتحام بأنه جريمة."), vec!["ووصف الوزير د . فتحي سالم الاقتحام بأنه جريمة."]);
        assert_eq!(sents("في حين قال المحافظ، د .جمال حسين إن الهجمة فشلت."), vec!["في حين قال المحافظ، د .جمال حسين إن الهجمة فشلت."]);
    }

    #[test]
    fn single_letters_that_end_a_sentence_still_stop() {
        // The era after a year, a group's label, and a letter before a line break end sentences.
        assert_eq!(
            sents("تأسست المدينة عام 1950 م. وقال المحافظ إنها آمنة."),
            vec!["تأسست المدينة عام 1950 م.", "وقال المحافظ إنها آمنة."]
        );
        assert_eq!(sents("وقعت القرعة في المجموعة أ. وتلعب غدا."), vec!["وقعت القرعة في المجموعة أ.", "وتلعب غدا."]);
        assert_eq!(sents("وقعت في عام 1436 هـ. وقال المحافظ ذلك."), vec!["وقعت في عام 1436 هـ.", "وقال المحافظ ذلك."]);
        assert_eq!(sents("وقال له. إن الأمر انتهى."), vec!["وقال له.", "إن الأمر انتهى."]);
        assert_eq!(sents("بحسب وكالة د.ب.أ. واعتقلت الشرطة ثلاثة."), vec!["بحسب وكالة د.ب.أ.", "واعتقلت الشرطة ثلاثة."]);
        assert_eq!(sents("كتب د.\nوصل الوفد."), vec!["كتب د.", "وصل الوفد."]);
        // A spaced dot only after a title's letter (not ب، ج).
        assert_eq!(sents("وتلعب في المجموعة ب . ثم تسافر."), vec!["وتلعب في المجموعة ب .", "ثم تسافر."]);
    }

    #[test]
    fn decimals_are_not_stops() {
        assert_eq!(sents("نزح 1.5 مليون شخص."), vec!["نزح 1.5 مليون شخص."]);
    }

    #[test]
    fn endless_text_is_cut_into_bounded_sentences() {
        let text = "كلمة ".repeat(1000);
        let s = split_sentences(&text);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|x| x.end_token - x.first_token <= MAX_SENTENCE_TOKENS));
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n\t").is_empty());
    }
}
