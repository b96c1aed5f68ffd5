//! A BibTeX entry for a work, built only from what the corpus knows: a field the sources do not
//! give is left out, never filled with a guess. Every value is escaped for LaTeX, so a title
//! holding `}`, `%` or `&` still gives an entry whose braces balance and that LaTeX prints as
//! the title reads on the page.

use crate::category::{self, Scheme};
use crate::corpus::{AuthorList, AuthorVia, Corpus, LinkKind, Work};
use crate::latex::{self, Span};
use crate::text::fold;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Whether a citation can say anything useful: a real title or at least one author.
pub fn citable(work: &Work) -> bool {
    !work.title_derived || !work.authors.is_empty()
}

/// The entry, as `@misc{key, ...}` text. Authors whose position is unknown come last; a
/// truncated list ends in `and others`; an inferred year is noted.
pub fn entry(work: &Work, corpus: &Corpus) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !work.title_derived {
        fields.push(("title", format!("{{{}}}", title(&work.title.value))));
    }
    let mut names: Vec<String> = work
        .authors
        .iter()
        .filter_map(|a| corpus.person(&a.person))
        .map(|p| escape(&surname_first(&p.name)))
        .collect();
    // A list that is truncated, or known only from a profile page, is not the whole list:
    // say so in the way BibTeX styles understand, rather than citing the known names alone.
    let unknown_order = work
        .authors
        .iter()
        .any(|a| a.via == AuthorVia::ProfileSubject);
    if !names.is_empty()
        && (matches!(
            work.author_list,
            AuthorList::Truncated | AuthorList::SubjectOnly
        ) || unknown_order)
    {
        names.push("others".into());
    }
    if !names.is_empty() {
        fields.push(("author", names.join(" and ")));
    }
    if let Some(date) = &work.date {
        fields.push(("year", date.year.to_string()));
        if let Some(month) = date.month.filter(|m| (1..=12).contains(m)) {
            // Written as the bare macro (`month = feb`): a braced `{feb}` is literal text, which
            // styles print as is instead of the month's name.
            fields.push(("month", MONTHS[month as usize - 1].to_string()));
            if let Some(day) = date.day.filter(|d| (1..=31).contains(d)) {
                fields.push(("day", day.to_string()));
            }
        }
    }
    let kind = entry_type(work);
    if let Some(venue) = &work.venue {
        let field = match kind {
            "article" => "journal",
            "inproceedings" | "incollection" | "inbook" => "booktitle",
            _ => "howpublished",
        };
        fields.push((field, escape(&venue.value)));
    }
    if let Some(publication) = &work.publication {
        for (field, value) in [
            ("volume", &publication.volume),
            ("number", &publication.number),
            ("publisher", &publication.publisher),
        ] {
            if let Some(value) = value {
                fields.push((field, escape(&value.value)));
            }
        }
        if let Some(pages) = &publication.pages {
            fields.push(("pages", escape(&pages.value).replace('–', "--")));
        }
        if let Some(editors) = &publication.editors {
            let names: Vec<String> = editors
                .value
                .split(", ")
                .map(|name| escape(&surname_first(name)))
                .collect();
            fields.push(("editor", names.join(" and ")));
        }
    }
    for link in &work.links {
        match link.kind {
            LinkKind::Doi => fields.push((
                "doi",
                escape_url(link.url.trim_start_matches("https://doi.org/")),
            )),
            LinkKind::Arxiv => {
                let id = link.url.trim_start_matches("https://arxiv.org/abs/");
                fields.push(("eprint", escape_url(id)));
                fields.push(("archiveprefix", "arXiv".into()));
                let mut arxiv = work.categories.iter().map(|c| category::split(&c.value));
                if let Some((_, primary)) = arxiv.find(|(s, _)| *s == Scheme::Arxiv) {
                    fields.push(("primaryclass", escape(primary)));
                }
            }
            LinkKind::Pdf => fields.push(("pdf", escape_url(&link.url))),
            LinkKind::Url => fields.push(("url", escape_url(&link.url))),
            LinkKind::Html => fields.push(("html", escape_url(&link.url))),
            LinkKind::Slides => fields.push(("slides", escape_url(&link.url))),
            // No BibTeX field holds it; the key the entry is written under is the OpenAlex id.
            LinkKind::OpenAlex => {}
        }
    }
    if let Some(text) = &work.abstract_text {
        fields.push(("abstract", title(&text.value)));
    }
    if !work.categories.is_empty() {
        let codes = work.categories.iter().map(|c| c.value.as_str());
        fields.push(("keywords", escape(&category::to_keywords(codes))));
    }
    let mut notes = Vec::new();
    if let Some(url) = work.code.urls.first() {
        // `code` for the sites that read it (al-folio) and peerscope's import; the note for
        // the styles that print only notes.
        fields.push(("code", escape_url(&url.value)));
        notes.push(format!("Code: \\url{{{}}}", escape_url(&url.value)));
    }
    if work.date.as_ref().is_some_and(|d| d.year_inferred) {
        notes.push("Year inferred by peerscope".to_string());
    }
    if work.author_list == AuthorList::SubjectOnly {
        notes.push("Author list incomplete".to_string());
    }
    if !notes.is_empty() {
        fields.push(("note", notes.join("; ")));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| {
            if *k == "month" {
                format!("  {k} = {v}")
            } else {
                format!("  {k} = {{{v}}}")
            }
        })
        .collect();
    format!(
        "@{kind}{{{},\n{}\n}}\n",
        key(work, corpus),
        body.join(",\n")
    )
}

/// Each work's [`key`], made unique within the list: `a`, `b`, … then `-2`, `-3` appended to a
/// key already used, as BibTeX styles do for one author's papers of one year.
pub fn unique_keys(works: &[&Work], corpus: &Corpus) -> Vec<String> {
    let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    works
        .iter()
        .map(|work| {
            let key = key(work, corpus);
            let unique = std::iter::once(key.clone())
                .chain(
                    ('a'..='z')
                        .map(|c| format!("{key}{c}"))
                        .chain((2..).map(|n| format!("{key}-{n}"))),
                )
                .find(|k| !used.contains(k))
                .unwrap_or_default();
            used.insert(unique.clone());
            unique
        })
        .collect()
}

/// A bibliography of `works`, entry after entry in their order, each key unique within the file:
/// a key already used gets `a`, `b`, ... after it, as BibTeX users disambiguate.
pub fn file(works: &[&Work], corpus: &Corpus) -> String {
    let mut out = String::new();
    for (work, unique) in works.iter().zip(unique_keys(works, corpus)) {
        let key = key(work, corpus);
        let entry = entry(work, corpus);
        let entry = match entry.split_once('{') {
            Some((kind, rest)) if unique != key => {
                format!("{kind}{{{unique}{}", &rest[key.len()..])
            }
            _ => entry,
        };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&entry);
    }
    out
}

/// The name an export of a profile's view goes by: the person's id, then what the view keeps
/// (years, categories, the words of its text filter), then the extension
/// (`yixing-xu-2020-cs.CV.bib`).
pub fn file_name(person: &str, state: &crate::query::ViewState, extension: &str) -> String {
    let mut parts = vec![person.to_string()];
    match (state.from, state.to) {
        (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
        (Some(a), Some(b)) => parts.push(format!("{a}-{b}")),
        (Some(a), None) => parts.push(format!("from-{a}")),
        (None, Some(b)) => parts.push(format!("to-{b}")),
        (None, None) => {}
    }
    // Letters, digits and dots; a category keeps its case (`cs.CV`), the text filter is folded.
    let safe = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    parts.extend(state.categories.iter().map(|c| safe(category::split(c).1)));
    let words = safe(&fold(&state.text));
    if !words.is_empty() {
        parts.push(words.chars().take(40).collect());
    }
    format!("{}.{extension}", parts.join("-"))
}

/// The BibTeX entry type: the work's kind when a bibliography gave one BibTeX knows, else
/// `misc` (a page's `preprint` is not a BibTeX type).
fn entry_type(work: &Work) -> &'static str {
    const TYPES: [&str; 14] = [
        "article",
        "book",
        "booklet",
        "inbook",
        "incollection",
        "inproceedings",
        "manual",
        "mastersthesis",
        "misc",
        "phdthesis",
        "proceedings",
        "techreport",
        "unpublished",
        "online",
    ];
    // CSL's names for the same types (a Zotero export's `type`).
    const CSL: [(&str, &str); 7] = [
        ("article-journal", "article"),
        ("article-magazine", "article"),
        ("paper-conference", "inproceedings"),
        ("chapter", "incollection"),
        ("thesis", "phdthesis"),
        ("report", "techreport"),
        ("book", "book"),
    ];
    let Some(kind) = work.kind.as_ref().map(|k| k.value.as_str()) else {
        return "misc";
    };
    TYPES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(kind))
        .or_else(|| CSL.iter().find(|(csl, _)| *csl == kind).map(|(_, t)| *t))
        .unwrap_or("misc")
}

/// The key a bibliography gave the work, when BibTeX can read it back; else one made as
/// `xu2022bimlp`: first author's surname, year, first word of the title; ASCII only.
pub fn key(work: &Work, corpus: &Corpus) -> String {
    // A key as people write them (`guo2022squant`, `Guo:2022`), not an address (Zotero's CSL
    // ids are `http://zotero.org/…`).
    let readable = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_:.+".contains(c))
    };
    if let Some(given) = work.keys.iter().find(|k| readable(&k.value)) {
        return given.value.clone();
    }
    let ascii = |s: &str| {
        fold(s)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let surname = work
        .authors
        .first()
        .and_then(|a| corpus.person(&a.person))
        .map(|p| ascii(p.name.rsplit(' ').next().unwrap_or(&p.name)))
        .unwrap_or_else(|| "anon".into());
    let year = work
        .date
        .as_ref()
        .map(|d| d.year.to_string())
        .unwrap_or_default();
    let word = work
        .title
        .value
        .split(|c: char| c.is_whitespace() || c == ':' || c == '-')
        .map(ascii)
        .find(|w| {
            w.len() > 3 && !matches!(w.as_str(), "with" | "from" | "via" | "towards" | "learning")
        })
        .unwrap_or_default();
    format!("{surname}{year}{word}")
}

/// A name as BibTeX reads it: `Yixing Xu` → `Xu, Yixing`, with a particle kept with the
/// surname (`Giordano de Guglielmo` → `de Guglielmo, Giordano`) and a suffix as the middle part
/// (`John Smith Jr` → `Smith, Jr, John`); a one-word name stays as is.
fn surname_first(name: &str) -> String {
    const SUFFIXES: [&str; 8] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "3rd"];
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let suffix = (words.len() >= 3 && SUFFIXES.contains(words.last().unwrap_or(&"")))
        .then(|| words.pop())
        .flatten();
    let Some(surname_at) = words.len().checked_sub(1).filter(|&i| i > 0) else {
        return name.to_string();
    };
    // Lower-case words before the surname are its particles (`de`, `van der`), but the first
    // word is always a given name.
    let mut start = surname_at;
    while start > 1 && words[start - 1].starts_with(|c: char| c.is_lowercase()) {
        start -= 1;
    }
    let surname = words[start..].join(" ");
    let given = words[..start].join(" ");
    match suffix {
        Some(suffix) => format!("{surname}, {suffix}, {given}"),
        None => format!("{surname}, {given}"),
    }
}

/// A title as LaTeX: its markup (`\textbf`, `\url`, formulas already read as Unicode) written
/// back from the parsed spans, and everything else escaped. Bold and italic nest at most
/// `latex::MAX_DEPTH` deep, so the recursion is bounded.
fn title(source: &str) -> String {
    // Math goes back as the source wrote it (`$O(n \log n)$`), so the entry reads back as the
    // same title; the text between is written from its spans. Math whose braces do not balance
    // (BibTeX would miscount the field) is written as the text it reads as instead.
    let pieces: Vec<&str> = source.split('$').collect();
    if pieces.len() >= 3 && pieces.len() % 2 == 1 {
        let balanced = |math: &str| {
            let mut depth = 0i32;
            math.chars().all(|c| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth >= 0
            }) && depth == 0
                && !math.contains('%')
        };
        if pieces.iter().skip(1).step_by(2).all(|m| balanced(m)) {
            return pieces
                .iter()
                .enumerate()
                .map(|(i, piece)| {
                    if i % 2 == 1 {
                        format!("${piece}$")
                    } else {
                        text_title(piece)
                    }
                })
                .collect();
        }
    }
    text_title(source)
}

/// A title without math passed through, as LaTeX.
fn text_title(source: &str) -> String {
    fn write(spans: &[Span], out: &mut String) {
        for span in spans {
            match span {
                Span::Text(t) | Span::Math(t) => out.push_str(&escape(t)),
                Span::Bold(inner) | Span::Italic(inner) => {
                    out.push_str(if matches!(span, Span::Bold(_)) {
                        "\\textbf{"
                    } else {
                        "\\textit{"
                    });
                    write(inner, out);
                    out.push('}');
                }
                Span::Url(url) => {
                    out.push_str("\\url{");
                    out.push_str(&escape_url(url));
                    out.push('}');
                }
            }
        }
    }
    let mut out = String::new();
    write(&latex::parse(source), &mut out);
    out
}

/// Text with LaTeX's special characters escaped: braces always balance, and `%` never turns the
/// rest of a field into a comment. A brace becomes `\textbraceleft{}`, not `\{`: BibTeX counts
/// every brace character of a field, escaped or not, so a lone `\{` would end the entry early.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An address inside `\url{…}`: braces and backslashes percent-encoded (as a browser would),
/// `%` and `#` escaped, which `\url` reads back as written.
fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("\\%7B"),
            '}' => out.push_str("\\%7D"),
            '\\' => out.push_str("\\%5C"),
            '%' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c.is_whitespace() => {
                for b in c.to_string().bytes() {
                    out.push_str(&format!("\\%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Cited, Corpus, DatePrecision, WorkDate};
    use crate::query::ViewState;

    fn corpus() -> Corpus {
        Corpus {
            schema_version: 1,
            people: Vec::new(),
            works: Vec::new(),
            sources: Vec::new(),
            warnings: Vec::new(),
            redirects: Vec::new(),
        }
    }

    fn work(id: &str, title: &str, key: Option<&str>) -> Work {
        Work {
            date: Some(WorkDate {
                year: 2020,
                month: None,
                day: None,
                precision: DatePrecision::Year,
                year_inferred: false,
                year_rule: None,
                sources: Vec::new(),
            }),
            keys: key
                .map(|k| Cited::bare(k.to_string()))
                .into_iter()
                .collect(),
            ..Work::bare(id.into(), title.into())
        }
    }

    #[test]
    fn keys_are_unique_within_a_file() {
        let (a, b, c) = (
            work("a", "Sketching Tensors", None),
            work("b", "Sketching Graphs", None),
            work("c", "Other", Some("anon2020sketching")),
        );
        let text = file(&[&a, &b, &c], &corpus());
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("@misc{"))
            .map(|l| l.trim_end_matches(','))
            .collect();
        assert_eq!(
            keys,
            [
                "anon2020sketching",
                "anon2020sketchinga",
                "anon2020sketchingb"
            ]
        );
        assert_eq!(text.matches("\n}\n").count(), 3);
    }

    #[test]
    fn an_export_is_named_by_the_view_it_holds() {
        let mut state = ViewState::default();
        assert_eq!(file_name("yixing-xu", &state, "bib"), "yixing-xu.bib");
        state.from = Some(2020);
        state.to = Some(2020);
        state.categories.insert("cs.CV".into());
        assert_eq!(
            file_name("yixing-xu", &state, "bib"),
            "yixing-xu-2020-cs.CV.bib"
        );
        state.to = Some(2022);
        state.text = "Vision Transformer!".into();
        assert_eq!(
            file_name("yixing-xu", &state, "bib"),
            "yixing-xu-2020-2022-cs.CV-vision-transformer.bib"
        );
    }
}
