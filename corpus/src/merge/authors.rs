//! A work's authors from all its appearances: the fullest author line in order, names only
//! other lines show, and profile subjects no author line shows.

use super::cite::push_loc;
use super::people::People;
use super::works::Ref;
use crate::model::{AuthorList, AuthorVia, Authorship, Diagnostic};
use crate::parse::Parsed;

/// The authors of a work in order, how complete the list is, and warnings for contradictions.
pub fn authors(
    pages: &[Parsed],
    members: &[Ref],
    people: &People,
) -> (Vec<Authorship>, AuthorList, Vec<Diagnostic>) {
    let lines: Vec<(Ref, bool)> = members
        .iter()
        .map(|r| (*r, pages[r.page].entries[r.entry].authors_truncated))
        .filter(|(r, _)| !pages[r.page].entries[r.entry].authors.is_empty())
        .collect();
    let complete = lines
        .iter()
        .find(|(_, truncated)| !truncated)
        .map(|(r, _)| *r);
    let longest = lines.iter().max_by_key(|(r, _)| {
        (
            pages[r.page].entries[r.entry].authors.len(),
            std::cmp::Reverse(*r),
        )
    });
    let primary = complete.or(longest.map(|(r, _)| *r));
    let mut ordered: Vec<Ref> = primary.into_iter().collect();
    ordered.extend(
        lines
            .iter()
            .map(|(r, _)| *r)
            .filter(|r| Some(*r) != primary),
    );

    let mut list: Vec<Authorship> = Vec::new();
    let mut warnings = Vec::new();
    for r in ordered {
        let page = &pages[r.page];
        for (i, name) in page.entries[r.entry].authors.iter().enumerate() {
            let Some(id) = people.author(r.page, r.entry, i) else {
                continue;
            };
            let at = name.loc(&page.file);
            match list.iter_mut().find(|a| a.person == id) {
                Some(existing) => push_loc(&mut existing.sources, at),
                None => {
                    if complete.is_some_and(|c| c != r) {
                        warnings.push(not_on_complete_list(&name.value, &at, pages, complete));
                    }
                    list.push(Authorship {
                        person: id.to_string(),
                        via: AuthorVia::Listed,
                        sources: vec![at],
                    });
                }
            }
        }
    }
    add_subjects(pages, members, people, &mut list);
    let shape = match (complete, lines.is_empty(), list.is_empty()) {
        (Some(_), _, _) => AuthorList::Complete,
        (None, false, _) => AuthorList::Truncated,
        (None, true, false) => AuthorList::SubjectOnly,
        (None, true, true) => AuthorList::Unknown,
    };
    (list, shape, warnings)
}

/// The subject of a profile page is an author of every work on it: cited by the entry's line,
/// and added after the shown authors when no author line names them.
fn add_subjects(pages: &[Parsed], members: &[Ref], people: &People, list: &mut Vec<Authorship>) {
    for r in members {
        let page = &pages[r.page];
        let Some(subject) = people.subject_of(r.page) else {
            continue;
        };
        let at = page.entries[r.entry].loc(&page.file);
        match list.iter_mut().find(|a| a.person == subject) {
            Some(existing) => push_loc(&mut existing.sources, at),
            None => list.push(Authorship {
                person: subject.to_string(),
                via: AuthorVia::ProfileSubject,
                sources: vec![at],
            }),
        }
    }
}

fn not_on_complete_list(
    name: &str,
    at: &crate::model::Loc,
    pages: &[Parsed],
    complete: Option<Ref>,
) -> Diagnostic {
    let other = complete.map(|c| {
        let page = &pages[c.page];
        page.entries[c.entry].loc(&page.file).to_string()
    });
    Diagnostic::warning(
        &at.file,
        format!(
            "`{name}` is not on the complete author list at {}; added after it",
            other.unwrap_or_default()
        ),
    )
    .at(at.line)
    .hint("one of the two author lists is wrong; correct the seed")
}
