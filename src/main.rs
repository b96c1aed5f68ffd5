fn main() {
    console_error_panic_hook::set_once();
    // index.html shows a static loading line until the app starts; the app replaces it.
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(peerscope::App);
}
