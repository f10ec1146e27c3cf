//! The facet panel: each facet's values with their counts, several selectable at once, with a
//! search box inside long lists.

use crate::app::use_lang;
use crate::explorer::{use_explorer, Nav};
use crate::i18n::Strings;
use crate::views::PageLink;
use leptos::prelude::*;
use nienbieu_model::fold::fold;
use nienbieu_model::index::Need;
use nienbieu_model::state::{Page, ViewKind};

/// Values shown before "show more".
const SHORT: usize = 8;
/// Values shown after "show more", or when searching within a facet: as many as the engine
/// sorts, and as the core keeps of a facet whose other values come later (`CORE_VALUES`).
const LONG: usize = nienbieu_model::search::FACET_TOP;

/// Every facet that has values in the results (or a selection).
#[component]
pub fn FacetPanel() -> impl IntoView {
    let ex = use_explorer();
    let n = ex
        .data
        .with_value(|d| d.engine.borrow().index().facets().len());
    view! {
        <div class="facets" data-testid="facets">
            {(0..n).map(|f| view! { <FacetBox facet=f /> }).collect_view()}
        </div>
    }
}

/// The view whose pages a facet's values have, if any.
fn page_view(key: &str) -> Option<ViewKind> {
    match key {
        "person" => Some(ViewKind::People),
        "organization" | "organizer" => Some(ViewKind::Organizations),
        "document" => Some(ViewKind::Documents),
        _ => None,
    }
}

/// Why a facet shows no counts: its columns are on their way, not stored offline, or failed.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    Counting,
    NotStored,
    Failed,
}

impl Pending {
    /// What the panel says: of its counts, or of the values a search within it lacks.
    fn text(self, t: &'static Strings, values: bool) -> &'static str {
        match (self, values) {
            (Pending::Counting, false) => t.facet_counting,
            (Pending::NotStored, false) => t.facet_not_stored,
            (Pending::Failed, false) => t.facet_failed,
            (Pending::Counting, true) => t.facet_values_loading,
            (Pending::NotStored, true) => t.facet_values_not_stored,
            (Pending::Failed, true) => t.facet_values_failed,
        }
    }
}

/// The note `text` says while it is set.
fn pending_note(text: Memo<Option<&'static str>>, testid: &'static str) -> impl IntoView {
    move || {
        text.get().map(|text| {
            view! { <p class="facet-pending" role="status" data-testid=testid>{text}</p> }
        })
    }
}

/// One row of a facet list.
#[derive(Clone, PartialEq)]
struct Row {
    raw: String,
    label: String,
    count: u32,
    selected: bool,
}

/// One facet.
#[component]
fn FacetBox(facet: usize) -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let key = StoredValue::new(
        ex.data
            .with_value(|d| d.engine.borrow().index().facets()[facet].key.clone()),
    );
    let expanded = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    // The panels hold no facets while none is on screen (see `Explorer::facets_shown`): this
    // box is then unmounted, but a memo must not count on the order of the two.
    let total = Memo::new(move |_| {
        ex.settled
            .with(|r| r.facets.get(facet).map_or(0, |f| f.counts.len()))
    });
    // A deferred facet counted before its columns arrived: what it waits for, or why it
    // cannot be counted.
    let waiting = move || {
        ex.terms.failed.with(|f| {
            f.get(&Need::Columns).map_or(Pending::Counting, |f| {
                if f.offline {
                    Pending::NotStored
                } else {
                    Pending::Failed
                }
            })
        })
    };
    let pending = Memo::new(move |_| {
        ex.settled
            .with(|r| r.facets.get(facet).is_some_and(|f| f.pending))
            .then(waiting)
    });
    // Over the whole archive a deferred facet lists its most frequent values before its
    // columns come, but a search within it needs every value: the search asks for the
    // columns, lists what is loaded meanwhile, and says the rest is coming (or why not).
    let partial = Memo::new(move |_| {
        ex.settled
            .with(|r| r.facets.get(facet).is_some_and(|f| f.partial))
    });
    let searching_partial =
        Memo::new(move |_| partial.get() && filter.with(|f| !f.trim().is_empty()));
    Effect::new(move |_| {
        ex.terms.failed.track();
        if searching_partial.get() {
            ex.terms.request(&[Need::Columns]);
        }
    });
    let counts_note = Memo::new(move |_| pending.get().map(|p| p.text(lang.get().t(), false)));
    let values_note = Memo::new(move |_| {
        searching_partial
            .get()
            .then(|| waiting().text(lang.get().t(), true))
    });
    let rows = {
        Memo::new(move |_| {
            let l = lang.get();
            let wanted = fold(filter.get().trim());
            let limit = if expanded.get() || !wanted.is_empty() {
                LONG
            } else {
                SHORT
            };
            ex.settled.with(|r| {
                let Some(fc) = r.facets.get(facet) else {
                    return Vec::new();
                };
                ex.data.with_value(|d| {
                    let engine = d.engine.borrow();
                    let index = engine.index();
                    let f = &index.facets()[facet];
                    let row = |&(v, n): &(u32, u32)| {
                        let raw = index.facet_value(f, v).to_string();
                        Row {
                            label: key.with_value(|k| l.value(k, &raw)),
                            raw,
                            count: n,
                            selected: fc.selected.contains(&v),
                        }
                    };
                    if wanted.is_empty() {
                        // Selected values always show, even beyond the limit.
                        let mut out: Vec<Row> = fc.counts.iter().take(limit).map(row).collect();
                        for r in fc
                            .counts
                            .iter()
                            .skip(limit)
                            .filter(|(v, _)| fc.selected.contains(v))
                        {
                            out.push(row(r));
                        }
                        out
                    } else {
                        let mut out: Vec<Row> = fc
                            .counts
                            .iter()
                            .map(row)
                            .filter(|r| fold(&r.label).contains(&wanted))
                            .collect();
                        nienbieu_model::order::sort_by(&mut out, |a, b| {
                            b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
                        });
                        out.truncate(limit);
                        out
                    }
                })
            })
        })
    };
    let title = Memo::new(move |_| key.with_value(|k| lang.get().facet(k)));
    let heading_id = format!("facet-heading-{facet}");
    let toggle = move |raw: String, on: bool| {
        ex.go(Nav::Push, move |s| {
            let values = s.request.filters.entry(key.get_value()).or_default();
            values.retain(|v| *v != raw);
            if on {
                values.push(raw);
            }
            s.request.filters.retain(|_, v| !v.is_empty());
        });
    };
    view! {
        <Show when=move || { total.get() > 0 || pending.with(Option::is_some) }>
            <section class="facet" aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{move || title.get()}</h2>
                {pending_note(counts_note, "facet-pending")}
                <Show when=move || { total.get() > SHORT }>
                    <input
                        class="facet-search"
                        type="search"
                        aria-label=move || (lang.get().t().facet_search)(&title.get())
                        placeholder=move || (lang.get().t().facet_search)(&title.get())
                        prop:value=move || filter.get()
                        on:input=move |e| filter.set(event_target_value(&e))
                    />
                </Show>
                {pending_note(values_note, "facet-values-pending")}
                <ul class="facet-values">
                    // Keyed by value: a value that stays listed keeps its elements; its count
                    // and checkbox follow the results.
                    <For
                        each=move || rows.with(|rs| rs.iter().map(|r| r.raw.clone()).collect::<Vec<_>>())
                        key=|raw| raw.clone()
                        children=move |raw| {
                            // Found once per count, read by the four parts that show it.
                            let info = {
                                let raw = raw.clone();
                                Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.raw == raw).map(|r| (r.count, r.selected, r.label.clone()))))
                            };
                            let count = move || info.with(|i| i.as_ref().map_or(0, |i| i.0));
                            let selected = move || info.with(|i| i.as_ref().is_some_and(|i| i.1));
                            let label = move || info.with(|i| i.as_ref().map(|i| i.2.clone()).unwrap_or_default());
                            let testid = key.with_value(|k| format!("facet-{k}-{raw}"));
                            let page_key = raw.clone();
                            view! {
                                <li>
                                    <label class="facet-value" class:selected=selected data-testid=testid>
                                        <input
                                            type="checkbox"
                                            prop:checked=selected
                                            on:change=move |e| toggle(raw.clone(), event_target_checked(&e))
                                        />
                                        <span class="value-label">{label}</span>
                                        <span class="count">{move || lang.get().number(count() as usize)}</span>
                                    </label>
                                    {key.with_value(|k| page_view(k)).map(|view| {
                                        let name = page_key.clone();
                                        let raw = page_key.clone();
                                        view! {
                                            <span class="to-page" data-testid="facet-page-link">
                                                <PageLink page=Page::entity(view, &raw)>
                                                    <span aria-hidden="true">"↗"</span>
                                                    <span class="visually-hidden">{move || (lang.get().t().page_of)(&name)}</span>
                                                </PageLink>
                                            </span>
                                        }
                                    })}
                                </li>
                            }
                        }
                    />
                </ul>
                <Show when=move || { total.get() > SHORT && filter.with(|f| f.trim().is_empty()) }>
                    <button class="more" on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || {
                            if expanded.get() { lang.get().t().show_less } else { lang.get().t().show_more }
                        }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}
