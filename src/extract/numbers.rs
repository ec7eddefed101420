//! Reading numbers: digit runs (with the pack's group and decimal marks) and number words
//! (units, tens, multipliers and scales: "seventy-nine", "1.5 million", 三万, 1万7000),
//! composed into one value.

use std::ops::Range;

use super::lexicon::{NumberKind, Pack, Term};
use super::reader::{Hit, Reader};

/// A number written in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub range: Range<usize>,
    pub value: f64,
    /// Written in digits only (no number word).
    pub digits: bool,
    /// A plain run of ASCII digits (no mark, no word): a year, a day or a code.
    pub plain: bool,
}

/// A digit run with the pack's marks: its range and value.
fn digit_run(text: &str, start: usize, pack: &Pack) -> (usize, f64, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let first_len = i - start;
    let mut digits: String = text.get(start..i).unwrap_or_default().to_string();
    let mut plain = true;
    // Groups of three after a group mark ("1,018", "3 500").
    if first_len <= 3 {
        'groups: loop {
            for g in &pack.group {
                let after = i + g.len();
                if text.get(i..after) == Some(g.as_str())
                    && (after..after + 3).all(|k| bytes.get(k).is_some_and(u8::is_ascii_digit))
                    && !bytes.get(after + 3).is_some_and(u8::is_ascii_digit)
                {
                    digits.push_str(text.get(after..after + 3).unwrap_or_default());
                    i = after + 3;
                    plain = false;
                    continue 'groups;
                }
            }
            break;
        }
    }
    // A decimal part ("46.1", "1,5", "50・0"), unless another mark and digits follow (a
    // date such as "2012.03.08").
    for d in &pack.decimal {
        let after = i + d.len();
        if text.get(i..after) == Some(d.as_str()) && bytes.get(after).is_some_and(u8::is_ascii_digit) {
            let mut j = after;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            let again = text.get(j..j + d.len()) == Some(d.as_str())
                && bytes.get(j + d.len()).is_some_and(u8::is_ascii_digit);
            if again {
                break;
            }
            digits.push('.');
            digits.push_str(text.get(after..j).unwrap_or_default());
            i = j;
            plain = false;
            break;
        }
    }
    (i, digits.parse::<f64>().unwrap_or(f64::NAN), plain)
}

/// A token of a number: digits or a number word.
#[derive(Debug, Clone, Copy)]
enum Token {
    Digits { value: f64, plain: bool },
    Word { value: f64, kind: NumberKind },
}

/// Every number in `text`: digit runs and number words, composed where they stand
/// together ("1.5 million", "three hundred", "seventy-nine", 1万7000).
pub(crate) fn find(text: &str, hits: &[Hit], reader: &Reader, pack: &Pack) -> Vec<Number> {
    // Tokens in text order: digit runs from a byte pass, words from the automaton.
    let mut tokens: Vec<(Range<usize>, Token)> = Vec::new();
    let bytes = text.as_bytes();
    let mut words = hits
        .iter()
        .filter(|h| reader.is(h, super::reader::Class::Number))
        .filter_map(|h| {
            reader.terms(h).find_map(|t| match t {
                Term::Number { value, kind } => Some((h.range(), Token::Word { value: *value, kind: *kind })),
                _ => None,
            })
        })
        .peekable();
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(start) = super::text::next_where(bytes, i, |b| b.is_ascii_digit()) else { break };
        while let Some(w) = words.next_if(|(r, _)| r.start < start) {
            tokens.push(w);
        }
        // Not inside a word ("S300" keeps its digits; "F-15" too).
        let (end, value, plain) = digit_run(text, start, pack);
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        if !before.is_some_and(|c| c.is_alphabetic() && c.is_ascii()) && value.is_finite() {
            tokens.push((start..end, Token::Digits { value, plain }));
        }
        i = end.max(start + 1);
    }
    tokens.extend(words);
    tokens.sort_by_key(|(r, _)| r.start);
    compose(text, tokens)
}

/// Joins tokens that stand together into numbers.
fn compose(text: &str, tokens: Vec<(Range<usize>, Token)>) -> Vec<Number> {
    let mut out = Vec::new();
    let mut group: Vec<(Range<usize>, Token)> = Vec::new();
    let flush = |group: &mut Vec<(Range<usize>, Token)>, out: &mut Vec<Number>| {
        if let Some(n) = value_of(group) {
            out.push(n);
        }
        group.clear();
    };
    for (range, token) in tokens {
        let joins = group.last().is_some_and(|(prev, last)| {
            let gap = text.get(prev.end..range.start).unwrap_or("x");
            let close = gap.chars().all(|c| c == ' ' || c == '-') && gap.len() <= 1;
            // Digits written as words with nothing between (九三, 一九五六): one number,
            // digit by digit.
            let positional = gap.is_empty()
                && matches!(
                    (last, token),
                    (Token::Word { kind: NumberKind::Unit, .. }, Token::Word { kind: NumberKind::Unit, .. })
                );
            close && (joinable(*last, token) || positional)
        });
        if !joins {
            flush(&mut group, &mut out);
        }
        group.push((range, token));
    }
    flush(&mut group, &mut out);
    out
}

/// Whether `next` continues a number that ends with `last`.
fn joinable(last: Token, next: Token) -> bool {
    use NumberKind::*;
    match (last, next) {
        // "1.5 million", "3万"; not "2018 three".
        (Token::Digits { .. }, Token::Word { kind, .. }) => matches!(kind, Multiplier | Scale),
        // "1万7000": digits after a scale add to it; "4千5百": after a multiplier, they
        // start the next digit.
        (Token::Word { kind: Scale | Multiplier, .. }, Token::Digits { plain: true, .. }) => true,
        (Token::Word { .. }, Token::Digits { .. }) | (Token::Digits { .. }, Token::Digits { .. }) => false,
        // "seventy-nine", "three hundred", "二十一", "one thousand".
        (Token::Word { kind: Ten, .. }, Token::Word { kind: Unit, .. }) => true,
        (Token::Word { kind: Unit | Ten, .. }, Token::Word { kind: Multiplier | Scale, .. }) => true,
        (Token::Word { kind: Multiplier | Scale, .. }, Token::Word { kind: Unit | Ten | Multiplier, .. }) => {
            true
        }
        (Token::Word { kind: Multiplier, .. }, Token::Word { kind: Scale, .. }) => true,
        _ => false,
    }
}

/// The value of a group of tokens: units and digits set the current digit, multipliers
/// (hundred, 十, 百, 千) add digit × multiplier to the section, scales (thousand, million,
/// 万, 億) close the section into the total.
fn value_of(group: &[(Range<usize>, Token)]) -> Option<Number> {
    let first = group.first()?;
    let last = group.last()?;
    let (mut total, mut section, mut digit) = (0.0f64, 0.0f64, 0.0f64);
    let mut digits = true;
    let mut plain = group.len() == 1;
    let mut after_unit = false;
    for (_, t) in group {
        let unit = matches!(t, Token::Word { kind: NumberKind::Unit, .. });
        // A unit right after a unit is the next digit (九三: 93; compose joins them only
        // when nothing stands between).
        if unit
            && after_unit
            && let Token::Word { value, .. } = *t
        {
            digit = digit * 10.0 + value;
            continue;
        }
        after_unit = unit;
        match *t {
            Token::Digits { value, plain: p } => {
                digit += value;
                plain &= p;
            }
            Token::Word { value, kind } => {
                digits = false;
                plain = false;
                match kind {
                    NumberKind::Unit | NumberKind::Ten => digit += value,
                    NumberKind::Multiplier => {
                        section += if digit == 0.0 { value } else { digit * value };
                        digit = 0.0;
                    }
                    NumberKind::Scale => {
                        let group_value = section + digit;
                        total += if group_value == 0.0 { value } else { group_value * value };
                        section = 0.0;
                        digit = 0.0;
                    }
                }
            }
        }
    }
    let value = total + section + digit;
    value.is_finite().then_some(Number { range: first.0.start..last.0.end, value, digits, plain })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(v: f64, kind: NumberKind) -> Token {
        Token::Word { value: v, kind }
    }

    #[test]
    fn words_compose() {
        let t = "xx";
        let n =
            |g: Vec<Token>| value_of(&g.into_iter().map(|t| (0..1, t)).collect::<Vec<_>>()).map(|n| n.value);
        assert_eq!(n(vec![tok(70.0, NumberKind::Ten), tok(9.0, NumberKind::Unit)]), Some(79.0));
        assert_eq!(n(vec![tok(3.0, NumberKind::Unit), tok(100.0, NumberKind::Multiplier)]), Some(300.0));
        assert_eq!(
            n(vec![Token::Digits { value: 1.5, plain: false }, tok(1e6, NumberKind::Scale)]),
            Some(1_500_000.0)
        );
        // 1万7000
        assert_eq!(
            n(vec![
                Token::Digits { value: 1.0, plain: true },
                tok(1e4, NumberKind::Scale),
                Token::Digits { value: 7000.0, plain: true }
            ]),
            Some(17000.0)
        );
        // 三千二百万
        assert_eq!(
            n(vec![
                tok(3.0, NumberKind::Unit),
                tok(1000.0, NumberKind::Multiplier),
                tok(2.0, NumberKind::Unit),
                tok(100.0, NumberKind::Multiplier),
                tok(1e4, NumberKind::Scale)
            ]),
            Some(32_000_000.0)
        );
        let _ = t;
    }

    #[test]
    fn digits_written_as_words_side_by_side_are_one_number() {
        let tokens = |gap: &str| {
            let text = format!("九{gap}三");
            let second = 3 + gap.len();
            let tokens =
                vec![(0..3, tok(9.0, NumberKind::Unit)), (second..second + 3, tok(3.0, NumberKind::Unit))];
            compose(&text, tokens).iter().map(|n| n.value).collect::<Vec<_>>()
        };
        // 九三 (a year written digit by digit): 93, not 9 and 3.
        assert_eq!(tokens(""), vec![93.0]);
        // Words apart ("nine three"): two numbers.
        assert_eq!(tokens(" "), vec![9.0, 3.0]);
    }
}
