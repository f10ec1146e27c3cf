//! The result list: each hit's title and publication date.

use crate::app::use_lang;
use crate::data::Dataset;
use leptos::prelude::*;
use std::rc::Rc;

/// Lists `hits` (document numbers, in display order).
#[component]
pub fn ArticleList(dataset: Rc<Dataset>, hits: Vec<u32>) -> impl IntoView {
    let lang = use_lang();
    let index = dataset.engine.index();
    let count = hits.len();
    let rows = hits
        .iter()
        .map(|&d| {
            let title = index.title(d).map(str::to_string);
            let published = index.published(d);
            view! {
                <li class="result" data-testid="result" data-id=index.id(d).to_string()>
                    <h3 class="result-title">
                        {match title {
                            Some(t) => view! { <span>{t}</span> }.into_any(),
                            None => {
                                view! {
                                    <span class="untitled">{move || lang.get().t().untitled}</span>
                                }
                                    .into_any()
                            }
                        }}
                    </h3>
                    {match published {
                        Some((ts, precision)) => {
                            view! {
                                <time class="result-date" datetime=ts.to_string()>
                                    {ts.to_vietnamese(precision)}
                                </time>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <span class="result-date undated">
                                    {move || lang.get().t().undated}
                                </span>
                            }
                                .into_any()
                        }
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="results" aria-labelledby="result-count">
            <p id="result-count" class="result-count" data-testid="result-count">
                {move || (lang.get().t().articles)(count)}
            </p>
            {(count == 0).then(|| view! { <p class="empty">{move || lang.get().t().empty_dataset}</p> })}
            <ol class="result-list">{rows}</ol>
        </section>
    }
}
