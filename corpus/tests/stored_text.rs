//! One stored text form (issue 13): a title and a name written with LaTeX accents in one input
//! and in Unicode (composed or not) in another are the same text, so the work and its author
//! are one.

mod common;

use common::*;
use corpus::compile_dir;

#[test]
fn latex_accents_and_unicode_from_every_input_are_one_text() {
    let dir = folder(
        "stored-text",
        &[
            (
                "a.bib",
                br#"@article{munoz2021, title = {Sch{\"o}dinger Bridges \& Fa\c{c}ades with $\alpha$}, author = {Mu{\~n}oz, Jos{\'e}}, year = 2021}
"#,
            ),
            (
                // Zotero writes Unicode, here decomposed (o + U+0308).
                "b.json",
                "[{\"id\": \"m\", \"type\": \"article-journal\", \"title\": \"Scho\u{308}dinger Bridges & Façades with $\\\\alpha$\", \"author\": [{\"family\": \"Muñoz\", \"given\": \"José\"}], \"issued\": {\"date-parts\": [[2021]]}}]\n".as_bytes(),
            ),
            (
                "c.ris",
                br#"TY  - JOUR
TI  - Sch\"odinger Bridges \& Fa{\c c}ades with $\alpha$
AU  - Mu\~noz, Jos\'e
PY  - 2021
ER  - 
"#,
            ),
        ],
    );
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let works = &compiled.corpus.works;
    assert_eq!(works.len(), 1, "{works:#?}");
    assert_eq!(
        works[0].title.value,
        "Schödinger Bridges & Façades with $\\alpha$"
    );
    assert_eq!(works[0].sources.len(), 3);
    let people: Vec<&str> = compiled
        .corpus
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(people, ["José Muñoz"]);
}
