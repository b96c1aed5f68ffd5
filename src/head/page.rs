//! The tags every page has: title, description, canonical address, Open Graph and Twitter cards.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use super::{share_image_path, SHARE_IMAGE_SIZE};
use crate::data::absolute;

/// What a page shows, for the Open Graph `og:type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// Home, the network, not found.
    Website,
    /// A person's page.
    Profile,
    /// A work's page.
    Article,
}

impl PageKind {
    fn og_type(self) -> &'static str {
        match self {
            PageKind::Website => "website",
            PageKind::Profile => "profile",
            PageKind::Article => "article",
        }
    }
}

/// The head tags of one page. `path` is the page's address under the site root (`/p/<id>`);
/// `None` for a page without an address of its own (not found), which gets no canonical link
/// and shares the home page's image.
#[component]
pub fn PageMeta(
    /// The page's own title; the app's formatter appends the site name.
    #[prop(into)]
    title: String,
    /// One or two sentences for search results and link previews.
    #[prop(into)]
    description: String,
    #[prop(optional, into)] path: Option<String>,
    kind: PageKind,
    /// What the share image shows, for readers who cannot see it.
    #[prop(into)]
    image_alt: String,
    /// Another page whose share image this page shows (a work page on a site that draws
    /// images for profiles only), instead of its own.
    #[prop(default = None)]
    image_of: Option<String>,
) -> impl IntoView {
    let image = absolute(&share_image_path(
        image_of.as_deref().or(path.as_deref()).unwrap_or("/"),
    ));
    let url = path.as_deref().map(absolute);
    let (width, height) = SHARE_IMAGE_SIZE;
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        {url.clone().map(|url| view! { <Link rel="canonical" href=url/> })}
        <Meta property="og:site_name" content="peerscope"/>
        <Meta property="og:type" content=kind.og_type()/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        {url.map(|url| view! { <Meta property="og:url" content=url/> })}
        <Meta property="og:image" content=image.clone()/>
        <Meta property="og:image:type" content="image/png"/>
        <Meta property="og:image:width" content=width.to_string()/>
        <Meta property="og:image:height" content=height.to_string()/>
        <Meta property="og:image:alt" content=image_alt.clone()/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        <Meta name="twitter:image" content=image/>
        <Meta name="twitter:image:alt" content=image_alt/>
    }
}
