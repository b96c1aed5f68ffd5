//! What the `biblatex` crate cannot be given, found before it reads the file: entries that do
//! not parse on their own (an unbalanced brace runs on into the next entries), braces nested
//! deeper than text ever is (quadratic in the crate), and inheritance cycles or chains (the
//! crate recurses: a cycle overflows its stack). Each is reported where it begins and blanked out,
//! so the rest of the file is still read.

use std::ops::Range;

use biblatex::{RawBibliography, Spanned};

use super::super::lines::Page;
use crate::latex;

pub(super) const BROKEN_HINT: &str =
    "fix this entry (the file's other entries are read); an entry is \
`@type{key, field = {value}, …}` with balanced braces, `@string`s defined before use and a key \
used once";

pub(super) const INHERIT_HINT: &str =
    "an entry may inherit (`crossref`, `xdata`) from entries that \
inherit in turn, but not from itself, and through at most 64 entries in all";

/// How many entries one entry may inherit fields from, through `crossref` and `xdata`, counting
/// an entry reached twice twice (the way the `biblatex` crate resolves them).
const MAX_INHERITED: u64 = 64;

/// How many broken entries a file may have before it is not read at all.
pub(super) const MAX_BROKEN: usize = 100;

/// The most groups and commands (`{`, `\`) one entry may hold: the crate takes time quadratic
/// in a field's pieces (25,600 `{\ss}` in one name took 4 s; 4,000 take 0.1 s). A real entry,
/// abstract included, holds a few hundred.
pub(super) const MAX_PIECES: usize = 4_000;

/// Blanks out entries nested deeper than LaTeX text ever is, or holding more groups and
/// commands than any real entry, with an error each: the crate takes time quadratic in how deep
/// braces nest (51,000 `{` took 0.9 s) and in a field's pieces.
pub(super) fn too_deep(page: &mut Page<'_>, source: &mut String, line_of: &impl Fn(usize) -> u32) {
    for chunk in chunks(source) {
        if let Some(offset) = deepest(&source[chunk.clone()]) {
            page.error(
                line_of(chunk.start),
                format!(
                    "BibTeX entry not read: braces nested deeper than {} (line {})",
                    latex::MAX_DEPTH,
                    line_of(chunk.start + offset)
                ),
                BROKEN_HINT,
            );
            blank(source, chunk);
            continue;
        }
        let text = &source[chunk.clone()];
        if text.bytes().filter(|&b| b == b'{' || b == b'\\').count() > MAX_PIECES {
            page.error(
                line_of(chunk.start),
                format!(
                    "BibTeX entry not read: more than {MAX_PIECES} brace groups and commands, \
                     more than any real entry holds"
                ),
                BROKEN_HINT,
            );
            blank(source, chunk);
        }
    }
}

/// Tries each entry alone, and blanks out those that cannot be read, each reported where it
/// begins: for a file the parser cannot read whole, where an unbalanced brace runs on into
/// the entries after it and the parser stops far from the entry at fault.
pub(super) fn isolate(page: &mut Page<'_>, source: &mut String, line_of: &impl Fn(usize) -> u32) {
    for chunk in chunks(source) {
        if let Err(error) = RawBibliography::parse(&source[chunk.clone()]) {
            let piece = &source[chunk.clone()];
            let stopped = chunk.start + error.span.start.min(piece.trim_end().len());
            let message = if error.span.start >= piece.trim_end().len() {
                format!(
                    "BibTeX entry not read: {} at its end (line {}): is a brace or a quote \
                     left open?",
                    error.kind,
                    line_of(stopped.saturating_sub(1))
                )
            } else {
                format!(
                    "BibTeX entry not read: {} at line {}",
                    error.kind,
                    line_of(stopped)
                )
            };
            page.error(line_of(chunk.start), message, BROKEN_HINT);
            blank(source, chunk);
        }
    }
}

/// The entry around `offset`: from the last line starting with `@` at or before it to the next
/// line starting with `@` (or the end of the text).
pub(super) fn entry_around(text: &str, offset: usize) -> Range<usize> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // Only the text since the last line break is looked at: linear in the file, not quadratic.
    let starts_line = |i: usize| {
        text[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    };
    let start = text[..offset]
        .match_indices('@')
        .map(|(i, _)| i)
        .rfind(|&i| starts_line(i))
        .unwrap_or(0);
    let start = if text[offset..].starts_with('@') && starts_line(offset) {
        offset
    } else {
        start
    };
    let end = text[offset..]
        .find("\n@")
        .map_or(text.len(), |i| offset + i + 1);
    start..end
}

/// Entries whose inheritance (`crossref`, `xdata`) the crate cannot resolve: those that close a
/// cycle, and those that inherit through more than [`MAX_INHERITED`] entries; each with its
/// span and the error to report. Walked with an explicit stack, so a chain of any length is
/// fine here.
pub(super) fn tangled(raw: &RawBibliography<'_>) -> Vec<(Range<usize>, String)> {
    use std::collections::HashMap;
    let text_of = |field: &[Spanned<biblatex::RawChunk<'_>>]| -> String {
        field
            .iter()
            .map(|chunk| match chunk.v {
                biblatex::RawChunk::Normal(s) => s.to_string(),
                biblatex::RawChunk::Abbreviation(name) => raw
                    .abbreviations
                    .iter()
                    .find(|a| a.key.v == name)
                    .map(|a| {
                        a.value
                            .v
                            .iter()
                            .map(|c| match c.v {
                                biblatex::RawChunk::Normal(s) => s,
                                biblatex::RawChunk::Abbreviation(s) => s,
                            })
                            .collect()
                    })
                    .unwrap_or_else(|| name.to_string()),
            })
            .collect()
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in raw.entries.iter().enumerate() {
        index.entry(entry.v.key.v).or_insert(i);
    }
    let parents: Vec<Vec<usize>> = raw
        .entries
        .iter()
        .map(|entry| {
            entry
                .v
                .fields
                .iter()
                .filter(|p| matches!(p.key.v.to_ascii_lowercase().as_str(), "crossref" | "xdata"))
                .flat_map(|p| {
                    text_of(&p.value.v)
                        .split(',')
                        .filter_map(|k| index.get(k.trim()).copied())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    // 0 unvisited, 1 on the stack, 2 done; `cost` counts the entries resolving one copies.
    let mut state = vec![0u8; parents.len()];
    let mut cost = vec![0u64; parents.len()];
    let mut found = Vec::new();
    for start in 0..parents.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&parent) = parents[node].get(*next) {
                *next += 1;
                match state[parent] {
                    0 => {
                        state[parent] = 1;
                        stack.push((parent, 0));
                    }
                    1 => found.push((
                        node,
                        format!(
                            "BibTeX entry `{}` inherits from itself (through `{}`), not read",
                            raw.entries[node].v.key.v, raw.entries[parent].v.key.v
                        ),
                    )),
                    _ => {}
                }
            } else {
                stack.pop();
                state[node] = 2;
                cost[node] = parents[node]
                    .iter()
                    .map(|&p| if state[p] == 2 { cost[p] + 1 } else { 0 })
                    .fold(0u64, |a, b| a.saturating_add(b))
                    .min(MAX_INHERITED + 1);
                if cost[node] > MAX_INHERITED {
                    found.push((
                        node,
                        format!(
                            "BibTeX entry `{}` inherits through more than {MAX_INHERITED} entries, not read",
                            raw.entries[node].v.key.v
                        ),
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup_by_key(|(node, _)| *node);
    found
        .into_iter()
        .map(|(node, message)| (raw.entries[node].span.clone(), message))
        .collect()
}

/// Where braces first nest deeper than [`latex::MAX_DEPTH`] (`\{` and `\}` are characters,
/// not braces), if they do.
fn deepest(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' if !escaped => {
                depth += 1;
                if depth > latex::MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' if !escaped => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = b == b'\\' && !escaped;
    }
    None
}

/// A copy of `text` holding only the entry at `keep` and the `@string` definitions it may use,
/// everything else blanked (offsets and lines stay): an entry read on its own.
pub(super) fn alone(text: &str, keep: Range<usize>) -> String {
    let mut copy = text.to_string();
    for chunk in chunks(text) {
        let definition = text[chunk.clone()]
            .trim_start()
            .get(..7)
            .is_some_and(|t| t.eq_ignore_ascii_case("@string"));
        let overlaps = chunk.start < keep.end && keep.start < chunk.end;
        if !overlaps && !definition {
            blank(&mut copy, chunk);
        }
    }
    copy
}

/// The file cut before each line that starts with `@` (spaces before it allowed): one piece
/// an entry, and the text before the first.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('@') {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Replaces `range` of `text` with spaces, keeping its line breaks (so offsets and lines stay).
pub(super) fn blank(text: &mut String, range: Range<usize>) {
    let mut bytes = std::mem::take(text).into_bytes();
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    // Only whole characters between ASCII bytes (`@`, a line break or the end) were replaced.
    *text = String::from_utf8(bytes).unwrap_or_default();
}
