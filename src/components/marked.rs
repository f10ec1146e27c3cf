//! Text with its matches marked: plain text nodes and `<mark>` elements, never HTML.

use leptos::prelude::*;
use std::ops::Range;

/// Renders `text` with the byte `ranges` wrapped in `<mark>`; ranges are sorted and disjoint.
pub fn marked(text: &str, ranges: &[Range<usize>]) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            parts.push(text[at..r.start].to_string().into_any());
        }
        parts.push(view! { <mark>{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    if at < text.len() {
        parts.push(text[at..].to_string().into_any());
    }
    parts
}
