//! Renders the app natively, as the browser would at an address: the body markup and, through
//! leptos_meta, the head tags the page asked for.

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use peerscope::data::{href, set_page};
use peerscope::head::script_json;
use peerscope::App;

use crate::data::site;
use crate::template::Template;

/// The complete document for `route` (`/p/yixing-xu`, without the base path): `template` with
/// the app rendered at that address from the page's own data, that data inlined, and its title
/// and head tags in place.
pub fn render_page(template: &Template, route: &str) -> String {
    let mut data = site().page_data(route);
    let json = script_json(&serde_json::to_value(&data).expect("page data serialises"));
    // The app renders from the data as the browser will read it: outlines made works.
    data.expand();
    // The app reads the page's data through `peerscope::data` for as long as it renders; one
    // page's slice per route, kept for the build (the browser holds one page's).
    set_page(Box::leak(Box::new(data)));
    let owner = Owner::new();
    let page = owner.with(|| {
        // leptos_router reads the address from this on the server.
        provide_context(RequestUrl::new(&href(route)));
        let (meta, head) = ServerMetaContext::new();
        provide_context(meta);
        let body = view! { <App/> }.to_html();
        let document = template.page(route, &body, &json);
        futures::executor::block_on(async move {
            head.inject_meta_context(futures::stream::iter([document]))
                .await
                .collect::<String>()
                .await
        })
    });
    owner.unset();
    page
}
