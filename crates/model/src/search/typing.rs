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

/// True when `after` is `before` changed by a keystroke: a character or two added, removed or
/// replaced in one place (an input method putting a tone mark on a vowel already typed replaces
/// it). A paste, a word replaced by autocorrect, a link's query or the same query again is not.
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
    gone + came > 0 && gone <= 2 && came <= 2
}

#[cfg(test)]
mod tests {
    use super::one_keystroke;

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
            ("nghị quyết", ""),
            ("a", "abcd"),
        ] {
            assert!(!one_keystroke(before, after), "{before:?} -> {after:?}");
        }
    }
}
