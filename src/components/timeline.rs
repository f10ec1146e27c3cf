//! The timeline: an SVG bar chart of the results over time.

use crate::app::use_lang;
use leptos::prelude::*;
use nienbieu_model::search::Timeline as Bins;

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 160.0;
const AXIS: f64 = 22.0;
const TOP: f64 = 8.0;

/// Draws one bar per bin.
#[component]
pub fn Timeline(timeline: Bins) -> impl IntoView {
    let lang = use_lang();
    let bins = timeline.bins;
    let max = f64::from(bins.iter().map(|b| b.count).max().unwrap_or(0).max(1));
    let slot = WIDTH / bins.len().max(1) as f64;
    let plot = HEIGHT - AXIS - TOP;
    let bars = bins
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let h = if b.count == 0 {
                0.0
            } else {
                (f64::from(b.count) / max * plot).max(2.0)
            };
            let (month, year, count) = (b.start.month(), b.start.year(), b.count);
            let label = move || (lang.get().t().month_bar)(month, year, count);
            view! {
                <rect
                    class="bar"
                    data-testid="timeline-bar"
                    data-count=count
                    x=format!("{:.2}", i as f64 * slot + slot * 0.1)
                    y=format!("{:.2}", TOP + plot - h)
                    width=format!("{:.2}", slot * 0.8)
                    height=format!("{h:.2}")
                    role="img"
                    aria-label=label
                >
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    // Label January of each year, and the first month, so the axis reads as years.
    let ticks = bins
        .iter()
        .enumerate()
        .filter(|(i, b)| *i == 0 || b.start.month() == 1)
        .map(|(i, b)| {
            let text = if i == 0 && b.start.month() != 1 {
                format!("{}/{}", b.start.month(), b.start.year())
            } else {
                b.start.year().to_string()
            };
            view! {
                <text class="tick" x=format!("{:.2}", i as f64 * slot + 2.0) y=format!("{}", HEIGHT - 6.0)>
                    {text}
                </text>
            }
        })
        .collect_view();
    let empty = bins.is_empty();
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{move || lang.get().t().timeline}</h2>
            {if empty {
                view! { <p class="empty">{move || lang.get().t().no_dates}</p> }.into_any()
            } else {
                view! {
                    <svg
                        data-testid="timeline"
                        viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                        preserveAspectRatio="none"
                        role="group"
                        aria-label=move || lang.get().t().timeline_label
                    >
                        <line class="axis" x1="0" x2=WIDTH y1=TOP + plot y2=TOP + plot />
                        {bars}
                        {ticks}
                    </svg>
                }
                    .into_any()
            }}
        </section>
    }
}
