//! A synthetic corpus of any size, for the tests and benchmarks at the scale of a lab or a
//! workshop: profile pages in the scholar-list format of seed 003, every work on the page of
//! each of its profiled authors (so the compiler merges it across pages), one profile holding
//! many works, and optionally the same works as one BibTeX file.
//!
//! The shape follows `../shared/scale/gen_seeds.py` (the reference workload); the text differs,
//! being drawn from this module's own generator. Deterministic for a given seed.

use std::collections::BTreeSet;

/// How big a corpus to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub works: usize,
    pub profiles: usize,
    pub people: usize,
    /// Works of the biggest profile (the first).
    pub big: usize,
    pub seed: u64,
}

impl Default for Size {
    /// The reference workload: 10,000 works, 500 profiles.
    fn default() -> Size {
        Size {
            works: 10_000,
            profiles: 500,
            people: 5_000,
            big: 2_000,
            seed: 7,
        }
    }
}

/// A synthetic corpus: its seed documents and, on request, its works as BibTeX.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    /// `(file name, text)` of each profile page.
    pub files: Vec<(String, String)>,
    pub bibtex: String,
    /// The name of the biggest profile and its number of works.
    pub big: (String, usize),
}

/// splitmix64: a small, fast, well-mixed generator; written out because the output must not
/// change with a dependency's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut at = self.range(1, weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if at <= *w {
                return i;
            }
            at -= w;
        }
        weights.len() - 1
    }
}

const SYLLABLES: &str = "ba be bi bo bu da de di do du fa fe fi ga ge go ha he hi ho ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi wa xi ya yo yu za ze zi zo zu";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const CATEGORIES: [&str; 8] = ["CV", "CL", "LG", "RO", "AI", "NE", "IR", "SD"];
const CATEGORY_WEIGHTS: [usize; 8] = [30, 20, 25, 5, 8, 4, 4, 4];
/// People work in communities of this size.
const COMMUNITY: usize = 50;

struct Work {
    title: String,
    authors: Vec<usize>,
    category: &'static str,
    year: usize,
    month: usize,
    day: usize,
    code: bool,
    /// The listing's score, on a few works (the same on every page that lists the work).
    score: Option<String>,
    abstract_text: String,
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Makes a corpus of `size`.
pub fn generate(size: Size) -> Synthetic {
    let size = Size {
        profiles: size.profiles.clamp(1, size.people.max(1)),
        people: size.people.max(size.profiles).max(1),
        big: size.big.min(size.works),
        ..size
    };
    let mut rng = Rng(size.seed);
    let syllables: Vec<&str> = SYLLABLES.split(' ').collect();
    let word = |rng: &mut Rng, n: usize| (0..n).map(|_| *rng.pick(&syllables)).collect::<String>();
    let mut names = BTreeSet::new();
    let mut people = Vec::new();
    while people.len() < size.people {
        let (a, b) = (rng.range(2, 3), rng.range(2, 3));
        let name = format!(
            "{} {}",
            capitalise(&word(&mut rng, a)),
            capitalise(&word(&mut rng, b))
        );
        if names.insert(name.clone()) {
            people.push(name);
        }
    }
    let vocabulary: Vec<String> = (0..3000)
        .map(|_| {
            let n = rng.range(2, 4);
            word(&mut rng, n)
        })
        .collect();
    let profiled = size.profiles;

    let mut titles = BTreeSet::new();
    let mut works = Vec::with_capacity(size.works);
    for i in 0..size.works {
        let owner = if i < size.big {
            0
        } else {
            rng.range(0, profiled - 1)
        };
        let community = owner / COMMUNITY * COMMUNITY;
        let wanted = [1, 2, 3, 4, 5, 6, 8, 12][rng.weighted(&[5, 15, 25, 20, 15, 10, 6, 4])];
        let mut authors = vec![owner];
        for _ in 0..wanted * 4 {
            if authors.len() >= wanted.min(size.people) {
                break;
            }
            let roll = rng.range(0, 99);
            let other = if roll < 15 {
                rng.range(0, profiled - 1)
            } else if roll < 85 {
                rng.range(community, (community + COMMUNITY).min(size.people) - 1)
            } else {
                rng.range(0, size.people - 1)
            };
            if !authors.contains(&other) {
                authors.push(other);
            }
        }
        // The owner anywhere in the list, as on real pages.
        let at = rng.range(0, authors.len() - 1);
        authors.swap(0, at);
        let title = loop {
            let n = rng.range(5, 11);
            let words: Vec<String> = (0..n)
                .map(|k| {
                    let w = rng.pick(&vocabulary).clone();
                    if k == 0 || rng.chance(0.4) {
                        capitalise(&w)
                    } else {
                        w
                    }
                })
                .collect();
            let title = words.join(" ");
            if titles.insert(title.to_lowercase()) {
                break title;
            }
        };
        let year = 2008 + rng.weighted(&(1..=19).collect::<Vec<_>>());
        let month = rng.range(0, if year == 2026 { 9 } else { 11 });
        let sentences = rng.range(4, 9);
        let abstract_text = (0..sentences)
            .map(|_| {
                let n = rng.range(10, 25);
                let mut words: Vec<String> =
                    (0..n).map(|_| rng.pick(&vocabulary).clone()).collect();
                if rng.chance(0.1) {
                    words.insert(3, "$O(n\\log n)$".into());
                }
                capitalise(&words.join(" ")) + "."
            })
            .collect::<Vec<_>>()
            .join(" ");
        works.push(Work {
            title,
            authors,
            category: CATEGORIES[rng.weighted(&CATEGORY_WEIGHTS)],
            year,
            month,
            day: rng.range(1, 28),
            code: rng.chance(0.3),
            score: rng
                .chance(0.05)
                .then(|| format!("{}.{}", rng.range(10, 99), rng.range(0, 9))),
            abstract_text,
        });
    }

    let mut by_profile: Vec<Vec<usize>> = vec![Vec::new(); profiled];
    for (i, work) in works.iter().enumerate() {
        for &a in &work.authors {
            if a < profiled {
                by_profile[a].push(i);
            }
        }
    }
    let mut files = Vec::with_capacity(profiled);
    for (p, listed) in by_profile.iter_mut().enumerate() {
        listed.sort_by_key(|&i| std::cmp::Reverse((works[i].year, works[i].month, works[i].day)));
        let field = *rng.pick(&["CV", "CL", "LG"]);
        let mut text = format!(
            "{}\n\n{field}\nh-index{}\n{}papers\n{}citations\nNovelty{}%\nAI Score{}\n\n{} Papers\n\n",
            people[p],
            rng.range(1, 90),
            listed.len(),
            crate::query::thousands(rng.range(0, 90_000) as u64),
            rng.range(1, 99),
            rng.range(1, 99),
            listed.len()
        );
        for &i in listed.iter() {
            let w = &works[i];
            let score = w.score.as_deref().unwrap_or_default();
            let names: Vec<&str> = w
                .authors
                .iter()
                .take(3)
                .map(|&a| people[a].as_str())
                .collect();
            let more = if w.authors.len() > 3 { " et al." } else { "" };
            text.push_str(&format!(
                "{score}{}{} {}, {}{}\n{}\n\n{}{more}\n\n{}\n\n",
                w.category,
                MONTHS[w.month],
                w.day,
                w.year,
                if w.code { "Code" } else { "" },
                w.title,
                names.join(", "),
                w.abstract_text
            ));
        }
        files.push((format!("s{p:04}.txt"), text.trim_end().to_string() + "\n"));
    }

    let bibtex = works
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let authors: Vec<String> = w
                .authors
                .iter()
                .map(|&a| match people[a].split_once(' ') {
                    Some((first, last)) => format!("{last}, {first}"),
                    None => people[a].clone(),
                })
                .collect();
            format!(
                "@article{{w{i},\n  title = {{{}}},\n  author = {{{}}},\n  year = {},\n  month = {},\n  eprint = {{{:02}{:02}.{i:05}}},\n  archivePrefix = {{arXiv}},\n  primaryClass = {{cs.{}}},\n  abstract = {{{}}}\n}}\n",
                w.title,
                authors.join(" and "),
                w.year,
                MONTHS[w.month].to_lowercase(),
                w.year % 100,
                w.month + 1,
                w.category,
                w.abstract_text
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    Synthetic {
        files,
        bibtex,
        big: (people[0].clone(), by_profile.first().map_or(0, Vec::len)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compile, Document, Overrides};

    fn small() -> Size {
        Size {
            works: 300,
            profiles: 12,
            people: 150,
            big: 80,
            seed: 3,
        }
    }

    #[test]
    fn the_same_seed_makes_the_same_corpus() {
        assert_eq!(generate(small()), generate(small()));
        assert_ne!(
            generate(small()).files,
            generate(Size { seed: 4, ..small() }).files
        );
    }

    #[test]
    fn a_synthetic_corpus_compiles_to_its_size_without_a_warning() {
        let made = generate(small());
        assert_eq!(made.files.len(), 12);
        let docs: Vec<Document> = made
            .files
            .iter()
            .map(|(file, text)| Document::new(file.clone(), text.as_bytes()))
            .collect();
        let compiled = compile(&docs, &Overrides::default()).expect("it compiles");
        assert_eq!(
            compiled.corpus.works.len(),
            300,
            "every work, merged across pages"
        );
        assert!(compiled.warnings.is_empty(), "{:#?}", compiled.warnings);
        let big = compiled
            .corpus
            .people
            .iter()
            .find(|p| p.name == made.big.0)
            .expect("the big profile");
        assert_eq!(big.computed.works as usize, made.big.1);
        assert!(made.big.1 >= 80);
        assert_eq!(made.bibtex.matches("@article{").count(), 300);
    }
}
