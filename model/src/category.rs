//! Categories and their schemes. The corpus stores a category as `scheme:name`: an arXiv subject
//! category (`arxiv:cs.CV`), an OpenAlex primary topic (`openalex:Neural Networks and
//! Applications`) or a keyword a bibliography gives (`kw:graph neural networks`). This module
//! writes and reads those codes, normalises the arXiv codes pages show (`CV` → `cs.CV`) and
//! names them for readers (`arxiv:cs.CV` → "Computer Vision").

/// Where a category's name comes from; each scheme is its own facet group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scheme {
    Arxiv,
    OpenAlex,
    Keyword,
}

impl Scheme {
    /// Every scheme, in the order the app shows their groups.
    pub const ALL: [Scheme; 3] = [Scheme::Arxiv, Scheme::OpenAlex, Scheme::Keyword];

    /// The prefix of its codes, without the colon (`arxiv`).
    pub fn prefix(self) -> &'static str {
        match self {
            Scheme::Arxiv => "arxiv",
            Scheme::OpenAlex => "openalex",
            Scheme::Keyword => "kw",
        }
    }

    /// Its facet group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Scheme::Arxiv => "arXiv categories",
            Scheme::OpenAlex => "OpenAlex topics",
            Scheme::Keyword => "Keywords",
        }
    }

    /// What one of its categories is called (a work page's row).
    pub fn one(self) -> &'static str {
        match self {
            Scheme::Arxiv => "arXiv category",
            Scheme::OpenAlex => "OpenAlex topic",
            Scheme::Keyword => "Keyword",
        }
    }

    /// The stored code of a name in this scheme (`arxiv:cs.CV`).
    pub fn code(self, name: &str) -> String {
        format!("{}:{}", self.prefix(), name.trim())
    }
}

/// A stored code's scheme and name (`arxiv:cs.CV` → arXiv, `cs.CV`). A code without a known
/// scheme is an arXiv code as written before schemes (`cs.CV`), so old links keep working.
pub fn split(code: &str) -> (Scheme, &str) {
    Scheme::ALL
        .into_iter()
        .find_map(|scheme| {
            code.strip_prefix(scheme.prefix())
                .and_then(|rest| rest.strip_prefix(':'))
                .map(|name| (scheme, name))
        })
        .unwrap_or((Scheme::Arxiv, code))
}

/// What readers see for a stored code: an arXiv category's name ("Computer Vision", or the
/// code when the table does not know it), a topic's or keyword's name as written.
pub fn label(code: &str) -> &str {
    match split(code) {
        (Scheme::Arxiv, bare) => name(bare).unwrap_or(bare),
        (_, name) => name,
    }
}

/// The stored code of an arXiv category as a page writes it: normalised when known
/// (`CV` → `arxiv:cs.CV`), else as written.
pub fn arxiv(code: &str) -> String {
    Scheme::Arxiv.code(normalize(code).unwrap_or(code))
}

/// Every category peerscope knows, code and readable name: all of `cs.*` and the ones papers
/// in machine learning and its neighbours commonly cross-list to.
const CATEGORIES: &[(&str, &str)] = &[
    ("cs.AI", "Artificial Intelligence"),
    ("cs.AR", "Hardware Architecture"),
    ("cs.CC", "Computational Complexity"),
    ("cs.CE", "Computational Engineering, Finance, and Science"),
    ("cs.CG", "Computational Geometry"),
    ("cs.CL", "Computation and Language"),
    ("cs.CR", "Cryptography and Security"),
    ("cs.CV", "Computer Vision"),
    ("cs.CY", "Computers and Society"),
    ("cs.DB", "Databases"),
    ("cs.DC", "Distributed, Parallel, and Cluster Computing"),
    ("cs.DL", "Digital Libraries"),
    ("cs.DM", "Discrete Mathematics"),
    ("cs.DS", "Data Structures and Algorithms"),
    ("cs.ET", "Emerging Technologies"),
    ("cs.FL", "Formal Languages and Automata Theory"),
    ("cs.GL", "General Literature"),
    ("cs.GR", "Graphics"),
    ("cs.GT", "Computer Science and Game Theory"),
    ("cs.HC", "Human-Computer Interaction"),
    ("cs.IR", "Information Retrieval"),
    ("cs.IT", "Information Theory"),
    ("cs.LG", "Machine Learning"),
    ("cs.LO", "Logic in Computer Science"),
    ("cs.MA", "Multiagent Systems"),
    ("cs.MM", "Multimedia"),
    ("cs.MS", "Mathematical Software"),
    ("cs.NA", "Numerical Analysis"),
    ("cs.NE", "Neural and Evolutionary Computing"),
    ("cs.NI", "Networking and Internet Architecture"),
    ("cs.OH", "Other Computer Science"),
    ("cs.OS", "Operating Systems"),
    ("cs.PF", "Performance"),
    ("cs.PL", "Programming Languages"),
    ("cs.RO", "Robotics"),
    ("cs.SC", "Symbolic Computation"),
    ("cs.SD", "Sound"),
    ("cs.SE", "Software Engineering"),
    ("cs.SI", "Social and Information Networks"),
    ("cs.SY", "Systems and Control"),
    ("stat.ML", "Machine Learning (Statistics)"),
    ("stat.ME", "Methodology"),
    ("stat.CO", "Computation (Statistics)"),
    ("stat.AP", "Applications (Statistics)"),
    ("stat.TH", "Statistics Theory"),
    ("eess.IV", "Image and Video Processing"),
    ("eess.SP", "Signal Processing"),
    ("eess.AS", "Audio and Speech Processing"),
    ("eess.SY", "Systems and Control (EESS)"),
    ("math.OC", "Optimization and Control"),
    ("math.NA", "Numerical Analysis (Mathematics)"),
    ("math.PR", "Probability"),
    ("math.ST", "Statistics Theory (Mathematics)"),
    ("math.CO", "Combinatorics"),
    ("math.IT", "Information Theory (Mathematics)"),
    ("q-bio.NC", "Neurons and Cognition"),
    ("q-bio.QM", "Quantitative Methods"),
    ("physics.comp-ph", "Computational Physics"),
    (
        "physics.data-an",
        "Data Analysis, Statistics and Probability",
    ),
    ("cond-mat.dis-nn", "Disordered Systems and Neural Networks"),
    ("quant-ph", "Quantum Physics"),
    ("econ.EM", "Econometrics"),
    ("q-fin.CP", "Computational Finance"),
];

/// The canonical code of a category as a page writes it: a full code in any case
/// (`cs.cv` → `cs.CV`) or a bare computer-science code (`CV` → `cs.CV`). `None` when unknown.
pub fn normalize(code: &str) -> Option<&'static str> {
    let code = code.trim();
    if code.is_empty() {
        return None;
    }
    CATEGORIES
        .iter()
        .map(|(canonical, _)| *canonical)
        .find(|canonical| {
            canonical.eq_ignore_ascii_case(code)
                || canonical
                    .strip_prefix("cs.")
                    .is_some_and(|bare| bare == code)
        })
}

/// The codes a bibliography's `keywords` field gives (BibTeX `keywords`, CSL `keyword`, RIS `KW`).
/// Keywords are separated by `;` when the text has one, else by `,` (so a keyword with a comma
/// survives in a list separated by semicolons). A keyword written with a scheme
/// (`openalex:Topic`) is that code; a full arXiv code (`cs.CV`) is that category; anything
/// else is a keyword (`kw:…`).
pub fn from_keywords(text: &str) -> Vec<String> {
    let separator = if text.contains(';') { ';' } else { ',' };
    let mut codes: Vec<String> = Vec::new();
    for word in text
        .split(separator)
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let code = from_keyword(word);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The code of one keyword (a RIS `KW` line), by the rules of [`from_keywords`].
pub fn from_keyword(word: &str) -> String {
    let word = word.trim();
    match split(word) {
        (Scheme::Arxiv, bare) if bare.len() < word.len() => arxiv(bare),
        (Scheme::Arxiv, _) => match normalize(word).filter(|_| word.contains('.')) {
            Some(code) => Scheme::Arxiv.code(code),
            None => Scheme::Keyword.code(word),
        },
        _ => word.to_string(),
    }
}

/// One code as a keyword that [`from_keyword`] reads back as that code.
pub fn to_keyword(code: &str) -> String {
    let (scheme, name) = split(code);
    if from_keyword(name) == scheme.code(name) {
        name.to_string()
    } else {
        scheme.code(name)
    }
}

/// Codes as a `keywords` field that [`from_keywords`] reads back as the same codes: known arXiv
/// codes and plain keywords bare, anything else with its scheme.
pub fn to_keywords<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<String> = codes.into_iter().map(to_keyword).collect();
    let separator = if words.iter().any(|w| w.contains(',')) {
        "; "
    } else {
        ", "
    };
    words.join(separator)
}

/// The readable name of a canonical arXiv code, with or without its scheme (`cs.CV` or
/// `arxiv:cs.CV` → "Computer Vision").
pub fn name(code: &str) -> Option<&'static str> {
    let bare = code.strip_prefix("arxiv:").unwrap_or(code);
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == bare)
        .map(|(_, name)| *name)
}

/// Every known category, canonical code and name, in table order (for listings and tests).
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    CATEGORIES.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_codes_are_computer_science() {
        for (bare, full) in [
            ("CV", "cs.CV"),
            ("CL", "cs.CL"),
            ("LG", "cs.LG"),
            ("RO", "cs.RO"),
            ("AI", "cs.AI"),
        ] {
            assert_eq!(normalize(bare), Some(full));
        }
        assert_eq!(normalize("cs.lg"), Some("cs.LG"));
        assert_eq!(normalize("stat.ML"), Some("stat.ML"));
        assert_eq!(
            normalize("cv"),
            None,
            "bare codes are upper case on the pages"
        );
        assert_eq!(normalize("XX"), None);
    }

    #[test]
    fn names() {
        assert_eq!(name("cs.CV"), Some("Computer Vision"));
        assert_eq!(name("cs.LG"), Some("Machine Learning"));
        assert_eq!(name("CV"), None);
        assert_eq!(all().filter(|(c, _)| c.starts_with("cs.")).count(), 40);
    }

    #[test]
    fn codes_carry_their_scheme() {
        assert_eq!(arxiv("CV"), "arxiv:cs.CV");
        assert_eq!(arxiv("xx.YY"), "arxiv:xx.YY");
        assert_eq!(split("arxiv:cs.CV"), (Scheme::Arxiv, "cs.CV"));
        assert_eq!(
            split("cs.CV"),
            (Scheme::Arxiv, "cs.CV"),
            "links made before schemes"
        );
        assert_eq!(split("kw:a, b: c"), (Scheme::Keyword, "a, b: c"));
        assert_eq!(split("openalex:Topic"), (Scheme::OpenAlex, "Topic"));
        assert_eq!(label("arxiv:cs.CV"), "Computer Vision");
        assert_eq!(label("arxiv:xx.YY"), "xx.YY");
        assert_eq!(label("kw:graph neural networks"), "graph neural networks");
        for scheme in Scheme::ALL {
            assert_eq!(split(&scheme.code("x")), (scheme, "x"));
        }
    }

    #[test]
    fn keywords_round_trip() {
        let codes = from_keywords("cs.CV, graph neural networks, openalex:Vision Topic, CV");
        assert_eq!(
            codes,
            [
                "arxiv:cs.CV",
                "kw:graph neural networks",
                "openalex:Vision Topic",
                "kw:CV"
            ]
        );
        assert_eq!(from_keywords("a, b; c"), ["kw:a, b", "kw:c"]);
        for codes in [
            codes,
            vec![
                "kw:a, b".into(),
                "kw:cs.CV".into(),
                "arxiv:xx.YY".into(),
                "kw:kw:x".into(),
            ],
            vec!["arxiv:cs.LG".into(), "kw:x: y".into()],
        ] {
            let text = to_keywords(codes.iter().map(String::as_str));
            assert_eq!(from_keywords(&text), codes, "{text}");
        }
    }

    #[test]
    fn every_code_normalises_to_itself() {
        for (code, _) in all() {
            assert_eq!(normalize(code), Some(code));
        }
    }
}
