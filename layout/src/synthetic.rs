//! A generator of co-authorship-like graphs, so that tests and the benchmark can lay out
//! graphs of any size with the shape of real ones: communities, cliques and hubs.

use crate::graph::{Edge, Graph};
use crate::rng::Rng;

/// Chance of each team size 2, 3, …, 8 (in thousandths): most papers are small.
const TEAM_SIZES: [u32; 7] = [350, 270, 160, 100, 60, 40, 20];
/// Chance (in thousandths) that a co-author comes from the lead author's community.
const SAME_COMMUNITY: u32 = 900;

/// A co-authorship graph of `n` authors, the same for the same `(n, seed)` on every platform.
///
/// Authors `0..n` arrive one at a time. There are `max(1, round(√n / 2.5))` communities and
/// each arriving author joins one uniformly at random, then writes a paper as its lead
/// author. After all have arrived, `n / 4` more papers are written, each led by an author
/// chosen by preferential attachment (in proportion to 1 + papers written so far).
/// A paper's team has 2 to 8 authors (35 %, 27 %, 16 %, 10 %, 6 %, 4 %, 2 %); each co-author
/// is drawn by preferential attachment, from the lead's community with chance 0.9 and from
/// everyone otherwise, never twice, and only among authors who have already arrived (so the
/// first papers are smaller). Every paper joins all its authors pairwise (a clique); an
/// edge's weight is the number of papers the pair wrote together.
///
/// Every author after the first writes with someone who arrived before, so the graph is
/// connected. With seed 1 it has 3.9, 4.5 and 5.0 edges per node at 100, 1,000 and 5,000
/// nodes, hubs of degree 34, 110 and 234, and many repeated collaborations (weights above 1).
pub fn synthetic_coauthorship(n: usize, seed: u64) -> Graph {
    let mut rng = Rng::new(seed);
    let communities = (((n as f64).sqrt() / 2.5).round() as usize).max(1);
    let mut community = vec![0usize; n];
    // Preferential attachment by urns: each author appears once on arrival and once more per
    // paper, so a uniform draw from an urn picks in proportion to 1 + papers.
    let mut everyone: Vec<u32> = Vec::new();
    let mut urns: Vec<Vec<u32>> = vec![Vec::new(); communities];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut team: Vec<u32> = Vec::with_capacity(8);

    let mut paper = |lead: usize,
                     rng: &mut Rng,
                     everyone: &mut Vec<u32>,
                     urns: &mut Vec<Vec<u32>>,
                     community: &[usize]| {
        let size = team_size(rng);
        team.clear();
        team.push(lead as u32);
        let mut tries = 0;
        while team.len() < size && tries < 20 * size {
            tries += 1;
            let urn = &urns[community[lead]];
            let from = if rng.below(1000) < SAME_COMMUNITY as usize && !urn.is_empty() {
                urn
            } else {
                &*everyone
            };
            if from.is_empty() {
                break;
            }
            let pick = from[rng.below(from.len())];
            if !team.contains(&pick) {
                team.push(pick);
            }
        }
        for (k, &a) in team.iter().enumerate() {
            for &b in &team[k + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
            everyone.push(a);
            urns[community[a as usize]].push(a);
        }
    };

    for author in 0..n {
        community[author] = rng.below(communities);
        // The newcomer is not in the urns yet, so it cannot be drawn as its own co-author.
        paper(author, &mut rng, &mut everyone, &mut urns, &community);
    }
    for _ in 0..n / 4 {
        let lead = everyone[rng.below(everyone.len())] as usize;
        paper(lead, &mut rng, &mut everyone, &mut urns, &community);
    }

    pairs.sort_unstable();
    let mut edges: Vec<Edge> = Vec::new();
    for (a, b) in pairs {
        match edges.last_mut() {
            Some(e) if e.a == a && e.b == b => e.weight += 1.0,
            _ => edges.push(Edge::new(a, b, 1.0)),
        }
    }
    Graph { n, edges }
}

/// A team size drawn from [`TEAM_SIZES`].
fn team_size(rng: &mut Rng) -> usize {
    let mut draw = rng.below(1000) as u32;
    for (k, &p) in TEAM_SIZES.iter().enumerate() {
        if draw < p {
            return k + 2;
        }
        draw -= p;
    }
    2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_graph_and_another_seed_another() {
        assert_eq!(
            synthetic_coauthorship(300, 1),
            synthetic_coauthorship(300, 1)
        );
        assert_ne!(
            synthetic_coauthorship(300, 1),
            synthetic_coauthorship(300, 2)
        );
    }

    #[test]
    fn the_graph_is_simple_connected_and_co_authorship_shaped() {
        let g = synthetic_coauthorship(1000, 7);
        assert_eq!(g.simple_edges(), g.edges, "sorted, no loops, no duplicates");
        let (off, tgt) = g.adjacency();
        let mut seen = vec![false; g.n];
        let mut stack = vec![0usize];
        seen[0] = true;
        while let Some(v) = stack.pop() {
            for &w in &tgt[off[v] as usize..off[v + 1] as usize] {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    stack.push(w as usize);
                }
            }
        }
        assert!(seen.iter().all(|&s| s), "connected");
        let m = g.edges.len() as f64 / g.n as f64;
        assert!((2.0..12.0).contains(&m), "{m} edges per node");
        assert!(
            g.edges.iter().any(|e| e.weight > 1.0),
            "repeated collaborations"
        );
        let max_degree = (0..g.n).map(|v| off[v + 1] - off[v]).max().unwrap();
        assert!(max_degree > 40, "hubs: max degree {max_degree}");
    }

    #[test]
    fn tiny_graphs_are_fine() {
        assert_eq!(synthetic_coauthorship(0, 1).edges.len(), 0);
        assert_eq!(synthetic_coauthorship(1, 1).edges.len(), 0);
        assert_eq!(synthetic_coauthorship(2, 1).edges.len(), 1);
    }
}
