//! schema.org `Person` JSON-LD on a profile page.

use leptos::prelude::*;
use leptos_meta::Script;
use model::Person;

use super::{script_json, Json};
use crate::data::absolute;
use crate::route::Route;

/// The person's JSON-LD, escaped so seed text cannot leave the script element.
#[component]
pub fn PersonJsonLd(person: &'static Person) -> impl IntoView {
    let profile = absolute(&Route::profile(&person.id).path());
    let text = script_json(person_json_ld(person, &profile));
    view! { <Script type_="application/ld+json">{text}</Script> }
}

/// A schema.org `Person`: the name, the profile's address, and only facts a source states
/// (the tagline as description, the research field as `knowsAbout`, the home page and the
/// ORCID and OpenAlex records as `sameAs`).
pub fn person_json_ld<'a>(person: &'a Person, url: &'a str) -> Vec<(&'static str, Json<'a>)> {
    let mut fields = vec![
        ("@context", Json::Text("https://schema.org")),
        ("@type", Json::Text("Person")),
        ("name", Json::Text(&person.name)),
        ("url", Json::Text(url)),
    ];
    if let Some(tagline) = person.profiles.iter().find_map(|p| p.tagline.as_ref()) {
        fields.push(("description", Json::Text(&tagline.value)));
    }
    let fields_of_work: Vec<&str> = person
        .profiles
        .iter()
        .filter_map(|p| p.field.as_ref())
        .map(|f| model::category::name(&f.value).unwrap_or(&f.value))
        .collect();
    if !fields_of_work.is_empty() {
        let fields_of_work = fields_of_work.into_iter().map(Json::Text).collect();
        fields.push(("knowsAbout", Json::List(fields_of_work)));
    }
    let records = person.ids.iter().filter_map(|id| {
        let (kind, bare) = id.value.split_once(':')?;
        let site = match kind {
            "orcid" => "https://orcid.org/",
            "openalex" => "https://openalex.org/",
            _ => return None,
        };
        Some(Json::Owned(format!("{site}{bare}")))
    });
    let same_as: Vec<Json> = person
        .homepage
        .iter()
        .map(|h| Json::Text(&h.value))
        .chain(records)
        .collect();
    if !same_as.is_empty() {
        fields.push(("sameAs", Json::List(same_as)));
    }
    fields
}

/// The headline figures the person's profile pages state (`h-index 30`, `4,549 citations`),
/// for the description and the share image; empty for someone without a profile page.
pub fn stated_figures(person: &Person) -> Vec<String> {
    use model::query::{stated, Figure::*};
    stated(
        person,
        &[HIndex, Citations, Papers, Trust, Followers, Collaborators],
    )
}
