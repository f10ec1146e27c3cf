//! Documents, people, organisations and figures as views of their own, beside the article
//! list: the navigation between them, each view's list and entry pages, all in the URL (a
//! [`Page`] of the view state), from the view files loaded when a view first opens.

mod articles;
mod chart;
mod data;
mod documents;
mod figures;
mod organizations;
mod people;

pub use data::ViewData;

use crate::app::use_lang;
use crate::components::from_module::{from_module, ModuleNotes};
use crate::download;
use crate::explorer::{use_explorer, Explorer, Nav};
use crate::i18n::{tr, Strings};
use crate::url;
use leptos::prelude::*;
use nienbieu_model::export::table_csv;
use nienbieu_model::state::{Page, ViewKind, ViewState};

/// The link to `page` (or to the article list, for `None`), keeping the list's search (as
/// of the panels shown: see [`Explorer::linked`]).
pub fn page_href(ex: Explorer, page: Option<Page>) -> String {
    url::href(&ViewState {
        request: ex.linked.get(),
        open: None,
        page,
    })
}

/// Opens `page` (or the article list) as a new history entry.
pub fn go_page(ex: Explorer, page: Option<Page>) {
    ex.go(Nav::Push, move |s| {
        s.page = page;
        s.open = None;
    });
}

/// A link inside the app that opens `page` without reloading.
#[component]
pub fn PageLink(page: Page, children: Children) -> impl IntoView {
    let ex = use_explorer();
    let href = {
        let page = page.clone();
        move || page_href(ex, Some(page.clone()))
    };
    view! {
        <a href=href on:click=move |e: leptos::ev::MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            go_page(ex, Some(page.clone()));
        }>{children()}</a>
    }
}

/// A link that shows the article list filtered by one facet value.
#[component]
pub fn ListLink(key: &'static str, value: String) -> impl IntoView {
    let ex = use_explorer();
    let state = {
        let value = value.clone();
        move || {
            let mut s = ex.state.get();
            s.page = None;
            s.open = None;
            s.request
                .filters
                .insert(key.to_string(), vec![value.clone()]);
            s
        }
    };
    let href = {
        let state = state.clone();
        move || url::href(&state())
    };
    view! {
        <a class="list-link" data-testid="list-link" href=href on:click=move |e| {
            e.prevent_default();
            let next = state();
            ex.go(Nav::Push, move |s| *s = next);
        }>{tr(|s| s.in_list)}</a>
    }
}

/// The navigation between the article list and the views.
#[component]
pub fn ViewNav() -> impl IntoView {
    let ex = use_explorer();
    let current = Memo::new(move |_| ex.state.with(|s| s.page.as_ref().map(|p| p.view)));
    let item = move |view: Option<ViewKind>, label: fn(&'static Strings) -> &'static str| {
        let testid = format!("nav-{}", view.map_or("articles", ViewKind::code));
        let target = view.map(Page::of);
        let href = {
            let target = target.clone();
            move || page_href(ex, target.clone())
        };
        view! {
            <li>
                <a
                    data-testid=testid
                    href=href
                    aria-current=move || (current.get() == view).then_some("page")
                    on:click=move |e: leptos::ev::MouseEvent| {
                        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                            return;
                        }
                        e.prevent_default();
                        go_page(ex, target.clone());
                    }
                >
                    {tr(label)}
                </a>
            </li>
        }
    };
    view! {
        <nav class="view-nav" aria-label=tr(|s| s.nav_label)>
            <ul>
                {item(None, |s| s.nav_articles)}
                {item(Some(ViewKind::Documents), |s| s.nav_documents)}
                {item(Some(ViewKind::People), |s| s.nav_people)}
                {item(Some(ViewKind::Organizations), |s| s.nav_organizations)}
                {item(Some(ViewKind::Figures), |s| s.nav_figures)}
            </ul>
        </nav>
    }
}

/// The open view. The views' code is a module of its own (see [`view_of`]), fetched when a
/// view first opens: until it is in, the view says it is loading; if it cannot be fetched,
/// why, with a retry.
#[component]
pub fn ViewScreen() -> impl IntoView {
    let ex = use_explorer();
    let view = Memo::new(move |_| ex.state.with(|s| s.page.as_ref().map(|p| p.view)));
    move || {
        let kind = view.get()?;
        Some(from_module(
            move || view_of(kind),
            ModuleNotes {
                loading_class: "status",
                loading: |s| s.loading,
                failed: |s| s.view_failed,
                failed_testid: "view-code-failed",
            },
        ))
    }
}

/// The view of `kind`: the split point of the views' module. Everything only the views use
/// (their pages, charts, lists and what they compute from their files) is moved out of the
/// app's first module by `scripts/split.mjs`, and fetched on the first call. A failed fetch
/// is an `Err`, not cached: the next call tries again.
#[leptos::wasm_split::wasm_split(nienbieu_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn view_of(kind: ViewKind) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(match kind {
        ViewKind::Documents => view! { <documents::DocumentsView /> }.into_any(),
        ViewKind::People => view! { <people::PeopleView /> }.into_any(),
        ViewKind::Organizations => view! { <organizations::OrganizationsView /> }.into_any(),
        ViewKind::Figures => view! { <figures::FiguresView /> }.into_any(),
    })
}

/// The open page, when a view is open.
pub fn use_page() -> Memo<Option<Page>> {
    let ex = use_explorer();
    Memo::new(move |_| ex.state.with(|s| s.page.clone()))
}

/// Changes the open page in place (a filter typed, a sort chosen): one history entry per
/// change, like the list's controls.
pub fn set_page(ex: Explorer, nav: Nav, change: impl FnOnce(&mut Page)) {
    ex.go(nav, |s: &mut ViewState| {
        if let Some(p) = &mut s.page {
            change(p);
        }
    });
}

/// A view's frame: its heading, while its file loads a note, if it fails a retry.
#[component]
pub fn ViewFrame(kind: ViewKind, heading: Signal<String>, children: ChildrenFn) -> impl IntoView {
    view! {
        <section class="view" data-testid=format!("view-{}", kind.code()) aria-labelledby="view-heading">
            <h2 id="view-heading">{move || heading.get()}</h2>
            {children()}
        </section>
    }
}

/// A view's file once it is in, or what the view shows until then: that it is loading, or
/// why it failed with a retry.
pub fn ready<T>(loaded: data::Loaded<T>) -> Result<std::sync::Arc<T>, AnyView> {
    let views = data::use_view_data();
    match loaded {
        Some(Ok(file)) => Ok(file),
        None => Err(view! { <p class="status" role="status">{tr(|s| s.loading)}</p> }.into_any()),
        Some(Err(e)) => Err(view! {
            <div class="reader-note" role="alert">
                <p>{tr(|s| s.view_failed)} ": " {e}</p>
                <button on:click=move |_| views.retry()>{tr(|s| s.retry)}</button>
            </div>
        }
        .into_any()),
    }
}

/// An entry page for a key its view's file does not hold: says so, with the way back.
pub fn missing_entity(kind: ViewKind, key: String) -> AnyView {
    let lang = use_lang();
    view! {
        <p class="empty" data-testid="view-empty">{move || (lang.get().t().entity_missing)(&key)}</p>
        <PageLink page=Page::of(kind)>{tr(|s| s.back_to_list)}</PageLink>
    }
    .into_any()
}

/// A list order a view offers: its code in the URL and its label.
pub type SortChoice = (&'static str, fn(&'static Strings) -> &'static str);

/// The filter box and sort choice of a view's list.
#[component]
pub fn ListControls(
    /// The sort codes offered, with their labels; the first is the default.
    sorts: Vec<SortChoice>,
) -> impl IntoView {
    let ex = use_explorer();
    let page = use_page();
    let filter = move || page.with(|p| p.as_ref().map(|p| p.filter.clone()).unwrap_or_default());
    let sort = move || page.with(|p| p.as_ref().and_then(|p| p.sort.clone()));
    let default = sorts.first().map(|s| s.0).unwrap_or_default();
    view! {
        <div class="list-controls">
            <label class="visually-hidden" for="view-filter">{tr(|s| s.list_filter)}</label>
            <input
                id="view-filter"
                data-testid="view-filter"
                type="search"
                autocomplete="off"
                placeholder=tr(|s| s.list_filter)
                prop:value=filter
                on:input=move |e| {
                    let v = event_target_value(&e);
                    set_page(ex, Nav::Replace, |p| p.filter = v);
                }
            />
            {(sorts.len() > 1).then(|| view! {
                <label class="sort">
                    <span>{tr(|s| s.sort_label)}</span>
                    <select data-testid="view-sort" on:change=move |e| {
                        let v = event_target_value(&e);
                        set_page(ex, Nav::Push, |p| p.sort = (v != default).then_some(v));
                    }>
                        {sorts.iter().map(|&(code, label)| view! {
                            <option value=code prop:selected=move || sort().as_deref().unwrap_or(default) == code>
                                {tr(label)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            })}
        </div>
    }
}

/// CSV and JSON buttons for a view's table: `header`, `rows` (cells), and `json` (the same
/// rows as objects, built on demand).
#[component]
pub fn ExportButtons(
    name: &'static str,
    header: Vec<&'static str>,
    rows: Signal<Vec<Vec<String>>>,
) -> impl IntoView {
    let header = StoredValue::new(header);
    let save = move |json: bool| {
        let rows = rows.get_untracked();
        header.with_value(|h| {
            if json {
                let objects: Vec<serde_json::Map<String, serde_json::Value>> = rows
                    .iter()
                    .map(|r| {
                        // Inserted one by one: collecting into the map sorts with a sort of
                        // its own.
                        let mut m = serde_json::Map::new();
                        for (k, v) in h.iter().zip(r) {
                            m.insert(k.to_string(), serde_json::Value::String(v.clone()));
                        }
                        m
                    })
                    .collect();
                let text = serde_json::to_string(&objects).unwrap_or_default();
                download::save(&format!("{name}.json"), "application/json", &text);
            } else {
                download::save(
                    &format!("{name}.csv"),
                    "text/csv;charset=utf-8",
                    &table_csv(h, rows),
                );
            }
        });
    };
    view! {
        <div class="export">
            <button data-testid="view-export-csv" on:click=move |_| save(false)>{tr(|s| s.export_csv)}</button>
            <button data-testid="view-export-json" on:click=move |_| save(true)>{tr(|s| s.export_json)}</button>
        </div>
    }
}

/// How many entries a view's list shows at first: enough to fill two screens, few enough to
/// paint within a frame or two; "Xem thêm" adds [`LIST_MORE`] at a time, and the filter finds
/// the rest.
const LIST_FIRST: usize = 50;
/// How many entries "Xem thêm" adds.
const LIST_MORE: usize = 200;

/// The filter typed over a view's list and its sort code, from the URL.
pub fn list_query(page: Memo<Option<Page>>) -> (String, Option<String>) {
    page.with(|p| {
        p.as_ref()
            .map(|p| (p.filter.clone(), p.sort.clone()))
            .unwrap_or_default()
    })
}

/// A view's list: the entries of `file` at the positions `shown` holds, the first
/// [`LIST_FIRST`] drawn by `row`, "no match" when none is left, and "Xem thêm" for the rest.
pub fn entity_list<T, V>(
    file: impl Fn() -> Option<std::sync::Arc<T>> + Copy + Send + Sync + 'static,
    shown: Memo<Option<Vec<u32>>>,
    row: impl Fn(&T, u32) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    let limit = RwSignal::new(LIST_FIRST);
    let total = Signal::derive(move || shown.with(|s| s.as_ref().map_or(0, Vec::len)));
    view! {
        <ul class="entity-list">
            {move || {
                let list = shown.get().unwrap_or_default();
                let Some(file) = file().filter(|_| !list.is_empty()) else {
                    return view! { <li class="empty">{tr(|s| s.no_match)}</li> }.into_any();
                };
                list.into_iter()
                    .take(limit.get())
                    .map(|i| row(&file, i))
                    .collect_view()
                    .into_any()
            }}
        </ul>
        <MoreButton total=total limit=limit />
    }
}

/// One entry of a view's list: its name linking to its page, then what `children` says of it
/// (its kind, titles or aliases, and its count).
#[component]
pub fn EntityRow(
    /// The entry's key, for tests and links.
    key: String,
    /// How many articles it is seen in.
    count: usize,
    /// Its page.
    page: Page,
    /// The name shown.
    name: String,
    children: Children,
) -> impl IntoView {
    view! {
        <li class="entity-row" data-testid="entity-row" data-key=key data-count=count>
            <PageLink page=page>
                <strong>{name}</strong>
            </PageLink>
            {children()}
        </li>
    }
}

/// The "Xem thêm" button under a list whose `total` entries are more than it shows.
#[component]
fn MoreButton(total: Signal<usize>, limit: RwSignal<usize>) -> impl IntoView {
    move || {
        (total.get() > limit.get()).then(|| {
            view! {
                <button class="more" data-testid="view-more" on:click=move |_| limit.update(|l| *l += LIST_MORE)>
                    {tr(|s| s.show_more)}
                </button>
            }
        })
    }
}

/// The effective day of each document, as the views' computations want it.
pub fn day_of(ex: Explorer) -> impl Fn(u32) -> Option<i32> + Copy {
    let data = ex.data;
    move |d| data.with_value(|x| x.engine.borrow().index().effective_day(d))
}

/// A date range in the interface language, "từ 08/10/2021 đến 08/01/2024".
pub fn span_text(span: Option<(nienbieu_model::Date, nienbieu_model::Date)>) -> Option<String> {
    let lang = use_lang().get();
    span.map(|(a, b)| {
        if a == b {
            lang.date(a)
        } else {
            (lang.t().first_last)(&lang.date(a), &lang.date(b))
        }
    })
}
