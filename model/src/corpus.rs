//! The corpus model: people, works, and the sources that said so.
//!
//! Plain data with serde derives and no I/O. The compiler (`peerscope-corpus`) builds it from seed
//! documents; the app reads slices of it from each page's data. `docs/corpus-schema.md` describes
//! every field; a test keeps the two in step.

use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or shape, so an app never misreads an older corpus.
/// 2: categories carry their scheme (`arxiv:cs.CV`); text is stored in one form from every input.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything the seeds say, resolved: who, what they wrote, and where each fact came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema_version: u32,
    /// Sorted by id.
    pub people: Vec<Person>,
    /// Sorted by id.
    pub works: Vec<Work>,
    /// One per seed document, sorted by file name.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Recoverable oddities met while compiling; shown to the reader, never hidden.
    pub warnings: Vec<Diagnostic>,
    /// Work addresses that a merge retired, each leading to the work that took it in; sorted
    /// by `from`.
    #[serde(default)]
    pub redirects: Vec<Redirect>,
}

/// `/w/<from>` now lives at `/w/<to>`: the id a work would have on its own (the id an earlier
/// build gave it, before a new document joined it to another work) leads to the merged work.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Redirect {
    pub from: String,
    pub to: String,
}

/// A place in a seed document: the file name (no directory), a 1-based line, and for a fact
/// read from JSON its RFC 6901 pointer (`/results/0/title`; within the record for JSON Lines).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Loc {
    pub file: String,
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

impl Loc {
    /// What follows the file name where a page cites this place: `:12`, or
    /// `:12 (/results/0/title)` for a fact read from JSON.
    pub fn place(&self) -> String {
        match &self.pointer {
            Some(pointer) => format!(":{} ({pointer})", self.line),
            None => format!(":{}", self.line),
        }
    }
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.file, self.place())
    }
}

/// A value together with every place that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cited<T> {
    pub value: T,
    #[serde(default)]
    pub sources: Vec<Loc>,
}

/// Two lists, each sorted by `key`, as one list sorted by it. A merge, not a sort: the app
/// calls this where it joins a page's records with more of them, and each call site of a
/// sort costs the wasm kilobytes of sorting code.
pub fn merge_sorted<T>(a: Vec<T>, b: Vec<T>, key: impl Fn(&T) -> &str) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

impl<T> Cited<T> {
    /// `value` without the places that state it: what outlines and indexes keep.
    pub fn bare(value: T) -> Cited<T> {
        Cited {
            value,
            sources: Vec::new(),
        }
    }
}

/// A figure a profile page states about its subject, and the line of that page it is on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stated<T> {
    pub value: T,
    pub line: u32,
}

/// One person named anywhere in the seeds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// URL slug of the name: ASCII, lowercase, hyphens (`zoe-nunez`); `-2`, `-3` for a second
    /// distinct person of the same slug.
    pub id: String,
    /// The name as first written in the seeds.
    pub name: String,
    /// Every line that names this person.
    #[serde(default)]
    pub mentions: Vec<Loc>,
    /// Other ways the seeds write this person's name (`L. L. G. Carrette`), each with the lines
    /// that write it: names merged into this person by their initials.
    #[serde(default)]
    pub aliases: Vec<Cited<String>>,
    /// Author ids the sources give (`orcid:0000-0002-1825-0097`, `openalex:A5023888391`), each
    /// with the lines giving it. Two ids of one kind are never one person.
    #[serde(default)]
    pub ids: Vec<Cited<String>>,
    /// The line of `peerscope.overrides` whose `name` rule set `name`; `None` when `name` is as
    /// first written in the seeds.
    #[serde(default)]
    pub name_source: Option<Loc>,
    /// The person's home page, as the data owner's `homepage` rule gives it (an http(s) URL).
    #[serde(default)]
    pub homepage: Option<Cited<String>>,
    /// The person's place among those home leads with (0 first), as the owner's `lead` rule
    /// gives it; `None` for everyone else.
    #[serde(default)]
    pub lead: Option<Cited<u32>>,
    /// What each profile page about this person states, one entry per page. Never recomputed.
    pub profiles: Vec<Profile>,
    /// Figures peerscope counts itself from the corpus, kept apart from the stated ones.
    pub computed: PersonComputed,
}

/// Figures computed by the compiler, not stated by any source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonComputed {
    /// Works in the corpus that list this person as an author.
    pub works: u32,
    /// Distinct people named as co-authors on those works.
    pub collaborators: u32,
}

/// What one profile page states about its subject. Absent figures are `None`: unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The seed file of the page.
    pub source: String,
    /// The line of the page that names the subject.
    pub line: u32,
    pub format: Format,
    pub tagline: Option<Stated<String>>,
    /// Status labels shown under the name (`Researcher`, `Affiliation not imported`, ...).
    #[serde(default)]
    pub badges: Vec<Stated<String>>,
    pub trust: Option<Stated<u32>>,
    /// The label beside the trust figure (`Unverified`).
    pub trust_label: Option<Stated<String>>,
    /// Verification level as written (`L1`).
    pub verification: Option<Stated<String>>,
    /// Whether the author record is claimed (`Unclaimed author` → false).
    pub claimed: Option<Stated<bool>>,
    pub works: Option<Stated<u32>>,
    pub followers: Option<Stated<u32>>,
    pub topics: Option<Stated<u32>>,
    /// The stated number of close collaborators (the page may name none of them).
    pub collaborators: Option<Stated<u32>>,
    /// Research field as an arXiv category, normalised (`CV` → `cs.CV`).
    pub field: Option<Stated<String>>,
    pub h_index: Option<Stated<u32>>,
    pub papers: Option<Stated<u32>>,
    pub citations: Option<Stated<u32>>,
    pub novelty_percent: Option<Stated<u32>>,
    pub ai_score: Option<Stated<u32>>,
    /// The count the page's work-list heading states (`2 published item(s)`, `26 Papers`).
    pub listed: Option<Stated<u32>>,
    /// Works the page actually lists, by work id, in page order.
    #[serde(default)]
    pub works_listed: Vec<String>,
}

/// One work (paper, preprint, ...) seen in one or more seed documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// URL slug of the title (shortened at a word boundary), `-2` on a clash.
    pub id: String,
    pub title: Cited<String>,
    /// True when no source gives a title and `title` is a label derived from the abstract.
    pub title_derived: bool,
    /// Authors in order. Profile subjects not shown on a truncated author line come last.
    pub authors: Vec<Authorship>,
    pub author_list: AuthorList,
    pub date: Option<WorkDate>,
    /// When its latest version appeared (an arXiv entry's `updated`), the latest any source
    /// states; `None` when no source says.
    #[serde(default)]
    pub revised: Option<WorkDate>,
    /// Categories with their scheme (`arxiv:cs.CV`, `openalex:…`, `kw:…`; `category`), the
    /// arXiv primary first.
    pub categories: Vec<Cited<String>>,
    /// `preprint`, ...
    pub kind: Option<Cited<String>>,
    /// `arXiv`, ...
    pub venue: Option<Cited<String>>,
    /// The abstract as written (LaTeX intact); hard-wrapped lines are joined with spaces.
    #[serde(rename = "abstract")]
    pub abstract_text: Option<Cited<String>>,
    pub code: Code,
    /// A per-paper score where a source gives one (`78.0`).
    pub score: Option<Cited<f64>>,
    /// Where the work appeared beyond its venue, as a bibliography states it; `None` when no
    /// source says.
    #[serde(default)]
    pub publication: Option<Publication>,
    /// Links a bibliography gives for the work (DOI, arXiv, PDF, ...).
    #[serde(default)]
    pub links: Vec<Link>,
    /// The citation keys the bibliographies listing the work give it.
    #[serde(default)]
    pub keys: Vec<Cited<String>>,
    /// How many works cite this one, as each source states it on its date (OpenAlex's
    /// `cited_by_count`). Never counted by peerscope: the corpus holds a fraction of the works.
    #[serde(default)]
    pub citations: Vec<Cited<CitationCount>>,
    /// The line where each appearance of this work begins.
    #[serde(default)]
    pub sources: Vec<Loc>,
}

/// A citation count a source states about a work.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CitationCount {
    pub count: u32,
    /// Who states it (`OpenAlex`).
    pub by: String,
    /// The day the source last updated its record of the work (`2024-05-01`), when it says.
    pub as_of: Option<String>,
}

/// Where a work appeared beyond its venue: what a bibliography states besides the journal or
/// book title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub volume: Option<Cited<String>>,
    pub number: Option<Cited<String>>,
    /// As written, a range with an en dash (`1–12`).
    pub pages: Option<Cited<String>>,
    pub publisher: Option<Cited<String>>,
    /// The editors' names, as the pages write names, joined with `, `.
    pub editors: Option<Cited<String>>,
}

impl Publication {
    /// Whether no field is known.
    pub fn is_empty(&self) -> bool {
        self.volume.is_none()
            && self.number.is_none()
            && self.pages.is_none()
            && self.publisher.is_none()
            && self.editors.is_none()
    }
}

/// A link to the work a source gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    #[serde(default)]
    pub sources: Vec<Loc>,
}

/// What a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// `https://doi.org/…`
    Doi,
    /// `https://arxiv.org/abs/…`
    Arxiv,
    Pdf,
    /// The work's own page (`url`).
    Url,
    Html,
    Slides,
    /// The work's record at OpenAlex (`https://openalex.org/W…`).
    #[serde(rename = "openalex")]
    OpenAlex,
}

impl LinkKind {
    /// The link's name on a work page.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Doi => "DOI",
            LinkKind::Arxiv => "arXiv",
            LinkKind::Pdf => "PDF",
            LinkKind::Url => "Web page",
            LinkKind::Html => "HTML",
            LinkKind::Slides => "Slides",
            LinkKind::OpenAlex => "OpenAlex",
        }
    }
}

impl Person {
    /// A person known by their id and name only, no line cited: the caller sets the rest.
    pub fn bare(id: String, name: String) -> Person {
        Person {
            id,
            name,
            mentions: Vec::new(),
            aliases: Vec::new(),
            ids: Vec::new(),
            name_source: None,
            homepage: None,
            lead: None,
            profiles: Vec::new(),
            computed: PersonComputed::default(),
        }
    }
}

impl Work {
    /// A work known by its id and title only, no line cited: the start of an outline, whose
    /// other facts the caller sets.
    pub fn bare(id: String, title: String) -> Work {
        Work {
            id,
            title: Cited::bare(title),
            title_derived: false,
            authors: Vec::new(),
            author_list: AuthorList::Complete,
            date: None,
            revised: None,
            categories: Vec::new(),
            kind: None,
            venue: None,
            abstract_text: None,
            code: Code::default(),
            score: None,
            publication: None,
            links: Vec::new(),
            keys: Vec::new(),
            citations: Vec::new(),
            sources: Vec::new(),
        }
    }
}

/// One author of a work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Authorship {
    /// A person id.
    pub person: String,
    pub via: AuthorVia,
    #[serde(default)]
    pub sources: Vec<Loc>,
}

impl Authorship {
    /// `person` as an author, no line cited.
    pub fn bare(person: String, via: AuthorVia) -> Authorship {
        Authorship {
            person,
            via,
            sources: Vec::new(),
        }
    }
}

/// Why peerscope lists someone as an author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorVia {
    /// Named on an author line.
    Listed,
    /// The work is on this person's profile page, and no author line shown names them
    /// (a truncated list, or a page that lists no authors). Position unknown.
    ProfileSubject,
}

/// How much of the author list the sources show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorList {
    /// Some source gives the whole list.
    Complete,
    /// The longest list shown ends in `et al.`.
    Truncated,
    /// Only a profile page lists it: its subject is the one author known.
    SubjectOnly,
    /// No source names any author (abstract-only works).
    Unknown,
}

/// When a work appeared, as precisely as the sources say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub precision: DatePrecision,
    /// True when no source states the year and peerscope inferred it (see `year_rule`).
    pub year_inferred: bool,
    /// How an inferred year was decided; `None` for stated years.
    pub year_rule: Option<String>,
    #[serde(default)]
    pub sources: Vec<Loc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

impl DatePrecision {
    /// How precise a date that states this month and day is.
    pub fn of(month: Option<u8>, day: Option<u8>) -> DatePrecision {
        match (month, day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }
}

/// Code availability: a `Code` flag on a listing, and URLs found in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Code {
    /// Lines that show a `Code` flag.
    #[serde(default)]
    pub flag: Vec<Loc>,
    #[serde(default)]
    pub urls: Vec<Cited<String>>,
}

/// One seed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub format: Format,
    pub lines: u32,
    /// The person the document is about (profile pages), as a person id.
    pub subject: Option<String>,
    /// Lines that carry a fact used in the corpus.
    pub used_lines: u32,
    /// Lines recognised as the site's own text (menus, buttons, notices, recommendations).
    pub boilerplate_lines: u32,
    pub blank_lines: u32,
    /// Lines no parser understood (each also a warning); 0 for every seed document.
    pub unaccounted_lines: u32,
}

/// The document formats peerscope reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A profile page with a trust snapshot and a published-work list.
    #[default]
    ProfileTrust,
    /// A profile page with h-index, citations and a paper list.
    ProfilePapers,
    /// A single paper's page: title, authors, abstract, categories, date.
    PaperPage,
    /// Lines beginning `Abstract:`.
    AbstractList,
    /// A BibTeX or BibLaTeX bibliography (`.bib`).
    Bibtex,
    /// A CSL-JSON bibliography (`.json`), as Zotero exports it.
    CslJson,
    /// OpenAlex works (`.json`, `.jsonl`): one work, a list response, or JSON Lines.
    #[serde(rename = "openalex")]
    OpenAlex,
    /// An arXiv API answer: an Atom feed of entries.
    ArxivAtom,
    /// A RIS file (`.ris`), as EndNote, Mendeley and Zotero export.
    Ris,
}

/// An error or warning about a seed document, with where and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based; `None` for the whole file.
    pub line: Option<u32>,
    /// 1-based, in characters.
    pub column: Option<u32>,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Warning,
    Error,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{kind}: {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl Corpus {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.people[i])
    }

    /// The work with this id.
    pub fn work(&self, id: &str) -> Option<&Work> {
        self.works
            .binary_search_by(|w| w.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.works[i])
    }

    /// People with at least one profile page or a `lead` place: those the owner's `lead` rule
    /// names first, in its order, then the others in name order.
    pub fn profiled(&self) -> Vec<&Person> {
        let mut v: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| !p.profiles.is_empty() || p.lead.is_some())
            .collect();
        let place = |p: &Person| p.lead.as_ref().map_or(u32::MAX, |l| l.value);
        crate::sort::sort_by(&mut v, |a, b| {
            place(a).cmp(&place(b)).then_with(|| a.name.cmp(&b.name))
        });
        v
    }

    /// Works that list this person as an author, in corpus order.
    pub fn works_of<'a>(&'a self, person: &'a str) -> impl Iterator<Item = &'a Work> + 'a {
        self.works.iter().filter(move |w| w.has_author(person))
    }
}

impl Work {
    /// Whether this person is among the authors.
    pub fn has_author(&self, person: &str) -> bool {
        self.authors.iter().any(|a| a.person == person)
    }
}

#[cfg(test)]
mod tests {
    use super::merge_sorted;

    #[test]
    fn merging_two_sorted_lists_gives_one_sorted_list_with_every_item() {
        fn key(s: &String) -> &str {
            s
        }
        let merged = merge_sorted(
            vec!["a".to_string(), "c".into(), "e".into()],
            vec!["b".to_string(), "c".into(), "f".into(), "g".into()],
            key,
        );
        assert_eq!(merged, ["a", "b", "c", "c", "e", "f", "g"]);
        assert_eq!(merge_sorted(Vec::new(), vec!["x".to_string()], key), ["x"]);
        assert!(merge_sorted(Vec::<String>::new(), Vec::new(), key).is_empty());
    }
}
