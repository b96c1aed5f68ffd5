//! Parsers never panic and always terminate, on arbitrary bytes and on arbitrary documents
//! built from fragments of the real seeds.

use corpus::parse::{parse_document, parse_text, LineRole};
use corpus::{compile, Document, Overrides};
use proptest::prelude::*;

/// Lines of every format, and near-misses of them, to recombine.
const FRAGMENTS: &[&str] = &[
    "Researcher profile",
    "Xiaotian Gao",
    "Trust 13 - UnverifiedVerification L1Unclaimed author",
    "Trust 7",
    "Trust 1 - Verification",
    "2works",
    "0followers",
    "3topics",
    "4close collaborators",
    "Follow researcher0",
    "Published work",
    "2 published item(s)",
    "preprint2022arXiv",
    "preprint9999",
    "SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation",
    "Abstract:",
    "Abstract:Zero-shot quantization (ZSQ) is promising. we propose X (Y).",
    "Yixing Xu",
    "CV",
    "h-index30",
    "26papers",
    "4,549citations",
    "Novelty56%",
    "AI Score63",
    "26 Papers",
    "CVDec 29, 2022Code",
    "78.0CLMay 24",
    "LGJan 30",
    "ROFeb 30",
    "CLFeb 29",
    "9.9.9CV",
    "Ning Ding, Yixing Xu, Yehui Tang et al.",
    "et al.",
    ",",
    "Title",
    "Authors",
    "Abstract",
    "Categories",
    "cs.LG cs.AI",
    "cs.XX",
    "Published",
    "2022-02-16",
    "2022-13-45",
    "Similar Papers",
    "Found 4 papersACQ",
    "Comments (0)",
    "Learn more",
    "Paper Info",
    "code at \\url{https://gitee.com/x/y}.",
    "https://",
    "http://a.b/c)",
    "",
    "   ",
    "Ünïcödé Ñame",
    "Týr-the-Pruner",
    "张伟",
    "\u{200b}",
    "((((",
    "))))",
    "}",
    "\\textit{",
    "Code",
];

fn fragment_document() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => ".{0,40}",
    ];
    (
        proptest::collection::vec(line, 0..60),
        prop_oneof![Just("\n"), Just("\r\n")],
    )
        .prop_map(|(lines, newline)| lines.join(newline))
}

fn check_roles(text: &str, roles: &[LineRole]) {
    assert_eq!(roles.len(), text.lines().count());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let parsed = parse_document(&Document::new("fuzz.txt", bytes.clone()));
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if !text.contains('\0') && !text.starts_with('\u{feff}') {
                check_roles(text, &parsed.roles);
            }
        }
        let _ = compile(&[Document::new("fuzz.txt", bytes)], &Overrides::default());
    }

    #[test]
    fn seed_like_documents_never_panic(text in fragment_document()) {
        let parsed = parse_text("fuzz.txt", &text);
        check_roles(&text, &parsed.roles);
        for diagnostic in &parsed.diagnostics {
            prop_assert_eq!(&diagnostic.file, "fuzz.txt");
        }
    }

    #[test]
    fn compiling_seed_like_documents_never_panics(docs in proptest::collection::vec(fragment_document(), 1..4)) {
        let docs: Vec<Document> = docs.into_iter().enumerate().map(|(i, t)| Document::new(format!("{i}.txt"), t)).collect();
        match compile(&docs, &Overrides::default()) {
            Ok(compiled) => {
                let json = corpus::to_json(&compiled.corpus);
                prop_assert_eq!(&json, &corpus::to_json(&compile(&docs, &Overrides::default()).unwrap().corpus));
            }
            Err(diagnostics) => prop_assert!(diagnostics.iter().any(|d| d.is_error())),
        }
    }

    #[test]
    fn overrides_parser_never_panics(text in ".{0,200}") {
        let _ = Overrides::parse(&text);
    }

    #[test]
    fn latex_gives_bounded_spans_and_no_backslash(tokens in proptest::collection::vec(proptest::sample::select(LATEX), 0..400)) {
        let text = tokens.concat();
        let spans = corpus::latex::parse(&text);
        prop_assert!(corpus::latex::depth(&spans) <= corpus::latex::MAX_DEPTH);
        // `\url{…}` keeps its text as written (an address may hold a backslash); the rest
        // shows no command.
        let shown = outside_urls(&spans);
        prop_assert!(!shown.contains('\\'), "{:?} → {:?}", text, shown);
    }
}

/// Pieces of LaTeX as titles and abstracts write it, unbalanced on purpose.
const LATEX: &[&str] = &[
    "\\textbf{",
    "\\textit{",
    "\\emph{",
    "\\texttt{",
    "\\url{",
    "{",
    "}",
    "$",
    "_{",
    "^{",
    "_",
    "^",
    "\\",
    "\\times",
    "\\%",
    "a",
    " ",
    "https://a.org/x",
    "http://b.org",
    ")",
    "--",
    "~",
    "\\eg",
];

fn outside_urls(spans: &[corpus::latex::Span]) -> String {
    use corpus::latex::Span;
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) | Span::Math(t) => t.clone(),
            Span::Bold(inner) | Span::Italic(inner) => outside_urls(inner),
            Span::Url(_) => String::new(),
        })
        .collect()
}

/// Termination on large input: a big document of fragments compiles (its timing is measured by
/// the benchmark, `cargo run --release -p peerscope-corpus --example hostile_scale`, not here).
#[test]
fn large_documents_are_read() {
    let text: String = FRAGMENTS
        .iter()
        .cycle()
        .take(20_000)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let _ = compile(&[Document::new("big.txt", text)], &Overrides::default());
}
