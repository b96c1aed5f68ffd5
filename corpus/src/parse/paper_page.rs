//! Paper pages (seed 004): site header, then labelled sections `Title` (wrapped), `Authors`
//! (one name per block between `,` lines), `Abstract` (hard-wrapped), `Categories`
//! (`cs.LG cs.AI`), `Published` (`2022-02-16`), then site footer and "Similar Papers"
//! recommendations, which are the site's, not facts of this corpus.

use super::lines::Page;
use super::{at, collect_urls, Entry};
use crate::category;
use crate::dates::parse_iso;
use crate::parse::profile_papers::author_names;

/// The section labels, in page order.
const SECTIONS: [&str; 5] = ["Title", "Authors", "Abstract", "Categories", "Published"];

/// The site's own text around the paper: header, tabs, buttons, notices, footer.
const BOILERPLATE: &[&str] = &[
    "Join ArxivLens to unlock AI-powered paper summaries, collections, and more research tools!",
    "Page of -",
    "Loading PDF...",
    "Failed to load PDF. Please try again later.",
    "Paper Info",
    "Comments",
    "Similar",
    "arXiv Link",
    "Comment Rejected",
    "Your comment contains inappropriate language and has been rejected.",
    "This website uses cookies to ensure you get the best experience.",
    "Learn more",
    "Someone just found a breakthrough paper!",
];

/// Starts the site's list of recommended papers; every line after it up to the footer is
/// a recommendation (title, authors, date), not a fact about this paper.
const RECOMMENDATIONS: &str = "Similar Papers";

const CUT_OFF_HINT: &str = "the file looks cut off; save the whole paper page again";

/// Reads a paper page: the one work it describes (none when it has no title).
pub fn parse(page: &mut Page<'_>) -> Vec<Entry> {
    let starts: Vec<Option<usize>> = SECTIONS
        .iter()
        .map(|label| label_index(page, label))
        .collect();
    report_missing(page, &starts);
    let Some(title_at) = starts[0] else {
        mark_site_text(page, 0, page.lines.len());
        return Vec::new();
    };
    mark_site_text(page, 0, title_at);
    let mut entry = Entry::new(page.lines[title_at].no);
    let mut section_end = None;
    for (index, start) in starts.iter().enumerate().rev() {
        let Some(start) = *start else { continue };
        page.boilerplate(page.lines[start].no);
        let end = match section_end {
            Some(end) => end,
            None => {
                let end = last_section_end(page, start, index == 4);
                mark_site_text(page, end, page.lines.len());
                end
            }
        };
        read_section(page, &mut entry, SECTIONS[index], start + 1, end);
        section_end = Some(start);
    }
    let Some(title_line) = entry.title.as_ref().map(|t| t.line) else {
        page.error(
            entry.line,
            "paper page has an empty `Title` section",
            CUT_OFF_HINT,
        );
        return Vec::new();
    };
    entry.line = title_line;
    vec![entry]
}

/// Index of the line holding a section label, if any.
fn label_index(page: &Page<'_>, label: &str) -> Option<usize> {
    page.lines.iter().position(|l| l.text == label)
}

/// A missing section is an error when no later one follows (the page is cut off there), and a
/// warning otherwise (the page simply has no such section).
fn report_missing(page: &mut Page<'_>, starts: &[Option<usize>]) {
    for (index, start) in starts.iter().enumerate() {
        if start.is_some() {
            continue;
        }
        let later = starts[index + 1..].iter().any(Option::is_some);
        let message = format!("paper page has no `{}` section", SECTIONS[index]);
        let last = page.last_no();
        if index == 0 && later {
            // Without a title the page gives no work: an error, not a warning the build would
            // pass over while the paper silently vanished.
            let first = starts
                .iter()
                .flatten()
                .next()
                .map_or(last, |&i| page.lines[i].no);
            page.error(
                first,
                format!("{message}: the paper it describes would be lost"),
                "add a `Title` line and the paper's title below it, above this section",
            );
        } else if later {
            page.warn(last, message, "the rest of the page is read as it is");
        } else {
            let expected = format!(
                "{message}: it ends before `{}`",
                SECTIONS[index..].join("`, `")
            );
            page.error(last, expected, CUT_OFF_HINT);
            return;
        }
    }
}

/// Where the last section present ends: at the first line of site text after it, and for
/// `Published` (one date line) right after its first line.
fn last_section_end(page: &Page<'_>, start: usize, one_line: bool) -> usize {
    let rest = &page.lines[start + 1..];
    let site = rest
        .iter()
        .position(|l| is_site_text(l.text))
        .unwrap_or(rest.len());
    let first = rest
        .iter()
        .position(|l| !l.text.is_empty())
        .map_or(rest.len(), |i| i + 1);
    start + 1 + if one_line { site.min(first) } else { site }
}

/// A line of the site's own text after the paper: boilerplate, a counter, or the start of
/// the recommendations.
fn is_site_text(text: &str) -> bool {
    BOILERPLATE.contains(&text) || is_counter(text) || text == RECOMMENDATIONS
}

/// Marks the site's own lines in a range: known boilerplate, counters, and everything in
/// the recommendations list.
fn mark_site_text(page: &mut Page<'_>, from: usize, to: usize) {
    let mut in_recommendations = false;
    for index in from..to.min(page.lines.len()) {
        let line = page.lines[index];
        if line.text.is_empty() {
            continue;
        }
        let known = BOILERPLATE.contains(&line.text) || is_counter(line.text);
        if line.text == RECOMMENDATIONS {
            in_recommendations = true;
        } else if known {
            in_recommendations = false;
        }
        if known || in_recommendations {
            page.boilerplate(line.no);
        }
    }
}

/// `Replies (0)`, `Comments (0)`: the site's counters.
fn is_counter(text: &str) -> bool {
    ["Replies (", "Comments ("].iter().any(|prefix| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn read_section(page: &mut Page<'_>, entry: &mut Entry, label: &str, from: usize, to: usize) {
    let lines: Vec<_> = page.lines[from..to.max(from)]
        .iter()
        .copied()
        .filter(|l| !l.text.is_empty())
        .collect();
    let Some(first) = lines.first().copied() else {
        if label != "Title" {
            page.warn(
                page.lines[from - 1].no,
                format!("`{label}` section is empty"),
                "the rest of the page is read as it is",
            );
        }
        return;
    };
    let joined = lines.iter().map(|l| l.text).collect::<Vec<_>>().join(" ");
    match label {
        "Title" => entry.title = Some(at(joined, first.no)),
        "Authors" => return read_authors(page, entry, &lines),
        "Abstract" => {
            lines.iter().for_each(|l| collect_urls(entry, *l));
            entry.abstract_text = Some(at(joined, first.no));
        }
        "Categories" => read_categories(page, entry, &lines),
        _ => {
            match parse_iso(&joined) {
                Some(date) => entry.date = Some(at(date, first.no)),
                None => {
                    let message = format!("published date `{joined}` not understood; the paper is kept without a date");
                    page.warn(first.no, message, "dates look like `2022-02-16`");
                }
            }
        }
    }
    lines.iter().for_each(|l| page.used(l.no));
}

/// Names one per block, with `,` lines between them (or several on a line, comma-separated).
fn read_authors(page: &mut Page<'_>, entry: &mut Entry, lines: &[super::Line<'_>]) {
    for line in lines {
        if line.text == "," {
            page.boilerplate(line.no);
            continue;
        }
        match author_names(line.text) {
            Some((names, truncated)) => {
                entry
                    .authors
                    .extend(names.into_iter().map(|n| at(n, line.no)));
                entry.authors_truncated |= truncated;
                page.used(line.no);
            }
            None => page.warn(
                line.no,
                format!("`{}` does not read as an author name; left out", line.text),
                "author blocks hold one name each, separated by `,` lines",
            ),
        }
    }
}

/// `cs.LG cs.AI`: space-separated codes, normalised; unknown codes are kept as written.
fn read_categories(page: &mut Page<'_>, entry: &mut Entry, lines: &[super::Line<'_>]) {
    for line in lines {
        for code in line.text.split_whitespace() {
            let known = category::normalize(code);
            if known.is_none() {
                page.warn(
                    line.no,
                    format!("unknown category `{code}`, kept as written"),
                    "add it to the category table if it is a real arXiv category",
                );
            }
            entry.categories.push(at(category::arxiv(code), line.no));
        }
    }
}
