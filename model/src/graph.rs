//! Who works with whom: co-authorship graphs built from the corpus, the ego graph of a profile
//! and the whole network, and the shape of the network layout shipped with the app.
//!
//! The graph pages draw these and the collaborator tables list them: one source of data for
//! the picture and its text alternative.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Person, Work};

/// How a node stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The person whose page this is.
    Center,
    /// Someone with a profile page among the sources.
    Profiled,
    /// Named as an author only.
    Author,
}

/// A person in a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub person: &'a Person,
    /// Their works in the whole corpus: the node's area follows it.
    pub works: usize,
    /// Steps from the centre (0 for the centre; 0 for everyone in the whole network).
    pub hop: u8,
    pub role: Role,
}

/// Two people and the works they share within the graph's works.
#[derive(Debug, Clone, PartialEq)]
pub struct Link<'a> {
    /// Node indices, `a < b`.
    pub a: usize,
    pub b: usize,
    pub works: Vec<&'a Work>,
}

/// A co-authorship graph over some works.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoGraph<'a> {
    pub nodes: Vec<Node<'a>>,
    pub links: Vec<Link<'a>>,
    /// People within reach whom an ego graph leaves out (beyond [`MAX_EGO_PEOPLE`]).
    pub left_out: usize,
}

/// How many people an ego graph draws at most, the centre among them: the closest ones (by hop,
/// then joint works with the centre). A profile with two thousand works has about a thousand
/// co-authors; drawn at once they are an unreadable blot, megabytes of page and seconds of
/// layout, while the works list names every one of them.
pub const MAX_EGO_PEOPLE: usize = 100;

impl<'a> CoGraph<'a> {
    /// The index of a person's node.
    pub fn index_of(&self, person: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.person.id == person)
    }

    /// The nodes linked to node `i`.
    pub fn neighbours(&self, i: usize) -> BTreeSet<usize> {
        self.links
            .iter()
            .filter_map(|l| match (l.a == i, l.b == i) {
                (true, _) => Some(l.b),
                (_, true) => Some(l.a),
                _ => None,
            })
            .collect()
    }

    /// The link between two nodes, if any.
    pub fn link(&self, i: usize, j: usize) -> Option<&Link<'a>> {
        let (a, b) = if i < j { (i, j) } else { (j, i) };
        self.links.iter().find(|l| l.a == a && l.b == b)
    }

    /// The edges as `(a, b, joint works)` triples, for a layout.
    pub fn weighted_edges(&self) -> Vec<(u32, u32, f32)> {
        self.links
            .iter()
            .map(|l| (l.a as u32, l.b as u32, l.works.len() as f32))
            .collect()
    }

    /// Connected components: the component number of each node, the largest component first
    /// (ties by the smallest node index).
    pub fn components(&self) -> Vec<u32> {
        let n = self.nodes.len();
        let mut adjacency = vec![Vec::new(); n];
        for link in &self.links {
            adjacency[link.a].push(link.b);
            adjacency[link.b].push(link.a);
        }
        let mut raw = vec![usize::MAX; n];
        let mut sizes: Vec<(usize, usize)> = Vec::new();
        for start in 0..n {
            if raw[start] != usize::MAX {
                continue;
            }
            let id = sizes.len();
            let mut size = 0;
            let mut queue = VecDeque::from([start]);
            raw[start] = id;
            while let Some(i) = queue.pop_front() {
                size += 1;
                for &j in &adjacency[i] {
                    if raw[j] == usize::MAX {
                        raw[j] = id;
                        queue.push_back(j);
                    }
                }
            }
            sizes.push((size, id));
        }
        let mut order = sizes.clone();
        crate::sort::sort_by(&mut order, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut rank = vec![0u32; sizes.len()];
        for (r, (_, id)) in order.iter().enumerate() {
            rank[*id] = r as u32;
        }
        raw.into_iter().map(|c| rank[c]).collect()
    }
}

/// Joint works per pair of people over `works`, pairs as `(smaller id, larger id)`.
fn pairs<'a>(works: &[&'a Work]) -> BTreeMap<(&'a str, &'a str), Vec<&'a Work>> {
    let mut out: BTreeMap<(&str, &str), Vec<&Work>> = BTreeMap::new();
    for work in works {
        let ids = crate::sort::set(work.authors.iter().map(|a| a.person.as_str()));
        let ids: Vec<&str> = ids.into_iter().collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                out.entry((a, b)).or_default().push(work);
            }
        }
    }
    out
}

fn role(person: &Person, center: Option<&str>) -> Role {
    if Some(person.id.as_str()) == center {
        Role::Center
    } else if !person.profiles.is_empty() {
        Role::Profiled
    } else {
        Role::Author
    }
}

/// The ego graph of `center` over `works`: the centre, everyone within `hops` co-authorship
/// steps of them, and every link among those people. The centre comes first, then people by
/// hop, by joint works with the centre, and by name; past [`MAX_EGO_PEOPLE`] the rest are
/// counted in `left_out`, not drawn.
pub fn ego<'a>(corpus: &'a Corpus, center: &str, works: &[&'a Work], hops: u8) -> CoGraph<'a> {
    let Some(center_person) = corpus.person(center) else {
        return CoGraph::default();
    };
    let joint = pairs(works);
    let mut adjacency: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b) in joint.keys() {
        adjacency.entry(a).or_default().insert(b);
        adjacency.entry(b).or_default().insert(a);
    }
    let mut hop_of: BTreeMap<&str, u8> = crate::sort::map([(center_person.id.as_str(), 0)]);
    let mut frontier = vec![center_person.id.as_str()];
    for hop in 1..=hops {
        let mut next = Vec::new();
        for id in frontier {
            for &other in adjacency.get(id).into_iter().flatten() {
                if !hop_of.contains_key(other) {
                    hop_of.insert(other, hop);
                    next.push(other);
                }
            }
        }
        frontier = next;
    }
    let with_center = |id: &str| {
        let key = if id < center {
            (id, center)
        } else {
            (center, id)
        };
        joint.get(&key).map_or(0, Vec::len)
    };
    let mut people: Vec<(&Person, u8)> = hop_of
        .iter()
        .filter_map(|(id, hop)| corpus.person(id).map(|p| (p, *hop)))
        .collect();
    crate::sort::sort_by(&mut people, |(a, ha), (b, hb)| {
        ha.cmp(hb)
            .then(with_center(&b.id).cmp(&with_center(&a.id)))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    let left_out = people.len().saturating_sub(MAX_EGO_PEOPLE);
    people.truncate(MAX_EGO_PEOPLE);
    CoGraph {
        left_out,
        ..build(people, &joint, Some(center))
    }
}

/// Everyone in the corpus and every co-authorship, people in id order.
pub fn network(corpus: &Corpus) -> CoGraph<'_> {
    let works: Vec<&Work> = corpus.works.iter().collect();
    let joint = pairs(&works);
    let people: Vec<(&Person, u8)> = corpus.people.iter().map(|p| (p, 0)).collect();
    build(people, &joint, None)
}

fn build<'a>(
    people: Vec<(&'a Person, u8)>,
    joint: &BTreeMap<(&'a str, &'a str), Vec<&'a Work>>,
    center: Option<&str>,
) -> CoGraph<'a> {
    let index: BTreeMap<&str, usize> = crate::sort::map(
        people
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (p.id.as_str(), i)),
    );
    let nodes = people
        .iter()
        .map(|(person, hop)| Node {
            person,
            works: person.computed.works as usize,
            hop: *hop,
            role: role(person, center),
        })
        .collect();
    let mut links: Vec<Link<'a>> = joint
        .iter()
        .filter_map(|((a, b), works)| {
            let (i, j) = (*index.get(a)?, *index.get(b)?);
            Some(Link {
                a: i.min(j),
                b: i.max(j),
                works: works.clone(),
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut links, |l| (l.a, l.b));
    CoGraph {
        nodes,
        links,
        left_out: 0,
    }
}

/// The colours of the network's groups of collaborators (connected components, cycled), an
/// accessible qualitative palette (Paul Tol's "bright" and "vibrant"): the network page draws
/// them as `.c0`…`.c7` of style.css (a test keeps the two equal), its canvas and the share
/// images by value.
pub const GROUP_COLOURS: [&str; 8] = [
    "#4477aa", "#cc6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb", "#ee8866",
];

/// The stroke width of a link of `works` joint works, in the units of a node's radius: the
/// graph view, its canvas and the share images draw links alike.
pub fn link_width(works: usize) -> f32 {
    0.8 + 1.1 * (works as f32).sqrt()
}

/// The radius of a node whose person has `works` works: area grows with the works.
pub fn radius(works: usize) -> f32 {
    3.0 + 3.5 * (works.max(1) as f32).sqrt()
}

/// The whole network with positions, computed at build time and shipped with the corpus so
/// the browser only draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkLayout {
    pub nodes: Vec<NetworkNode>,
    #[serde(default)]
    pub links: Vec<NetworkLink>,
}

/// A person of the network, placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    pub person: String,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    /// Connected component, 0 the largest.
    pub component: u32,
}

/// A co-authorship of the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkLink {
    pub a: u32,
    pub b: u32,
    /// Joint works.
    pub works: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{AuthorVia, Authorship, Person};

    fn person(id: &str) -> Person {
        Person::bare(id.into(), id.to_uppercase())
    }

    fn work(id: &str, authors: &[&str]) -> Work {
        Work {
            authors: authors
                .iter()
                .map(|a| Authorship {
                    person: a.to_string(),
                    via: AuthorVia::Listed,
                    sources: vec![],
                })
                .collect(),
            ..Work::bare(id.into(), id.into())
        }
    }

    fn corpus() -> Corpus {
        // a–b twice, a–c, c–d, e alone.
        let mut corpus = Corpus {
            schema_version: 1,
            people: ["a", "b", "c", "d", "e"].map(person).to_vec(),
            works: vec![
                work("w1", &["a", "b"]),
                work("w2", &["b", "a"]),
                work("w3", &["a", "c"]),
                work("w4", &["c", "d"]),
                work("w5", &["e"]),
            ],
            sources: vec![],
            warnings: vec![],
            redirects: vec![],
        };
        // As the compiler counts them.
        for i in 0..corpus.people.len() {
            let works = corpus.works_of(&corpus.people[i].id).count() as u32;
            corpus.people[i].computed.works = works;
        }
        corpus
    }

    #[test]
    fn ego_graph_one_hop_holds_the_coauthors_and_the_links_among_them() {
        let c = corpus();
        let works: Vec<&Work> = c.works_of("a").collect();
        let g = ego(&c, "a", &works, 1);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.person.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"], "centre first, then most joint works");
        assert_eq!(g.nodes[0].role, Role::Center);
        assert_eq!(g.link(0, 1).unwrap().works.len(), 2);
        assert_eq!(g.links.len(), 2);
    }

    #[test]
    fn two_hops_reach_coauthors_of_coauthors() {
        let c = corpus();
        let all: Vec<&Work> = c.works.iter().collect();
        let g = ego(&c, "a", &all, 2);
        let d = g.index_of("d").expect("d is two hops away");
        assert_eq!(g.nodes[d].hop, 2);
        assert!(g.index_of("e").is_none());
    }

    #[test]
    fn an_ego_graph_draws_the_closest_people_and_counts_the_rest() {
        // `a` writes with 150 people: `p000` on 150 works, `p001` on 149, ... `p149` on one.
        let mut c = corpus();
        let names: Vec<String> = (0..150).map(|i| format!("p{i:03}")).collect();
        c.people.extend(names.iter().map(|n| person(n)));
        for k in 0..150 {
            let authors: Vec<&str> = std::iter::once("a")
                .chain(names[..150 - k].iter().map(String::as_str))
                .collect();
            c.works.push(work(&format!("x{k}"), &authors));
        }
        let works: Vec<&Work> = c.works_of("a").collect();
        let g = ego(&c, "a", &works, 1);
        assert_eq!(g.nodes.len(), MAX_EGO_PEOPLE);
        assert_eq!(g.left_out, 153 - MAX_EGO_PEOPLE, "a, b, c and the 150");
        assert_eq!(g.nodes[1].person.id, "p000", "most joint works first");
        let kept: BTreeSet<&str> = g.nodes.iter().map(|n| n.person.id.as_str()).collect();
        assert!(kept.contains(names[MAX_EGO_PEOPLE - 2].as_str()));
        assert!(!kept.contains("p149") && !kept.contains("c"));
        assert!(g.links.iter().all(|l| l.b < g.nodes.len()));
        // A small graph leaves nobody out.
        assert_eq!(
            ego(
                &corpus(),
                "a",
                &corpus().works_of("a").collect::<Vec<_>>(),
                1
            )
            .left_out,
            0
        );
    }

    #[test]
    fn network_components_put_the_largest_first() {
        let c = corpus();
        let g = network(&c);
        assert_eq!(g.components(), [0, 0, 0, 0, 1]);
        assert_eq!(
            g.nodes.iter().map(|n| n.works).collect::<Vec<_>>(),
            [3, 2, 2, 1, 1]
        );
    }

    #[test]
    fn the_stylesheets_group_colours_are_the_palette() {
        let css = include_str!("../../assets/style.css");
        for (i, colour) in GROUP_COLOURS.iter().enumerate() {
            for rule in [
                format!(".node.c{i} circle {{ fill: {colour}; }}"),
                format!(".swatch.c{i} {{ background: {colour}; }}"),
            ] {
                assert!(css.contains(&rule), "style.css lacks `{rule}`");
            }
        }
        assert!(!css.contains(&format!(".c{} ", GROUP_COLOURS.len())));
    }

    #[test]
    fn node_area_grows_with_works() {
        assert!(radius(11) > radius(2) && radius(2) > radius(1));
        let area = |w| radius(w).powi(2);
        assert!(area(4) - area(1) > 0.0);
    }
}
