//! The reader: one article in clean paragraphs with its captions set apart, its metadata, the
//! people, documents and figures it names, each a link that filters the list; previous and next
//! within the results, and a copy-link button. Every text is rendered as text, never as HTML.

use super::from_module::{from_module, ModuleNotes};
use crate::app::use_lang;
use crate::explorer::{use_explorer, Explorer, Nav};
use crate::i18n::tr;
use crate::records::{ArticleState, DocLookup, Prepared};
use crate::url;
use crate::views::PageLink;
use leptos::html::H2;
use leptos::prelude::*;
use nienbieu_model::state::{Page, ViewKind};
use std::sync::Arc;

/// The reader panel for the article named in the URL.
#[component]
pub fn Reader() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let open_id = ex.open;
    // The reader's module is asked for at once, beside the article's file, not after it.
    leptos::task::spawn_local(async {
        let _ = preload_article_view().await;
    });
    let lookup = Memo::new(move |_| open_id.get().map(|id| ex.records.doc_of(&id)));
    let doc = Memo::new(move |_| match lookup.get() {
        Some(DocLookup::Found(d)) => Some(d),
        _ => None,
    });
    // Where the article stands in the results, for previous and next.
    let position = Memo::new(move |_| {
        let d = doc.get()?;
        ex.result.with(|r| r.hits.position(d))
    });
    let total = Memo::new(move |_| ex.result.with(|r| r.hits.len()));
    // The neighbours' records are fetched ahead, so that previous and next open at once.
    let neighbour = move |by: isize| {
        let p = position.get()? as isize + by;
        ex.result.with(|r| r.hits.get(usize::try_from(p).ok()?))
    };
    Effect::new(move |_| {
        for by in [-1, 1] {
            if let Some(d) = neighbour(by) {
                let _ = ex.records.article(d);
            }
        }
    });
    let step = move |by: isize| {
        let Some(p) = position.get_untracked() else {
            return;
        };
        let next = p as isize + by;
        if next < 0 || next as usize >= total.get_untracked() {
            return;
        }
        if let Some(id) = ex
            .result
            .with_untracked(|r| r.hits.get(next as usize))
            .and_then(|d| ex.id(d))
        {
            ex.cursor.set(Some(next as usize));
            ex.go(Nav::Push, |s| s.open = Some(id));
        }
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(3));
            }
        });
    };
    let heading = NodeRef::<H2>::new();
    // Reading starts at the headline, for keyboard and screen-reader users.
    Effect::new(move |_| {
        open_id.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let close = move |_| ex.go(Nav::Push, |s| s.open = None);

    view! {
        <aside class="reader" data-testid="reader" aria-labelledby="reader-title">
            <div class="reader-bar">
                <button class="close" data-testid="reader-close" on:click=close>
                    {tr(|s| s.close)}
                </button>
                <button data-testid="reader-prev" disabled=move || position.get().is_none_or(|p| p == 0) on:click=move |_| step(-1)>
                    {tr(|s| s.previous)}
                </button>
                <span class="position">
                    {move || {
                        position
                            .get()
                            .map(|p| {
                                let l = lang.get();
                                (l.t().position)(&l.number(p + 1), &l.number(total.get()))
                            })
                    }}
                </span>
                <button
                    data-testid="reader-next"
                    disabled=move || position.get().is_none_or(|p| p + 1 >= total.get())
                    on:click=move |_| step(1)
                >
                    {tr(|s| s.next)}
                </button>
                <button data-testid="copy-link" on:click=copy>
                    {move || if copied.get() { t().copied } else { t().copy_link }}
                </button>
            </div>
            {move || match (lookup.get(), doc.get()) {
                (Some(DocLookup::Loading), _) => {
                    view! { <p class="reader-note" role="status">{tr(|s| s.loading_article)}</p> }.into_any()
                }
                (Some(DocLookup::Failed), _) => {
                    view! {
                        <div class="reader-note" role="alert">
                            <p>{tr(|s| s.article_failed)}</p>
                            <button on:click=move |_| ex.records.retry()>{tr(|s| s.retry)}</button>
                        </div>
                    }
                        .into_any()
                }
                (_, None) => {
                    let id = open_id.get().unwrap_or_default();
                    view! { <p class="reader-note" role="alert">{move || (t().article_missing)(&id)}</p> }.into_any()
                }
                (_, Some(d)) => match ex.records.article(d) {
                    ArticleState::Loading => {
                        view! { <p class="reader-note" role="status">{tr(|s| s.loading_article)}</p> }.into_any()
                    }
                    ArticleState::Failed(e) => {
                        view! {
                            <div class="reader-note" role="alert">
                                <p>{tr(|s| s.article_failed)} ": " {e}</p>
                                <button on:click=move |_| ex.records.retry()>{tr(|s| s.retry)}</button>
                            </div>
                        }
                            .into_any()
                    }
                    ArticleState::Ready(a) => view! { <LazyArticle article=a heading=heading /> }.into_any(),
                },
            }}
        </aside>
    }
}

/// A link that filters the list by one value of a facet (keeping the reader open).
fn filter_link(ex: Explorer, key: &'static str, value: String, label: String) -> impl IntoView {
    let lang = use_lang();
    let href = {
        let value = value.clone();
        move || {
            let mut s = ex.state.get();
            s.request
                .filters
                .insert(key.to_string(), vec![value.clone()]);
            url::href(&s)
        }
    };
    let title = {
        let label = label.clone();
        move || (lang.get().t().filter_by)(&label)
    };
    view! {
        <a
            class="filter-link"
            href=href
            title=title
            data-facet=key
            on:click=move |e| {
                e.prevent_default();
                let value = value.clone();
                ex.go(Nav::Push, move |s| {
                    s.request.filters.insert(key.to_string(), vec![value]);
                });
            }
        >
            {label}
        </a>
    }
}

/// A small link to the page of an entity in its view (a person, an organisation, a document).
fn entity_link(view: ViewKind, key: &str) -> impl IntoView {
    let lang = use_lang();
    let name = key.to_string();
    view! {
        <span class="to-page">
            <PageLink page=Page::entity(view, key)>
                <span aria-hidden="true">"↗"</span>
                <span class="visually-hidden">{move || (lang.get().t().page_of)(&name)}</span>
            </PageLink>
        </span>
    }
}

/// The article, rendered by the reader's own wasm module (see [`article_view`]): fetched
/// beside the first article opened, said to be loading until then, and, if it cannot be
/// fetched, why, with a retry.
#[component]
fn LazyArticle(article: Arc<Prepared>, heading: NodeRef<H2>) -> impl IntoView {
    from_module(
        move || article_view(article.clone(), heading),
        ModuleNotes {
            loading_class: "reader-note",
            loading: |s| s.loading_article,
            failed: |s| s.article_failed,
            failed_testid: "reader-code-failed",
        },
    )
}

/// The split point of the reader's module: the article's text, metadata and links are rendered
/// by code moved out of the app's first module by `scripts/split.mjs`, fetched on the first
/// call. A failed fetch is an `Err`, not cached: the next call tries again.
#[leptos::wasm_split::wasm_split(
    nienbieu_reader,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_article_view)
)]
fn article_view(
    article: Arc<Prepared>,
    heading: NodeRef<H2>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <ArticleView article=article heading=heading /> }.into_any())
}

/// The article itself.
#[component]
fn ArticleView(article: Arc<Prepared>, heading: NodeRef<H2>) -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let a = &article.article;
    let title = a.title.clone();
    let published = a.published.map(|p| {
        (
            p,
            a.published_precision
                .unwrap_or(nienbieu_model::Precision::Day),
        )
    });
    let event = a.event_date.map(|d| (d, a.event_end));
    let kind = a.event_kind;
    let links = |key: &'static str, values: &[String]| {
        values
            .iter()
            .map(|v| {
                let page = (key == "organization").then(|| entity_link(ViewKind::Organizations, v));
                view! { <li>{filter_link(ex, key, v.clone(), v.clone())} {page}</li> }
            })
            .collect_view()
    };
    let source = a
        .meta
        .get("outlet")
        .cloned()
        .unwrap_or_else(|| a.source.clone());
    view! {
        <article class="article">
            <h2 id="reader-title" tabindex="-1" node_ref=heading>
                {match title {
                    Some(t) => t.into_any(),
                    None => view! { <span class="untitled">{tr(|s| s.untitled)}</span> }.into_any(),
                }}
            </h2>
            <dl class="meta">
                {published.map(|(p, precision)| view! {
                    <dt>{tr(|s| s.published)}</dt>
                    <dd><time datetime=p.to_string()>{move || if lang.get() == crate::i18n::Lang::Vi { p.to_vietnamese(precision) } else { lang.get().date(p.date()) }}</time></dd>
                })}
                {event.map(|(d, end)| view! {
                    <dt>{tr(|s| s.event_date)}</dt>
                    <dd>
                        <time datetime=d.to_string()>{move || lang.get().date(d)}</time>
                        {end.map(|e| view! { " – " <time datetime=e.to_string()>{move || lang.get().date(e)}</time> })}
                    </dd>
                })}
                <dt>{tr(|s| s.kind)}</dt>
                <dd>{filter_link(ex, "kind", kind.code().to_string(), lang.get_untracked().kind(kind).to_string())}</dd>
                {(!a.provinces.is_empty()).then(|| view! {
                    <dt>{move || lang.get().facet("province")}</dt>
                    <dd><ul class="inline">{links("province", &a.provinces)}</ul></dd>
                })}
                {(!a.organizations.is_empty()).then(|| view! {
                    <dt>{move || lang.get().facet("organization")}</dt>
                    <dd><ul class="inline">{links("organization", &a.organizations)}</ul></dd>
                })}
                {a.byline.clone().map(|b| view! {
                    <dt>{tr(|s| s.byline)}</dt>
                    <dd>{b}</dd>
                })}
                <dt>{tr(|s| s.source)}</dt>
                <dd>{source}</dd>
            </dl>
            {(!a.people.is_empty()).then(|| view! {
                <section class="people">
                    <h3>{tr(|s| s.people)}</h3>
                    <ul>
                        {a.people.iter().map(|p| view! {
                            <li>
                                {filter_link(ex, "person", p.name.clone(), p.name.clone())}
                                {entity_link(ViewKind::People, &p.name)}
                                {(!p.roles.is_empty()).then(|| format!(" — {}", p.roles.join("; ")))}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!a.documents.is_empty()).then(|| view! {
                <section class="documents">
                    <h3>{tr(|s| s.documents)}</h3>
                    <ul>
                        {a.documents.iter().map(|d| {
                            let reference = d.reference();
                            let date = d.date;
                            view! {
                                <li>
                                    {d.kind.clone()} " "
                                    {filter_link(ex, "document", reference.clone(), reference.clone())}
                                    {entity_link(ViewKind::Documents, &reference)}
                                    {date.map(|x| view! { " (" <time datetime=x.to_string()>{move || lang.get().date(x)}</time> ")" })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!a.figures.is_empty()).then(|| view! {
                <section class="figures">
                    <h3>{tr(|s| s.figures)}</h3>
                    <ul>
                        {a.figures.iter().map(|f| view! {
                            <li><strong>{f.text.clone()}</strong><span class="sentence">{f.sentence.clone()}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <div class="body">
                {a.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            </div>
            {(!a.captions.is_empty()).then(|| view! {
                <section class="captions">
                    {a.captions.iter().map(|c| view! {
                        <figure><figcaption><span class="photo-label">{tr(|s| s.photo)} ": "</span>{c.clone()}</figcaption></figure>
                    }).collect_view()}
                </section>
            })}
        </article>
    }
}
