//! The layout's promises, checked natively: stable output, no overlaps, neighbours near,
//! bounded components, untidy input tolerated, Barnes–Hut close to exact, never NaN.

use layout::{
    edge_length_cv, layout, overlap_count, stress, synthetic_coauthorship, Graph, Options, Rng,
    Simulation,
};

/// Radii like the viewer's: area grows with the node's number of collaborations.
fn radii_by_degree(graph: &Graph) -> Vec<f32> {
    let (off, _) = graph.adjacency();
    (0..graph.n)
        .map(|v| 3.0 + ((off[v + 1] - off[v]) as f32).sqrt())
        .collect()
}

fn all_finite(pos: &[[f32; 2]]) -> bool {
    pos.iter().all(|p| p[0].is_finite() && p[1].is_finite())
}

/// Exhaustive check of the no-overlap promise, in f64 on the returned f32 positions.
fn assert_no_overlap(pos: &[[f32; 2]], radii: &[f32]) {
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            let d = ((pos[i][0] - pos[j][0]) as f64).hypot((pos[i][1] - pos[j][1]) as f64);
            let need = radii[i] as f64 + radii[j] as f64;
            assert!(
                d >= need,
                "nodes {i} and {j} overlap: distance {d} < {need}"
            );
        }
    }
}

#[test]
fn the_same_input_and_seed_give_identical_bits() {
    let g = synthetic_coauthorship(400, 3);
    let r = radii_by_degree(&g);
    let o = Options {
        seed: 9,
        ..Options::default()
    };
    let a = layout(&g, &r, &o);
    let b = layout(&g, &r, &o);
    let bits = |p: &[[f32; 2]]| {
        p.iter()
            .flat_map(|q| [q[0].to_bits(), q[1].to_bits()])
            .collect::<Vec<_>>()
    };
    assert_eq!(bits(&a), bits(&b));
}

#[test]
fn another_seed_gives_another_layout() {
    let g = synthetic_coauthorship(120, 3);
    let r = radii_by_degree(&g);
    let a = layout(
        &g,
        &r,
        &Options {
            seed: 1,
            ..Options::default()
        },
    );
    let b = layout(
        &g,
        &r,
        &Options {
            seed: 2,
            ..Options::default()
        },
    );
    assert_ne!(a, b);
}

#[test]
fn stepping_in_pieces_equals_running_at_once() {
    let g = synthetic_coauthorship(300, 5);
    let r = radii_by_degree(&g);
    let o = Options::default();
    let mut sim = Simulation::new(&g, &r, &o);
    let mut frames = 0;
    while !sim.step(7) {
        frames += 1;
        assert!(all_finite(sim.positions()));
    }
    assert_eq!(
        frames,
        300 / 7 + 1,
        "43 calls of ticks, then one for the final pass"
    );
    assert_eq!(sim.ticks(), 300);
    assert!(sim.alpha() < 0.0011);
    assert_eq!(sim.positions(), &layout(&g, &r, &o)[..]);
}

#[test]
fn no_two_nodes_overlap_on_a_small_graph() {
    let g = synthetic_coauthorship(60, 1);
    let r: Vec<f32> = (0..g.n).map(|i| 2.0 + (i % 9) as f32 * 2.0).collect();
    assert_no_overlap(&layout(&g, &r, &Options::default()), &r);
}

#[test]
fn no_two_nodes_overlap_on_a_medium_graph() {
    let g = synthetic_coauthorship(1500, 2);
    let r = radii_by_degree(&g);
    let pos = layout(&g, &r, &Options::default());
    assert_no_overlap(&pos, &r);
    assert_eq!(overlap_count(&pos, &r), 0);
}

#[test]
fn no_overlap_even_with_huge_discs_and_few_ticks() {
    let g = synthetic_coauthorship(200, 4);
    let r: Vec<f32> = (0..g.n)
        .map(|i| if i % 10 == 0 { 60.0 } else { 8.0 })
        .collect();
    assert_no_overlap(
        &layout(
            &g,
            &r,
            &Options {
                iterations: 5,
                ..Options::default()
            },
        ),
        &r,
    );
}

#[test]
fn connected_nodes_are_nearer_on_average_than_unconnected_ones() {
    for n in [80, 600] {
        let g = synthetic_coauthorship(n, 8);
        let pos = layout(&g, &radii_by_degree(&g), &Options::default());
        let (off, tgt) = g.adjacency();
        let dist = |a: usize, b: usize| {
            ((pos[a][0] - pos[b][0]) as f64).hypot((pos[a][1] - pos[b][1]) as f64)
        };
        let (mut linked, mut nl, mut other, mut no) = (0.0, 0.0, 0.0, 0.0);
        for a in 0..n {
            for b in a + 1..n {
                if tgt[off[a] as usize..off[a + 1] as usize].contains(&(b as u32)) {
                    linked += dist(a, b);
                    nl += 1.0;
                } else {
                    other += dist(a, b);
                    no += 1.0;
                }
            }
        }
        assert!(
            linked / nl < 0.5 * other / no,
            "n = {n}: linked {} vs unlinked {}",
            linked / nl,
            other / no
        );
    }
}

#[test]
fn disconnected_components_stay_finite_and_near() {
    // Three triangles, a pair and ten isolated nodes: nothing holds them together but the
    // centre force, yet they must stay on the page.
    let mut triples = vec![];
    for t in 0..3u32 {
        let b = 3 * t;
        triples.extend([(b, b + 1, 1.0), (b + 1, b + 2, 1.0), (b + 2, b, 1.0)]);
    }
    triples.push((9, 10, 1.0));
    let g = Graph::from_triples(21, &triples);
    let r = vec![5.0; 21];
    for iterations in [1, 300, 3000] {
        let pos = layout(
            &g,
            &r,
            &Options {
                iterations,
                ..Options::default()
            },
        );
        assert!(all_finite(&pos));
        let far = pos.iter().map(|p| p[0].hypot(p[1])).fold(0.0f32, f32::max);
        assert!(
            far < 2000.0,
            "{iterations} ticks: a node {far} from the centre"
        );
        assert_no_overlap(&pos, &r);
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let o = Options::default();
    assert!(layout(&Graph::default(), &[], &o).is_empty());
    let one = layout(
        &Graph {
            n: 1,
            edges: vec![],
        },
        &[4.0],
        &o,
    );
    assert_eq!(one.len(), 1);
    assert!(all_finite(&one));
    // Self-loops, duplicates (both directions), a stray end, odd radii (missing, NaN, negative).
    let g = Graph::from_triples(
        5,
        &[
            (0, 0, 1.0),
            (0, 1, 1.0),
            (1, 0, 2.0),
            (0, 1, 1.0),
            (3, 77, 1.0),
            (2, 2, 9.0),
        ],
    );
    let pos = layout(&g, &[2.0, f32::NAN, -3.0], &o);
    assert_eq!(pos.len(), 5);
    assert!(all_finite(&pos));
    // Edge cases of the options.
    for opts in [
        Options { iterations: 0, ..o },
        Options {
            theta: 0.0,
            barnes_hut_above: 0,
            ..o
        },
        Options {
            charge: 0.0,
            link_distance: 0.0,
            ..o
        },
        Options {
            alpha_min: 0.0,
            velocity_decay: 1.0,
            ..o
        },
        Options {
            theta: f32::NAN,
            charge: f32::INFINITY,
            link_distance: f32::NAN,
            ..o
        },
        Options {
            collide_strength: 7.0,
            velocity_decay: -2.0,
            alpha_min: f32::NAN,
            ..o
        },
    ] {
        let g = synthetic_coauthorship(50, 1);
        assert!(all_finite(&layout(&g, &[3.0; 50], &opts)));
    }
    assert_eq!(stress(&Graph::default(), &[]), 0.0);
    assert_eq!(edge_length_cv(&Graph::default(), &[]), 0.0);
}

#[test]
fn barnes_hut_is_close_in_quality_to_the_exact_force() {
    let g = synthetic_coauthorship(700, 6);
    let r = radii_by_degree(&g);
    let exact = layout(
        &g,
        &r,
        &Options {
            barnes_hut_above: usize::MAX,
            ..Options::default()
        },
    );
    let tree = layout(
        &g,
        &r,
        &Options {
            barnes_hut_above: 0,
            ..Options::default()
        },
    );
    let (se, st) = (stress(&g, &exact), stress(&g, &tree));
    let (ce, ct) = (edge_length_cv(&g, &exact), edge_length_cv(&g, &tree));
    assert!(
        (st - se).abs() < 0.15 * se,
        "stress: exact {se}, Barnes–Hut {st}"
    );
    assert!(
        (ct - ce).abs() < 0.15 * ce,
        "edge-length CV: exact {ce}, Barnes–Hut {ct}"
    );
}

#[test]
fn random_small_graphs_never_panic_or_yield_nan() {
    let mut rng = Rng::new(2024);
    for case in 0..300 {
        let n = rng.below(40);
        let m = if n == 0 { 0 } else { rng.below(3 * n + 1) };
        let triples: Vec<(u32, u32, f32)> = (0..m)
            .map(|_| {
                (
                    rng.below(n + 1) as u32,
                    rng.below(n) as u32,
                    rng.next_f32() * 4.0,
                )
            })
            .collect();
        let g = Graph::from_triples(n, &triples);
        let r: Vec<f32> = (0..n)
            .map(|_| {
                if rng.below(5) == 0 {
                    0.0
                } else {
                    rng.next_f32() * 20.0
                }
            })
            .collect();
        let o = Options {
            iterations: 1 + rng.below(120) as u32,
            seed: rng.next_u64(),
            theta: rng.next_f32() * 1.5,
            barnes_hut_above: rng.below(40),
            ..Options::default()
        };
        let pos = layout(&g, &r, &o);
        assert_eq!(pos.len(), n, "case {case}");
        assert!(all_finite(&pos), "case {case}: {g:?} {o:?}");
        assert_no_overlap(&pos, &r);
        assert!(stress(&g, &pos).is_finite() && edge_length_cv(&g, &pos).is_finite());
    }
}

#[test]
fn the_layout_reads_well_on_a_co_authorship_graph() {
    let g = synthetic_coauthorship(1000, 1);
    let pos = layout(&g, &radii_by_degree(&g), &Options::default());
    let (s, cv) = (stress(&g, &pos), edge_length_cv(&g, &pos));
    assert!(s < 0.25, "stress {s}");
    assert!(cv < 1.0, "edge-length CV {cv}");
}
