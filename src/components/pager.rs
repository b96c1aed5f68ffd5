//! The pages of a long list: a profile's works (`/p/<id>`, `/p/<id>/page/2`, ...) and the
//! people directory (`/people`, `/people/page/2`, ...). Each is a plain link, pre-rendered for
//! the default view, so every item is reachable with JavaScript off; with it on, a page of a
//! filtered view is listed in place and the filters stay in the query.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use crate::data::href;
use crate::route::{use_location, Route};

/// Page numbers to offer around `page` of `pages`: the first, the last, and two either side,
/// with `None` for a gap.
fn shown_pages(page: usize, pages: usize) -> Vec<Option<usize>> {
    let mut shown = Vec::new();
    for n in 1..=pages {
        if n == 1 || n == pages || n.abs_diff(page) <= 2 {
            shown.push(Some(n));
        } else if shown.last() != Some(&None) {
            shown.push(None);
        }
    }
    shown
}

/// Links to the other pages of the list, below it; nothing when it fits one page.
#[component]
pub fn Pager(
    /// The list's first page (a profile, the directory).
    list: Route,
    /// The id of the list's heading, scrolled to when another page is shown in place.
    heading: &'static str,
    /// This page, from 1.
    page: usize,
    /// How many pages the list shown has.
    #[prop(into)]
    pages: Signal<usize>,
    /// The view's query string, kept on every page.
    #[prop(into)]
    query: Signal<String>,
    /// Whether another page is listed in place (the page's data can show it: a long profile's
    /// outlines and shards) or loaded as its own pre-rendered page (the directory).
    #[prop(default = true)]
    in_place: bool,
) -> impl IntoView {
    let location = use_location();
    let list = StoredValue::new(list);
    let to = move |n: usize| {
        let query = query.get();
        let path = list.with_value(|l| l.at_page(n).path());
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    // Another page replaces the list in place: the view stays where the list starts rather
    // than jumping to the top of the profile.
    let follow = move |ev: leptos::ev::MouseEvent, to: String| {
        if !in_place || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        location.navigate(&to, false);
        request_animation_frame(move || {
            if let Some(heading) = gloo::utils::document().get_element_by_id(heading) {
                heading.scroll_into_view();
            }
        });
    };
    move || {
        let pages = pages.get();
        if pages <= 1 && page == 1 {
            return None;
        }
        let link = move |n: usize,
                         label: String,
                         rel: Option<&'static str>,
                         testid: &'static str| {
            let target = to(n);
            view! {
                <a href=href(&target) rel=rel data-testid=testid target=(!in_place).then_some("_self")
                    on:click=move |ev| follow(ev, target.clone())>{label}</a>
            }
        };
        if page > pages {
            return Some(Either::Left(view! {
                <nav class="pager" aria-label="Pages of works" data-testid="pager">
                    <p>{format!("This view lists its works on {pages} page{}; there is no page {page}. ", if pages == 1 { "" } else { "s" })}
                        {link(1, "Go to its first page".to_string(), None, "page-first")}</p>
                </nav>
            }));
        }
        Some(Either::Right(view! {
            <nav class="pager" aria-label="Pages of works" data-testid="pager">
                <span class="pager-step">{(page > 1).then(|| link(page - 1, "← Previous".to_string(), Some("prev"), "page-prev"))}</span>
                <ul>
                    {shown_pages(page, pages).into_iter().map(|n| match n {
                        Some(n) if n == page => EitherOf3::A(view! {
                            <li><span aria-current="page" data-testid="page-current">{n}</span></li>
                        }),
                        Some(n) => EitherOf3::B(view! { <li>{link(n, n.to_string(), None, "page-number")}</li> }),
                        None => EitherOf3::C(view! { <li class="muted">"…"</li> }),
                    }).collect_view()}
                </ul>
                <span class="pager-step">{(page < pages).then(|| link(page + 1, "Next →".to_string(), Some("next"), "page-next"))}</span>
            </nav>
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_offers_the_ends_and_the_neighbours() {
        assert_eq!(shown_pages(1, 1), vec![Some(1)]);
        assert_eq!(
            shown_pages(1, 9),
            vec![Some(1), Some(2), Some(3), None, Some(9)]
        );
        assert_eq!(
            shown_pages(5, 9),
            vec![
                Some(1),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(9)
            ]
        );
    }
}
