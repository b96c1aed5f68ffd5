//! One `Work` from the appearances grouped as one: the union of what they say, every field
//! cited, disagreements warned about.

use super::cite::{one, push_loc, union};
use super::people::{loc, People};
use super::works::{Group, Ref};
use crate::model::{
    Cited, Code, DatePrecision, Diagnostic, Link, Loc, Publication, Work, WorkDate,
};
use crate::normalize::key;
use crate::parse::{At, Entry, Parsed};

/// Everything a work is built from: the pages, their resolved dates and the people.
pub struct Inputs<'a> {
    /// The parsed pages, in file order.
    pub pages: &'a [Parsed],
    /// `dates[page][entry]`, from `crate::dates::resolve_page`.
    pub dates: &'a [Vec<Option<WorkDate>>],
    /// Everyone, to turn names into person ids.
    pub people: &'a People,
}

/// Builds the work of a group under the given id.
pub fn work(inputs: &Inputs<'_>, group: &Group, id: String) -> (Work, Vec<Diagnostic>) {
    let entries: Vec<(&str, &Entry)> = group
        .members
        .iter()
        .map(|r| {
            (
                inputs.pages[r.page].file.as_str(),
                &inputs.pages[r.page].entries[r.entry],
            )
        })
        .collect();
    let cited = |pick: &dyn Fn(&Entry) -> Option<&At<String>>| -> Vec<(String, Loc)> {
        entries
            .iter()
            .filter_map(|(file, e)| pick(e).map(|a| (a.value.clone(), a.loc(file))))
            .collect()
    };
    let mut warnings = Vec::new();
    let (authors, author_list, found) =
        super::authors::authors(inputs.pages, &group.members, inputs.people);
    warnings.extend(found);
    let (kind, found) = one("kind", cited(&|e| e.kind.as_ref()), String::clone);
    warnings.extend(found);
    let (venue, found) = one("venue", cited(&|e| e.venue.as_ref()), String::clone);
    warnings.extend(found);
    let (abstract_text, found) = one("abstract", cited(&|e| e.abstract_text.as_ref()), |a| key(a));
    warnings.extend(found);
    let (date, found) = date(inputs, &group.members);
    warnings.extend(found);
    let scores = entries
        .iter()
        .filter_map(|(file, e)| e.score.as_ref().map(|s| (s.value, s.loc(file))))
        .collect();
    let (score, found) = one("score", scores, |s: &f64| s.to_bits());
    warnings.extend(found);
    let mut one_of = |field: &str, pick: &dyn Fn(&Entry) -> Option<&At<String>>| {
        let (value, found) = one(field, cited(pick), String::clone);
        warnings.extend(found);
        value
    };
    let publication = Publication {
        volume: one_of("volume", &|e| e.volume.as_ref()),
        number: one_of("number", &|e| e.number.as_ref()),
        pages: one_of("pages", &|e| e.pages.as_ref()),
        publisher: one_of("publisher", &|e| e.publisher.as_ref()),
        editors: one_of("editors", &|e| e.editors.as_ref()),
    };
    let links = union(
        entries
            .iter()
            .flat_map(|(file, e)| {
                e.links
                    .iter()
                    .map(|(kind, url)| ((*kind, url.value.clone()), url.loc(file)))
            })
            .collect(),
        link_key,
    )
    .into_iter()
    .map(|c| Link {
        kind: c.value.0,
        url: c.value.1,
        sources: c.sources,
    })
    .collect();
    let keys = union(cited(&|e| e.key.as_ref()), String::clone);
    let (title, found) = title(group, &entries);
    warnings.extend(found);
    let work = Work {
        id,
        title,
        title_derived: group.title_derived,
        authors,
        author_list,
        date,
        revised: revised(&entries),
        categories: union(
            entries
                .iter()
                .flat_map(|(file, e)| e.categories.iter().map(|c| (c.value.clone(), c.loc(file))))
                .collect(),
            String::clone,
        ),
        kind,
        venue,
        abstract_text,
        code: code(&entries),
        score,
        publication: (!publication.is_empty()).then_some(publication),
        links,
        keys,
        citations: union(
            entries
                .iter()
                .flat_map(|(file, e)| e.citations.iter().map(|c| (c.value.clone(), c.loc(file))))
                .collect(),
            Clone::clone,
        ),
        sources: entries.iter().map(|(file, e)| e.loc(file)).collect(),
    };
    (work, warnings)
}

/// Two links are one when they lead to the same thing: an arXiv page whatever its version
/// (`…/2212.14158v2` and `…/2212.14158`; the first written is shown), a DOI in any case.
fn link_key(link: &(crate::model::LinkKind, String)) -> (crate::model::LinkKind, String) {
    use crate::model::LinkKind;
    let (kind, url) = link;
    let key = match kind {
        LinkKind::Arxiv => {
            let bare = url.trim_end_matches(|c: char| c.is_ascii_digit());
            match bare.strip_suffix('v') {
                Some(id) if bare.len() < url.len() => id.to_string(),
                _ => url.clone(),
            }
        }
        LinkKind::Doi => url.to_lowercase(),
        _ => url.clone(),
    };
    (*kind, key)
}

/// The title and every line stating it; a derived label cites the abstract it came from. An
/// appearance that joined by its DOI or arXiv id under another title (a published version
/// renamed) does not cite it: a warning names its title instead.
fn title(group: &Group, entries: &[(&str, &Entry)]) -> (Cited<String>, Vec<Diagnostic>) {
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let kept = key(&group.title);
    for (file, entry) in entries {
        let line = match (&entry.title, &entry.abstract_text) {
            (Some(title), _) if key(&title.value) == kept || group.title_derived => {
                Some(title.loc(file))
            }
            (Some(title), _) => {
                warnings.push(
                    Diagnostic::warning(
                        file,
                        format!(
                            "the same DOI, arXiv id or OpenAlex id as `{}`, under another title: `{}`; one work, under the first title",
                            group.title, title.value
                        ),
                    )
                    .at(title.line)
                    .hint("a preprint and its published version are one work; if these are two works, correct the id"),
                );
                None
            }
            (None, Some(text)) if group.title_derived => Some(text.loc(file)),
            _ => None,
        };
        if let Some(at) = line {
            push_loc(&mut sources, at);
        }
    }
    let title = Cited {
        value: group.title.clone(),
        sources,
    };
    (title, warnings)
}

/// The most precise date, preferring stated years to inferred ones, cited by every
/// appearance that agrees with it; a warning for each that does not.
fn date(inputs: &Inputs<'_>, members: &[Ref]) -> (Option<WorkDate>, Vec<Diagnostic>) {
    let dates: Vec<&WorkDate> = members
        .iter()
        .filter_map(|r| inputs.dates.get(r.page)?.get(r.entry)?.as_ref())
        .collect();
    let best = dates
        .iter()
        .copied()
        .min_by_key(|d| (d.year_inferred, std::cmp::Reverse(d.precision as u8)));
    let Some(best) = best else {
        return (None, Vec::new());
    };
    let mut kept = best.clone();
    let mut warnings = Vec::new();
    for other in dates.iter().filter(|d| !std::ptr::eq(**d, best)) {
        if agrees(best, other) {
            other
                .sources
                .iter()
                .for_each(|s| push_loc(&mut kept.sources, s.clone()));
        } else {
            let at = &other.sources[0];
            let best_at = &best.sources[0];
            warnings.push(
                Diagnostic::warning(
                    &at.file,
                    format!("date differs from {best_at}; kept that one"),
                )
                .at(at.line)
                .hint("correct the seed whose date is wrong"),
            );
        }
    }
    (Some(kept), warnings)
}

/// A date as year, month and day, in the order dates sort.
type Ymd = (i32, Option<u8>, Option<u8>);

/// The latest revision date any appearance states, cited by every appearance stating it.
fn revised(entries: &[(&str, &Entry)]) -> Option<WorkDate> {
    let stated = |(file, e): &(&str, &Entry)| {
        let date = e.revised.as_ref()?;
        Some((
            (date.value.year?, date.value.month, date.value.day),
            date.loc(file),
        ))
    };
    let all: Vec<(Ymd, Loc)> = entries.iter().filter_map(stated).collect();
    let latest = all.iter().map(|(d, _)| *d).max()?;
    let (year, month, day) = latest;
    Some(WorkDate {
        year,
        month,
        day,
        precision: DatePrecision::of(month, day),
        year_inferred: false,
        year_rule: None,
        sources: all
            .into_iter()
            .filter(|(d, _)| *d == latest)
            .map(|(_, at)| at)
            .collect(),
    })
}

/// Two dates agree when each field both state is equal.
fn agrees(a: &WorkDate, b: &WorkDate) -> bool {
    let same = |x: Option<u8>, y: Option<u8>| x.is_none() || y.is_none() || x == y;
    a.year == b.year && same(a.month, b.month) && same(a.day, b.day)
}

/// `Code` flags and the URLs found in the abstracts.
fn code(entries: &[(&str, &Entry)]) -> Code {
    let flag = entries
        .iter()
        .filter_map(|(file, e)| e.code_flag.map(|line| loc(file, line)))
        .collect();
    let urls = entries
        .iter()
        .flat_map(|(file, e)| e.urls.iter().map(|u| (u.value.clone(), u.loc(file))))
        .collect();
    Code {
        flag,
        urls: union(urls, String::clone),
    }
}
