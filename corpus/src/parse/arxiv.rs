//! arXiv API answers (Atom feeds, `export.arxiv.org/api/query?…`): one `<entry>` per paper.
//!
//! Read with `roxmltree` (already in the build for the share images; no DTD, so no entity
//! expansion), which keeps every node's position, so each fact cites its line. An entry gives
//! its versioned id (`2212.14158v2`: the arXiv link, which the merge matches whatever the
//! version), title, authors, `published` date (the work's date), `updated` (its latest
//! version's, `revised`), `summary` as abstract, primary and other categories, DOI, and the
//! journal reference as venue. Anything else an entry holds is named in one warning per file;
//! the feed's own header (query, totals) is its text.
//!
//! A feed that is not well-formed XML is an error at its line and column; its entries are then
//! read one by one, so every other entry is still read.

use roxmltree::{Document, Node};

use super::bibtex::tidy;
use super::lines::{line_starts, LineRole, Page, Unkept};
use super::{at, classify_link, Entry};
use crate::dates::parse_iso;
use crate::model::LinkKind;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const ARXIV: &str = "http://arxiv.org/schemas/atom";

/// Whether a document's first line opens an arXiv API feed.
pub fn looks_like(lines: &[&str]) -> bool {
    let opens = lines
        .first()
        .is_some_and(|l| l.starts_with("<?xml") || l.starts_with("<feed"));
    opens && lines.iter().take(20).any(|l| l.contains("arxiv.org"))
}

/// Reads an arXiv Atom feed: one [`Entry`] per `<entry>`, in file order.
pub fn parse(page: &mut Page<'_>, text: &str) -> Vec<Entry> {
    let starts = line_starts(text);
    let last = page.last_no().max(1);
    let line_of = |offset: usize| (starts.partition_point(|&s| s <= offset) as u32).min(last);
    let mut reader = Reader {
        line_of: &line_of,
        skipped: Unkept::default(),
        entries: Vec::new(),
    };
    match Document::parse(text) {
        Ok(document) => {
            for entry in document
                .root_element()
                .children()
                .filter(|n| is(n, ATOM, "entry"))
            {
                reader.entry(page, entry, 0);
            }
        }
        Err(error) => {
            let pos = error.pos();
            page.error(
                pos.row.clamp(1, last),
                format!("not well-formed XML at column {}: {error}", pos.col),
                "save the arXiv API's answer as it comes; the entries around this one are read",
            );
            reader.one_by_one(page, text);
        }
    }
    // The feed's header, tags and closing lines are the format's own text.
    for line in page.lines.clone() {
        if page.roles[line.no as usize - 1] == LineRole::Unaccounted {
            page.boilerplate(line.no);
        }
    }
    reader.skipped.report(
        page,
        "elements of arXiv entries",
        "entries",
        "peerscope keeps an entry's id, title, authors, published date, summary, categories, \
         DOI and journal reference",
    );
    reader.entries
}

/// What reading the entries gathers.
struct Reader<'a, F: Fn(usize) -> u32> {
    line_of: &'a F,
    /// Elements not kept, by name: the first line giving one, and how many entries do.
    skipped: Unkept,
    entries: Vec<Entry>,
}

impl<F: Fn(usize) -> u32> Reader<'_, F> {
    /// Reads each `<entry>…</entry>` of a feed that is not well-formed as a feed of its own;
    /// an entry that is not well-formed either is an error where it begins.
    fn one_by_one(&mut self, page: &mut Page<'_>, text: &str) {
        const OPEN: &str = "<feed xmlns=\"http://www.w3.org/2005/Atom\" \
                            xmlns:arxiv=\"http://arxiv.org/schemas/atom\">";
        let mut from = 0;
        while let Some(start) = text[from..].find("<entry>").map(|i| from + i) {
            let end = text[start..]
                .find("</entry>")
                .map_or(text.len(), |i| start + i + "</entry>".len());
            let wrapped = format!("{OPEN}{}</feed>", &text[start..end]);
            match Document::parse(&wrapped) {
                Ok(document) => {
                    let shift = start as isize - OPEN.len() as isize;
                    if let Some(entry) = document
                        .root_element()
                        .children()
                        .find(|n| is(n, ATOM, "entry"))
                    {
                        self.entry(page, entry, shift);
                    }
                }
                Err(_) => page.error(
                    (self.line_of)(start),
                    "this arXiv entry is not well-formed XML, not read",
                    "fix the entry's tags (each element closed, `&` written as `&amp;`)",
                ),
            }
            from = end.max(start + 1);
        }
    }

    /// One entry; `shift` moves positions in the parsed text to positions in the file.
    fn entry(&mut self, page: &mut Page<'_>, entry: Node<'_, '_>, shift: isize) {
        let line = |node: Node<'_, '_>| {
            (self.line_of)((node.range().start as isize + shift).max(0) as usize)
        };
        let end_line = |node: Node<'_, '_>| {
            (self.line_of)((node.range().end as isize + shift).max(1) as usize - 1)
        };
        let text_of =
            |node: Node<'_, '_>| tidy(&node.text().unwrap_or_default().replace('\n', " "));
        let mut out = Entry::new(line(entry));
        out.kind = Some(at("preprint".to_string(), line(entry)));
        let mut seen_here = std::collections::BTreeSet::new();
        let mut categories = Vec::new();
        for child in entry.children().filter(Node::is_element) {
            let name = child.tag_name().name();
            let namespace = child.tag_name().namespace().unwrap_or_default();
            let at_line = line(child);
            let kept = match (namespace, name) {
                (ATOM, "id") => {
                    let id = text_of(child);
                    if !id.is_empty() {
                        let url = id.replace("http://", "https://");
                        out.links
                            .push(classify_link(LinkKind::Arxiv, at(url, at_line)));
                    }
                    true
                }
                (ATOM, "title") => {
                    out.title = Some(at(text_of(child), at_line)).filter(|t| !t.value.is_empty());
                    true
                }
                (ATOM, "summary") => {
                    out.abstract_text =
                        Some(at(text_of(child), at_line)).filter(|t| !t.value.is_empty());
                    true
                }
                (ATOM, "author") => {
                    let name = child
                        .children()
                        .find(|n| is(n, ATOM, "name"))
                        .map(|n| (text_of(n), line(n)));
                    for other in child
                        .children()
                        .filter(|n| n.is_element() && !is(n, ATOM, "name"))
                    {
                        let label = format!("author/{}", label(other));
                        if seen_here.insert(label.clone()) {
                            self.skipped.note(&label, line(other));
                        }
                    }
                    if let Some((name, no)) = name.filter(|(n, _)| !n.is_empty()) {
                        out.authors.push(at(name, no));
                    }
                    true
                }
                (ATOM, which @ ("published" | "updated")) => {
                    let written = text_of(child);
                    match parse_iso(written.get(..10).unwrap_or(&written)) {
                        Some(date) if which == "published" => out.date = Some(at(date, at_line)),
                        Some(date) => out.revised = Some(at(date, at_line)),
                        None => page.warn(
                            at_line,
                            format!("{which} date `{written}` of an arXiv entry not understood, left out"),
                            "arXiv writes dates as 2022-12-29T11:05:37Z",
                        ),
                    }
                    true
                }
                (ARXIV, "primary_category") | (ATOM, "category") => {
                    if let Some(term) = child
                        .attribute("term")
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                    {
                        let primary = name == "primary_category";
                        if !categories.iter().any(|(c, _): &(String, u32)| c == term) {
                            let entry = (term.to_string(), at_line);
                            if primary {
                                categories.insert(0, entry)
                            } else {
                                categories.push(entry)
                            }
                        }
                    }
                    true
                }
                (ARXIV, "doi") => {
                    let doi = text_of(child);
                    if !doi.is_empty() {
                        let url = format!("https://doi.org/{doi}");
                        out.links.push((LinkKind::Doi, at(url, at_line)));
                    }
                    true
                }
                (ARXIV, "journal_ref") => {
                    out.venue = Some(at(text_of(child), at_line)).filter(|v| !v.value.is_empty());
                    true
                }
                // The abstract page, the PDF and the DOI again, as links.
                (ATOM, "link") => {
                    child.attribute("rel") != Some("related")
                        || child.attribute("title") == Some("pdf")
                        || child.attribute("title") == Some("doi")
                }
                _ => false,
            };
            // A blank line inside an element keeps its role.
            let lines = (line(child)..=end_line(child))
                .filter(|&no| page.roles.get(no as usize - 1) != Some(&LineRole::Blank))
                .collect::<Vec<u32>>()
                .into_iter();
            if kept {
                lines.for_each(|no| page.used(no));
            } else {
                lines.for_each(|no| page.boilerplate(no));
                let label = label(child);
                if seen_here.insert(label.clone()) {
                    self.skipped.note(&label, at_line);
                }
            }
        }
        out.categories = categories
            .into_iter()
            .map(|(code, no)| at(crate::category::arxiv(&code), no))
            .collect();
        if out.venue.is_none() {
            out.venue = Some(at("arXiv".to_string(), line(entry)));
        }
        self.entries.push(out);
    }
}

/// An element's name as a feed writes it (`arxiv:comment`, `link`).
fn label(node: Node<'_, '_>) -> String {
    match node.tag_name().namespace() {
        Some(ARXIV) => format!("arxiv:{}", node.tag_name().name()),
        _ => node.tag_name().name().to_string(),
    }
}

/// Whether a node is the element `name` of `namespace`.
fn is(node: &Node<'_, '_>, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(namespace)
}
