//! The search box, the exact-marks switch and the sort order.

use crate::app::use_lang;
use crate::explorer::{use_explorer, Nav};
use crate::i18n::tr;
use crate::keys::SEARCH_ID;
use leptos::prelude::*;
use nienbieu_model::search::{typing, QueryNote, Sort};
use nienbieu_model::state::{cut, MAX_URL_QUERY};
use wasm_bindgen::JsCast;

/// The search form. Each keystroke searches at once and replaces the URL's query; the other
/// controls add history entries.
#[component]
pub fn SearchBar() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let query = move || ex.state.with(|s| s.request.query.clone());
    // The controls beside the box read only their own part of the state.
    let sort = Memo::new(move |_| ex.state.with(|s| s.request.sort));
    let strict = Memo::new(move |_| ex.state.with(|s| s.request.strict));
    // How the query was understood, when that differs from what was typed: an unclosed
    // quote, a stray minus, words beyond the limits.
    let understood = Memo::new(move |_| {
        let typed = ex.state.with(|s| s.request.query.clone());
        ex.asked.with(|h| {
            h.query
                .differs_from(&typed)
                .then(|| (h.query.understood(), h.query.notes.clone()))
        })
    });
    let note = move || {
        let (text, notes) = understood.get()?;
        let l = lang.get();
        let t = l.t();
        let reasons: Vec<String> = notes
            .iter()
            .map(|n| match n {
                QueryNote::UnclosedQuote => t.query_unclosed.to_string(),
                QueryNote::Truncated { dropped: 0 } => t.query_cut.to_string(),
                QueryNote::Truncated { dropped } => (t.query_truncated)(&l.number(*dropped)),
            })
            .collect();
        let shown = if text.is_empty() {
            t.nothing_to_search.to_string()
        } else {
            text
        };
        Some(view! {
            <p class="understood" data-testid="understood" role="status">
                {t.understood} " " <q>{shown}</q>
                {(!reasons.is_empty()).then(|| format!(" ({})", reasons.join("; ")))}
            </p>
        })
    };
    view! {
        <form class="search-bar" role="search" on:submit=|e| e.prevent_default()>
            <label class="visually-hidden" for=SEARCH_ID>
                {tr(|s| s.search_label)}
            </label>
            <input
                id=SEARCH_ID
                data-testid="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=tr(|s| s.search_placeholder)
                prop:value=query
                on:input=move |e| {
                    let mut q = event_target_value(&e);
                    // A keystroke's missing term files wait for a pause in the typing.
                    let input = e.dyn_ref::<web_sys::InputEvent>();
                    ex.keyed.set_value(input.and_then(|i| {
                        typing::keystroke_input(&i.input_type(), i.data().as_deref())
                    }));
                    // A pasted book is kept as a link would carry it, not whole in the box and
                    // the state (a 100,000-character paste froze the page for 250 ms).
                    cut(&mut q, MAX_URL_QUERY);
                    ex.go(Nav::Replace, |s| s.request.query = q);
                }
                on:focus=move |_| ex.prefetch_terms()
            />
            <label class="strict" title=tr(|s| s.strict_hint)>
                <input
                    type="checkbox"
                    data-testid="strict"
                    prop:checked=move || strict.get()
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        ex.go(Nav::Push, |s| s.request.strict = on);
                    }
                />
                {tr(|s| s.strict_label)}
            </label>
            <label class="sort">
                <span>{tr(|s| s.sort_label)}</span>
                <select
                    data-testid="sort"
                    on:change=move |e| {
                        let sort = Sort::from_code(&event_target_value(&e)).unwrap_or_default();
                        ex.go(Nav::Push, |s| s.request.sort = sort);
                    }
                >
                    {[Sort::Relevance, Sort::Newest, Sort::Oldest]
                        .into_iter()
                        .map(|s| {
                            let label = move || match s {
                                Sort::Relevance => t().sort_relevance,
                                Sort::Newest => t().sort_newest,
                                Sort::Oldest => t().sort_oldest,
                            };
                            view! {
                                <option
                                    value=s.code()
                                    prop:selected=move || sort.get() == s
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </form>
        {note}
    }
}
