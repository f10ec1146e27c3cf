//! The documents view ("Văn bản"): every cited document, sortable by citations or date and
//! searchable by code however written; a document's page shows its citations on a timeline,
//! the documents cited with it, and the articles citing it.

use super::articles::ArticleLinks;
use super::chart::YearBars;
use super::data::use_view_data;
use super::{
    day_of, entity_list, list_query, missing_entity, ready, span_text, use_page, EntityRow,
    ExportButtons, ListControls, ListLink, PageLink, ViewFrame,
};
use crate::app::use_lang;
use crate::explorer::use_explorer;
use crate::i18n::tr;
use leptos::prelude::*;
use nienbieu_model::entities::views::{first_last, matches, per_year};
use nienbieu_model::state::{Page, ViewKind};

/// The documents view: the list, or one document's page.
#[component]
pub fn DocumentsView() -> impl IntoView {
    let page = use_page();
    let entity = Memo::new(move |_| page.with(|p| p.as_ref().and_then(|p| p.entity.clone())));
    let lang = use_lang();
    let heading = Signal::derive(move || match entity.get() {
        Some(k) => k,
        None => lang.get().t().nav_documents.to_string(),
    });
    view! {
        <ViewFrame kind=ViewKind::Documents heading=heading>
            {move || match entity.get() {
                Some(key) => view! { <DocumentPage key=key /> }.into_any(),
                None => view! { <DocumentList /> }.into_any(),
            }}
        </ViewFrame>
    }
}

#[component]
fn DocumentList() -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let page = use_page();
    let lang = use_lang();
    let day = day_of(ex);
    let shown = Memo::new(move |_| {
        let file = views.documents()?.ok()?;
        let (filter, sort) = list_query(page);
        let all = &file.documents;
        let mut v: Vec<u32> = (0..all.len() as u32)
            .filter(|&i| {
                let d = &all[i as usize];
                matches(&d.key, &filter) || matches(&d.kind, &filter)
            })
            .collect();
        if sort.as_deref() == Some("date") {
            nienbieu_model::order::sort_by_key(&mut v, |&i| {
                std::cmp::Reverse((all[i as usize].date, all[i as usize].year))
            });
        }
        Some(v)
    });
    let file = move || views.documents().and_then(Result::ok);
    let rows = Signal::derive(move || {
        let Some(file) = file() else {
            return Vec::new();
        };
        shown.with(|s| {
            s.iter()
                .flatten()
                .map(|&i| {
                    let d = &file.documents[i as usize];
                    let span = first_last(&d.citing, day);
                    vec![
                        d.key.clone(),
                        d.kind.clone(),
                        d.issuer.clone(),
                        d.year.map(|y| y.to_string()).unwrap_or_default(),
                        d.date.map(|x| x.to_string()).unwrap_or_default(),
                        d.citing.len().to_string(),
                        span.map(|s| s.0.to_string()).unwrap_or_default(),
                        span.map(|s| s.1.to_string()).unwrap_or_default(),
                    ]
                })
                .collect()
        })
    });
    view! {
        {move || match ready(views.documents()) {
            Err(v) => v,
            Ok(file) if file.documents.is_empty() => {
                view! { <p class="empty" data-testid="view-empty">{tr(|s| s.documents_empty)}</p> }.into_any()
            }
            Ok(_) => view! {
                <ListControls sorts=vec![("citations", |s| s.sort_citations), ("date", |s| s.sort_date)] />
                <ExportButtons
                    name="van-ban"
                    header=vec!["code", "kind", "issuer", "year", "date", "citing_articles", "first_cited", "last_cited"]
                    rows=rows
                />
                {entity_list(file, shown, move |file, i| {
                    let d = &file.documents[i as usize];
                    let span = span_text(first_last(&d.citing, day));
                    let n = d.citing.len();
                    let target = Page::entity(ViewKind::Documents, &d.key);
                    let (kind, issuer) = (d.kind.clone(), d.issuer.clone());
                    let when = d
                        .date
                        .map(|x| format!(" · {}", lang.get_untracked().date(x)))
                        .or(d.year.map(|y| format!(" · {y}")));
                    view! {
                        <EntityRow key=d.key.clone() count=n page=target name=d.key.clone()>
                            <span class="entity-meta">{kind} " · " {issuer} {when}</span>
                            <span class="entity-count">
                                {move || (lang.get().t().cited_times)(&lang.get().number(n))}
                                {span.map(|s| format!(" ({s})"))}
                            </span>
                        </EntityRow>
                    }
                })}
            }
            .into_any(),
        }}
    }
}

#[component]
fn DocumentPage(key: String) -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let lang = use_lang();
    let day = day_of(ex);
    let key = StoredValue::new(key);
    move || {
        let file = match ready(views.documents()) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let Some(d) = key.with_value(|k| file.documents.iter().find(|d| &d.key == k).cloned())
        else {
            return missing_entity(ViewKind::Documents, key.get_value());
        };
        let (years, undated) = per_year(&d.citing, day);
        let span = span_text(first_last(&d.citing, day));
        let rows: Signal<Vec<Vec<String>>> = {
            let years = years.clone();
            Signal::derive(move || {
                years
                    .iter()
                    .map(|(y, n)| vec![y.to_string(), n.to_string()])
                    .collect()
            })
        };
        let with: Vec<(String, u32)> = d
            .with
            .iter()
            .filter_map(|&(i, n)| file.documents.get(i as usize).map(|o| (o.key.clone(), n)))
            .collect();
        let n = d.citing.len();
        view! {
            <p><PageLink page=Page::of(ViewKind::Documents)>{tr(|s| s.back_to_list)}</PageLink></p>
            <dl class="meta entity-facts" data-testid="entity-page" data-key=d.key.clone() data-count=n>
                <dt>{tr(|s| s.doc_kind)}</dt><dd>{d.kind.clone()}</dd>
                <dt>{tr(|s| s.issued)}</dt>
                <dd>
                    {d.issuer.clone()}
                    {d.date.map(|x| format!(", {}", lang.get_untracked().date(x))).or(d.year.map(|y| format!(", {y}")))}
                </dd>
                <dt>{tr(|s| s.articles_heading)}</dt>
                <dd data-testid="citation-count">
                    {move || (lang.get().t().cited_times)(&lang.get().number(n))}
                    {span.clone().map(|s| format!(" ({s})"))}
                </dd>
            </dl>
            <ListLink key="document" value=d.key.clone() />
            <h3>{tr(|s| s.citations_per_year)}</h3>
            <YearBars bars=years label=lang.get_untracked().t().citations_per_year.to_string() bar_label=lang.get_untracked().t().per_year_bar />
            {(undated > 0).then(|| view! { <p class="note-muted">{move || (lang.get().t().undated_count)(&lang.get().number(undated as usize))}</p> })}
            <ExportButtons name="van-ban-theo-nam" header=vec!["year", "citing_articles"] rows=rows />
            {(!with.is_empty()).then(|| view! {
                <h3>{tr(|s| s.cited_with)}</h3>
                <ul class="inline with-list">
                    {with.into_iter().map(|(k, n)| view! {
                        <li><PageLink page=Page::entity(ViewKind::Documents, &k)>{k.clone()}</PageLink> " (" {n} ")"</li>
                    }).collect_view()}
                </ul>
            })}
            <h3>{tr(|s| s.articles_heading)}</h3>
            <ArticleLinks docs=d.citing.clone() />
        }
        .into_any()
    }
}
