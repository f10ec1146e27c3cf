//! The figures view ("Số liệu"): choose a metric (members admitted, Party members, ...) and
//! see it per year, by organisation or by province, as a chart drawn by the app or as a
//! table, every point tied to the sentence and article it comes from; CSV and JSON of the
//! same numbers. Figures with no subject are left out, and the view says how many.

use super::articles::ArticleLink;
use super::chart::{format_value, YearLines};
use super::data::use_view_data;
use super::organizations::metric_name;
use super::{ready, set_page, use_page, ExportButtons, ViewFrame};
use crate::app::use_lang;
use crate::decimal::exact;
use crate::explorer::{use_explorer, Nav};
use crate::i18n::{tr, Lang};
use leptos::prelude::*;
use nienbieu_model::entities::views::series;
use nienbieu_model::entities::FigurePoint;
use nienbieu_model::state::ViewKind;

/// Series drawn at most.
const TOP_SERIES: usize = 8;

/// The figures view.
#[component]
pub fn FiguresView() -> impl IntoView {
    let lang = use_lang();
    let heading = Signal::derive(move || lang.get().t().nav_figures.to_string());
    view! {
        <ViewFrame kind=ViewKind::Figures heading=heading>
            <FiguresBody />
        </ViewFrame>
    }
}

#[component]
fn FiguresBody() -> impl IntoView {
    let ex = use_explorer();
    let views = use_view_data();
    let page = use_page();
    let lang = use_lang();
    // The point whose sentence and article show below the chart.
    let chosen: RwSignal<Option<u32>> = RwSignal::new(None);
    move || {
        let file = match ready(views.figures()) {
            Ok(f) => f,
            Err(v) => return v,
        };
        let left: u32 = file.left_out.iter().map(|x| x.1).sum();
        let left_note = (left > 0).then(|| {
            view! { <p class="note-muted" data-testid="left-out" data-count=left>{move || (lang.get().t().left_out)(&lang.get().number(left as usize))}</p> }
        });
        // Metrics present: the model's in its order, then any other the data has.
        let mut metrics: Vec<String> = nienbieu_model::Figure::METRICS
            .iter()
            .map(|m| m.0.to_string())
            .filter(|code| file.points.iter().any(|p| &p.metric == code))
            .collect();
        let mut others: Vec<String> = file
            .points
            .iter()
            .map(|p| p.metric.clone())
            .filter(|m| !metrics.contains(m))
            .collect();
        nienbieu_model::order::sort_by(&mut others, |a, b| a.cmp(b));
        others.dedup();
        metrics.extend(others);
        if metrics.is_empty() {
            return view! {
                <p class="empty" data-testid="view-empty">{tr(|s| s.figures_empty)}</p>
                {left_note}
            }
            .into_any();
        }
        let (metric, by_province, table) = page.with(|p| {
            let p = p.as_ref();
            (
                p.and_then(|p| p.entity.clone())
                    .filter(|m| metrics.contains(m))
                    .unwrap_or_else(|| metrics[0].clone()),
                p.and_then(|p| p.by.as_deref()) == Some("province"),
                p.is_some_and(|p| p.table),
            )
        });
        let vi = lang.get() == Lang::Vi;
        let (lines, undated) = series(&file.points, &metric, by_province, TOP_SERIES);
        let points: Vec<(u32, FigurePoint)> = file
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.metric == metric)
            .map(|(i, p)| (i as u32, p.clone()))
            .collect();
        let rows: Signal<Vec<Vec<String>>> = {
            let points = points.clone();
            Signal::derive(move || {
                points
                    .iter()
                    .map(|(_, p)| {
                        vec![
                            p.metric.clone(),
                            p.subject.clone(),
                            p.province.clone().unwrap_or_default(),
                            p.year.map(|y| y.to_string()).unwrap_or_default(),
                            format_value(p.value),
                            p.unit.clone().unwrap_or_default(),
                            p.period.clone().unwrap_or_default(),
                            p.sentence.clone(),
                            p.doc.to_string(),
                        ]
                    })
                    .collect()
            })
        };
        let label = format!(
            "{} ({})",
            metric_name(&metric, vi),
            if by_province {
                lang.get().t().by_province
            } else {
                lang.get().t().by_organization
            }
        );
        let metric_for = metric.clone();
        view! {
            <div class="figure-controls">
                <label>
                    <span>{tr(|s| s.metric_label)}</span>
                    <select data-testid="metric" on:change=move |e| {
                        let m = event_target_value(&e);
                        chosen.set(None);
                        set_page(ex, Nav::Push, |p| p.entity = Some(m));
                    }>
                        {metrics.iter().map(|m| {
                            let selected = *m == metric_for;
                            view! { <option value=m.clone() prop:selected=selected>{metric_name(m, vi)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tr(|s| s.group_by)}</span>
                    <select data-testid="group-by" on:change=move |e| {
                        let by = event_target_value(&e);
                        set_page(ex, Nav::Push, |p| p.by = (by == "province").then(|| by.clone()));
                    }>
                        <option value="organization" prop:selected=!by_province>{tr(|s| s.by_organization)}</option>
                        <option value="province" prop:selected=by_province>{tr(|s| s.by_province)}</option>
                    </select>
                </label>
                <button data-testid="figures-table-toggle" aria-pressed=table.to_string() on:click=move |_| set_page(ex, Nav::Push, |p| p.table = !p.table)>
                    {if table { tr(|s| s.show_chart) } else { tr(|s| s.show_table) }}
                </button>
                <ExportButtons
                    name="so-lieu"
                    header=vec!["metric", "subject", "province", "year", "value", "unit", "period", "sentence", "article"]
                    rows=rows
                />
            </div>
            {left_note}
            {(undated > 0).then(|| view! { <p class="note-muted">{move || (lang.get().t().undated_points)(&lang.get().number(undated))}</p> })}
            {if table {
                view! { <FigureTable points=points /> }.into_any()
            } else {
                let series: Vec<super::chart::Line> = lines.into_iter().map(|s| (s.name, s.values)).collect();
                let legend: Vec<(usize, String)> = series.iter().map(|s| s.0.clone()).enumerate().collect();
                view! {
                    <YearLines series=series label=label on_point=Callback::new(move |id: u32| chosen.set(Some(id))) />
                    <ul class="legend">
                        {legend.into_iter().map(|(k, name)| view! {
                            <li class=format!("series-{}", k % 8)><span class="swatch" aria-hidden="true"></span>{name}</li>
                        }).collect_view()}
                    </ul>
                    <PointDetail chosen=chosen points=points />
                }.into_any()
            }}
        }
        .into_any()
    }
}

/// Below the chart: the point chosen (by a click on it, or Enter), with its sentence and
/// article.
#[component]
fn PointDetail(chosen: RwSignal<Option<u32>>, points: Vec<(u32, FigurePoint)>) -> impl IntoView {
    let points = StoredValue::new(points);
    move || {
        let id = chosen.get()?;
        let p = points.with_value(|ps| ps.iter().find(|(i, _)| *i == id).map(|x| x.1.clone()))?;
        Some(view! {
            <div class="point-detail" data-testid="point-detail" role="status">
                <p><strong>{p.subject.clone()}</strong> ", " {p.year.map(|y| y.to_string())} ": " {format_value(p.value)} {p.unit.clone().map(|u| format!(" {u}"))}</p>
                <blockquote>{p.sentence.clone()}</blockquote>
                <ul class="article-links"><ArticleLink doc=p.doc /></ul>
            </div>
        })
    }
}

/// Every point of the metric as a table.
#[component]
fn FigureTable(points: Vec<(u32, FigurePoint)>) -> impl IntoView {
    view! {
        <table class="figures-table" data-testid="figures-table">
            <thead><tr>
                <th scope="col">{tr(|s| s.col_subject)}</th>
                <th scope="col">{tr(|s| s.col_year)}</th>
                <th scope="col">{tr(|s| s.col_value)}</th>
                <th scope="col">{tr(|s| s.col_sentence)}</th>
                <th scope="col">{tr(|s| s.col_article)}</th>
            </tr></thead>
            <tbody>
                {points.into_iter().map(|(i, p)| view! {
                    <tr id=format!("fig-{i}") data-testid="figure-row" data-subject=p.subject.clone() data-year=p.year.map(|y| y.to_string()).unwrap_or_default() data-value=exact(p.value)>
                        <td>{p.subject.clone()}</td>
                        <td>{p.year.map(|y| y.to_string())}</td>
                        <td>{format_value(p.value)} {p.unit.clone().map(|u| format!(" {u}"))}</td>
                        <td class="sentence">{p.sentence.clone()}</td>
                        <td><ul class="article-links"><ArticleLink doc=p.doc /></ul></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
