//! `corpus::bibtex` on the real seeds: each entry holds only what the sources say, and says
//! where the list of authors or the year is not the sources' own.

mod common;

use common::*;
use corpus::bibtex::{entry, key};
use corpus::{AuthorList, Work};

/// An entry split into its key and `(field, value)` pairs, one level of braces taken off.
struct Entry {
    text: String,
    key: String,
    fields: Vec<(String, String)>,
}

impl Entry {
    fn of(work: &Work) -> Entry {
        let text = entry(work, corpus());
        let mut lines = text.lines();
        let head = lines.next().expect("a first line");
        let key = head
            .strip_prefix("@misc{")
            .and_then(|rest| rest.strip_suffix(','))
            .unwrap_or_else(|| panic!("`{head}` opens an entry"))
            .to_string();
        let mut fields = Vec::new();
        for line in lines.filter(|l| !l.trim().is_empty() && *l != "}") {
            let line = line.trim().trim_end_matches(',');
            let (name, value) = line
                .split_once(" = ")
                .unwrap_or_else(|| panic!("`{line}` is a field"));
            let value = value
                .strip_prefix('{')
                .and_then(|v| v.strip_suffix('}'))
                .unwrap_or(value);
            fields.push((name.to_string(), value.to_string()));
        }
        assert!(text.ends_with("}\n"), "{text}");
        Entry { text, key, fields }
    }

    fn field(&self, name: &str) -> Option<&str> {
        let found: Vec<&str> = self
            .fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        assert!(
            found.len() <= 1,
            "one `{name}` field at most:\n{}",
            self.text
        );
        found.first().copied()
    }

    fn authors(&self) -> Vec<&str> {
        self.field("author")
            .map(|a| a.split(" and ").collect())
            .unwrap_or_default()
    }
}

#[test]
fn squant_lists_all_nine_authors_surname_first() {
    let e = Entry::of(work_titled("SQuant"));
    assert_eq!(
        e.authors(),
        [
            "Zhang, Chen",
            "Guo, Cong",
            "Yang, Fan",
            "Leng, Jingwen",
            "Guo, Minyi",
            "Gao, Xiaotian",
            "Zhu, Yuhao",
            "Liu, Yunxin",
            "Qiu, Yuxian"
        ]
    );
    assert!(
        !e.text.contains("others"),
        "a complete list is not truncated:\n{}",
        e.text
    );
}

#[test]
fn squant_has_its_title_date_venue_and_categories() {
    let e = Entry::of(work_titled("SQuant"));
    assert_eq!(
        e.field("title"),
        Some("{SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation}")
    );
    assert_eq!(e.field("year"), Some("2022"));
    assert_eq!(e.field("howpublished"), Some("arXiv"));
    let keywords = e.field("keywords").expect("keywords");
    assert!(
        keywords.contains("cs.LG") && keywords.contains("cs.AI"),
        "{keywords}"
    );
}

#[test]
fn the_month_is_the_bare_bibtex_macro() {
    let e = Entry::of(work_titled("SQuant"));
    assert_eq!(e.field("month"), Some("feb"));
    assert!(
        e.text.contains("  month = feb,\n"),
        "a braced `{{feb}}` would print literally:\n{}",
        e.text
    );
    assert!(Entry::of(work_titled("BiMLP"))
        .text
        .contains("  month = dec,\n"));
}

#[test]
fn a_year_only_date_has_no_month() {
    let e = Entry::of(work_titled("CP-ViT"));
    assert_eq!(e.field("year"), Some("2022"));
    assert_eq!(e.field("month"), None);
}

#[test]
fn squant_notes_its_code_url() {
    let e = Entry::of(work_titled("SQuant"));
    assert_eq!(
        e.field("note"),
        Some(r"Code: \url{https://github.com/clevercool/SQuant}")
    );
}

#[test]
fn a_truncated_author_list_ends_with_and_others() {
    let work = work_titled("A Survey on Visual Transformer");
    assert_eq!(work.author_list, AuthorList::Truncated);
    let e = Entry::of(work);
    assert_eq!(
        e.authors(),
        [
            "Han, Kai",
            "Wang, Yunhe",
            "Chen, Hanting",
            "Xu, Yixing",
            "others"
        ]
    );
    assert!(e.field("author").unwrap().ends_with(" and others"));
}

#[test]
fn every_truncated_work_of_003_ends_with_and_others() {
    let truncated: Vec<&Work> = corpus()
        .works
        .iter()
        .filter(|w| {
            w.author_list == AuthorList::Truncated && w.sources.iter().any(|s| s.file == PAPERS)
        })
        .collect();
    assert!(truncated.len() > 10, "{}", truncated.len());
    for work in truncated {
        let e = Entry::of(work);
        assert_eq!(e.authors().last(), Some(&"others"), "{}", e.text);
        assert_eq!(
            e.authors().iter().filter(|a| **a == "others").count(),
            1,
            "{}",
            e.text
        );
    }
}

#[test]
fn a_complete_author_list_has_no_and_others() {
    let e = Entry::of(work_titled("BiMLP"));
    assert_eq!(e.authors(), ["Xu, Yixing", "Chen, Xinghao", "Wang, Yunhe"]);
}

#[test]
fn an_inferred_year_is_noted() {
    let work = work_titled("Beyond the Target");
    assert!(work.date.as_ref().unwrap().year_inferred);
    let e = Entry::of(work);
    assert_eq!(e.field("year"), Some("2026"));
    assert!(
        e.field("note")
            .unwrap_or_default()
            .contains("Year inferred"),
        "{}",
        e.text
    );
}

#[test]
fn a_stated_year_is_not_noted_as_inferred() {
    for work in [
        work_titled("SQuant"),
        work_titled("BiMLP"),
        work_titled("CP-ViT"),
    ] {
        assert!(!Entry::of(work).text.contains("inferred"), "{}", work.id);
    }
}

#[test]
fn an_abstract_only_work_has_neither_title_nor_author() {
    let derived: Vec<&Work> = corpus().works.iter().filter(|w| w.title_derived).collect();
    assert_eq!(derived.len(), 2);
    for work in derived {
        let e = Entry::of(work);
        assert_eq!(
            e.field("title"),
            None,
            "a derived label is not a title:\n{}",
            e.text
        );
        assert_eq!(e.field("author"), None, "{}", e.text);
        assert_eq!(e.field("year"), None, "{}", e.text);
        assert!(!e.text.contains("others"), "{}", e.text);
    }
}

#[test]
fn a_work_known_only_from_a_profile_notes_the_incomplete_author_list() {
    let works: Vec<&Work> = corpus().works_of("xiaoyao-liang").collect();
    assert_eq!(works.len(), 3);
    for work in works {
        assert_eq!(work.author_list, AuthorList::SubjectOnly);
        let e = Entry::of(work);
        // The one known author, and `others`: the profile page lists no co-authors.
        assert_eq!(e.authors(), ["Liang, Xiaoyao", "others"], "{}", e.text);
        assert!(
            e.field("note")
                .unwrap_or_default()
                .contains("Author list incomplete"),
            "{}",
            e.text
        );
        assert!(e.field("title").is_some(), "{}", e.text);
    }
}

#[test]
fn no_entry_has_a_field_with_an_empty_value() {
    for work in &corpus().works {
        let e = Entry::of(work);
        for (name, value) in &e.fields {
            let bare = value.trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace());
            assert!(!bare.is_empty(), "`{name}` is empty in\n{}", e.text);
        }
        let names: Vec<&str> = e.fields.iter().map(|(n, _)| n.as_str()).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "no field twice:\n{}", e.text);
    }
}

#[test]
fn every_entry_has_balanced_braces() {
    for work in &corpus().works {
        let text = entry(work, corpus());
        let mut depth = 0i32;
        for c in text.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            assert!(depth >= 0, "{text}");
        }
        assert_eq!(depth, 0, "{text}");
    }
}

#[test]
fn keys_are_surname_year_and_a_title_word() {
    assert_eq!(key(work_titled("BiMLP"), corpus()), "xu2022bimlp");
    assert_eq!(key(work_titled("SQuant"), corpus()), "zhang2022squant");
    assert_eq!(
        key(work_titled("CP-ViT"), corpus()),
        "liang2022cascade",
        "short and common words are skipped"
    );
}

#[test]
fn keys_fold_accents_to_ascii() {
    // `Týr` is too short a word; the key takes the next one.
    assert_eq!(key(work_titled("Týr-the-Pruner"), corpus()), "li2025pruner");
}

#[test]
fn every_key_is_lowercase_ascii_and_starts_the_entry() {
    for work in &corpus().works {
        let k = key(work, corpus());
        assert!(
            !k.is_empty()
                && k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "`{k}`"
        );
        assert_eq!(Entry::of(work).key, k);
    }
}

#[test]
fn a_work_without_authors_has_an_anonymous_key() {
    let work = corpus().works.iter().find(|w| w.title_derived).unwrap();
    assert!(
        key(work, corpus()).starts_with("anon"),
        "{}",
        key(work, corpus())
    );
}

/// Checks what BibTeX and LaTeX need of an entry: braces balance as BibTeX counts them (every
/// brace character, escaped or not) and no `%` is left to start a comment.
fn assert_latex_safe(text: &str) {
    let mut depth = 0i32;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.clone().next() == Some('%') => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "a `}}` closes more than was opened:\n{text}");
            }
            '%' => panic!("an unescaped `%` starts a comment:\n{text}"),
            _ => {}
        }
    }
    assert_eq!(depth, 0, "braces do not balance:\n{text}");
}

#[test]
fn every_seed_entry_is_latex_safe() {
    for work in &corpus().works {
        assert_latex_safe(&entry(work, corpus()));
    }
}

#[test]
fn a_title_with_a_stray_brace_and_percent_signs_is_escaped() {
    let dir = folder(
        "bibtex-specials",
        &[(
            "103_bibtex_title.txt",
            &std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../tests/fixtures/xss-seeds/103_bibtex_title.txt"),
            )
            .unwrap(),
        )],
    );
    let compiled = corpus::compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let work = &compiled.corpus.works[0];
    let text = entry(work, &compiled.corpus);
    assert_latex_safe(&text);
    // The stray braces are LaTeX grouping to the title's reader too: the page shows the same
    // words without them.
    assert!(
        text.contains(
            r"title = {{Closing  Early: 100\% of \textbf{Bold \& \#1} Claims at 50\% Cost\_x Unbalanced}},"
        ),
        "{text}"
    );
    assert!(
        text.contains(r"note = {Code: \url{https://example.org/a\%20b\#c}}"),
        "{text}"
    );
}

#[test]
fn escape_leaves_plain_text_alone_and_escapes_every_special() {
    use corpus::bibtex::escape;
    assert_eq!(escape("Hessian Approximation"), "Hessian Approximation");
    assert_eq!(
        escape(r"a\b{c}%d&e#f$g_h^i~j"),
        r"a\textbackslash{}b\textbraceleft{}c\textbraceright{}\%d\&e\#f\$g\_h\^{}i\~{}j"
    );
}
