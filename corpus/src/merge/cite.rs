//! Collecting one field's values from several appearances of a work, keeping every source.

use crate::model::{Cited, Diagnostic, Loc};

/// Distinct values in first-seen order, each with every place that states it; `same` decides
/// when two values are the same value.
pub fn union<T: Clone>(values: Vec<(T, Loc)>, same: impl Fn(&T, &T) -> bool) -> Vec<Cited<T>> {
    let mut cited: Vec<Cited<T>> = Vec::new();
    for (value, loc) in values {
        match cited.iter_mut().find(|c| same(&c.value, &value)) {
            Some(existing) => push_loc(&mut existing.sources, loc),
            None => cited.push(Cited {
                value,
                sources: vec![loc],
            }),
        }
    }
    cited
}

/// One value for a single-valued field: the first seen, cited by every place that agrees;
/// a warning names the places that state something else.
pub fn one<T: Clone + std::fmt::Display>(
    field: &str,
    values: Vec<(T, Loc)>,
    same: impl Fn(&T, &T) -> bool,
) -> (Option<Cited<T>>, Vec<Diagnostic>) {
    let mut all = union(values, same).into_iter();
    let first = all.next();
    let warnings = match &first {
        Some(kept) => all.map(|other| disagreement(field, kept, &other)).collect(),
        None => Vec::new(),
    };
    (first, warnings)
}

fn disagreement<T: std::fmt::Display>(
    field: &str,
    kept: &Cited<T>,
    other: &Cited<T>,
) -> Diagnostic {
    let at = &other.sources[0];
    let kept_at = &kept.sources[0];
    Diagnostic::warning(
        &at.file,
        format!(
            "{field} differs from {}:{}; kept that one",
            kept_at.file, kept_at.line
        ),
    )
    .at(at.line)
    .hint(format!(
        "this page says `{}`, the other `{}`; correct the seed that is wrong",
        short(&other.value),
        short(&kept.value)
    ))
}

fn short<T: std::fmt::Display>(value: &T) -> String {
    crate::parse::lines::preview(&value.to_string())
}

/// Adds a place to a source list, once, keeping it sorted.
pub fn push_loc(sources: &mut Vec<Loc>, loc: Loc) {
    if let Err(index) = sources.binary_search(&loc) {
        sources.insert(index, loc);
    }
}
