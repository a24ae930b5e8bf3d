//! Page furniture: related-article blocks, photo captions, datelines, share and "back to top"
//! lines. Such sentences are flagged and no event is read from them.
//!
//! Rules:
//! - A sentence that starts with a furniture cue (اقرأ أيضا، ذات صلة، شاهد أيضا، نشر في، آخر تحديث،
//!   back to top …) is furniture.
//! - A cue alone on its line (اقرأ أيضا|) makes the next sentence furniture too (the linked headline).
//! - After ذات صلة / مواضيع ذات صلة, the block runs on while sentences are one to three words, end
//!   in a teaser ellipsis, or are the headline right before such a teaser.
//! - A caption ends with a short credit in parentheses, (أ ف ب) or (Reuters), without a final stop.
//! - A sentence repeating the one before it (a caption shown twice) is furniture.

use rasad_text::{match_key, Sentence, TokenKind, Word};

const CUES: &[&[&str]] = &[
    &["اقرا", "ايضا"],
    &["اقرا", "المزيد"],
    &["اقرا", "كذلك"],
    &["ذات", "صله"],
    &["مواضيع", "ذات", "صله"],
    &["اخبار", "ذات", "صله"],
    &["مقالات", "ذات", "صله"],
    &["شاهد", "ايضا"],
    &["طالع", "ايضا"],
    &["نشر", "في"],
    &["اخر", "تحديث"],
    &["تاريخ", "النشر"],
    &["شارك", "هذا"],
    // Link lines that close an article (رابط الخبر بصحيفة …: the linked headline).
    &["رابط", "الخبر"],
    &["رابط", "المقال"],
    &["رابط", "مختصر"],
    &["الرابط", "المختصر"],
    &["تابعونا", "علي"],
    &["back", "to", "top"],
    &["read", "more"],
    &["related"],
    &["share"],
];

const LINK_CUES: &[&str] = &["اقرا", "شاهد", "طالع", "read", "related"];

const BLOCK_CUES: &[&str] = &["ذات صله", "مواضيع ذات صله", "اخبار ذات صله", "مقالات ذات صله"];

fn words_of<'w, 'a>(s: &Sentence, words: &'w [Word<'a>]) -> &'w [Word<'a>] {
    &words[s.first_token..s.end_token]
}

fn word_keys(ws: &[Word]) -> Vec<String> {
    ws.iter().filter(|w| w.tok.is_word()).map(|w| match_key(w.tok.text)).collect()
}

fn starts_with_cue(keys: &[String]) -> Option<usize> {
    CUES.iter().find(|c| c.len() <= keys.len() && c.iter().zip(keys).all(|(a, b)| a == b)).map(|c| c.len())
}

fn ends_with_teaser(ws: &[Word]) -> bool {
    ws.last().is_some_and(|w| w.tok.kind == TokenKind::Punct && (w.tok.text.starts_with("..") || w.tok.text == "…"))
}

fn ends_with_stop(ws: &[Word]) -> bool {
    ws.last().is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "." | "!" | "؟" | "?"))
}

/// The most tokens a photo caption holds (a name, a place, a credit).
const MAX_CAPTION_TOKENS: usize = 24;

fn is_caption(ws: &[Word]) -> bool {
    let n = ws.len();
    // (A caption is short: a long sentence that ends with a credit, … باستغلال التأخير" . (وكالات),
    // is the article's own text.)
    if !(4..=MAX_CAPTION_TOKENS).contains(&n) || !ws[n - 1].is_punct(")") {
        return false;
    }
    let Some(open) = ws.iter().rposition(|w| w.is_punct("(")) else { return false };
    let inner = n - 1 - open - 1;
    // A credit is short and follows a description of several words.
    (1..=4).contains(&inner) && open >= 3
}

/// One flag per sentence: true for page furniture.
pub fn furniture_mask(text: &str, words: &[Word], sentences: &[Sentence]) -> Vec<bool> {
    let _ = text;
    let mut mask = vec![false; sentences.len()];
    let mut i = 0;
    while i < sentences.len() {
        let ws = words_of(&sentences[i], words);
        let keys = word_keys(ws);
        if let Some(cue_len) = starts_with_cue(&keys) {
            mask[i] = true;
            // Only a link cue alone on its line announces a headline on the next one.
            let alone = keys.len() <= cue_len && LINK_CUES.contains(&keys[0].as_str());
            let block = BLOCK_CUES.contains(&keys.join(" ").as_str());
            if block {
                let mut j = i + 1;
                while j < sentences.len() {
                    let wj = words_of(&sentences[j], words);
                    let short = word_keys(wj).len() <= 3;
                    let next_teaser = sentences.get(j + 1).is_some_and(|n| ends_with_teaser(words_of(n, words)));
                    if short || ends_with_teaser(wj) || next_teaser {
                        mask[j] = true;
                        j += 1;
                    } else {
                        break;
                    }
                }
                i = j;
                continue;
            }
            if alone && i + 1 < sentences.len() {
                mask[i + 1] = true;
                i += 2;
                continue;
            }
        } else if is_caption(ws) {
            mask[i] = true;
        } else if i > 0 && (3..=40).contains(&keys.len()) && !ends_with_stop(ws) && keys == word_keys(words_of(&sentences[i - 1], words)) {
            mask[i] = true;
            mask[i - 1] = true;
        }
        i += 1;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, split_sentences, tokenize, Segmenter};

    fn mask(text: &str) -> Vec<bool> {
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        let sents = split_sentences(text);
        furniture_mask(text, &words, &sents)
    }

    #[test]
    fn read_also_and_its_headline() {
        assert_eq!(mask("قصفت الطائرات البلدة.\nاقرأ أيضا|\nوزير يزور بغداد\nوصل الوفد إلى المدينة."), vec![false, true, true, false]);
        assert_eq!(mask("اقرأ أيضا: مقتل ضابط في معارك الشمال\nوصل الوفد."), vec![true, false]);
        assert_eq!(mask("رابط الخبر بصحيفة المدينة: الجيش يدخل البلدة\nوصل الوفد."), vec![true, false]);
        assert_eq!(mask("الرابط المختصر: طائرات تقصف مخزنا\nوصل الوفد."), vec![true, false]);
    }

    #[test]
    fn related_block_with_teasers() {
        let text = "ذات صلة\n\nجمع\n\nهل تنهار الهدنة؟\n\nمع تصاعد القتال في الشمال...\n\nالجيش يعلن إسقاط طائرة مسيرة\n\nأعلن الجيش اليوم...\n\nقوات حكومية تدخل البلدة\n\nدخلت قوات حكومية البلدة صباح اليوم بعد معارك عنيفة استمرت أياما.";
        assert_eq!(mask(text), vec![true, true, true, true, true, true, false, false]);
    }

    #[test]
    fn captions_and_repeats() {
        let text = "عناصر من الدفاع المدني يبحثون بين الأنقاض في المدينة (أ ف ب)\nعناصر من الدفاع المدني يبحثون بين الأنقاض في المدينة (أ ف ب)\nقصفت الطائرات المدينة أمس.";
        assert_eq!(mask(text), vec![true, true, false]);
        // A long sentence that ends with a credit is text, no caption.
        let long = format!("{} (وكالات)", "قصفت الطائرات الحربية مواقع المسلحين في ريف المدينة الشمالي ".repeat(5));
        assert_eq!(mask(&long), vec![false]);
    }

    #[test]
    fn datelines_and_back_to_top() {
        assert_eq!(
            mask("نشر في 13-06-2018\nآخر تحديث 13-06-2018 | 00:04\nقصفت الطائرات المدينة.\nback to top"),
            vec![true, true, false, true]
        );
        assert_eq!(mask("نشر في 09-02-2020\n\nقتل أكثر من 20 مدنيا في غارات على المدينة."), vec![true, false]);
    }
}
