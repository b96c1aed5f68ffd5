//! Saving text the app made as a file on the reader's machine: an `<a download>` on a `data:`
//! address, clicked. A `data:` address rather than a `Blob` URL: nothing to revoke, no more
//! `web-sys` features, and nothing leaves the page (the text is made from the page's data).

use wasm_bindgen::JsCast;

/// Offers `text` as a file called `name`, of media type `mime`. Called from a click handler, so
/// the browser lets it start a download.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}
