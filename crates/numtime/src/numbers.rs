//! Arabic cardinal number words and digit strings.

/// What one number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumWord {
    /// A unit, teen part, ten or hundred: added to the current group.
    Add(f64),
    /// A multiplier (ألف، مليون، مليار): closes the current group. `plural` marks آلاف/ملايين.
    Scale(f64, bool),
    /// عشر/عشرة after a unit makes a teen (ثلاثة عشر).
    Teen,
    /// A fraction of the scale next to it: before it (نصف مليون = 500,000) or joined by و after
    /// it (مليون ونصف = 1,500,000). Alone it counts nothing.
    Fraction(f64),
}

/// Every number word (the keys `num_word_slow` knows and the one-word compound hundreds),
/// bucketed by a cheap signature of the key: most other words land in an empty bucket and are
/// never compared, and a number word is compared with the one key (rarely two) of its bucket,
/// without hashing the whole text.
struct Table {
    /// `(key, value)` sorted by signature.
    entries: Vec<(Box<[u8]>, NumWord)>,
    /// The entries of signature `s` are `entries[starts[s]..starts[s + 1]]`.
    starts: Box<[u16]>,
}

const BUCKETS: usize = 1024;

/// A cheap signature of a key from its byte length and three of its bytes: the second (the
/// first Arabic letter's low byte), the last and the third from last (the last two letters').
#[inline]
fn sig(key: &[u8]) -> usize {
    let n = key.len();
    let at = |i: usize| usize::from(key.get(i).copied().unwrap_or(0));
    let mix = n | (at(1) << 5) | (at(n.wrapping_sub(1)) << 13) | (at(n.wrapping_sub(3)) << 21);
    (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) % BUCKETS
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut entries: Vec<(Box<[u8]>, NumWord)> =
        ALL_KEYS.iter().filter_map(|k| num_word_slow(k).map(|v| (k.as_bytes().into(), v))).collect();
    for head in HUNDRED_HEADS {
        for suffix in HUNDRED_SUFFIXES {
            let k = format!("{head}{suffix}");
            if let Some(v) = compound_hundred(&k) {
                entries.push((k.into_bytes().into(), NumWord::Add(v)));
            }
        }
    }
    entries.sort_by(|a, b| sig(&a.0).cmp(&sig(&b.0)).then_with(|| a.0.cmp(&b.0)));
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut starts = vec![0u16; BUCKETS + 1];
    for (k, _) in &entries {
        starts[sig(k) + 1] += 1;
    }
    for s in 1..=BUCKETS {
        starts[s] += starts[s - 1];
    }
    Table { entries, starts: starts.into() }
});

/// Every key `num_word_slow` knows (compound hundreds are tried separately).
const ALL_KEYS: &[&str] = &[
    "واحد",
    "واحده",
    "اثنان",
    "اثنين",
    "اثنتان",
    "اثنتين",
    "اثنا",
    "اثني",
    "اثنتا",
    "اثنتي",
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "ست",
    "سته",
    "سبع",
    "سبعه",
    "ثمان",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "احد",
    "احدي",
    "عشرون",
    "عشرين",
    "ثلاثون",
    "ثلاثين",
    "اربعون",
    "اربعين",
    "خمسون",
    "خمسين",
    "ستون",
    "ستين",
    "سبعون",
    "سبعين",
    "ثمانون",
    "ثمانين",
    "تسعون",
    "تسعين",
    "مءه",
    "مايه",
    "ماءه",
    "ميه",
    "مءتان",
    "مءتين",
    "مءتي",
    "ماءتان",
    "ماءتين",
    "ماءتي",
    "مايتان",
    "مايتين",
    "مايتي",
    "مءتا",
    "ماءتا",
    "مايتا",
    "نصف",
    "ربع",
    "ثلث",
    "الف",
    "الفا",
    "الفان",
    "الفين",
    "الفي",
    "الاف",
    "الوف",
    "مليون",
    "مليونا",
    "مليونان",
    "مليونين",
    "مليوني",
    "ملايين",
    "مليار",
    "مليارا",
    "بليون",
    "ملياران",
    "مليارين",
    "مليارات",
];

/// Reads one word (its match key, without a leading conjunction) as a number word.
pub fn num_word(key: &str) -> Option<NumWord> {
    num_word_of_index(num_word_index(key))
}

/// The number word `key` is, as its place in the table plus one (0: none); at most 255, which a
/// test checks, so that it fits a byte.
pub(crate) fn num_word_index(key: &str) -> usize {
    let t = &*TABLE;
    let key = key.as_bytes();
    let s = sig(key);
    let (from, to) = (usize::from(t.starts[s]), usize::from(t.starts[s + 1]));
    (from..to).find(|&i| *t.entries[i].0 == *key).map_or(0, |i| i + 1)
}

/// The number word at a place given by [`num_word_index`].
pub(crate) fn num_word_of_index(index: usize) -> Option<NumWord> {
    TABLE.entries.get(index.checked_sub(1)?).map(|(_, v)| *v)
}

fn num_word_slow(key: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match key {
        "واحد" | "واحده" => Add(1.0),
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثني" | "اثنتا" | "اثنتي" => Add(2.0),
        "ثلاث" | "ثلاثه" => Add(3.0),
        "اربع" | "اربعه" => Add(4.0),
        "خمس" | "خمسه" => Add(5.0),
        "ست" | "سته" => Add(6.0),
        "سبع" | "سبعه" => Add(7.0),
        "ثمان" | "ثماني" | "ثمانيه" => Add(8.0),
        "تسع" | "تسعه" => Add(9.0),
        "عشر" | "عشره" => Teen,
        "احد" | "احدي" => Add(1.0),
        "عشرون" | "عشرين" => Add(20.0),
        "ثلاثون" | "ثلاثين" => Add(30.0),
        "اربعون" | "اربعين" => Add(40.0),
        "خمسون" | "خمسين" => Add(50.0),
        "ستون" | "ستين" => Add(60.0),
        "سبعون" | "سبعين" => Add(70.0),
        "ثمانون" | "ثمانين" => Add(80.0),
        "تسعون" | "تسعين" => Add(90.0),
        "مءه" | "مايه" | "ماءه" | "ميه" => Add(100.0),
        "مءتان" | "مءتين" | "مءتي" | "مءتا" | "ماءتان" | "ماءتين" | "ماءتي" | "ماءتا" | "مايتان" | "مايتين" | "مايتي" | "مايتا" => {
            Add(200.0)
        }
        "نصف" => Fraction(0.5),
        "ربع" => Fraction(0.25),
        "ثلث" => Fraction(1.0 / 3.0),
        "الف" | "الفا" => Scale(1e3, false),
        "الفان" | "الفين" | "الفي" => Scale(2e3, false),
        "الاف" | "الوف" => Scale(1e3, true),
        "مليون" | "مليونا" => Scale(1e6, false),
        "مليونان" | "مليونين" | "مليوني" => Scale(2e6, false),
        "ملايين" => Scale(1e6, true),
        "مليار" | "مليارا" | "بليون" => Scale(1e9, false),
        "ملياران" | "مليارين" => Scale(2e9, false),
        "مليارات" => Scale(1e9, true),
        _ => return compound_hundred(key).map(Add),
    })
}

/// The units a one-word hundred starts with, and the spellings of مئة it ends with.
const HUNDRED_HEADS: &[&str] = &["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع"];
const HUNDRED_SUFFIXES: &[&str] = &["مءه", "ماءه", "مايه", "ميه"];

/// ثلاثمئة، ثلاثمائة، تسعمئة … written as one word.
fn compound_hundred(key: &str) -> Option<f64> {
    for suffix in HUNDRED_SUFFIXES {
        if let Some(head) = key.strip_suffix(suffix) {
            let unit = match head {
                "ثلاث" => 3.0,
                "اربع" => 4.0,
                "خمس" => 5.0,
                "ست" => 6.0,
                "سبع" => 7.0,
                "ثمان" | "ثماني" => 8.0,
                "تسع" => 9.0,
                _ => return None,
            };
            return Some(unit * 100.0);
        }
    }
    None
}

/// Parses a digit string in any script with thousands or decimal separators.
///
/// `1,500` and `١٬٥٠٠` are 1500; `1.5` and `٢٫٥` are decimals; a comma followed by exactly
/// three digits is a thousands separator, otherwise a decimal mark.
pub fn parse_digits(s: &str) -> Option<f64> {
    // ASCII copy on the stack: digits of every script, ',' and '.' for both separator forms.
    let mut buf = [0u8; 64];
    let mut n = 0usize;
    for c in s.chars() {
        let b = match c {
            '0'..='9' | ',' | '.' => c as u8,
            '\u{0660}'..='\u{0669}' => b'0' + (c as u32 - 0x0660) as u8,
            '\u{06F0}'..='\u{06F9}' => b'0' + (c as u32 - 0x06F0) as u8,
            '٬' => b',',
            '٫' => b'.',
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    let ascii = &buf[..n];
    let groups = ascii.split(|&b| b == b',').count();
    // Commas are thousands separators when every later group has three digits (a decimal part may
    // follow the last); a single comma otherwise is a decimal comma; anything else is no number.
    let thousands =
        groups > 1 && ascii.split(|&b| b == b',').skip(1).all(|g| g.len() == 3 || (g.len() > 3 && g[3] == b'.' && !g[..3].contains(&b'.')));
    let mut cleaned = [0u8; 64];
    let mut m = 0usize;
    for &b in ascii {
        let out = match b {
            b',' if thousands => continue,
            b',' if groups == 2 => b'.',
            b',' => return None,
            _ => b,
        };
        cleaned[m] = out;
        m += 1;
    }
    if cleaned[..m].iter().filter(|&&b| b == b'.').count() > 1 {
        return None;
    }
    std::str::from_utf8(&cleaned[..m]).ok()?.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Ordinal words for days of the month (masculine, as in "الرابع والعشرين من الشهر"): match key → value.
pub fn ordinal(key: &str) -> Option<u32> {
    let bare = key.strip_prefix("ال").unwrap_or(key);
    ORDINAL_WORDS.iter().find(|(w, _)| *w == bare).map(|&(_, v)| v)
}

/// The ordinal words [`ordinal`] reads (without ال) and their values.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("اول", 1),
    ("حادي", 1),
    ("ثاني", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators() {
        assert_eq!(parse_digits("1,500"), Some(1500.0));
        assert_eq!(parse_digits("١٬٥٠٠"), Some(1500.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
        assert_eq!(parse_digits("٢٫٥"), Some(2.5));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("1,000,000"), Some(1e6));
        assert_eq!(parse_digits("۱۲"), Some(12.0));
        assert_eq!(parse_digits("1.2.3"), None);
    }

    #[test]
    fn words_and_compounds() {
        assert_eq!(num_word("ثلاثماءه"), Some(NumWord::Add(300.0)));
        assert_eq!(num_word("تسعمءه"), Some(NumWord::Add(900.0)));
        assert_eq!(num_word("الاف"), Some(NumWord::Scale(1e3, true)));
        assert_eq!(num_word("سبعه"), Some(NumWord::Add(7.0)));
        assert_eq!(num_word("مقاتل"), None);
    }

    #[test]
    fn every_number_word_index_fits_a_byte() {
        assert!(TABLE.entries.len() < 256);
    }

    #[test]
    fn the_table_agrees_with_the_definition_on_every_key_and_near_miss() {
        let mut keys: Vec<String> = ALL_KEYS.iter().map(|k| k.to_string()).collect();
        for h in HUNDRED_HEADS {
            for s in HUNDRED_SUFFIXES {
                keys.push(format!("{h}{s}"));
            }
        }
        let near: Vec<String> = keys.iter().flat_map(|k| [format!("و{k}"), format!("{k}ا"), format!("ال{k}")]).collect();
        for k in keys.iter().chain(&near).chain([&"مقاتلين".to_string(), &String::new(), &"ه".to_string()]) {
            assert_eq!(num_word(k), num_word_slow(k), "{k}");
        }
    }
}
