//! Charts as SVG, drawn by hand: integer coordinates in a `viewBox` (the browser scales the
//! drawing to the width it gets), a `<title>` on every point and bar for pointers and screen
//! readers, and the numbers themselves in a table the caller puts beside the chart. No chart
//! library: the lightest one adds 80 KB (the dashboard issue's measure); the three pages that use
//! these charts (dashboard, statistics, report) took the staff bundle from 267.7 to 299.7 KB brotli
//! per page (the browser budget test's figures).

use domain::Lang;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The drawing's size in `viewBox` units; the plot sits inside the margins.
const WIDTH: i64 = 360;
const HEIGHT: i64 = 180;
/// The narrowest left margin; a wider one when the axis' values are longer ("10 000 €").
const LEFT: i64 = 44;
/// The width of a character of the axis' text, in `viewBox` units: about 0.6 of its size, 12 on
/// screen and 16 in the printed report (≈ 7 and ≈ 10); what a label's room is measured in.
const CHAR: i64 = 9;
const RIGHT: i64 = 8;
const TOP: i64 = 10;
const BOTTOM: i64 = 24;

/// One series: its name (in the legend and each point's title), its values, and the CSS class
/// that colours it.
#[derive(Clone)]
pub struct Serie {
    pub name: String,
    pub values: Vec<i64>,
    pub class: &'static str,
}

/// A round maximum for the vertical axis (1, 2 or 5 times a power of ten), at least `max`.
pub fn nice_max(max: i64) -> i64 {
    if max <= 0 {
        return 1;
    }
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max {
                return m * step;
            }
        }
        step *= 10;
    }
}

fn y_of(value: i64, top: i64) -> i64 {
    let plot = HEIGHT - TOP - BOTTOM;
    HEIGHT - BOTTOM - value.clamp(0, top) * plot / top
}

/// The left margin that holds the longest value of the axis (it cut "10 000 €" to "0000 €").
fn left_for(top: i64, format: fn(i64, Lang) -> String, lang: Lang) -> i64 {
    let widest = format(top, lang).chars().count() as i64;
    (widest * CHAR + 8).max(LEFT)
}

/// Which labels go under the plot: the first, the middle and the last, less those that would
/// run into another (month names on a phone).
fn shown_labels(labels: &[String], x_of: impl Fn(usize) -> i64) -> Vec<usize> {
    let n = labels.len();
    let width = |i: usize| labels[i].chars().count() as i64 * CHAR;
    // Where each label starts and ends, with its anchor (start, middle, end).
    let span = |i: usize| {
        let x = x_of(i);
        if i == 0 {
            (x, x + width(i))
        } else if i + 1 == n {
            (x - width(i), x)
        } else {
            (x - width(i) / 2, x + width(i) / 2)
        }
    };
    let mut shown: Vec<usize> = Vec::new();
    for i in [0, n / 2, n.saturating_sub(1)] {
        if i >= n || shown.contains(&i) {
            continue;
        }
        let clear = shown.iter().all(|&j| {
            let (a, b) = (span(j), span(i));
            a.1 + CHAR < b.0 || b.1 + CHAR < a.0
        });
        if clear {
            shown.push(i);
        }
    }
    shown
}

/// The frame both charts share: horizontal guides with their values, and the labels under the
/// plot that fit.
fn axes(
    top: i64,
    left: i64,
    labels: &[String],
    x_of: impl Fn(usize) -> i64 + Copy,
    format: fn(i64, Lang) -> String,
    lang: Lang,
) -> impl IntoView {
    let guides = [0, top / 2, top]
        .into_iter()
        .map(|v| {
            let y = y_of(v, top);
            view! {
                <line class="chart__guide" x1=left y1=y x2=WIDTH - RIGHT y2=y />
                <text class="chart__tick" x=left - 6 y=y + 4 text-anchor="end">{format(v, lang)}</text>
            }
        })
        .collect_view();
    let n = labels.len();
    let names = shown_labels(labels, x_of)
        .into_iter()
        .map(|i| {
            let anchor = if i == 0 { "start" } else if i + 1 == n && n > 1 { "end" } else { "middle" };
            view! { <text class="chart__tick" x=x_of(i) y=HEIGHT - 6 text-anchor=anchor>{labels[i].clone()}</text> }
        })
        .collect_view();
    view! { {guides} {names} }
}

/// The figure around a drawing: its title (as caption, as the image's name and as the SVG's own
/// title) and the legend.
/// `target` names the dashed line of a goal, which the legend shows too.
fn figure(
    title: String,
    series: &[Serie],
    target: Option<String>,
    drawing: impl IntoView + 'static,
) -> impl IntoView {
    let (caption, label) = (title.clone(), title.clone());
    view! {
        <figure class="chart">
            <figcaption class="chart__title">{caption}</figcaption>
            {legend(series, target)}
            <svg class="chart__svg" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                <title>{title}</title>
                {drawing}
            </svg>
        </figure>
    }
}

fn legend(series: &[Serie], target: Option<String>) -> impl IntoView {
    view! {
        <ul class="chart__legend" aria-hidden="true">
            {series.iter().map(|s| view! { <li><span class=format!("chart__key {}", s.class)></span>{s.name.clone()}</li> }).collect_view()}
            {target.map(|name| view! { <li><span class="chart__key chart__key--target"></span>{name}</li> })}
        </ul>
    }
}

/// Lines over `labels` (days, weeks): one polyline and one titled point per value.
/// `format` writes a value for the axis and the titles; `ceiling` fixes the axis top (100 for a share).
#[component]
pub fn LineChart(
    title: String,
    labels: Vec<String>,
    series: Vec<Serie>,
    format: fn(i64, Lang) -> String,
    #[prop(optional)] ceiling: Option<i64>,
) -> impl IntoView {
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0);
    let top = ceiling.unwrap_or_else(|| nice_max(max));
    let lang = use_i18n().lang_untracked();
    let left = left_for(top, format, lang);
    let n = labels.len().max(1) as i64;
    let x_of = move |i: usize| {
        if n == 1 {
            (left + WIDTH - RIGHT) / 2
        } else {
            left + i as i64 * (WIDTH - left - RIGHT) / (n - 1)
        }
    };
    // A dot on every point would cover a year of days: dots up to 60 points, the line's own
    // titles beyond (each point still has its title on an invisible, wider hit area).
    let dots = labels.len() <= 60;
    let lines = series
        .iter()
        .map(|s| {
            let points = s
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{},{}", x_of(i), y_of(*v, top)))
                .collect::<Vec<_>>()
                .join(" ");
            let marks = s
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let label = format!("{} — {} : {}", labels.get(i).cloned().unwrap_or_default(), s.name, format(*v, lang));
                    view! {
                        <circle class=if dots { "chart__dot" } else { "chart__hit" } cx=x_of(i) cy=y_of(*v, top) r=if dots { 3 } else { 2 }>
                            <title>{label}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! {
                <g class=s.class>
                    <polyline class="chart__line" points=points />
                    {marks}
                </g>
            }
        })
        .collect_view();
    let drawing = view! { {axes(top, left, &labels, x_of, format, lang)} {lines} };
    figure(title, &series, None, drawing)
}

/// Bars over `labels` (months), the series side by side in each group; `target`, a dashed line.
#[component]
pub fn BarChart(
    title: String,
    labels: Vec<String>,
    series: Vec<Serie>,
    format: fn(i64, Lang) -> String,
    #[prop(optional)] target: Option<(String, i64)>,
) -> impl IntoView {
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .chain(target.iter().map(|t| t.1))
        .max()
        .unwrap_or(0);
    let top = nice_max(max);
    let lang = use_i18n().lang_untracked();
    let left = left_for(top, format, lang);
    let n = labels.len().max(1) as i64;
    let group = (WIDTH - left - RIGHT) / n;
    let k = series.len().max(1) as i64;
    let bar = ((group * 3 / 4) / k).max(1);
    let x_of = move |i: usize| left + i as i64 * group + group / 2;
    let bars = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            series
                .iter()
                .enumerate()
                .map(|(j, s)| {
                    let v = s.values.get(i).copied().unwrap_or(0);
                    let y = y_of(v, top);
                    let x = x_of(i) - (bar * k) / 2 + j as i64 * bar;
                    let text = format!("{label} — {} : {}", s.name, format(v, lang));
                    view! {
                        <rect class=format!("chart__bar {}", s.class) x=x y=y width=bar.max(1) height=(HEIGHT - BOTTOM - y).max(0)>
                            <title>{text}</title>
                        </rect>
                    }
                })
                .collect_view()
        })
        .collect_view();
    let goal_name = target.as_ref().map(|t| t.0.clone());
    let goal = target.map(|(name, value)| {
        let y = y_of(value, top);
        view! {
            <line class="chart__target" x1=left y1=y x2=WIDTH - RIGHT y2=y>
                <title>{format!("{name} : {}", format(value, lang))}</title>
            </line>
        }
    });
    let drawing = view! { {axes(top, left, &labels, x_of, format, lang)} {bars} {goal} };
    figure(title, &series, goal_name, drawing)
}
