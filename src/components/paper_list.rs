//! A list of paper cards that keeps the cards it made.
//!
//! The cards are HTML text (`paper_card.rs`). The list keeps every card it has shown, by work:
//! a view shown again (a filter toggled off, Back, a page of the list seen before) puts its
//! cards back in place instead of writing and parsing them again, and when a long profile's
//! records arrive only the outlines that became full cards are written. On the reference
//! workload's largest profile, parsing a view's 50 cards was about half of a filter click.
//! One listener on the list serves the cards' buttons.

use std::collections::{BTreeSet, HashMap};

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use model::Work;

use crate::components::copy_button::copy_and_announce;
use crate::components::paper_card::{cards, toggle_label, write_card};
use crate::data::corpus;

/// A card the list made: whether it is the full card (not the outline) and whether its
/// abstract is unfolded.
struct Made {
    card: web_sys::Element,
    full: bool,
    unfolded: bool,
}

/// The cards made so far, by work id, and the works the list shows, in order.
#[derive(Default)]
struct Shelf {
    made: HashMap<String, Made>,
    shown: Vec<String>,
}

/// The list of `works` as cards; `owner` is the profile the list belongs to (highlighted among
/// the authors), `open` the works whose abstract is unfolded (`on_toggle` asks to fold or
/// unfold one), `is_full` whether a work's full record is at hand (if not, its outline is shown,
/// marked busy, until it is).
#[component]
pub fn PaperList(
    #[prop(into)] works: Signal<Vec<&'static Work>>,
    owner: Option<&'static str>,
    #[prop(into)] open: Signal<BTreeSet<String>>,
    is_full: Callback<String, bool>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    // The cards as the page first shows them, in one string: the pre-renderer's, and a page
    // rendered in the browser. A pre-rendered page being hydrated has them already (Leptos
    // leaves a hydrated `inner_html` as it is), so they are not written again. Later views go
    // through the shelf.
    let hydrating = Owner::current_shared_context().is_some_and(|c| c.during_hydration());
    let first = if hydrating {
        String::new()
    } else {
        works.with_untracked(|works| {
            open.with_untracked(|open| cards(works, owner, open, |id| is_full.run(id.to_string())))
        })
    };
    let list = NodeRef::<Div>::new();
    let shelf = StoredValue::new_local(Shelf::default());
    Effect::new(move |_| {
        // Tracked: the works, and whether each one's full record is at hand.
        let full: Vec<bool> =
            works.with(|works| works.iter().map(|w| is_full.run(w.id.clone())).collect());
        let Some(list) = list.get_untracked() else {
            return;
        };
        works.with_untracked(|works| {
            open.with_untracked(|open| {
                shelf.update_value(|shelf| place(&list, shelf, works, &full, owner, open))
            })
        });
    });
    // An abstract folded or unfolded is set on its card in place, so the button pressed keeps
    // the focus; cards off the list are set too, ready for when they come back.
    Effect::new(move |_| {
        open.with(|open| {
            shelf.update_value(|shelf| {
                for (id, made) in shelf.made.iter_mut() {
                    set_unfolded(made, open.contains(id));
                }
            })
        })
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        let Some(id) =
            closest("[data-testid=work]").and_then(|card| card.get_attribute("data-work"))
        else {
            return;
        };
        if closest("[data-testid=toggle-abstract]").is_some() {
            on_toggle.run(id);
        } else if let Some(button) = closest("[data-testid=copy-bibtex]") {
            let status = button.next_element_sibling();
            if let (Some(work), Some(status)) = (corpus().work(&id), status) {
                let entry = model::bibtex::entry(work, corpus());
                copy_and_announce(entry, status, "BibTeX copied", "copy-bibtex");
            }
        }
    };
    view! {
        <div class="paper-list" data-testid="works" node_ref=list on:click=on_click inner_html=first></div>
    }
}

/// Shows `works` in `list`: the cards the shelf has (a full card where `full` says the record
/// is at hand), the others written at once in one string, then all put in order, unless they
/// are in order already.
fn place(
    list: &web_sys::HtmlDivElement,
    shelf: &mut Shelf,
    works: &[&Work],
    full: &[bool],
    owner: Option<&str>,
    open: &BTreeSet<String>,
) {
    if shelf.made.is_empty() {
        // The cards already in the list: the pre-rendered page's, or the first string's.
        shelf.shown = shelve(list, shelf, open);
    }
    let mut markup = String::new();
    for (work, &full) in works.iter().zip(full) {
        let ready = shelf.made.get(&work.id).is_some_and(|m| m.full == full);
        if !ready {
            write_card(&mut markup, work, owner, full, open.contains(&work.id));
        }
    }
    if !markup.is_empty() {
        let holder = gloo::utils::document()
            .create_element("div")
            .expect("a div");
        holder.set_inner_html(&markup);
        let _ = shelve(&holder, shelf, open);
    }
    let ids: Vec<String> = works.iter().map(|w| w.id.clone()).collect();
    if ids == shelf.shown && markup.is_empty() {
        return;
    }
    let cards = js_sys::Array::new();
    for made in ids.iter().filter_map(|id| shelf.made.get(id)) {
        cards.push(&made.card);
    }
    list.replace_children_with_node(&cards);
    shelf.shown = ids;
}

/// Puts the cards that are children of `parent` on the shelf (replacing any card of the same
/// work) and returns their works in order.
fn shelve(parent: &web_sys::Element, shelf: &mut Shelf, open: &BTreeSet<String>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut next = parent.first_element_child();
    while let Some(card) = next {
        next = card.next_element_sibling();
        let Some(id) = card.get_attribute("data-work") else {
            continue;
        };
        let full = !card.class_list().contains("outline");
        let unfolded = open.contains(&id);
        ids.push(id.clone());
        shelf.made.insert(
            id,
            Made {
                card,
                full,
                unfolded,
            },
        );
    }
    ids
}

/// Folds or unfolds a card's abstract, if it is not so already.
fn set_unfolded(made: &mut Made, unfolded: bool) {
    if made.unfolded == unfolded || !made.full {
        made.unfolded = unfolded;
        return;
    }
    made.unfolded = unfolded;
    let part = |testid: &str| {
        made.card
            .query_selector(&format!("[data-testid={testid}]"))
            .ok()
            .flatten()
    };
    if let (Some(abstract_text), Some(button)) = (part("abstract"), part("toggle-abstract")) {
        let _ = abstract_text
            .class_list()
            .toggle_with_force("folded", !unfolded);
        let _ = button.set_attribute("aria-expanded", if unfolded { "true" } else { "false" });
        button.set_text_content(Some(toggle_label(unfolded)));
    }
}
