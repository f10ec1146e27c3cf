//! What the list says when nothing matches: which single filter to remove to get results back,
//! and how many each would give.

use crate::app::use_lang;
use crate::explorer::{use_explorer, Nav};
use crate::i18n::tr;
use leptos::prelude::*;
use nienbieu_model::search::{DateFilter, Relaxation};

/// The empty state of the result list.
#[component]
pub fn EmptyState() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let empty_dataset = ex.data.with_value(|d| d.engine.borrow().index().is_empty());
    let options = Memo::new(move |_| {
        let req = ex.request.get();
        ex.data.with_value(|d| d.engine.borrow().relaxations(&req))
    });
    let label = move |r: &Relaxation| {
        let l = lang.get();
        match r {
            Relaxation::Query => (l.t().relax_query)(&ex.request.with(|r| r.query.clone())),
            Relaxation::Strict => l.t().relax_strict.to_string(),
            Relaxation::Value(k, v) => format!("{}: {}", l.facet(k), l.value(k, v)),
            Relaxation::Dates => l.t().relax_dates.to_string(),
        }
    };
    let apply = move |r: Relaxation| {
        ex.go(Nav::Push, move |s| match r {
            Relaxation::Query => s.request.query.clear(),
            Relaxation::Strict => s.request.strict = false,
            Relaxation::Value(k, v) => {
                if let Some(vs) = s.request.filters.get_mut(&k) {
                    vs.retain(|x| *x != v);
                }
                s.request.filters.retain(|_, vs| !vs.is_empty());
            }
            Relaxation::Dates => s.request.dates = DateFilter::default(),
        });
    };
    view! {
        <div class="empty-state" data-testid="empty-state">
            {if empty_dataset {
                view! { <p>{tr(|s| s.empty_dataset)}</p> }.into_any()
            } else {
                view! {
                    <p class="empty-title">{tr(|s| s.empty_title)}</p>
                    <Show when=move || options.with(|o| !o.is_empty())>
                        <p>{tr(|s| s.empty_hint)}</p>
                        <ul class="relaxations">
                            {move || {
                                options
                                    .get()
                                    .into_iter()
                                    .map(|(r, n)| {
                                        let text = label(&r);
                                        let gives = (lang.get().t().relax_gives)(&lang.get().number(n));
                                        view! {
                                            <li>
                                                <button data-testid="relax" on:click=move |_| apply(r.clone())>
                                                    {(lang.get().t().remove_filter)(&text)}
                                                    " "
                                                    <span class="gives">{gives}</span>
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </Show>
                }
                    .into_any()
            }}
        </div>
    }
}
