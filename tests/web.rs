//! Component tests in headless Chromium (wasm-bindgen-test): mount a component, change a
//! signal, let Leptos update the DOM, and read the DOM back.
#![cfg(target_arch = "wasm32")]

use corpus::page::{PageData, Site, Slicer};
use leptos::prelude::*;
use peerscope::components::PaperList;
use peerscope::data::{corpus, set_page};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The seeds, compiled here in the browser as peerscope-site compiles them.
fn seeds() -> &'static corpus::Corpus {
    let docs = [
        (
            "000_7d089291fc781eb8.txt",
            include_bytes!("../seeds/000_7d089291fc781eb8.txt").as_slice(),
        ),
        (
            "001_d424d8d2026d378a.txt",
            include_bytes!("../seeds/001_d424d8d2026d378a.txt"),
        ),
        (
            "002_fe5248a1dea1a1c4.txt",
            include_bytes!("../seeds/002_fe5248a1dea1a1c4.txt"),
        ),
        (
            "003_bc7a43882f371af5.txt",
            include_bytes!("../seeds/003_bc7a43882f371af5.txt"),
        ),
        (
            "004_efb004666ed5f4e3.txt",
            include_bytes!("../seeds/004_efb004666ed5f4e3.txt"),
        ),
    ]
    .map(|(file, bytes)| corpus::Document::new(file, bytes));
    let compiled =
        corpus::compile(&docs, &corpus::Overrides::default()).expect("the seeds compile");
    Box::leak(Box::new(compiled.corpus))
}

/// Makes `page(slicer)` the data of the page on screen, as `boot` does with a page's inline data.
fn show(page: impl Fn(&Slicer, &'static corpus::Corpus) -> PageData) {
    let corpus = seeds();
    let slicer = Slicer::new(corpus, Site::default());
    set_page(Box::leak(Box::new(page(&slicer, corpus))));
}

/// Makes Yixing Xu's profile the page on screen.
fn show_yixing_xu() {
    show(|slicer, corpus| {
        slicer.profile(
            corpus.person("yixing-xu").expect("in the seeds"),
            None,
            1,
            &[],
        )
    });
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
async fn the_app_lists_the_profiled_researchers_from_the_pages_data() {
    show(|slicer, _| slicer.home());
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), peerscope::App);
    leptos::task::tick().await;
    let cards = root
        .query_selector_all("[data-testid=profile-card] h3")
        .unwrap();
    let names: Vec<String> = (0..cards.length())
        .map(|i| cards.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(names, ["Xiaotian Gao", "Xiaoyao Liang", "Yixing Xu"]);
}

#[wasm_bindgen_test]
async fn a_paper_card_unfolds_its_abstract_in_place_when_its_signal_changes() {
    show_yixing_xu();
    let root = container();
    let work = corpus()
        .works
        .iter()
        .find(|w| w.title.value.starts_with("BiMLP"))
        .expect("BiMLP is in the seeds");
    let (open, set_open) = signal(std::collections::BTreeSet::<String>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <PaperList works=vec![work] owner=Some("yixing-xu") open=open
                is_full=Callback::new(|_: String| true)
                on_toggle=Callback::new(move |id: String| set_open.update(|o| if !o.remove(&id) { o.insert(id); }))/>
        }
    });
    leptos::task::tick().await;
    let abstract_el = root
        .query_selector("[data-testid=abstract]")
        .unwrap()
        .unwrap();
    assert!(abstract_el.class_list().contains("folded"));
    // LaTeX is rendered: no raw command reaches the page.
    let text = abstract_el.text_content().unwrap();
    assert!(text.contains("1×1") && !text.contains('\\'), "{text}");

    let toggle: web_sys::HtmlElement = root
        .query_selector("[data-testid=toggle-abstract]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    toggle.click();
    leptos::task::tick().await;
    assert!(open.get_untracked().contains(&work.id));
    // The same element, unfolded: the list was not written again.
    assert!(abstract_el.is_connected());
    assert!(!abstract_el.class_list().contains("folded"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );

    let owner = root.query_selector("a.owner").unwrap().unwrap();
    assert_eq!(owner.text_content().unwrap(), "Yixing Xu");
}

#[wasm_bindgen_test]
async fn a_list_shown_again_puts_back_the_cards_it_made_folded_as_the_view_says() {
    show_yixing_xu();
    let root = container();
    let mut works: Vec<&'static model::Work> = corpus()
        .works_of("yixing-xu")
        .filter(|w| w.abstract_text.is_some())
        .take(3)
        .collect();
    works.sort_by(|a, b| a.id.cmp(&b.id));
    let (shown, set_shown) = signal(works.clone());
    let (open, set_open) = signal(std::collections::BTreeSet::<String>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <PaperList works=shown owner=Some("yixing-xu") open=open
                is_full=Callback::new(|_: String| true)
                on_toggle=Callback::new(|_: String| {})/>
        }
    });
    leptos::task::tick().await;
    let card = |id: &str| root.query_selector(&format!("[data-work='{id}']")).unwrap();
    let first = card(&works[0].id).expect("the first work's card");
    let ids = || {
        let cards = root.query_selector_all("[data-testid=work]").unwrap();
        (0..cards.length())
            .map(|i| {
                cards
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::Element>()
                    .get_attribute("data-work")
                    .unwrap()
            })
            .collect::<Vec<_>>()
    };

    // Another view: the first work leaves the list; its abstract is unfolded meanwhile.
    set_shown.set(vec![works[2], works[1]]);
    leptos::task::tick().await;
    assert_eq!(ids(), [works[2].id.clone(), works[1].id.clone()]);
    assert!(!first.is_connected());
    set_open.set([works[0].id.clone()].into());
    leptos::task::tick().await;

    // The first view again: the same card comes back, unfolded as the view now says.
    set_shown.set(works.clone());
    leptos::task::tick().await;
    assert_eq!(
        ids(),
        works.iter().map(|w| w.id.clone()).collect::<Vec<_>>()
    );
    let back = card(&works[0].id).expect("the first work's card again");
    assert!(back == first, "the card made before is put back");
    let abstract_el = back
        .query_selector("[data-testid=abstract]")
        .unwrap()
        .unwrap();
    assert!(!abstract_el.class_list().contains("folded"));
    let others = card(&works[1].id)
        .unwrap()
        .query_selector("[data-testid=abstract]")
        .unwrap()
        .unwrap();
    assert!(others.class_list().contains("folded"));
}
