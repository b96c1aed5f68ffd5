//! `corpus::graph` on the real seeds: the ego graphs of the three profiles and the whole
//! co-authorship network.

mod common;

use common::*;
use corpus::graph::{ego, network, CoGraph, Role};
use corpus::query::{filter_works, parse_query, ViewState};
use corpus::Work;
use std::collections::BTreeSet;

const YIXING: &str = "yixing-xu";

fn works_of(id: &str) -> Vec<&'static Work> {
    corpus().works.iter().filter(|w| w.has_author(id)).collect()
}

fn ids<'a>(graph: &CoGraph<'a>) -> Vec<&'a str> {
    graph.nodes.iter().map(|n| n.person.id.as_str()).collect()
}

/// Everyone named on these works beside `center`.
fn coauthors<'a>(works: &[&'a Work], center: &str) -> BTreeSet<&'a str> {
    works
        .iter()
        .flat_map(|w| w.authors.iter().map(|a| a.person.as_str()))
        .filter(|id| *id != center)
        .collect()
}

#[test]
fn yixing_xu_ego_graph_holds_him_and_his_28_coauthors() {
    let works = works_of(YIXING);
    let g = ego(corpus(), YIXING, &works, 1);
    assert_eq!(g.nodes.len(), 29);
    assert_eq!(g.nodes[0].person.id, YIXING, "the centre comes first");
    assert_eq!((g.nodes[0].role, g.nodes[0].hop), (Role::Center, 0));
    assert!(g.nodes[1..]
        .iter()
        .all(|n| n.hop == 1 && n.role != Role::Center));
    let others: BTreeSet<&str> = ids(&g)[1..].iter().copied().collect();
    assert_eq!(others, coauthors(&works, YIXING));
}

#[test]
fn yixing_xu_shares_most_works_with_yunhe_wang() {
    let works = works_of(YIXING);
    let g = ego(corpus(), YIXING, &works, 1);
    let wang = g.index_of("yunhe-wang").expect("Yunhe Wang in the graph");
    assert_eq!(wang, 1, "the strongest tie comes right after the centre");
    assert_eq!(g.link(0, wang).map(|l| l.works.len()), Some(11));
    let largest = g.links.iter().map(|l| l.works.len()).max();
    assert_eq!(largest, Some(11));
    assert_eq!(
        g.links.iter().filter(|l| l.works.len() == 11).count(),
        1,
        "and it is the only one that large"
    );
}

#[test]
fn ego_nodes_are_ordered_by_joint_works_with_the_centre_then_name() {
    let works = works_of(YIXING);
    let g = ego(corpus(), YIXING, &works, 1);
    let joint = |i: usize| g.link(0, i).map_or(0, |l| l.works.len());
    for i in 1..g.nodes.len() - 1 {
        let (a, b) = (joint(i), joint(i + 1));
        assert!(
            a > b || (a == b && g.nodes[i].person.name <= g.nodes[i + 1].person.name),
            "nodes {i} and {}",
            i + 1
        );
    }
}

#[test]
fn every_ego_link_counts_the_works_both_people_share() {
    let works = works_of(YIXING);
    let g = ego(corpus(), YIXING, &works, 1);
    for link in &g.links {
        assert!(link.a < link.b);
        let (a, b) = (&g.nodes[link.a].person.id, &g.nodes[link.b].person.id);
        let shared = works
            .iter()
            .filter(|w| w.has_author(a) && w.has_author(b))
            .count();
        assert_eq!(link.works.len(), shared, "{a} – {b}");
    }
}

#[test]
fn ego_graph_links_coauthors_among_themselves() {
    let works = works_of(YIXING);
    let g = ego(corpus(), YIXING, &works, 1);
    let (wang, tang) = (
        g.index_of("yunhe-wang").unwrap(),
        g.index_of("yehui-tang").unwrap(),
    );
    assert!(
        g.link(wang, tang).is_some(),
        "Yunhe Wang and Yehui Tang wrote together"
    );
    assert!(
        g.links.iter().any(|l| l.a != 0),
        "not only spokes from the centre"
    );
    assert_eq!(g.neighbours(0).len(), 28, "the centre reaches everyone");
}

#[test]
fn ego_graph_follows_a_filtered_view() {
    let (state, notices) = ViewState::from_query(&parse_query("year=2020&cat=cs.CV"), corpus());
    assert!(notices.is_empty());
    let shown = filter_works(corpus(), person(YIXING), &state).works;
    assert_eq!(shown.len(), 6);
    let g = ego(corpus(), YIXING, &shown, state.hops);
    assert_eq!(g.nodes[0].person.id, YIXING);
    let others: BTreeSet<&str> = ids(&g)[1..].iter().copied().collect();
    assert_eq!(
        others,
        coauthors(&shown, YIXING),
        "exactly the co-authors of the works shown"
    );
    assert!(others.len() < 28);
    assert!(g
        .links
        .iter()
        .all(|l| l.works.iter().all(|w| shown.iter().any(|s| s.id == w.id))));
}

#[test]
fn node_sizes_count_works_in_the_whole_corpus() {
    let shown = filter_works(
        corpus(),
        person(YIXING),
        &ViewState::default().toggle_year(2019),
    )
    .works;
    let g = ego(corpus(), YIXING, &shown, 1);
    assert_eq!(g.nodes[0].works, 26, "not just the works of the view");
    let wang = g.index_of("yunhe-wang").unwrap();
    assert_eq!(g.nodes[wang].works, 11);
}

#[test]
fn profiled_people_stand_out_from_plain_authors() {
    let works = works_of("xiaotian-gao");
    let g = ego(corpus(), "xiaotian-gao", &works, 1);
    assert_eq!(g.nodes[0].role, Role::Center);
    assert!(g.nodes[1..].iter().all(|n| n.role == Role::Author));
    let whole = network(corpus());
    let roles = |role| whole.nodes.iter().filter(|n| n.role == role).count();
    assert_eq!(
        (
            roles(Role::Center),
            roles(Role::Profiled),
            roles(Role::Author)
        ),
        (0, 3, 36)
    );
}

#[test]
fn xiaotian_gao_ego_graph_is_squant_s_nine_authors() {
    let works = works_of("xiaotian-gao");
    let g = ego(corpus(), "xiaotian-gao", &works, 1);
    assert_eq!(g.nodes.len(), 9);
    assert_eq!(g.nodes[0].person.id, "xiaotian-gao");
    assert_eq!(
        g.links.len(),
        9 * 8 / 2,
        "nine authors of one work all linked"
    );
    assert!(g.links.iter().all(|l| l.works.len() == 1));
}

#[test]
fn two_hops_over_the_whole_corpus_add_nobody_to_xiaotian_gao() {
    let all: Vec<&Work> = corpus().works.iter().collect();
    let g = ego(corpus(), "xiaotian-gao", &all, 2);
    assert_eq!(g.nodes.len(), 9);
}

#[test]
fn xiaoyao_liang_ego_graph_is_him_alone() {
    let works = works_of("xiaoyao-liang");
    assert_eq!(works.len(), 3);
    let g = ego(corpus(), "xiaoyao-liang", &works, 1);
    assert_eq!(ids(&g), ["xiaoyao-liang"]);
    assert!(g.links.is_empty());
}

#[test]
fn an_unknown_centre_gives_an_empty_graph() {
    let g = ego(corpus(), "nobody", &works_of(YIXING), 1);
    assert!(g.nodes.is_empty() && g.links.is_empty());
}

#[test]
fn two_hops_over_the_whole_corpus_add_nobody_to_yixing_xu() {
    let all: Vec<&Work> = corpus().works.iter().collect();
    let two = ego(corpus(), YIXING, &all, 2);
    assert_eq!(two.nodes.len(), 29, "his cluster has no one further out");
    assert!(two.nodes.iter().all(|n| n.hop <= 1));
}

#[test]
fn the_network_holds_all_39_people_in_id_order() {
    let g = network(corpus());
    assert_eq!(g.nodes.len(), 39);
    let got = ids(&g);
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(got, sorted);
    assert!(g.nodes.iter().all(|n| n.hop == 0));
}

#[test]
fn the_network_has_three_components_of_29_9_and_1_largest_first() {
    let g = network(corpus());
    let components = g.components();
    assert_eq!(components.len(), 39);
    let size = |c: u32| components.iter().filter(|&&x| x == c).count();
    assert_eq!((size(0), size(1), size(2)), (29, 9, 1));
    assert!(components.iter().all(|&c| c < 3));
    let of = |id: &str| components[g.index_of(id).unwrap()];
    assert_eq!(
        (of(YIXING), of("xiaotian-gao"), of("xiaoyao-liang")),
        (0, 1, 2)
    );
}

#[test]
fn each_network_component_is_internally_connected_and_linked_to_no_other() {
    let g = network(corpus());
    let components = g.components();
    for link in &g.links {
        assert_eq!(components[link.a], components[link.b]);
    }
}

#[test]
fn weighted_edges_match_the_links() {
    let g = network(corpus());
    let edges = g.weighted_edges();
    assert_eq!(edges.len(), g.links.len());
    for (edge, link) in edges.iter().zip(&g.links) {
        assert_eq!(
            *edge,
            (link.a as u32, link.b as u32, link.works.len() as f32)
        );
    }
    let ego_graph = ego(corpus(), YIXING, &works_of(YIXING), 1);
    assert_eq!(ego_graph.weighted_edges().len(), ego_graph.links.len());
}

#[test]
fn network_links_are_sorted_and_unique() {
    let g = network(corpus());
    let pairs: Vec<(usize, usize)> = g.links.iter().map(|l| (l.a, l.b)).collect();
    assert!(pairs.iter().all(|(a, b)| a < b));
    assert!(
        pairs.windows(2).all(|p| p[0] < p[1]),
        "sorted, no pair twice"
    );
}
