//! Numbers and dates as the pages write them.

/// `4549` → `4,549`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Dec 29, 2022`, `Dec 2022` or `2022`, as precise as the date is known.
pub fn date_label(date: &crate::corpus::WorkDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = date
        .month
        .filter(|m| (1..=12).contains(m))
        .map(|m| MONTHS[m as usize - 1]);
    match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", date.year),
        (Some(month), None) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}

/// A figure a profile page states about its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    HIndex,
    Citations,
    Papers,
    Trust,
    Followers,
    Collaborators,
    /// The field, by its category's name where it is an arXiv code.
    Field,
}

/// The `figures` each of a person's profile pages states, as the pages write them (`h-index
/// 30`, `4,549 citations`), page by page in the order asked; empty for someone without a
/// profile page.
pub fn stated(person: &crate::corpus::Person, figures: &[Figure]) -> Vec<String> {
    person
        .profiles
        .iter()
        .flat_map(|p| figures.iter().filter_map(move |&f| figure(p, f)))
        .collect()
}

fn figure(p: &crate::corpus::Profile, figure: Figure) -> Option<String> {
    let number = |s: &Option<crate::corpus::Stated<u32>>| s.as_ref().map(|s| s.value);
    match figure {
        Figure::HIndex => number(&p.h_index).map(|n| format!("h-index {n}")),
        Figure::Citations => {
            number(&p.citations).map(|n| format!("{} citations", thousands(n.into())))
        }
        Figure::Papers => number(&p.papers).map(|n| format!("{n} papers")),
        Figure::Trust => number(&p.trust).map(|n| format!("trust {n}")),
        Figure::Followers => number(&p.followers).map(|n| format!("{n} followers")),
        Figure::Collaborators => {
            number(&p.collaborators).map(|n| format!("{n} close collaborators"))
        }
        Figure::Field => p.field.as_ref().map(|s| {
            crate::category::name(&s.value)
                .unwrap_or(&s.value)
                .to_string()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Person, Profile, Stated};

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4549), "4,549");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn stated_figures_follow_the_order_asked_and_skip_what_a_page_does_not_state() {
        let stated_at = |value| Some(Stated { value, line: 1 });
        let person = Person {
            profiles: vec![
                Profile {
                    h_index: stated_at(30),
                    citations: stated_at(4549),
                    field: Some(Stated {
                        value: "cs.CV".into(),
                        line: 2,
                    }),
                    ..Profile::default()
                },
                Profile {
                    trust: stated_at(7),
                    ..Profile::default()
                },
            ],
            ..Person::bare("a".into(), "A".into())
        };
        assert_eq!(
            stated(&person, &[Figure::Field, Figure::Citations, Figure::Trust]),
            ["Computer Vision", "4,549 citations", "trust 7"]
        );
        assert_eq!(
            stated(&person, &[Figure::HIndex, Figure::Papers]),
            ["h-index 30"]
        );
        let nobody = Person {
            profiles: Vec::new(),
            ..person
        };
        assert!(stated(&nobody, &[Figure::HIndex]).is_empty());
    }
}
