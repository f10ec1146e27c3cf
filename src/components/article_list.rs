//! The result list: every article, newest first, with its title and publication date.

use crate::app::use_lang;
use leptos::prelude::*;
use nienbieu_model::article::newest_first;
use nienbieu_model::{Article, Dataset};
use std::sync::Arc;

/// Lists the dataset's articles newest first, without copying them.
#[component]
pub fn ArticleList(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let mut order: Vec<&Article> = dataset.articles.iter().collect();
    order.sort_by(|a, b| newest_first(a, b));
    let count = order.len();
    let rows = order
        .into_iter()
        .map(|a| {
            let title = a.title.clone();
            let date_iso = a.published.map(|p| p.to_string());
            let date_text = a.published_vietnamese();
            view! {
                <li class="result" data-testid="result" data-id=a.id.clone()>
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
                    {match (date_iso, date_text) {
                        (Some(iso), Some(text)) => {
                            view! {
                                <time class="result-date" datetime=iso>
                                    {text}
                                </time>
                            }
                                .into_any()
                        }
                        _ => {
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
