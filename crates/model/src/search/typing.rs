//! When a search's missing term files are asked for: a keystroke's wait for a pause in the
//! typing, anything else (a paste, a link, a filter, the next round of the same query) at once.
//!
//! Every prefix typed on the way to a word needs the postings of its most frequent completions:
//! typing "đảng viên" a letter at a time would fetch about five times the files of the finished
//! query (measured by `nienbieu-bench cost`). Search-as-you-type tools wait for the typing to
//! pause before they fetch (Pagefind's interface waits 300 ms); a prefix already loaded is
//! still answered at once.

/// How long the typing must pause before a keystroke's missing files are asked for.
pub const PAUSE_MS: u32 = 300;

/// Whether an input event of the search box was a keystroke, from its `inputType` and `data`
/// (the Input Events spec): `None` when they do not say (a script's plain `input` event), and
/// the query's change is judged by [`one_keystroke`]. A letter or two typed, a deletion, and
/// every step of an input method's composition (which may move a mark to another vowel:
/// "hòa" then "hoàn") are; a paste, a drop, a correction, or text inserted in one go (an
/// autocompletion, a dictation) are not.
pub fn keystroke_input(input_type: &str, data: Option<&str>) -> Option<bool> {
    match input_type {
        "insertCompositionText" => Some(true),
        "insertText" => Some(data.is_none_or(|d| d.chars().count() <= 2)),
        t if t.starts_with("delete") => Some(true),
        t if t.starts_with("insert") => Some(false),
        _ => None,
    }
}

/// True when `after` is `before` changed by a keystroke, in one place: a character added, any
/// removed, or any replaced by one or two (a letter typed over a selection, an input method
/// putting a mark on a vowel already typed, or making "uo" "ươ"). A paste (even of two
/// letters), a link's query or the same query again is not.
pub fn one_keystroke(before: &str, after: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (gone, came) = (a.len() - head - tail, b.len() - head - tail);
    match (gone, came) {
        (0, 0) => false,
        (0, came) => came == 1,
        (_, came) => came <= 2,
    }
}

#[cfg(test)]
mod tests {
    use super::{keystroke_input, one_keystroke};

    #[test]
    fn input_events_say_what_they_were() {
        for (kind, data, said) in [
            ("insertText", Some("đ"), Some(true)),
            ("insertText", Some("đảng viên"), Some(false)), // inserted in one go
            ("insertCompositionText", Some("hoàn"), Some(true)),
            ("deleteContentBackward", None, Some(true)),
            ("deleteWordBackward", None, Some(true)),
            ("insertFromPaste", None, Some(false)),
            ("insertReplacementText", Some("đảng"), Some(false)),
            ("", None, None),
        ] {
            assert_eq!(keystroke_input(kind, data), said, "{kind} {data:?}");
        }
    }

    #[test]
    fn typing_deleting_and_marking_a_vowel_are_keystrokes() {
        for (before, after) in [
            ("", "đ"),
            ("đảng", "đảng "),
            ("đảng v", "đảng"),
            ("đang", "đảng"), // a tone mark put on the vowel by an input method
            ("dang", "đang"), // "dd" made "đ"
            ("hung yen", "hung en"), // a letter deleted inside
            ("ab", "a"),
            ("đảng vuo", "đảng vươ"), // "w" after "uo"
            ("nghị quyết", "đ"),      // a letter typed over the selected query
            ("nghị quyết", ""),
        ] {
            assert!(one_keystroke(before, after), "{before:?} -> {after:?}");
        }
    }

    #[test]
    fn pastes_replacements_and_no_change_are_not() {
        for (before, after) in [
            ("", "đảng viên"),
            ("dang vien", "đảng viên"), // words replaced by autocorrect
            ("đảng", "đảng"),
            ("a", "abcd"),
            ("", "th"), // a two-letter paste
        ] {
            assert!(!one_keystroke(before, after), "{before:?} -> {after:?}");
        }
    }
}
