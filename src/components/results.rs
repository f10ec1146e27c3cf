//! The result list: the count, the export buttons, and the rows, of which only those in view
//! are in the page, so that 100,000 results scroll as smoothly as ten.

use crate::app::use_lang;
use crate::components::empty::EmptyState;
use crate::components::marked::marked;
use crate::decimal::short;
use crate::explorer::use_explorer;
use crate::i18n::tr;
use crate::measure::on_layout;
use crate::records::ArticleState;
use crate::{download, url};
use leptos::html::Div;
use leptos::prelude::*;
use nienbieu_model::export::{to_csv, to_json};
use nienbieu_model::index::Need;
use nienbieu_model::search::{lead_words, match_ranges};
use nienbieu_model::state::ViewState;
use wasm_bindgen::JsCast;

/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 3;

/// The results of the current request.
#[component]
pub fn ResultList() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let count = Memo::new(move |_| ex.result.with(|r| r.hits.len()));
    // An export waits for the catalog files of its rows and for the organisations' and
    // people's columns (one part more): `Some(json)` while it does. Columns that cannot come
    // (offline, never saved) leave those two facets out of the file rather than empty.
    let exporting: RwSignal<Option<bool>> = RwSignal::new(None);
    let progress = Memo::new(move |_| {
        let json = exporting.get()?;
        let hits = ex.result.with(|r| r.hits.to_vec());
        ex.terms.version.track();
        let columns = ex
            .data
            .with_value(|d| d.engine.borrow().index().has(Need::Columns))
            || ex.terms.failed.with(|f| f.contains_key(&Need::Columns));
        if !columns {
            ex.terms.request(&[Need::Columns]);
        }
        let catalog = match ex.records.catalog(&hits) {
            Ok(entries) if columns => Ok(entries),
            Ok(_) => Err((1, 2)),
            Err((done, total)) => Err((done + usize::from(columns), total + 1)),
        };
        Some((json, catalog))
    });
    Effect::new(move |_| {
        let Some((json, Ok(entries))) = progress.get() else {
            return;
        };
        exporting.set(None);
        let rows: Vec<_> = entries.iter().map(|(d, e)| (*d, e)).collect();
        let text = ex.data.with_value(|d| {
            let engine = d.engine.borrow();
            if json {
                to_json(engine.index(), &rows)
            } else {
                to_csv(engine.index(), &rows)
            }
        });
        let (name, mime) = if json {
            ("nienbieu.json", "application/json")
        } else {
            ("nienbieu.csv", "text/csv;charset=utf-8")
        };
        download::save(name, mime, &text);
    });
    let export = move |json: bool| exporting.set(Some(json));
    let busy = move || exporting.with(Option::is_some) || ex.loading.get();
    let count_text = move || {
        let l = lang.get();
        if ex.loading.get() {
            l.t().searching.to_string()
        } else if ex.result.with(|r| r.approximate) {
            (l.t().approximate)(&l.number(count.get()))
        } else {
            (l.t().articles)(&l.number(count.get()))
        }
    };
    let export_note = move || match progress.get() {
        Some((_, Err((done, total)))) => {
            let l = lang.get();
            Some((l.t().export_preparing)(&l.number(done), &l.number(total)))
        }
        _ => None,
    };
    view! {
        <section class="results" class:stale=move || ex.loading.get() aria-busy=move || ex.loading.get().to_string() aria-labelledby="result-count">
            <div class="results-head">
                <p
                    id="result-count"
                    class="result-count"
                    class:loading=move || ex.loading.get()
                    data-testid="result-count"
                    data-loading=move || ex.loading.get().to_string()
                    role="status"
                >
                    {count_text}
                </p>
                <div class="export">
                    {move || export_note().map(|n| view! { <span class="export-note" role="status">{n}</span> })}
                    <button data-testid="export-csv" disabled=move || count.get() == 0 || busy() on:click=move |_| export(false)>
                        {tr(|s| s.export_csv)}
                    </button>
                    <button data-testid="export-json" disabled=move || count.get() == 0 || busy() on:click=move |_| export(true)>
                        {tr(|s| s.export_json)}
                    </button>
                </div>
            </div>
            <TermFailures />
            <Show
                when=move || { count.get() > 0 }
                fallback=move || {
                    view! {
                        <Show
                            when=move || ex.loading.get()
                            fallback=|| view! { <EmptyState /> }
                        >
                            <p class="list-loading" role="status">{tr(|s| s.searching)}</p>
                        </Show>
                    }
                }
            >
                <Window />
            </Show>
        </section>
    }
}

/// The scrolling window over the rows.
#[component]
fn Window() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(800.0f64);
    let row_h = RwSignal::new(120.0f64);
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            viewport.set(f64::from(el.client_height()).max(200.0));
            let css = window()
                .get_computed_style(&el)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("--row-h").ok())
                // A length in px (or a bare number), read by JavaScript's parseFloat: Rust's own
                // float parser would add its 31 kB table of powers of five to the wasm for this
                // one number.
                .and_then(|v| {
                    let v = v.trim();
                    let n = v.strip_suffix("px").unwrap_or(v);
                    n.bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.')
                        .then(|| js_sys::parse_float(n))
                })
                .filter(|h| h.is_finite());
            if let Some(h) = css.filter(|h| *h > 20.0) {
                row_h.set(h);
            }
        }
    };
    on_layout(scroller, measure);

    // A new result set starts at the top. Setting scrollTop forces a layout, so only when
    // the list is not at the top already (as the scroll handler last saw it).
    Effect::new(move |prev: Option<()>| {
        ex.result.track();
        if prev.is_some() && scroll_top.get_untracked() > 0.0 {
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });
    // The keyboard cursor stays in view.
    Effect::new(move |_| {
        let Some(i) = ex.cursor.get() else { return };
        let Some(el) = scroller.get_untracked() else {
            return;
        };
        let (h, top, view) = (
            row_h.get_untracked(),
            f64::from(el.scroll_top()),
            viewport.get_untracked(),
        );
        let y = i as f64 * h;
        if y < top {
            el.set_scroll_top(y as i32);
        } else if y + h > top + view {
            el.set_scroll_top((y + h - view) as i32);
        }
    });

    let n = Memo::new(move |_| ex.result.with(|r| r.hits.len()));
    let range = Memo::new(move |_| {
        let h = row_h.get();
        let first = (scroll_top.get() / h).floor() as usize;
        let shown = (viewport.get() / h).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN);
        let end = (first + shown + OVERSCAN).min(n.get()).min(start + SLOTS);
        (start, end.max(start))
    });
    // The rows in the window: positions `start..` and their documents.
    let window_docs = Memo::new(move |_| {
        let (start, end) = range.get();
        ex.result.with(|r| {
            let (start, end) = (start.min(r.hits.len()), end.min(r.hits.len()));
            (start, r.hits.range(start, end))
        })
    });
    // Rows are slots keyed by position modulo `SLOTS`: a search that changes the documents in
    // view keeps every row's elements and changes only what they say; scrolling recycles the
    // slot of the row that left.
    let slots = move || {
        window_docs.with(|(start, docs)| {
            (*start..start + docs.len())
                .map(|p| p % SLOTS)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div
            class="results-scroll"
            id=crate::keys::RESULTS_ID
            node_ref=scroller
            data-testid="results-scroll"
            tabindex="0"
            aria-label=move || (lang.get().t().articles)(&lang.get().number(n.get()))
            on:scroll=move |e| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    scroll_top.set(f64::from(el.scroll_top()));
                }
            }
        >
            <ol
                class="result-list"
                style:height=move || format!("{}px", short(n.get() as f64 * row_h.get()))
            >
                <For each=slots key=|slot| *slot let:slot>
                    <Row
                        shown=Memo::new(move |_| {
                            window_docs.with(|(start, docs)| {
                                // The position in the window that falls in this slot.
                                let pos = start + (slot + SLOTS - start % SLOTS) % SLOTS;
                                docs.get(pos - start).map(|&doc| (pos, doc))
                            })
                        })
                        row_h=row_h
                        total=n
                    />
                </For>
            </ol>
        </div>
    }
}

/// How many rows the window can hold: the modulus of the rows' slots, more than a screen of
/// the shortest rows shows.
const SLOTS: usize = 256;

/// One result row: the position and document its slot `shown` holds. Its position, marks and
/// snippet follow the search; its headline, dates and text come from its article file,
/// fetched when the row first shows; its province and kind from the core, its organisation
/// from the core's columns file when it is in, else from the article file.
#[component]
fn Row(
    shown: Memo<Option<(usize, u32)>>,
    row_h: RwSignal<f64>,
    total: Memo<usize>,
) -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let pos = Memo::new(move |_| shown.with(|s| s.map_or(0, |s| s.0)));
    let doc = Memo::new(move |_| shown.with(|s| s.map(|s| s.1)));
    let core = Memo::new(move |_| {
        let doc = doc.get()?;
        Some(ex.data.with_value(|d| {
            let engine = d.engine.borrow();
            let index = engine.index();
            let first = |key: &str| {
                index
                    .facet(key)
                    .and_then(|f| f.of(doc).first().map(|&v| f.value(v).to_string()))
            };
            (index.kind(doc), first("organization"), first("province"))
        }))
    });
    let strict = move || ex.request.with(|r| r.strict);
    let state = move || doc.get().map(|doc| ex.records.article(doc));
    let record = Memo::new_with_compare(
        move |_| match state() {
            Some(ArticleState::Ready(a)) => Some(a),
            _ => None,
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !std::sync::Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let failed = move || matches!(state(), Some(ArticleState::Failed(_)));
    let id = Memo::new(move |_| record.with(|r| r.as_ref().map(|a| a.article.id.clone())));
    let title_view = move || match record.get() {
        Some(a) => match &a.article.title {
            Some(text) => {
                let ranges = ex.result.with(|r| match_ranges(&r.query, strict(), text));
                marked(text, &ranges).into_any()
            }
            None => {
                // No headline: the lead's first words, set as a lead, not as a headline.
                let lead = lead_words(&a.article.paragraphs);
                view! { <span class="untitled">{lead.unwrap_or_else(|| t().untitled.to_string())}</span> }.into_any()
            }
        },
        None if failed() => {
            view! { <span class="untitled">{tr(|s| s.article_failed)}</span> }.into_any()
        }
        None => view! { <span class="row-loading" aria-hidden="true">"…"</span> }.into_any(),
    };
    let dates = move || {
        record.with(|r| {
            r.as_ref().map(|a| {
                let a = &a.article;
                (
                    a.published.map(|p| {
                        (
                            p,
                            a.published_precision
                                .unwrap_or(nienbieu_model::Precision::Day),
                        )
                    }),
                    a.event_date,
                )
            })
        })
    };
    let date = move || {
        let l = lang.get();
        match dates()? {
            (Some((ts, p)), _) if l == crate::i18n::Lang::Vi => {
                Some((ts.to_vietnamese(p), ts.to_string()))
            }
            (Some((ts, _)), _) => Some((l.date(ts.date()), ts.to_string())),
            (None, Some(d)) => Some((l.date(d), d.to_string())),
            (None, None) => None,
        }
    };
    let snippet_view = move || match record.get() {
        Some(a) => {
            let s = ex.result.with(|r| a.snippet(&r.query, strict()));
            view! {
                <p class="snippet">
                    {s.cut_before.then_some("… ")}
                    {marked(&s.text, &s.ranges)}
                    {s.cut_after.then_some(" …")}
                </p>
            }
            .into_any()
        }
        None => view! { <p class="snippet loading" aria-hidden="true">"…"</p> }.into_any(),
    };
    // The link carries the search of the panels shown (`Explorer::linked`), as the other
    // links do, so that a keystroke does not rewrite it; a click opens the article over the
    // current state.
    let href = move || {
        Some(url::href(&ViewState {
            request: ex.linked.get(),
            open: Some(id.get()?),
            page: None,
        }))
    };
    let open = move |e: leptos::ev::MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        if let Some(id) = id.get_untracked() {
            ex.cursor.set(Some(pos.get_untracked()));
            ex.open(id);
        }
    };
    let is_open = move || ex.open.with(|o| o.is_some() && *o == id.get());
    let meta = move || {
        core.get().map(|(kind, org, province)| {
            // The organisation from the core once its columns are in, else from the record.
            let org = org.or_else(|| {
                record.with(|r| {
                    r.as_ref()
                        .and_then(|a| a.article.organizations.first().cloned())
                })
            });
            view! {
                {org.map(|o| view! { <span class="org">{o}</span> })}
                {province.map(|p| view! { <span class="province">{p}</span> })}
                <span class="kind">{move || lang.get().kind(kind)}</span>
            }
        })
    };
    view! {
        <li
            class="result"
            class:cursor=move || ex.cursor.get() == Some(pos.get())
            class:open=is_open
            data-testid="result"
            data-id=move || id.get()
            aria-busy=move || record.with(Option::is_none).to_string()
            data-pos=move || pos.get()
            aria-setsize=move || total.get()
            aria-posinset=move || pos.get() + 1
            style:transform=move || format!("translateY({}px)", short(pos.get() as f64 * row_h.get()))
        >
            <h3 class="result-title">
                <a href=href on:click=open>{title_view}</a>
            </h3>
            <p class="result-meta">
                {move || match date() {
                    Some((text, datetime)) => view! { <time datetime=datetime>{text}</time> }.into_any(),
                    None if record.with(Option::is_none) => ().into_any(),
                    None => view! { <span class="undated">{tr(|s| s.undated)}</span> }.into_any(),
                }}
                {meta}
            </p>
            {snippet_view}
        </li>
    }
}

/// Term files that could not be fetched: which, why, and what to do (retry, or connect when
/// offline and the file was never stored).
#[component]
fn TermFailures() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let failures = move || ex.terms.failed.get();
    view! {
        <Show when=move || !ex.terms.failed.with(|f| f.is_empty())>
            <div class="term-failure" role="alert" data-testid="term-failure">
                {move || {
                    let t = lang.get().t();
                    let f = failures();
                    let offline = f.values().any(|x| x.offline);
                    let first = f.values().next().cloned();
                    view! {
                        <p>{if offline { t.offline_not_stored } else { t.terms_failed }}</p>
                        {first.map(|x| view! { <p class="detail">{x.file} ": " {x.message}</p> })}
                    }
                }}
                <button on:click=move |_| {
                    let needs = ex.asked.with_untracked(|h| h.missing.clone());
                    ex.terms.retry(&needs);
                }>{move || lang.get().t().retry}</button>
            </div>
        </Show>
    }
}
