//! arXiv subject categories: normalising the codes pages show (`CV` → `cs.CV`) and naming them
//! for readers (`cs.CV` → "Computer Vision").

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

/// The readable name of a canonical category code (`cs.CV` → "Computer Vision"), for the app.
pub fn name(code: &str) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == code)
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
    fn every_code_normalises_to_itself() {
        for (code, _) in all() {
            assert_eq!(normalize(code), Some(code));
        }
    }
}
