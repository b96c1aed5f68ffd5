//! A button that copies text to the clipboard and says whether it did.

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
    let (status, set_status) = signal(None::<Result<String, String>>);
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let outcome = write_clipboard(&value).await;
            set_status.set(Some(if outcome { Ok(value) } else { Err(value) }));
        });
    };
    view! {
        <span class="copy">
            <button type="button" class="button" on:click=copy data-testid=testid>{label}</button>
            <span class="copy-status" role="status" aria-live="polite">
                {move || match status.get() {
                    None => ().into_any(),
                    Some(Ok(value)) => view! {
                        <span class="copied">{done}</span>
                        <output class="copied-text" data-testid=format!("{testid}-text")>{value}</output>
                    }.into_any(),
                    Some(Err(value)) => view! {
                        <span>"Your browser kept the clipboard closed; copy it from here:"</span>
                        <textarea readonly class="copied-text" rows="2" data-testid=format!("{testid}-text")>{value}</textarea>
                    }.into_any(),
                }}
            </span>
        </span>
    }
}

/// Writes to the clipboard; false when the browser refuses (no permission, no focus).
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
