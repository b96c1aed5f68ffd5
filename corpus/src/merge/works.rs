//! Deciding which appearances are the same work: by normalised title, and for works known only
//! by their abstract, by an identical normalised abstract. Never by similarity.

use crate::label;
use crate::model::{Diagnostic, LinkKind, Redirect, WorkDate};
use crate::normalize::key;
use crate::parse::Parsed;
use crate::slug::{hashed, shorten, slug, unique, Claim, MAX_WORK_SLUG};
use std::collections::{BTreeMap, BTreeSet};

/// One entry of one page: `pages[page].entries[entry]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ref {
    /// Index into the pages.
    pub page: usize,
    /// Index into that page's entries.
    pub entry: usize,
}

/// The appearances of one work, in file order, and the title it goes by.
#[derive(Debug, Clone)]
pub struct Group {
    /// The appearances, sorted (so in file order).
    pub members: Vec<Ref>,
    /// The title of the first appearance that has one, or a label derived from the abstract.
    pub title: String,
    /// The title is a derived label (no appearance has a title).
    pub title_derived: bool,
    /// The comparison key that made the group: `title:` or `abstract:` and a normalised text.
    pub key: String,
}

/// Groups every entry of every page into works, with a warning for each entry whose title or
/// abstract has no letter or digit (it is kept, compared by its exact text) and each entry that
/// has neither (it is left out, and said so).
///
/// n log n: titles and abstracts are looked up by key in maps, each key computed once.
pub fn group(pages: &[Parsed]) -> (Vec<Group>, Vec<Diagnostic>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut by_title: BTreeMap<String, usize> = BTreeMap::new();
    let mut untitled = Vec::new();
    let refs = pages
        .iter()
        .enumerate()
        .flat_map(|(page, p)| (0..p.entries.len()).map(move |entry| Ref { page, entry }));
    for r in refs {
        let entry = &pages[r.page].entries[r.entry];
        let Some(title) = entry.title.as_ref().filter(|t| !t.value.trim().is_empty()) else {
            untitled.push(r);
            continue;
        };
        let group_key = match key(&title.value) {
            k if k.is_empty() => {
                diagnostics.push(no_words(
                    &pages[r.page].file,
                    title.line,
                    "title",
                    &title.value,
                ));
                format!("title-text:{}", title.value.trim())
            }
            k => format!("title:{k}"),
        };
        match by_title.get(&group_key) {
            Some(&index) => groups[index].members.push(r),
            None => {
                by_title.insert(group_key.clone(), groups.len());
                groups.push(Group {
                    members: vec![r],
                    title: title.value.clone(),
                    title_derived: false,
                    key: group_key,
                });
            }
        }
    }
    // An abstract-only appearance joins the first work (in the order made) that has an
    // appearance with the same abstract.
    let mut by_abstract: BTreeMap<String, usize> = BTreeMap::new();
    for (index, group) in groups.iter().enumerate() {
        for r in &group.members {
            if let Some(k) = abstract_key(pages, *r) {
                by_abstract.entry(k).or_insert(index);
            }
        }
    }
    for r in untitled {
        let entry = &pages[r.page].entries[r.entry];
        let file = &pages[r.page].file;
        let Some(abstract_key) = abstract_key(pages, r) else {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    "this entry has neither a title nor an abstract; it is left out",
                )
                .at(entry.line)
                .hint("give the work its title, or remove the entry"),
            );
            continue;
        };
        if let Some(text) = &entry.abstract_text {
            if abstract_key.starts_with("abstract-text:") {
                diagnostics.push(no_words(file, text.line, "abstract", &text.value));
            }
        }
        match by_abstract.get(&abstract_key) {
            Some(&index) => groups[index].members.push(r),
            None => {
                by_abstract.insert(abstract_key.clone(), groups.len());
                groups.push(Group {
                    members: vec![r],
                    title: derived_title(pages, r),
                    title_derived: true,
                    key: format!("abstract:{abstract_key}"),
                });
            }
        }
    }
    let mut groups = join_by_ids(pages, groups);
    for group in &mut groups {
        group.members.sort();
    }
    (groups, diagnostics)
}

/// The ids a bibliography gives an entry, as merge keys: its DOI (case folded) and its arXiv id
/// without the version (`2202.07471v2` is `2202.07471`).
fn ids(entry: &crate::parse::Entry) -> impl Iterator<Item = String> + '_ {
    entry.links.iter().filter_map(|(kind, url)| match kind {
        LinkKind::Doi => {
            let doi = url.value.trim_start_matches("https://doi.org/");
            Some(format!("doi:{}", doi.to_lowercase()))
        }
        LinkKind::Arxiv => {
            let id = url.value.trim_start_matches("https://arxiv.org/abs/");
            let bare = match id.rsplit_once('v') {
                Some((base, version))
                    if !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    base
                }
                _ => id,
            };
            Some(format!("arxiv:{}", bare.to_lowercase()))
        }
        LinkKind::OpenAlex => {
            let id = url.value.trim_start_matches("https://openalex.org/");
            Some(format!("openalex:{}", id.to_uppercase()))
        }
        _ => None,
    })
}

/// Groups that share a DOI, an arXiv id or an OpenAlex id are one work, whatever their titles (a
/// preprint and its published version): each joins the first group made among them, whose title
/// it keeps.
fn join_by_ids(pages: &[Parsed], groups: Vec<Group>) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for (index, group) in groups.iter().enumerate() {
        for r in &group.members {
            for id in ids(&pages[r.page].entries[r.entry]) {
                match owner.get(&id) {
                    Some(&other) => {
                        let (a, b) = (root(&mut parent, other), root(&mut parent, index));
                        // The earlier group stays the root, so the first made keeps its title.
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        owner.insert(id, index);
                    }
                }
            }
        }
    }
    let mut joined: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    for index in 0..joined.len() {
        let to = root(&mut parent, index);
        if to != index {
            if let Some(group) = joined[index].take() {
                if let Some(target) = joined[to].as_mut() {
                    target.members.extend(group.members);
                }
            }
        }
    }
    joined.into_iter().flatten().collect()
}

/// A title or abstract without a letter or digit (`!!!`) has an empty comparison key: the work
/// is kept, compared by its exact text, and its id falls back to `work`.
fn no_words(file: &str, line: u32, field: &str, text: &str) -> Diagnostic {
    Diagnostic::warning(
        file,
        format!(
            "the {field} `{}` has no letter or digit; the work is kept, matched only by this exact text, under a fallback id",
            crate::parse::lines::preview(text.trim())
        ),
    )
    .at(line)
    .hint(format!("check that the seed gives the work's real {field}"))
}

/// The key an abstract is compared by: its normalised text, or its exact text when that is
/// empty; `None` for no abstract at all.
fn abstract_key(pages: &[Parsed], r: Ref) -> Option<String> {
    let text = pages[r.page].entries[r.entry].abstract_text.as_ref()?;
    match key(&text.value) {
        k if !k.is_empty() => Some(k),
        _ if text.value.trim().is_empty() => None,
        _ => Some(format!("abstract-text:{}", text.value.trim())),
    }
}

fn derived_title(pages: &[Parsed], r: Ref) -> String {
    let text = pages[r.page].entries[r.entry]
        .abstract_text
        .as_ref()
        .map_or("", |t| t.value.as_str());
    Some(label::derive(text))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "Untitled abstract".to_string())
}

/// Work ids: the title's slug cut at a word boundary; on a clash see [`unique`] (the work with
/// the most appearances, then the earliest, keeps the plain slug, the others get a hash of their
/// own key).
pub fn assign_ids(groups: &[Group], dates: &[Vec<Option<WorkDate>>]) -> Vec<String> {
    let claims: Vec<Claim<'_>> = groups
        .iter()
        .map(|g| Claim {
            base: shorten(&slug(&g.title), MAX_WORK_SLUG).to_string(),
            key: g.key.as_str(),
            weight: g.members.len(),
            year: g
                .members
                .iter()
                .filter_map(|r| Some(dates.get(r.page)?.get(r.entry)?.as_ref()?.year))
                .min(),
        })
        .collect();
    unique(&claims, "work")
}

/// The addresses a merge retired: an appearance that joined another work's group (an
/// abstract-only entry that a titled page took in, or a title spelled another way) had an id of
/// its own before that page was added, its title's slug or, on a clash, that slug with a hash of
/// its own key. Each such id that no work holds now leads to the work that took the appearance
/// in. An id two works would retire is left out: it cannot lead to both.
pub fn retired(pages: &[Parsed], groups: &[Group], ids: &[String]) -> Vec<Redirect> {
    let taken: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let mut wanted: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (group, id) in groups.iter().zip(ids) {
        for &r in &group.members {
            let entry = &pages[r.page].entries[r.entry];
            let (title, own_key) = match entry.title.as_ref().filter(|t| !t.value.trim().is_empty())
            {
                Some(t) => (t.value.clone(), format!("title:{}", key(&t.value))),
                None => match abstract_key(pages, r) {
                    Some(k) => (derived_title(pages, r), format!("abstract:{k}")),
                    None => continue,
                },
            };
            let base = shorten(&slug(&title), MAX_WORK_SLUG).to_string();
            if base.is_empty() {
                continue;
            }
            // An appearance of the group's own key was never apart from it: only its title's
            // spelling may have given the group another slug. One that joined the group had
            // its own id, plain or (on a clash) hashed.
            let joined = own_key != group.key;
            let old = [joined.then(|| hashed(&base, &own_key)), Some(base)];
            for old in old.into_iter().flatten() {
                if !taken.contains(old.as_str()) {
                    wanted.entry(old).or_default().insert(id.as_str());
                }
            }
        }
    }
    wanted
        .into_iter()
        .filter(|(_, to)| to.len() == 1)
        .filter_map(|(from, to)| {
            Some(Redirect {
                from,
                to: to.first()?.to_string(),
            })
        })
        .collect()
}
