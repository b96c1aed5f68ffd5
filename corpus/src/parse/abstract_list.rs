//! Abstract lists (seed 001): each work is a line beginning `Abstract:`, with no title,
//! authors or subject; a following line that does not begin `Abstract:` continues it.

use super::lines::Page;
use super::{at, collect_urls, Entry};

const PREFIX: &str = "Abstract:";

/// Reads an abstract list: one entry per `Abstract:` line.
pub fn parse(page: &mut Page<'_>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    while let Some(line) = page.next_line() {
        match line.text.strip_prefix(PREFIX).map(str::trim) {
            Some("") => page.error(
                line.no,
                "`Abstract:` with no text after it",
                "the abstract follows `Abstract:` on the same line; the file looks cut off",
            ),
            Some(text) => {
                let mut entry = Entry::new(line.no);
                entry.abstract_text = Some(at(text.to_string(), line.no));
                collect_urls(&mut entry, line);
                entries.push(entry);
                page.used(line.no);
            }
            None => continue_last(page, entries.last_mut(), line),
        }
    }
    entries
}

/// A wrapped continuation of the previous abstract; before any abstract it is not understood.
fn continue_last(page: &mut Page<'_>, last: Option<&mut Entry>, line: super::Line<'_>) {
    let Some(entry) = last else { return };
    if let Some(text) = entry.abstract_text.as_mut() {
        text.value.push(' ');
        text.value.push_str(line.text);
    }
    collect_urls(entry, line);
    page.used(line.no);
}
