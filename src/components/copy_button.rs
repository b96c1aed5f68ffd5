//! A button that copies text to the clipboard and says whether it did.

use leptos::html::Span;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Copies `text()` when pressed. The outcome is announced; if the browser refuses the
/// clipboard, the text is shown selected so it can be copied by hand.
#[component]
pub fn CopyButton(
    /// The button's label.
    label: &'static str,
    /// What was copied, for the announcement ("Link copied").
    done: &'static str,
    /// The text to copy, read when pressed.
    text: Signal<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let status = NodeRef::<Span>::new();
    let copy = move |_| {
        if let Some(status) = status.get_untracked() {
            copy_and_announce(text.get_untracked(), status.into(), done, testid);
        }
    };
    view! {
        <span class="copy">
            <button type="button" class="button" on:click=copy data-testid=testid>{label}</button>
            <span class="copy-status" role="status" aria-live="polite" node_ref=status></span>
        </span>
    }
}

/// Copies `value` and then says so in `status` (a `role="status"` element): "`done`" with the
/// text copied, or, when the browser keeps the clipboard closed, the text in a box to copy by
/// hand. The copied text is marked `data-testid="{testid}-text"`. Also used by the paper cards,
/// which are HTML text with the same markup (`paper_card.rs`).
pub fn copy_and_announce(
    value: String,
    status: web_sys::Element,
    done: &'static str,
    testid: &'static str,
) {
    spawn_local(async move {
        let copied = write_clipboard(&value).await;
        let document = gloo::utils::document();
        let element = |tag: &str, text: &str| {
            let el = document.create_element(tag).expect("an HTML element");
            el.set_text_content(Some(text));
            el
        };
        let (said, shown) = if copied {
            let said = element("span", done);
            said.set_class_name("copied");
            (said, element("output", &value))
        } else {
            let shown = element("textarea", &value);
            let _ = shown.set_attribute("readonly", "");
            let _ = shown.set_attribute("rows", "2");
            (
                element(
                    "span",
                    "Your browser kept the clipboard closed; copy it from here:",
                ),
                shown,
            )
        };
        shown.set_class_name("copied-text");
        let _ = shown.set_attribute("data-testid", &format!("{testid}-text"));
        status.set_text_content(None);
        let _ = status.append_with_node_2(&said, &shown);
    });
}

/// Writes to the clipboard; false when the browser refuses (no permission, no focus).
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
