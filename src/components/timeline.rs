//! The timeline: an SVG bar chart of the results over time. Drag across it to filter to a
//! period, click a bar to filter to its period, zoom in and out; with the keyboard, the arrow
//! keys choose a bar and Enter filters to it. Undated results are a separate count.

use crate::app::use_lang;
use crate::decimal::{fixed, short};
use crate::explorer::{use_explorer, Nav};
use crate::i18n::tr;
use crate::measure::on_layout;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::svg::Svg;
use nienbieu_model::search::{Bin, DateFilter};
use nienbieu_model::Date;

const HEIGHT: f64 = 176.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;

/// The timeline of the current results.
#[component]
pub fn Timeline() -> impl IntoView {
    let ex = use_explorer();
    let lang = use_lang();
    let t = move || lang.get().t();
    let timeline = Memo::new(move |_| ex.settled.with(|r| r.timeline.clone()));
    let box_ref = NodeRef::<Div>::new();
    let svg_ref = NodeRef::<Svg>::new();
    let width = RwSignal::new(800.0);
    let measure = move || {
        if let Some(el) = box_ref.get_untracked() {
            let w = f64::from(el.client_width());
            // Redrawn only when the width changed: the observer reports changes of height too.
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    on_layout(box_ref, measure);

    // Geometry of the plot.
    let slot = move || {
        let n = timeline.with(|tl| tl.bins.len()).max(1) as f64;
        (width.get() - LEFT - RIGHT).max(10.0) / n
    };
    let max = move || timeline.with(|tl| tl.bins.iter().map(|b| b.count).max().unwrap_or(0).max(1));
    let plot_h = HEIGHT - TOP - BOTTOM;
    let bin_at = move |client_x: f64| -> Option<usize> {
        let svg = svg_ref.get_untracked()?;
        let left = svg.get_bounding_client_rect().left();
        let n = timeline.with_untracked(|tl| tl.bins.len());
        if n == 0 {
            return None;
        }
        let s = (width.get_untracked() - LEFT - RIGHT).max(10.0) / n as f64;
        Some((((client_x - left - LEFT) / s).floor().max(0.0) as usize).min(n - 1))
    };

    // Selecting a period: by dragging, clicking a bar, or Enter on the active bar.
    let drag: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let filter_to = move |a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        let range =
            timeline.with_untracked(|tl| Some((tl.bins.get(a)?.start, tl.bins.get(b)?.end)));
        if let Some((from, to)) = range {
            ex.go(Nav::Push, |s| {
                s.request.dates = DateFilter {
                    from: Some(from),
                    to: Some(to),
                    undated: false,
                }
            });
        }
    };
    let on_down = move |e: PointerEvent| {
        if e.button() != 0 {
            return;
        }
        if let Some(i) = bin_at(f64::from(e.client_x())) {
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            drag.set(Some((i, i)));
            active.set(Some(i));
        }
    };
    let on_move = move |e: PointerEvent| {
        if drag.get_untracked().is_some() {
            if let Some(i) = bin_at(f64::from(e.client_x())) {
                drag.update(|d| {
                    if let Some(d) = d {
                        d.1 = i;
                    }
                });
            }
        }
    };
    let on_up = move |_: PointerEvent| {
        if let Some((a, b)) = drag.get_untracked() {
            drag.set(None);
            filter_to(a, b);
        }
    };
    let on_key = move |e: KeyboardEvent| {
        let n = timeline.with_untracked(|tl| tl.bins.len());
        if n == 0 {
            return;
        }
        let cur = active.get_untracked();
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(cur.map_or(0, |i| (i + 1).min(n - 1))),
            "ArrowLeft" | "ArrowUp" => Some(cur.map_or(n - 1, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Enter" | " " => {
                if let Some(i) = cur {
                    e.prevent_default();
                    filter_to(i, i);
                }
                return;
            }
            _ => return,
        };
        e.prevent_default();
        active.set(next);
    };
    // A new timeline keeps the active bar only if it still exists.
    Effect::new(move |_| {
        let n = timeline.with(|tl| tl.bins.len());
        if active.get_untracked().is_some_and(|i| i >= n) {
            active.set(None);
        }
    });

    // The dates chosen and the zoom, apart from the query: each bar reads them, and a
    // keystroke must not reach every bar.
    let dates = Memo::new(move |_| ex.state.with(|s| s.request.dates));
    let zoomed = Memo::new(move |_| ex.state.with(|s| s.request.zoom.is_some()));
    // The chosen period, as bar indexes, for highlighting.
    let chosen = move |i: usize, b: &Bin| -> bool {
        if let Some((x, y)) = drag.get() {
            return (x.min(y)..=x.max(y)).contains(&i);
        }
        let d = dates.get();
        (d.from.is_some() || d.to.is_some())
            && d.from.is_none_or(|f| b.end >= f)
            && d.to.is_none_or(|t| b.start <= t)
    };
    let has_range = move || dates.with(|d| d.from.is_some() || d.to.is_some());

    let zoom_in = move |_| {
        let d = ex.state.with_untracked(|s| s.request.dates);
        let target = match (d.from, d.to) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => timeline.with_untracked(|tl| {
                let (a, b) = (
                    tl.bins.first()?.start.to_days(),
                    tl.bins.last()?.end.to_days(),
                );
                let q = (b - a) / 4;
                (q > 0).then(|| (Date::from_days(a + q), Date::from_days(b - q)))
            }),
        };
        if let Some(z) = target {
            ex.go(Nav::Push, |s| s.request.zoom = Some(z));
        }
    };
    let zoom_out = move |_| {
        let span = timeline.with_untracked(|tl| {
            Some((
                tl.bins.first()?.start.to_days(),
                tl.bins.last()?.end.to_days(),
            ))
        });
        if let (Some((a, b)), true) = (span, ex.state.with_untracked(|s| s.request.zoom.is_some()))
        {
            let half = (b - a) / 2 + 1;
            ex.go(Nav::Push, |s| {
                s.request.zoom = Some((Date::from_days(a - half), Date::from_days(b + half)))
            });
        }
    };
    let reset = move |_| ex.go(Nav::Push, |s| s.request.zoom = None);
    let undated = move || timeline.with(|tl| tl.undated);
    let toggle_undated = move |_| {
        ex.go(Nav::Push, |s| {
            s.request.dates.undated = !s.request.dates.undated
        })
    };

    // All bars from one closure, as plain elements: a bar per closure would subscribe hundreds
    // of closures to the same timeline, and each update would pay for every one of them.
    let bars = move || {
        let l = lang.get();
        let (s, m) = (slot(), f64::from(max()));
        let act = active.get();
        timeline.with(|tl| {
            let g = tl.granularity;
            tl.bins
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let h = if b.count == 0 {
                        0.0
                    } else {
                        (f64::from(b.count) / m * plot_h).max(2.0)
                    };
                    let label = (l.t().bar)(&l.bin(b, g), &l.number(b.count as usize));
                    let tooltip = label.clone();
                    let on = chosen(i, b);
                    view! {
                        <rect
                            id=format!("tl-bar-{i}")
                            class="bar"
                            class:chosen=on
                            class:active=act == Some(i)
                            data-testid="timeline-bar"
                            data-count=b.count
                            data-start=b.start.to_string()
                            data-end=b.end.to_string()
                            role="option"
                            aria-selected=if on { "true" } else { "false" }
                            aria-label=label
                            x=short(LEFT + i as f64 * s + s * 0.08)
                            y=short(TOP + plot_h - h)
                            width=short((s * 0.84).max(1.0))
                            height=short(h)
                        >
                            <title>{tooltip}</title>
                        </rect>
                    }
                })
                .collect_view()
        })
    };
    let outside = move || timeline.with(|tl| (tl.before, tl.after));
    let show_all = move |_| {
        if let Some(extent) = timeline.with_untracked(|tl| tl.extent) {
            ex.go(Nav::Push, |s| s.request.zoom = Some(extent));
        }
    };
    let ticks = move || {
        let l = lang.get();
        let s = slot();
        let g = timeline.with(|tl| tl.granularity);
        let every = ((72.0 / s).ceil() as usize).max(1);
        timeline.with(|tl| {
            tl.bins
                .iter()
                .enumerate()
                .filter(|(i, _)| i % every == 0)
                .map(|(i, b)| {
                    let label = l.tick(b, g);
                    // A label that would run past the right edge ends at its bar instead.
                    let x = LEFT + i as f64 * s + 1.0;
                    let room = width.get() - RIGHT - x;
                    let end = room < 7.0 * label.chars().count() as f64;
                    view! {
                        <text
                            class="tick"
                            x=short(if end { x + s - 2.0 } else { x })
                            y=short(HEIGHT - 17.0)
                            text-anchor=if end { "end" } else { "start" }
                        >
                            {label}
                        </text>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="timeline" class:stale-panels=move || ex.loading.get() aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{tr(|s| s.timeline)}</h2>
                <div class="timeline-tools">
                    <button on:click=zoom_in data-testid="zoom-in">{tr(|s| s.zoom_in)}</button>
                    <button on:click=zoom_out data-testid="zoom-out" disabled=move || !zoomed.get()>
                        {tr(|s| s.zoom_out)}
                    </button>
                    <button on:click=reset data-testid="zoom-reset" disabled=move || !zoomed.get()>
                        {tr(|s| s.zoom_reset)}
                    </button>
                    <Show when=move || outside() != (0, 0)>
                        <button data-testid="timeline-outside" on:click=show_all title=tr(|s| s.show_all_time)>
                            {move || {
                                let (l, (b, a)) = (lang.get(), outside());
                                (l.t().outside)(&l.number(b as usize), &l.number(a as usize))
                            }}
                        </button>
                    </Show>
                    <button
                        class="undated-toggle"
                        data-testid="timeline-undated"
                        aria-pressed=move || if dates.with(|d| d.undated) { "true" } else { "false" }
                        on:click=toggle_undated
                        disabled=move || undated() == 0 && !dates.with(|d| d.undated)
                    >
                        {move || (t().undated_button)(&lang.get().number(undated() as usize))}
                    </button>
                </div>
            </div>
            <p id="timeline-help" class="visually-hidden">{tr(|s| s.timeline_help)}</p>
            <div class="timeline-plot" node_ref=box_ref>
                <Show
                    when=move || timeline.with(|tl| !tl.bins.is_empty())
                    fallback=move || view! { <p class="empty">{tr(|s| s.no_dates)}</p> }
                >
                    <svg
                        node_ref=svg_ref
                        data-testid="timeline"
                        data-keys="own"
                        data-granularity=move || timeline.with(|tl| tl.granularity.code())
                        tabindex="0"
                        role="listbox"
                        aria-label=tr(|s| s.timeline_label)
                        aria-describedby="timeline-help"
                        aria-activedescendant=move || active.get().map(|i| format!("tl-bar-{i}"))
                        width=move || fixed(width.get(), 0)
                        height=short(HEIGHT)
                        viewBox=move || format!("0 0 {} {}", fixed(width.get(), 0), short(HEIGHT))
                        on:pointerdown=on_down
                        on:pointermove=on_move
                        on:pointerup=on_up
                        on:pointercancel=move |_| drag.set(None)
                        on:keydown=on_key
                    >
                        <text class="axis-title" x="0" y="11">{tr(|s| s.y_axis)}</text>
                        <text class="tick" x=short(LEFT - 6.0) y=short(TOP + 8.0) text-anchor="end">
                            {move || lang.get().number(max() as usize)}
                        </text>
                        <text class="tick" x=short(LEFT - 6.0) y=short(TOP + plot_h) text-anchor="end">"0"</text>
                        <line class="axis" x1=short(LEFT) x2=short(LEFT) y1=short(TOP) y2=short(TOP + plot_h) />
                        <line class="axis" x1=short(LEFT) x2=move || short(width.get() - RIGHT) y1=short(TOP + plot_h) y2=short(TOP + plot_h) />
                        {bars}
                        {ticks}
                        <text class="axis-title" x=move || fixed(width.get() - RIGHT, 0) y=short(HEIGHT - 3.0) text-anchor="end">
                            {tr(|s| s.x_axis)}
                        </text>
                    </svg>
                </Show>
            </div>
            <Show when=has_range>
                <p class="timeline-range">
                    {move || {
                        let l = lang.get();
                        let d = dates.get();
                        let show = |x: Option<Date>| x.map(|x| l.date(x)).unwrap_or_else(|| "…".into());
                        (l.t().date_range)(&show(d.from), &show(d.to))
                    }}
                </p>
            </Show>
        </section>
    }
}
