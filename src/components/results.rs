//! The result list: the count, the export buttons, and the rows, of which only those in view
//! are in the page, so that 100,000 results scroll as smoothly as ten.

use crate::app::use_lang;
use crate::chunks::ArticleState;
use crate::components::empty::EmptyState;
use crate::components::marked::marked;
use crate::explorer::use_explorer;
use crate::measure::on_layout;
use crate::{download, url};
use leptos::html::Div;
use leptos::prelude::*;
use nienbieu_model::export::{to_csv, to_json};
use nienbieu_model::search::match_ranges;
use wasm_bindgen::JsCast;

/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 3;

/// The results of the current request.
#[component]
pub fn ResultList() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let count = Memo::new(move |_| ex.result.with(|r| r.hits.len()));
    let export = move |json: bool| {
        let text = ex.result.with_untracked(|r| {
            ex.data.with_value(|d| {
                let index = d.engine.index();
                if json {
                    to_json(index, &r.hits)
                } else {
                    to_csv(index, &r.hits)
                }
            })
        });
        let (name, mime) = if json {
            ("nienbieu.json", "application/json")
        } else {
            ("nienbieu.csv", "text/csv;charset=utf-8")
        };
        download::save(name, mime, &text);
    };
    view! {
        <section class="results" aria-labelledby="result-count">
            <div class="results-head">
                <p id="result-count" class="result-count" data-testid="result-count" role="status">
                    {move || (t().articles)(&lang.get().number(count.get()))}
                </p>
                <div class="export">
                    <button data-testid="export-csv" disabled=move || count.get() == 0 on:click=move |_| export(false)>
                        {move || t().export_csv}
                    </button>
                    <button data-testid="export-json" disabled=move || count.get() == 0 on:click=move |_| export(true)>
                        {move || t().export_json}
                    </button>
                </div>
            </div>
            <Show when=move || { count.get() > 0 } fallback=|| view! { <EmptyState /> }>
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
                .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok());
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
        let end = (first + shown + OVERSCAN).min(n.get());
        (start, end.max(start))
    });
    // The rows in the window, by document: a row that stays in view across a search keeps
    // its elements; only its position, marks and snippet follow.
    let window_docs = Memo::new(move |_| {
        let (start, end) = range.get();
        ex.result.with(|r| {
            let (start, end) = (start.min(r.hits.len()), end.min(r.hits.len()));
            (start, r.hits[start..end].to_vec())
        })
    });
    let rows = move || window_docs.with(|(_, docs)| docs.clone());
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
                style:height=move || format!("{}px", n.get() as f64 * row_h.get())
            >
                <For each=rows key=|doc| *doc let:doc>
                    <Row
                        doc=doc
                        pos=Signal::derive(move || {
                            window_docs.with(|(start, docs)| start + docs.iter().position(|&d| d == doc).unwrap_or(0))
                        })
                        row_h=row_h
                        total=n
                    />
                </For>
            </ol>
        </div>
    }
}

/// One result. Its position, marks and snippet follow the search; the rest is the document's.
#[component]
fn Row(doc: u32, pos: Signal<usize>, row_h: RwSignal<f64>, total: Memo<usize>) -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let (id, title, published, event, kind, org, province) = ex.data.with_value(|d| {
        let index = d.engine.index();
        let first = |key: &str| {
            index.facet(key).and_then(|f| {
                f.of(doc)
                    .first()
                    .map(|&v| index.facet_value(f, v).to_string())
            })
        };
        (
            index.id(doc).to_string(),
            index.title(doc).map(str::to_string),
            index.published(doc),
            index.event_date(doc),
            index.kind(doc),
            first("organization"),
            first("province"),
        )
    });
    let strict = move || ex.request.with(|r| r.strict);
    let title_view = move || match &title {
        Some(text) => {
            let ranges = ex.result.with(|r| match_ranges(&r.query, strict(), text));
            marked(text, &ranges).into_any()
        }
        None => view! { <span class="untitled">{move || t().untitled}</span> }.into_any(),
    };
    let date = move || {
        let l = lang.get();
        match (published, event) {
            (Some((ts, p)), _) if l == crate::i18n::Lang::Vi => Some(ts.to_vietnamese(p)),
            (Some((ts, _)), _) => Some(l.date(ts.date())),
            (None, Some(d)) => Some(l.date(d)),
            (None, None) => None,
        }
    };
    let datetime = published
        .map(|(ts, _)| ts.to_string())
        .or(event.map(|d| d.to_string()));
    let snippet_view = move || match ex.chunks.article(doc) {
        ArticleState::Ready(a) => {
            let s = ex.result.with(|r| a.passages.snippet(&r.query, strict()));
            view! {
                <p class="snippet">
                    {s.cut_before.then_some("… ")}
                    {marked(&s.text, &s.ranges)}
                    {s.cut_after.then_some(" …")}
                </p>
            }
            .into_any()
        }
        ArticleState::Loading => {
            view! { <p class="snippet loading" aria-hidden="true">"…"</p> }.into_any()
        }
        ArticleState::Failed(_) => ().into_any(),
    };
    let href = {
        let id = id.clone();
        move || {
            let mut s = ex.state.get();
            s.open = Some(id.clone());
            url::href(&s)
        }
    };
    let open = {
        let id = id.clone();
        move |e: leptos::ev::MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            ex.cursor.set(Some(pos.get_untracked()));
            ex.open(id.clone());
        }
    };
    let is_open = {
        let id = id.clone();
        move || ex.state.with(|s| s.open.as_deref() == Some(id.as_str()))
    };
    view! {
        <li
            class="result"
            class:cursor=move || ex.cursor.get() == Some(pos.get())
            class:open=is_open
            data-testid="result"
            data-id=id
            data-pos=move || pos.get()
            aria-setsize=move || total.get()
            aria-posinset=move || pos.get() + 1
            style:transform=move || format!("translateY({}px)", pos.get() as f64 * row_h.get())
        >
            <h3 class="result-title">
                <a href=href on:click=open>{title_view}</a>
            </h3>
            <p class="result-meta">
                {move || match date() {
                    Some(text) => view! { <time datetime=datetime.clone()>{text}</time> }.into_any(),
                    None => view! { <span class="undated">{move || t().undated}</span> }.into_any(),
                }}
                {org.map(|o| view! { <span class="org">{o}</span> })}
                {province.map(|p| view! { <span class="province">{p}</span> })}
                <span class="kind">{move || lang.get().kind(kind)}</span>
            </p>
            {snippet_view}
        </li>
    }
}
