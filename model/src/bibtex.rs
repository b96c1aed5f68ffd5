//! A BibTeX entry for a work, built only from what the corpus knows: a field the sources do not
//! give is left out, never filled with a guess. Every value is escaped for LaTeX, so a title
//! holding `}`, `%` or `&` still gives an entry whose braces balance and that LaTeX prints as
//! the title reads on the page.

use crate::corpus::{AuthorList, AuthorVia, Corpus, Work};
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
        }
    }
    if let Some(venue) = &work.venue {
        fields.push(("howpublished", escape(&venue.value)));
    }
    if !work.categories.is_empty() {
        let codes: Vec<String> = work.categories.iter().map(|c| escape(&c.value)).collect();
        fields.push(("keywords", codes.join(", ")));
    }
    let mut notes = Vec::new();
    if let Some(url) = work.code.urls.first() {
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
    format!("@misc{{{},\n{}\n}}\n", key(work, corpus), body.join(",\n"))
}

/// `xu2022bimlp`: first author's surname, year, first word of the title; ASCII only.
pub fn key(work: &Work, corpus: &Corpus) -> String {
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

/// `Yixing Xu` → `Xu, Yixing`; a one-word name stays as is.
fn surname_first(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((given, surname)) => format!("{surname}, {given}"),
        None => name.to_string(),
    }
}

/// A title as LaTeX: its markup (`\textbf`, `\url`, formulas already read as Unicode) written
/// back from the parsed spans, and everything else escaped. Bold and italic nest at most
/// `latex::MAX_DEPTH` deep, so the recursion is bounded.
fn title(source: &str) -> String {
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
