//! Charts drawn by the app as SVG, with their numbers as text for screen readers and tests: a
//! bar chart of counts per year, and a line chart of values per year for a few series. Every
//! bar and point carries its value in `data-` attributes and an accessible label.

use crate::decimal::{exact, fixed, short};
use leptos::prelude::*;

const W: f64 = 640.0;
const H: f64 = 180.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 12.0;

/// Counts per year as bars. `label` names the chart; each bar says its year and count.
#[component]
pub fn YearBars(
    /// `(year, count)`, years ascending.
    bars: Vec<(i32, u32)>,
    /// What the chart shows, for its accessible name.
    label: String,
    /// "2021: 3 bài" for a bar.
    bar_label: fn(i32, u32) -> String,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let n = bars.len().max(1) as f64;
    let slot = (W - LEFT - 8.0) / n;
    let plot = H - TOP - BOTTOM;
    let step = (bars.len() / 12).max(1);
    view! {
        <figure class="year-chart" data-testid="year-chart">
            <svg viewBox=format!("0 0 {} {}", short(W), short(H)) role="img" aria-label=label.clone() preserveAspectRatio="none">
                <line class="axis" x1=short(LEFT) y1=short(H - BOTTOM) x2=short(W - 8.0) y2=short(H - BOTTOM) />
                <text class="tick" x=short(LEFT - 6.0) y=short(TOP + 4.0) text-anchor="end">{max}</text>
                <text class="tick" x=short(LEFT - 6.0) y=short(H - BOTTOM) text-anchor="end">"0"</text>
                {bars
                    .iter()
                    .enumerate()
                    .map(|(i, &(year, count))| {
                        let h = plot * f64::from(count) / f64::from(max);
                        let x = LEFT + slot * i as f64 + slot * 0.15;
                        view! {
                            <rect
                                class="bar"
                                data-testid="year-bar"
                                data-year=year
                                data-count=count
                                x=short(x)
                                y=short(H - BOTTOM - h)
                                width=short((slot * 0.7).max(1.0))
                                height=short(h)
                            >
                                <title>{bar_label(year, count)}</title>
                            </rect>
                            {(i % step == 0).then(|| view! {
                                <text class="tick" x=short(x + slot * 0.35) y=short(H - 6.0) text-anchor="middle">{year}</text>
                            })}
                        }
                    })
                    .collect_view()}
            </svg>
            <figcaption class="visually-hidden">
                <ul>
                    {bars.iter().map(|&(y, c)| view! { <li>{bar_label(y, c)}</li> }).collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
}

/// One line of a chart: its name and its `(year, value, point id)`s.
pub type Line = (String, Vec<(i32, f64, u32)>);

/// Values per year as lines, one per series; each point is a button (focusable, Enter or a
/// click) that shows where it comes from.
#[component]
pub fn YearLines(
    /// `(name, [(year, value, point id)])`.
    series: Vec<Line>,
    /// What the chart shows, for its accessible name.
    label: String,
    /// Called with a point's id when it is chosen.
    on_point: Callback<u32>,
) -> impl IntoView {
    let years: Vec<i32> = {
        let mut y: Vec<i32> = series
            .iter()
            .flat_map(|s| s.1.iter().map(|p| p.0))
            .collect();
        nienbieu_model::order::sort_by(&mut y, |a, b| a.cmp(b));
        y.dedup();
        y
    };
    let (y0, y1) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    let max = series
        .iter()
        .flat_map(|s| s.1.iter().map(|p| p.1))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let x_of = move |y: i32| {
        if y1 == y0 {
            (LEFT + W - 8.0) / 2.0
        } else {
            LEFT + (W - LEFT - 16.0) * f64::from(y - y0) / f64::from(y1 - y0) + 4.0
        }
    };
    let y_of = move |v: f64| H - BOTTOM - (H - TOP - BOTTOM) * v / max;
    view! {
        <figure class="lines-chart" data-testid="lines-chart">
            // A group, not an image: its points are buttons, which an image may not hold.
            <svg viewBox=format!("0 0 {} {}", short(W), short(H)) role="group" aria-label=label>
                <line class="axis" x1=short(LEFT) y1=short(H - BOTTOM) x2=short(W - 8.0) y2=short(H - BOTTOM) />
                <text class="tick" x=short(LEFT - 6.0) y=short(TOP + 4.0) text-anchor="end">{format_value(max)}</text>
                {years.iter().map(|&y| view! {
                    <text class="tick" x=short(x_of(y)) y=short(H - 6.0) text-anchor="middle">{y}</text>
                }).collect_view()}
                {series
                    .iter()
                    .enumerate()
                    .map(|(k, (name, points))| {
                        let path: Vec<String> = points
                            .iter()
                            .map(|&(y, v, _)| format!("{},{}", short(x_of(y)), short(y_of(v))))
                            .collect();
                        let class = format!("series series-{}", k % 8);
                        view! {
                            <g class=class data-series=name.clone()>
                                <polyline points=path.join(" ") fill="none" />
                                {points.iter().map(|&(y, v, id)| {
                                    let text = format!("{name}, {y}: {}", format_value(v));
                                    let label = text.clone();
                                    view! {
                                        <circle
                                            cx=short(x_of(y))
                                            cy=short(y_of(v))
                                            r="5"
                                            tabindex="0"
                                            role="button"
                                            aria-label=label
                                            data-testid="figure-point"
                                            data-year=y
                                            data-value=exact(v)
                                            data-point=id
                                            on:click=move |_| on_point.run(id)
                                            on:keydown=move |e: leptos::ev::KeyboardEvent| {
                                                if e.key() == "Enter" || e.key() == " " {
                                                    e.prevent_default();
                                                    on_point.run(id);
                                                }
                                            }
                                        >
                                            <title>{text}</title>
                                        </circle>
                                    }
                                }).collect_view()}
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
        </figure>
    }
}

/// A value as written in a table: whole numbers without decimals.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.abs() < 1e13 {
        fixed(v, 2)
    } else {
        // Beyond what `fixed` scales without saturating: as JavaScript writes it.
        exact(v)
    }
}
