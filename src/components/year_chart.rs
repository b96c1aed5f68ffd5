//! Works per year as an SVG bar chart whose bars pick a year.

use std::collections::BTreeMap;

use leptos::either::Either;
use leptos::prelude::*;

const BAR: f64 = 28.0;
const GAP: f64 = 6.0;
const HEIGHT: f64 = 96.0;
const LABEL: f64 = 18.0;

/// Bars for every year from the first to the last (empty years included, so gaps show); the
/// part of a bar whose years are inferred is hatched.
/// A bar is a button: click, Enter or Space calls `on_pick` with its year. Bars inside the
/// selected range are highlighted.
#[component]
pub fn YearChart(
    /// Works per year under the other filters.
    #[prop(into)]
    counts: Signal<BTreeMap<i32, usize>>,
    /// Of those, works whose year is inferred: their part of the bar is hatched.
    #[prop(into)]
    inferred: Signal<BTreeMap<i32, usize>>,
    /// All years the person has works in, fixing the axis while filters change.
    years: Vec<i32>,
    #[prop(into)] range: Signal<(Option<i32>, Option<i32>)>,
    on_pick: Callback<i32>,
) -> impl IntoView {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Either::Left(view! { <p class="muted">"No dated works."</p> });
    };
    let all_years: Vec<i32> = (first..=last).collect();
    let width = all_years.len() as f64 * (BAR + GAP);
    let bars = all_years
        .into_iter()
        .enumerate()
        .map(|(i, year)| {
            let x = i as f64 * (BAR + GAP);
            let count = move || counts.with(|c| c.get(&year).copied().unwrap_or(0));
            let max = move || counts.with(|c| c.values().copied().max().unwrap_or(1).max(1));
            // A bar's height for `n` works, to a tenth of a pixel: the page writes each bar's figures.
            let height = move |n: usize| ((n as f64 / max() as f64) * (HEIGHT - 14.0) * 10.0).round() / 10.0;
            let h = move || height(count());
            let guessed = move || inferred.with(|c| c.get(&year).copied().unwrap_or(0));
            let guessed_h = move || height(guessed());
            let selected = move || {
                let (from, to) = range.get();
                (from.is_some() || to.is_some()) && from.is_none_or(|f| year >= f) && to.is_none_or(|t| year <= t)
            };
            let pick = move || on_pick.run(year);
            view! {
                <g class="bar" class:selected=selected>
                    <g class="bar-button" role="button" tabindex="0"
                       data-testid="year-bar" data-year=year
                       aria-pressed=move || selected().to_string()
                       aria-label=move || match guessed() {
                           0 => format!("{year}: {} works", count()),
                           g => format!("{year}: {} works ({g} with the year inferred)", count()),
                       }
                       on:click=move |_| pick()
                       on:keydown=move |ev| {
                           if ev.key() == "Enter" || ev.key() == " " {
                               ev.prevent_default();
                               pick();
                           }
                       }>
                        <rect class="bar-hit" x=x y="0" width=BAR height=HEIGHT + LABEL></rect>
                        <rect class="bar-fill" x=x y=move || HEIGHT - h() width=BAR height=h></rect>
                        <rect class="bar-inferred" x=x y=move || HEIGHT - h() width=BAR height=guessed_h></rect>
                    </g>
                    <text class="bar-count" aria-hidden="true" x=x + BAR / 2.0 y=move || HEIGHT - h() - 3.0>{move || match count() { 0 => String::new(), n => n.to_string() }}</text>
                    <text class="bar-year" aria-hidden="true" x=x + BAR / 2.0 y=HEIGHT + LABEL - 4.0>{format!("’{:02}", year.rem_euclid(100))}</text>
                </g>
            }
        })
        .collect_view();
    Either::Right(view! {
        <svg class="year-chart" data-testid="year-chart" viewBox=format!("0 0 {width} {}", HEIGHT + LABEL)
             width=width height=HEIGHT + LABEL role="group" aria-label="Works per year; choose a bar to show that year">
            <defs>
                <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="hatch-line" width="2.5" height="6"></rect>
                </pattern>
            </defs>
            {bars}
        </svg>
    })
}
