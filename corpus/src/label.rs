//! Labels for works known only by their abstract: an honest name derived from the text, never
//! an invented title.

/// The longest label taken from a "we propose ..." phrase; longer phrases fall back to the
/// first sentence.
const MAX_PROPOSAL: usize = 120;
/// Where a first-sentence label is cut (in characters, at a word boundary) before its ellipsis.
const MAX_SENTENCE: usize = 80;

/// A label for an abstract-only work: the method the abstract introduces, as it names it
/// (`we propose HArd sample Synthesizing and Training (HAST)` → "HArd sample Synthesizing and
/// Training (HAST)"), or else its first sentence, cut at a word boundary with an ellipsis.
pub fn derive(abstract_text: &str) -> String {
    proposal(abstract_text).unwrap_or_else(|| first_sentence(abstract_text))
}

/// The name after "we propose" up to and including the first parenthesised acronym of that
/// sentence, without a leading article or "novel".
fn proposal(text: &str) -> Option<String> {
    let start = text.find("we propose ")? + "we propose ".len();
    let rest = &text[start..];
    let sentence_end = rest.find(". ").unwrap_or(rest.len());
    let close = rest[..sentence_end].find(')')?;
    if !rest[..close].contains('(') {
        return None;
    }
    let mut phrase = rest[..=close].trim();
    for filler in ["a ", "an ", "the ", "novel ", "new "] {
        phrase = phrase.strip_prefix(filler).unwrap_or(phrase);
    }
    (phrase.chars().count() <= MAX_PROPOSAL && !phrase.is_empty()).then(|| phrase.to_string())
}

/// The first sentence, or its first words and an ellipsis when it is long.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let sentence = text.find(". ").map_or(text, |end| &text[..end]);
    let sentence = sentence.trim_end_matches('.');
    if sentence.chars().count() <= MAX_SENTENCE {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(MAX_SENTENCE).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::derive;

    #[test]
    fn proposal_phrase() {
        assert_eq!(
            derive("To address this issue, we propose HArd sample Synthesizing and Training (HAST). Specifically"),
            "HArd sample Synthesizing and Training (HAST)"
        );
        assert_eq!(
            derive("we propose a novel Search method via Subspace Evoking (ASE-NAS) that finds x."),
            "Search method via Subspace Evoking (ASE-NAS)"
        );
    }

    #[test]
    fn first_sentence_fallback() {
        assert_eq!(derive("Short one. Then more."), "Short one");
        let long = "Word ".repeat(40);
        let label = derive(&long);
        assert!(
            label.ends_with('…') && label.chars().count() <= 81,
            "{label}"
        );
        assert_eq!(derive(""), "");
    }
}
