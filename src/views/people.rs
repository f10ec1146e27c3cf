//! The people view ("Nhân vật"): everyone the articles name with a title; a person's page
//! shows the titles the press gave them over time with the articles as evidence, the
//! organisations and provinces they appear with, the people seen with them, their
//! appearances per year, and how sure the grouping of namesakes is.

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
use nienbieu_model::entities::views::{career, first_last, matches, per_year};
use nienbieu_model::entities::{Certainty, PersonEntry};
use nienbieu_model::state::{Page, ViewKind};

/// A person's best-known title, "Phó Chủ tịch UBND tỉnh Hưng Yên".
pub fn title_text(p: &PersonEntry) -> String {
    p.titles
        .first()
        .map(|t| full_title(&t.role, t.organization.as_deref()))
        .unwrap_or_default()
}

/// A role in its organisation, without saying a word twice: "Trưởng ban" in "Ban Tổ chức
/// Tỉnh ủy" is "Trưởng Ban Tổ chức Tỉnh ủy".
pub fn full_title(role: &str, organization: Option<&str>) -> String {
    let Some(o) = organization.filter(|o| !role.contains(*o)) else {
        return role.to_string();
    };
    let fold = nienbieu_model::fold::fold;
    match (role.rsplit_once(' '), o.split_once(' ')) {
        (Some((head, last)), Some((first, _))) if fold(last) == fold(first) => {
            format!("{head} {o}")
        }
        _ => format!("{role} {o}"),
    }
}

/// A person's name with what tells them apart, "Nguyễn Văn A (Hưng Yên)".
pub fn display_name(p: &PersonEntry) -> String {
    match &p.context {
        Some(c) => format!("{} ({c})", p.name),
        None => p.name.clone(),
    }
}

/// The people view: the list, or one person's page.
#[component]
pub fn PeopleView() -> impl IntoView {
    let page = use_page();
    let entity = Memo::new(move |_| page.with(|p| p.as_ref().and_then(|p| p.entity.clone())));
    let lang = use_lang();
    let heading = Signal::derive(move || match entity.get() {
        Some(k) => k.replace('|', " · "),
        None => lang.get().t().nav_people.to_string(),
    });
    view! {
        <ViewFrame kind=ViewKind::People heading=heading>
            {move || match entity.get() {
                Some(key) => view! { <PersonPage key=key /> }.into_any(),
                None => view! { <PeopleList /> }.into_any(),
            }}
        </ViewFrame>
    }
}

#[component]
fn PeopleList() -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let page = use_page();
    let lang = use_lang();
    let day = day_of(ex);
    let shown = Memo::new(move |_| {
        let file = views.people()?.ok()?;
        let (filter, sort) = list_query(page);
        // Positions in the file, not copies: the list is recomputed on every filter keystroke.
        let all = &file.people;
        let mut v: Vec<u32> = (0..all.len() as u32)
            .filter(|&i| {
                let p = &all[i as usize];
                matches(&p.name, &filter) || matches(&title_text(p), &filter)
            })
            .collect();
        if sort.as_deref() == Some("name") {
            v.sort_by_cached_key(|&i| nienbieu_model::fold::fold(&all[i as usize].name));
        }
        Some(v)
    });
    let file = move || views.people().and_then(Result::ok);
    let rows = Signal::derive(move || {
        let Some(file) = file() else {
            return Vec::new();
        };
        shown.with(|s| {
            s.iter()
                .flatten()
                .map(|&i| {
                    let p = &file.people[i as usize];
                    let span = first_last(&p.docs, day);
                    vec![
                        p.name.clone(),
                        p.context.clone().unwrap_or_default(),
                        title_text(p),
                        p.docs.len().to_string(),
                        span.map(|s| s.0.to_string()).unwrap_or_default(),
                        span.map(|s| s.1.to_string()).unwrap_or_default(),
                    ]
                })
                .collect()
        })
    });
    view! {
        {move || match ready(views.people()) {
            Err(v) => v,
            Ok(file) if file.people.is_empty() => {
                view! { <p class="empty" data-testid="view-empty">{tr(|s| s.people_empty)}</p> }.into_any()
            }
            Ok(_) => view! {
                <ListControls sorts=vec![("articles", |s| s.sort_articles), ("name", |s| s.sort_name)] />
                <ExportButtons
                    name="nhan-vat"
                    header=vec!["name", "context", "title", "articles", "first_seen", "last_seen"]
                    rows=rows
                />
                {entity_list(file, shown, move |file, i| {
                    let p = &file.people[i as usize];
                    let n = p.docs.len();
                    let span = span_text(first_last(&p.docs, day));
                    let (key, name, title) = (p.key(), display_name(p), title_text(p));
                    let target = Page::entity(ViewKind::People, &key);
                    view! {
                        <EntityRow key=key count=n page=target name=name>
                            <span class="entity-meta">{title}</span>
                            <span class="entity-count">
                                {move || (lang.get().t().seen_times)(&lang.get().number(n))}
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
fn PersonPage(key: String) -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let lang = use_lang();
    let day = day_of(ex);
    let key = StoredValue::new(key);
    move || {
        let file = match ready(views.people()) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let Some(p) = key.with_value(|k| file.people.iter().find(|p| &p.key() == k).cloned())
        else {
            let k = key.get_value();
            // A name shared by people told apart: the choice of them.
            let namesakes: Vec<(String, String)> = file
                .people
                .iter()
                .filter(|p| p.name == k)
                .map(|p| (p.key(), display_name(p)))
                .collect();
            if !namesakes.is_empty() {
                return view! {
                    <p data-testid="namesakes">{move || (lang.get().t().namesakes)(&k)}</p>
                    <ul class="entity-list">
                        {namesakes.into_iter().map(|(key, name)| view! {
                            <li class="entity-row" data-testid="entity-row" data-key=key.clone()>
                                <PageLink page=Page::entity(ViewKind::People, &key)>{name}</PageLink>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any();
            }
            return missing_entity(ViewKind::People, k);
        };
        let place = p.context.clone().unwrap_or_default();
        let certainty = match p.certainty {
            Certainty::Sure => lang.get_untracked().t().sure.to_string(),
            Certainty::Apart => (lang.get_untracked().t().apart)(&place),
            Certainty::Likely => (lang.get_untracked().t().likely)(&place),
        };
        let (years, _) = per_year(&p.docs, day);
        let steps: Vec<_> = career(&p, day)
            .into_iter()
            .map(|(t, span)| (t.clone(), span))
            .collect();
        let rows: Signal<Vec<Vec<String>>> = {
            let steps = steps.clone();
            Signal::derive(move || {
                steps
                    .iter()
                    .map(|(t, span)| {
                        vec![
                            t.role.clone(),
                            t.organization.clone().unwrap_or_default(),
                            span.map(|s| s.0.to_string()).unwrap_or_default(),
                            span.map(|s| s.1.to_string()).unwrap_or_default(),
                            t.docs.len().to_string(),
                        ]
                    })
                    .collect()
            })
        };
        let with: Vec<(String, String, u32)> = p
            .with
            .iter()
            .filter_map(|&(i, n)| {
                file.people
                    .get(i as usize)
                    .map(|o| (o.key(), display_name(o), n))
            })
            .collect();
        view! {
            <p><PageLink page=Page::of(ViewKind::People)>{tr(|s| s.back_to_list)}</PageLink></p>
            <p class="certainty" data-testid="certainty" data-certainty=format!("{:?}", p.certainty).to_lowercase()>{certainty}</p>
            <ListLink key="person" value=p.name.clone() />
            <h3>{tr(|s| s.career)}</h3>
            <ExportButtons name="chuc-danh" header=vec!["role", "organization", "first_seen", "last_seen", "articles"] rows=rows />
            <ol class="career" data-testid="career">
                {steps.into_iter().map(|(t, span)| {
                    let span = span_text(span);
                    let n = t.docs.len();
                    view! {
                        <li class="career-step" data-testid="career-step" data-role=t.role.clone() data-count=t.docs.len()>
                            <strong>{t.role.clone()}</strong>
                            {t.organization.clone().map(|o| view! { " " <PageLink page=Page::entity(ViewKind::Organizations, &o)>{o.clone()}</PageLink> })}
                            {span.map(|s| view! { <span class="span">" (" {s} ")"</span> })}
                            <details>
                                <summary>{move || (lang.get().t().seen_times)(&lang.get().number(n))}</summary>
                                <ArticleLinks docs=t.docs.clone() />
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!p.organizations.is_empty()).then(|| {
                let orgs = p.organizations.clone();
                view! {
                    <h3>{tr(|s| s.organizations_seen)}</h3>
                    <ul class="inline">
                        {orgs.into_iter().map(|(o, n)| view! {
                            <li><PageLink page=Page::entity(ViewKind::Organizations, &o)>{o.clone()}</PageLink> " (" {n} ")"</li>
                        }).collect_view()}
                    </ul>
                }
            })}
            {(!p.provinces.is_empty()).then(|| {
                let provinces = p.provinces.clone();
                view! {
                    <h3>{tr(|s| s.provinces_seen)}</h3>
                    <ul class="inline">
                        {provinces.into_iter().map(|(o, n)| view! { <li>{o} " (" {n} ")"</li> }).collect_view()}
                    </ul>
                }
            })}
            {(!with.is_empty()).then(|| view! {
                <h3>{tr(|s| s.seen_with)}</h3>
                <ul class="inline with-list">
                    {with.into_iter().map(|(k, name, n)| view! {
                        <li><PageLink page=Page::entity(ViewKind::People, &k)>{name}</PageLink> " (" {n} ")"</li>
                    }).collect_view()}
                </ul>
            })}
            <h3>{tr(|s| s.per_year)}</h3>
            <YearBars bars=years label=lang.get_untracked().t().per_year.to_string() bar_label=lang.get_untracked().t().per_year_bar />
            <h3>{tr(|s| s.articles_heading)}</h3>
            <ArticleLinks docs=p.docs.clone() />
        }
        .into_any()
    }
}
