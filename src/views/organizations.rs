//! The organisations view ("Tổ chức"): every organisation, by canonical name with its other
//! spellings; an organisation's page shows the events it held by kind and year (the series of
//! its year-end and mid-year reviews, congresses, visits received), the figures it reported,
//! the people seen in its posts, and its articles on a timeline.

use super::articles::{ArticleLink, ArticleLinks};
use super::chart::{format_value, YearBars};
use super::data::use_view_data;
use super::people::display_name;
use super::{
    day_of, entity_list, list_query, missing_entity, ready, use_page, EntityRow, ExportButtons,
    ListControls, ListLink, PageLink, ViewFrame,
};
use crate::app::use_lang;
use crate::decimal::exact;
use crate::explorer::use_explorer;
use crate::i18n::tr;
use leptos::prelude::*;
use nienbieu_model::entities::views::{events_by_year, matches, per_year};
use nienbieu_model::state::{Page, ViewKind};
use nienbieu_model::EventKind;

/// The organisations view: the list, or one organisation's page.
#[component]
pub fn OrganizationsView() -> impl IntoView {
    let page = use_page();
    let entity = Memo::new(move |_| page.with(|p| p.as_ref().and_then(|p| p.entity.clone())));
    let lang = use_lang();
    let heading = Signal::derive(move || match entity.get() {
        Some(k) => k,
        None => lang.get().t().nav_organizations.to_string(),
    });
    view! {
        <ViewFrame kind=ViewKind::Organizations heading=heading>
            {move || match entity.get() {
                Some(key) => view! { <OrganizationPage key=key /> }.into_any(),
                None => view! { <OrganizationList /> }.into_any(),
            }}
        </ViewFrame>
    }
}

#[component]
fn OrganizationList() -> impl IntoView {
    let views = use_view_data();
    let page = use_page();
    let lang = use_lang();
    let shown = Memo::new(move |_| {
        let file = views.organizations()?.ok()?;
        let (filter, sort) = list_query(page);
        // Positions in the file, not copies: the list is recomputed on every filter keystroke.
        let all = &file.organizations;
        let mut v: Vec<u32> = (0..all.len() as u32)
            .filter(|&i| {
                let o = &all[i as usize];
                matches(&o.name, &filter) || o.aliases.iter().any(|a| matches(a, &filter))
            })
            .collect();
        if sort.as_deref() == Some("name") {
            v.sort_by_cached_key(|&i| nienbieu_model::fold::fold(&all[i as usize].name));
        }
        Some(v)
    });
    let file = move || views.organizations().and_then(Result::ok);
    let rows = Signal::derive(move || {
        let Some(file) = file() else {
            return Vec::new();
        };
        shown.with(|s| {
            s.iter()
                .flatten()
                .map(|&i| {
                    let o = &file.organizations[i as usize];
                    vec![
                        o.name.clone(),
                        o.aliases.join("; "),
                        o.docs.len().to_string(),
                        o.events
                            .iter()
                            .map(|e| e.1.len())
                            .sum::<usize>()
                            .to_string(),
                        o.people.len().to_string(),
                        o.figures.len().to_string(),
                    ]
                })
                .collect()
        })
    });
    view! {
        {move || match ready(views.organizations()) {
            Err(v) => v,
            Ok(file) if file.organizations.is_empty() => {
                view! { <p class="empty" data-testid="view-empty">{tr(|s| s.organizations_empty)}</p> }.into_any()
            }
            Ok(_) => view! {
                <ListControls sorts=vec![("articles", |s| s.sort_articles), ("name", |s| s.sort_name)] />
                <ExportButtons
                    name="to-chuc"
                    header=vec!["name", "aliases", "articles", "events_held", "people_in_posts", "figures"]
                    rows=rows
                />
                {entity_list(file, shown, move |file, i| {
                    let o = &file.organizations[i as usize];
                    let n = o.docs.len();
                    let held: usize = o.events.iter().map(|e| e.1.len()).sum();
                    let target = Page::entity(ViewKind::Organizations, &o.name);
                    let aliases = (!o.aliases.is_empty()).then(|| o.aliases.join(", "));
                    view! {
                        <EntityRow key=o.name.clone() count=n page=target name=o.name.clone()>
                            {aliases.map(|a| view! { <span class="entity-meta">{a}</span> })}
                            <span class="entity-count">
                                {move || (lang.get().t().seen_times)(&lang.get().number(n))}
                                {(held > 0).then(|| format!(" · {held} ✦"))}
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
fn OrganizationPage(key: String) -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let lang = use_lang();
    let day = day_of(ex);
    let key = StoredValue::new(key);
    move || {
        let file = match ready(views.organizations()) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let Some(o) = key.with_value(|k| file.organizations.iter().find(|o| &o.name == k).cloned())
        else {
            return missing_entity(ViewKind::Organizations, key.get_value());
        };
        let (years, _) = per_year(&o.docs, day);
        let events = events_by_year(&o.events, day);
        let people = views.people().and_then(Result::ok);
        let figures = views.figures().and_then(Result::ok);
        let event_rows: Signal<Vec<Vec<String>>> = {
            let events = events.clone();
            Signal::derive(move || {
                events
                    .iter()
                    .flat_map(|(kind, years)| {
                        years.iter().map(move |(y, docs)| {
                            vec![
                                kind.clone(),
                                y.map(|y| y.to_string()).unwrap_or_default(),
                                docs.len().to_string(),
                            ]
                        })
                    })
                    .collect()
            })
        };
        view! {
            <p><PageLink page=Page::of(ViewKind::Organizations)>{tr(|s| s.back_to_list)}</PageLink></p>
            <div data-testid="entity-page" data-key=o.name.clone() data-count=o.docs.len()>
                {(!o.aliases.is_empty()).then(|| view! {
                    <p class="aliases"><strong>{tr(|s| s.aliases)} ": "</strong>{o.aliases.join(", ")}</p>
                })}
                <ListLink key="organization" value=o.name.clone() />
            </div>
            {(!events.is_empty()).then(|| view! {
                <h3>{tr(|s| s.events_heading)}</h3>
                <ExportButtons name="su-kien" header=vec!["kind", "year", "articles"] rows=event_rows />
                <table class="events" data-testid="events">
                    <tbody>
                        {events.into_iter().map(|(kind, by_year)| {
                            let label = EventKind::from_code(&kind).map(|k| lang.get_untracked().kind(k).to_string()).unwrap_or(kind.clone());
                            view! {
                                <tr data-kind=kind.clone()>
                                    <th scope="row">{label}</th>
                                    <td>
                                        <ul class="inline">
                                            {by_year.into_iter().map(|(y, docs)| {
                                                let n = docs.len();
                                                view! {
                                                    <li data-testid="event-year" data-year=y.map(|y| y.to_string()).unwrap_or_default() data-count=n>
                                                        <details>
                                                            <summary>{y.map(|y| y.to_string()).unwrap_or_else(|| "?".into())} " (" {n} ")"</summary>
                                                            <ArticleLinks docs=docs />
                                                        </details>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {figures.filter(|_| !o.figures.is_empty()).map(|f| view! {
                <h3>{tr(|s| s.figures_heading)}</h3>
                <table class="figures-table">
                    <thead><tr>
                        <th scope="col">{tr(|s| s.metric_label)}</th>
                        <th scope="col">{tr(|s| s.col_year)}</th>
                        <th scope="col">{tr(|s| s.col_value)}</th>
                        <th scope="col">{tr(|s| s.col_article)}</th>
                    </tr></thead>
                    <tbody>
                        {o.figures.iter().filter_map(|&i| f.points.get(i as usize).cloned()).map(|p| {
                            let metric = metric_name(&p.metric, lang.get_untracked() == crate::i18n::Lang::Vi);
                            view! {
                                <tr data-testid="org-figure" data-metric=p.metric.clone() data-value=exact(p.value)>
                                    <td>{metric}</td>
                                    <td>{p.year.map(|y| y.to_string())}</td>
                                    <td>{format_value(p.value)} {p.unit.clone().map(|u| format!(" {u}"))}</td>
                                    <td><ul class="article-links"><ArticleLink doc=p.doc /></ul></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {people.filter(|_| !o.people.is_empty()).map(|ps| {
                let posts: Vec<(String, String, String, u32)> = o
                    .people
                    .iter()
                    .take(30)
                    .filter_map(|(i, role, n)| {
                        let p = ps.people.get(*i as usize)?;
                        Some((p.key(), display_name(p), role.clone(), *n))
                    })
                    .collect();
                view! {
                    <h3>{tr(|s| s.posts_heading)}</h3>
                    <ul class="posts">
                        {posts.into_iter().map(|(key, name, role, n)| {
                            let label = role.clone();
                            view! {
                                <li data-testid="post" data-role=role>
                                    <PageLink page=Page::entity(ViewKind::People, &key)>{name}</PageLink>
                                    ", " {label} " (" {n} ")"
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
            <h3>{tr(|s| s.per_year)}</h3>
            <YearBars bars=years label=lang.get_untracked().t().per_year.to_string() bar_label=lang.get_untracked().t().per_year_bar />
            <h3>{tr(|s| s.articles_heading)}</h3>
            <ArticleLinks docs=o.docs.clone() />
        }
        .into_any()
    }
}

/// A metric's name in the interface language (its code, spaced, when the model has none).
pub fn metric_name(code: &str, vi: bool) -> String {
    nienbieu_model::Figure::METRICS
        .iter()
        .find(|m| m.0 == code)
        .map(|m| if vi { m.1 } else { m.2 }.to_string())
        .unwrap_or_else(|| code.replace('_', " "))
}
