//! The active filters as removable chips, and "clear all".

use crate::app::{clear_all, use_lang};
use crate::explorer::{use_explorer, Nav};
use leptos::prelude::*;
use nienbieu_model::search::DateFilter;

/// One removable filter.
#[derive(Clone, PartialEq)]
enum Chip {
    Value(String, String),
    Dates,
    Undated,
}

/// The chips of the filters in force (facet values, dates), with "clear all", which clears
/// the query too; nothing when no filter is in force.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let chips = move || {
        ex.state.with(|s| {
            let r = &s.request;
            // In the facet panel's order; a key the dataset lacks goes last.
            let order = |k: &str| {
                ex.data.with_value(|d| {
                    d.engine
                        .borrow()
                        .index()
                        .facets()
                        .iter()
                        .position(|f| f.key == k)
                })
            };
            let mut keys: Vec<&String> = r.filters.keys().collect();
            nienbieu_model::order::sort_by_key(&mut keys, |k| order(k).unwrap_or(usize::MAX));
            let mut out: Vec<Chip> = keys
                .into_iter()
                .flat_map(|k| {
                    r.filters[k]
                        .iter()
                        .map(|v| Chip::Value(k.clone(), v.clone()))
                })
                .collect();
            if r.dates.from.is_some() || r.dates.to.is_some() {
                out.push(Chip::Dates);
            }
            if r.dates.undated {
                out.push(Chip::Undated);
            }
            out
        })
    };
    let label = move |c: &Chip| {
        let l = lang.get();
        match c {
            Chip::Value(k, v) => format!("{}: {}", l.facet(k), l.value(k, v)),
            Chip::Dates => {
                let d = ex.state.with(|s| s.request.dates);
                let show = |x: Option<nienbieu_model::Date>| {
                    x.map(|x| l.date(x)).unwrap_or_else(|| "…".into())
                };
                (l.t().date_range)(&show(d.from), &show(d.to))
            }
            Chip::Undated => l.t().undated_chip.to_string(),
        }
    };
    let remove = move |c: &Chip| {
        let c = c.clone();
        ex.go(Nav::Push, move |s| match c {
            Chip::Value(k, v) => {
                if let Some(vs) = s.request.filters.get_mut(&k) {
                    vs.retain(|x| *x != v);
                }
                s.request.filters.retain(|_, vs| !vs.is_empty());
            }
            Chip::Dates => {
                s.request.dates = DateFilter {
                    undated: s.request.dates.undated,
                    ..DateFilter::default()
                }
            }
            Chip::Undated => s.request.dates.undated = false,
        });
    };
    view! {
        // Only for filters: a query alone is cleared in its own box, and a row appearing with
        // the first letter typed moved the whole page down by its height on that keystroke
        // (and back when the box was emptied), repainting everything below it.
        <Show when=move || !chips().is_empty()>
            <div class="chips" role="group" aria-label=move || lang.get().t().active_filters>
                {move || {
                    chips()
                        .into_iter()
                        .map(|c| {
                            let text = label(&c);
                            let aria = (lang.get().t().remove_filter)(&text);
                            view! {
                                <button
                                    class="chip"
                                    data-testid="chip"
                                    aria-label=aria
                                    on:click=move |_| remove(&c)
                                >
                                    <span>{text}</span>
                                    <span aria-hidden="true">" ×"</span>
                                </button>
                            }
                        })
                        .collect_view()
                }}
                <button class="clear-all" data-testid="clear-all" on:click=move |_| clear_all(ex)>
                    {move || lang.get().t().clear_all}
                </button>
            </div>
        </Show>
    }
}
