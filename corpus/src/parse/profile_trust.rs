//! Profile pages with a trust snapshot (seeds 000, 002): name, tagline, badges, the
//! `Trust 13 - Unverified...` line and counts, site panels, then `Published work` with per
//! item a `preprint2022arXiv` line, the title and the abstract.

use super::lines::{Line, Page};
use super::{at, read_abstract, Entry, ParsedProfile};
use crate::dates::{parse::year_of, PartialDate};
use crate::model::{Format, Profile, Stated};
use crate::parse::detect::is_trust_line;

/// The site's own text on these pages: headings, panels, buttons and notices.
const BOILERPLATE: &[&str] = &[
    "Researcher profile",
    "Trust snapshot",
    "Quick read",
    "Actions",
    "Decide how to stay connected",
    "Identity and collaboration",
    "How to connect with this researcher",
    "Claiming links this public author record to a researcher profile and unlocks direct collaboration workflows.",
    "Log in to claim",
    "Direct collaboration",
    "Open a focused conversation when the fit is right",
    "Claim this author entity first to unlock direct invitations.",
    "Research graph",
    "See the researcher in context",
    "Open full explorer",
    "Inspect adjacent work, topics, institutions and collaborators without jumping out to a separate graph page.",
    "Building this graph slice",
    "BZPEER is loading the nearby papers, people, topics and institutions for this page.",
];

const CUT_OFF_HINT: &str = "the file looks cut off; save the whole profile page again";

/// Reads a trust-snapshot profile page: its subject and the works it lists.
pub fn parse(page: &mut Page<'_>) -> (Option<ParsedProfile>, Vec<Entry>) {
    if let Some(first) = page.peek().filter(|l| l.text == "Researcher profile") {
        page.next_line();
        page.boilerplate(first.no);
    }
    let Some(name) = page.next_line() else {
        let last = page.last_no();
        page.error(
            last,
            "profile page ends before the researcher's name",
            CUT_OFF_HINT,
        );
        return (None, Vec::new());
    };
    page.used(name.no);
    let mut profile = Profile {
        source: page.file.to_string(),
        line: name.no,
        format: Format::ProfileTrust,
        ..Profile::default()
    };
    let found_work_section = read_header(page, &mut profile);
    if profile.trust.is_none() && !found_work_section {
        page.error(
            name.no,
            format!("profile page ends after the name `{}`: expected the trust snapshot (`Trust N - ...`) and the `Published work` list", name.text),
            CUT_OFF_HINT,
        );
    } else if !found_work_section {
        let last = page.last_no();
        page.error(
            last,
            "profile page ends before its `Published work` section",
            CUT_OFF_HINT,
        );
    }
    profile.listed = read_listed(page);
    let entries = read_entries(page);
    page.check_counts(
        &[
            (&profile.listed, "published item(s)"),
            (&profile.works, "works"),
        ],
        entries.len(),
    );
    (
        Some(ParsedProfile {
            name: at(name.text.to_string(), name.no),
            stated: profile,
        }),
        entries,
    )
}

/// Reads everything between the name and `Published work`; true when that heading (or a first
/// work) was reached.
fn read_header(page: &mut Page<'_>, profile: &mut Profile) -> bool {
    while let Some(line) = page.peek() {
        if entry_header(line.text).is_some() {
            return true;
        }
        page.next_line();
        if line.text == "Published work" {
            page.boilerplate(line.no);
            return true;
        }
        read_header_line(page, profile, line);
    }
    false
}

fn read_header_line(page: &mut Page<'_>, profile: &mut Profile, line: Line<'_>) {
    if BOILERPLATE.contains(&line.text) || is_follow_button(line.text) {
        page.boilerplate(line.no);
    } else if is_trust_line(line.text) {
        read_trust(page, profile, line);
    } else if read_count(profile, line) {
        page.used(line.no);
    } else if profile.tagline.is_none() && profile.badges.is_empty() && line.text.ends_with('.') {
        profile.tagline = Some(Stated {
            value: line.text.to_string(),
            line: line.no,
        });
        page.used(line.no);
    } else if profile.badges.is_empty() && profile.trust.is_none() {
        profile.badges = split_badges(line.text)
            .into_iter()
            .map(|value| Stated {
                value,
                line: line.no,
            })
            .collect();
        page.used(line.no);
    }
}

/// `Follow researcher0`: the follow button and its counter.
fn is_follow_button(text: &str) -> bool {
    text.strip_prefix("Follow researcher")
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

/// `ResearcherAffiliation not importedOpen to collaborate` → the three labels, split where a
/// lowercase letter runs into an uppercase one.
pub fn split_badges(text: &str) -> Vec<String> {
    let mut badges = vec![String::new()];
    let mut previous = ' ';
    for c in text.chars() {
        if c.is_uppercase() && previous.is_lowercase() {
            badges.push(String::new());
        }
        if let Some(last) = badges.last_mut() {
            last.push(c);
        }
        previous = c;
    }
    badges
        .into_iter()
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

/// `Trust 13 - UnverifiedVerification L1Unclaimed author`.
fn read_trust(page: &mut Page<'_>, profile: &mut Profile, line: Line<'_>) {
    page.used(line.no);
    let rest = line.text.trim_start_matches("Trust ");
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    profile.trust = rest[..digits].parse().ok().map(|value| Stated {
        value,
        line: line.no,
    });
    let rest = rest[digits..]
        .trim_start()
        .trim_start_matches('-')
        .trim_start();
    let (label, verification) = match rest.find("Verification") {
        Some(i) => (&rest[..i], Some(&rest[i + "Verification".len()..])),
        None => (rest, None),
    };
    let label = label.trim();
    if !label.is_empty() && verification.is_some() {
        profile.trust_label = stated(label.to_string(), line.no);
    }
    let Some(verification) = verification.map(str::trim_start) else {
        page.warn(
            line.no,
            "trust line without `Verification`: level and claim status not read",
            "expected `Trust N - LabelVerification L1Unclaimed author`",
        );
        return;
    };
    let level_len = verification
        .char_indices()
        .find(|(i, c)| *i > 0 && c.is_uppercase())
        .map_or(verification.len(), |(i, _)| i);
    profile.verification = stated(verification[..level_len].trim().to_string(), line.no);
    match verification[level_len..].trim() {
        "Unclaimed author" => {
            profile.claimed = Some(Stated {
                value: false,
                line: line.no,
            })
        }
        "Claimed author" => {
            profile.claimed = Some(Stated {
                value: true,
                line: line.no,
            })
        }
        "" => {}
        other => page.warn(
            line.no,
            format!("unknown claim status `{other}`"),
            "expected `Claimed author` or `Unclaimed author`",
        ),
    }
}

fn stated<T>(value: T, line: u32) -> Option<Stated<T>> {
    Some(Stated { value, line })
}

/// `2works`, `0followers`, `3topics`, `4close collaborators`; true when the line was one.
fn read_count(profile: &mut Profile, line: Line<'_>) -> bool {
    let digits = line
        .text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',')
        .count();
    let Ok(value) = line.text[..digits].replace(',', "").parse::<u32>() else {
        return false;
    };
    let stated = Some(Stated {
        value,
        line: line.no,
    });
    match line.text[digits..].trim() {
        "works" | "work" => profile.works = stated,
        "followers" | "follower" => profile.followers = stated,
        "topics" | "topic" => profile.topics = stated,
        "close collaborators" | "close collaborator" => profile.collaborators = stated,
        _ => return false,
    }
    true
}

/// `2 published item(s)`.
fn read_listed(page: &mut Page<'_>) -> Option<Stated<u32>> {
    let line = page.peek()?;
    let count = line
        .text
        .strip_suffix(" published item(s)")?
        .trim()
        .parse()
        .ok()?;
    page.next_line();
    page.used(line.no);
    Some(Stated {
        value: count,
        line: line.no,
    })
}

/// A work's first line: kind, year and venue run together (`preprint2022arXiv`).
pub fn entry_header(text: &str) -> Option<(&str, i32, &str)> {
    let digit = text.find(|c: char| c.is_ascii_digit())?;
    let kind = &text[..digit];
    let valid_kind = !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let year = year_of(text.get(digit..digit + 4)?)?;
    let venue = text[digit + 4..].trim();
    let valid_venue = !venue.starts_with(|c: char| c.is_ascii_digit()) && !venue.contains(' ');
    (valid_kind && valid_venue).then_some((kind, year, venue))
}

fn read_entries(page: &mut Page<'_>) -> Vec<Entry> {
    let mut entries = Vec::new();
    while let Some(line) = page.next_line() {
        let Some((kind, year, venue)) = entry_header(line.text) else {
            continue;
        };
        page.used(line.no);
        let mut entry = Entry::new(line.no);
        entry.kind = Some(at(kind.to_string(), line.no));
        entry.venue = (!venue.is_empty()).then(|| at(venue.to_string(), line.no));
        entry.date = Some(at(PartialDate::year(year), line.no));
        match page.peek().filter(|t| entry_header(t.text).is_none()) {
            Some(title) => {
                page.next_line();
                page.used(title.no);
                entry.title = Some(at(title.text.to_string(), title.no));
            }
            None => {
                page.error(
                    line.no,
                    format!(
                        "work `{}` has no title: expected the title on the next line",
                        line.text
                    ),
                    CUT_OFF_HINT,
                );
                continue;
            }
        }
        read_abstract(page, &mut entry, |t| entry_header(t).is_some());
        entries.push(entry);
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_split_at_case_change() {
        assert_eq!(
            split_badges("ResearcherAffiliation not importedOpen to collaborate"),
            [
                "Researcher",
                "Affiliation not imported",
                "Open to collaborate"
            ]
        );
    }

    #[test]
    fn entry_headers() {
        assert_eq!(
            entry_header("preprint2022arXiv"),
            Some(("preprint", 2022, "arXiv"))
        );
        assert_eq!(entry_header("article2021"), Some(("article", 2021, "")));
        assert_eq!(entry_header("Trust 13"), None);
        assert_eq!(entry_header("2works"), None);
    }
}
