//! A list of articles inside a view (a document's citations, a person's appearances, an
//! organisation's events): each with its date and headline, a link that opens it in the
//! reader; the first few shown, more on request, so that a long list fetches few files.

use crate::app::use_lang;
use crate::explorer::{use_explorer, Nav};
use crate::i18n::tr;
use crate::records::ArticleState;
use crate::url;
use leptos::prelude::*;

/// Articles shown before "show more".
const FIRST: usize = 12;

/// The articles `docs`, in the order given.
#[component]
pub fn ArticleLinks(docs: Vec<u32>) -> impl IntoView {
    let total = docs.len();
    let shown = RwSignal::new(FIRST.min(total));
    let docs = StoredValue::new(docs);
    view! {
        <ul class="article-links">
            {move || {
                docs.with_value(|d| d[..shown.get().min(d.len())].to_vec())
                    .into_iter()
                    .map(|doc| view! { <ArticleLink doc=doc /> })
                    .collect_view()
            }}
        </ul>
        <Show when=move || { shown.get() < total }>
            <button class="more" on:click=move |_| shown.update(|n| *n = (*n + 4 * FIRST).min(total))>
                {tr(|s| s.show_more)}
            </button>
        </Show>
    }
}

/// One article: its date and headline, opening the reader.
#[component]
pub fn ArticleLink(doc: u32) -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let day = ex
        .data
        .with_value(|d| d.engine.borrow().index().effective_day(doc));
    let state = move || ex.records.article(doc);
    let id = move || match state() {
        ArticleState::Ready(a) => Some(a.article.id.clone()),
        _ => None,
    };
    let title = move || match state() {
        ArticleState::Ready(a) => a
            .article
            .title
            .clone()
            .or_else(|| {
                a.article
                    .paragraphs
                    .first()
                    .map(|p| p.chars().take(90).collect())
            })
            .unwrap_or_default(),
        ArticleState::Loading => "…".to_string(),
        ArticleState::Failed(e) => e,
    };
    let href = move || {
        let mut s = ex.state.get();
        s.page = None;
        s.open = id();
        url::href(&s)
    };
    view! {
        <li class="article-link" data-doc=doc>
            <span class="date">
                {move || day.map(|d| lang.get().date(nienbieu_model::Date::from_days(d)))}
            </span>
            " "
            <a
                href=href
                on:click=move |e| {
                    e.prevent_default();
                    if let Some(id) = id() {
                        ex.go(Nav::Push, |s| {
                            s.page = None;
                            s.open = Some(id);
                        });
                    }
                }
            >
                {title}
            </a>
        </li>
    }
}
