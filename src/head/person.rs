//! schema.org `Person` JSON-LD on a profile page.

use leptos::prelude::*;
use leptos_meta::Script;
use model::Person;
use serde_json::{json, Map, Value};

use super::script_json;
use crate::data::absolute;
use crate::route::Route;

/// The person's JSON-LD, escaped so seed text cannot leave the script element.
#[component]
pub fn PersonJsonLd(person: &'static Person) -> impl IntoView {
    let text = script_json(&person_json_ld(person));
    view! { <Script type_="application/ld+json">{text}</Script> }
}

/// A schema.org `Person`: the name, the profile's address, and only facts a source states
/// (the tagline as description, the research field as `knowsAbout`).
pub fn person_json_ld(person: &Person) -> Value {
    let mut fields = Map::new();
    fields.insert("@context".into(), json!("https://schema.org"));
    fields.insert("@type".into(), json!("Person"));
    fields.insert("name".into(), json!(person.name));
    fields.insert(
        "url".into(),
        json!(absolute(&Route::profile(&person.id).path())),
    );
    if let Some(tagline) = person.profiles.iter().find_map(|p| p.tagline.as_ref()) {
        fields.insert("description".into(), json!(tagline.value));
    }
    let fields_of_work: Vec<&str> = person
        .profiles
        .iter()
        .filter_map(|p| p.field.as_ref())
        .map(|f| model::category::name(&f.value).unwrap_or(&f.value))
        .collect();
    if !fields_of_work.is_empty() {
        fields.insert("knowsAbout".into(), json!(fields_of_work));
    }
    Value::Object(fields)
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
