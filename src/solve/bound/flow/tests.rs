use super::*;
use proptest::prelude::*;

#[test]
fn the_maximum_flow_of_the_textbook_network_is_23() {
    // CLRS, figure 26.1: nodes 0 (source) to 5 (sink).
    let mut n = Network::new(6);
    for (a, b, c) in [
        (0, 1, 16),
        (0, 2, 13),
        (1, 2, 10),
        (2, 1, 4),
        (1, 3, 12),
        (3, 2, 9),
        (2, 4, 14),
        (4, 3, 7),
        (3, 5, 20),
        (4, 5, 4),
    ] {
        n.add_arc(a, b, c, 0);
    }
    assert_eq!(n.max_flow(0, 5), 23);
}

#[test]
fn the_cheapest_maximum_flow_takes_the_cheap_route_as_far_as_it_goes() {
    // Three units from 0 to 3: via 1 at cost 1 + 1 for two of them (capacity 2), the third
    // via 2 at cost 5 + 0. Cost 2·2 + 5 = 9.
    let mut n = Network::new(4);
    let cheap = n.add_arc(0, 1, 2, 1);
    n.add_arc(1, 3, 5, 1);
    let dear = n.add_arc(0, 2, 5, 5);
    n.add_arc(2, 3, 1, 0);
    let source = n.add_node();
    n.add_arc(source, 0, 3, 0);
    assert_eq!(n.min_cost_flow(source, 3), (3, 9));
    assert_eq!((n.flow(cheap), n.flow(dear)), (2, 1));
}

#[test]
fn the_cheapest_flow_reroutes_earlier_flow_when_that_is_cheaper() {
    // Two units from s to t through a and b. Alone, the first unit takes s-a-b-t (cost 2);
    // the second then needs s-b, a-t and the first unit moved off a-b: the best is
    // s-a-t (1 + 10) and s-b-t (10 + 1) = 22, with a-b empty again.
    let (s, a, b, t) = (0, 1, 2, 3);
    let mut n = Network::new(4);
    n.add_arc(s, a, 1, 1);
    n.add_arc(s, b, 1, 10);
    n.add_arc(a, b, 1, 0);
    n.add_arc(a, t, 1, 10);
    n.add_arc(b, t, 1, 1);
    let (value, cost) = n.min_cost_flow(s, t);
    assert_eq!((value, cost), (2, 22));
}

/// A random network on `nodes` nodes: arcs (from, to, capacity, cost).
fn network() -> impl Strategy<Value = (usize, Vec<(usize, usize, i64, i64)>)> {
    (2..=7usize).prop_flat_map(|nodes| {
        let arc = (0..nodes, 0..nodes, 0..=5i64, 0..=6i64);
        (Just(nodes), proptest::collection::vec(arc, 0..=16))
    })
}

fn build(nodes: usize, arcs: &[(usize, usize, i64, i64)]) -> Network {
    let mut n = Network::new(nodes);
    for &(a, b, cap, cost) in arcs {
        n.add_arc(a, b, cap, cost);
    }
    n
}

/// The smallest capacity of a cut between node 0 and the last node, by trying every set
/// of the nodes in between on the source's side.
fn min_cut(nodes: usize, arcs: &[(usize, usize, i64, i64)]) -> i64 {
    let t = nodes - 1;
    let inner = nodes.saturating_sub(2);
    (0u32..(1 << inner))
        .map(|mask| {
            let side = |v: usize| v == 0 || (v != t && mask & (1 << (v - 1)) != 0);
            arcs.iter()
                .filter(|(a, b, _, _)| side(*a) && !side(*b))
                .map(|(_, _, c, _)| *c)
                .sum()
        })
        .min()
        .unwrap_or(0)
}

/// Whether the residual network has a cycle of negative cost (Bellman-Ford from a node
/// joined to all).
fn negative_cycle(n: &Network) -> bool {
    let mut dist = vec![0i64; n.nodes()];
    for _ in 0..=n.nodes() {
        let mut changed = false;
        for (a, arc) in n.arcs.iter().enumerate() {
            let from = n.from(a);
            if arc.cap > 0 && dist[from] + arc.cost < dist[arc.to] {
                dist[arc.to] = dist[from] + arc.cost;
                changed = true;
            }
        }
        if !changed {
            return false;
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Max-flow min-cut, and the optimality conditions of a minimum-cost flow: the flow is
    /// as large as the maximum, keeps every capacity and balance, and leaves no cycle of
    /// negative cost in the residual network.
    #[test]
    fn flows_are_maximal_and_the_cheapest_has_no_negative_residual_cycle(
        (nodes, arcs) in network()
    ) {
        let t = nodes - 1;
        let cut = min_cut(nodes, &arcs);
        let mut plain = build(nodes, &arcs);
        prop_assert_eq!(plain.max_flow(0, t), cut);

        let mut cheap = build(nodes, &arcs);
        let (value, cost) = cheap.min_cost_flow(0, t);
        prop_assert_eq!(value, cut);
        let mut balance = vec![0i64; nodes];
        let mut counted = 0i128;
        for (k, &(a, b, cap, c)) in arcs.iter().enumerate() {
            let f = cheap.flow(2 * k);
            prop_assert!((0..=cap).contains(&f));
            balance[a] -= f;
            balance[b] += f;
            counted += i128::from(f) * i128::from(c);
        }
        prop_assert_eq!(cost, counted);
        for (v, b) in balance.iter().enumerate() {
            let expected = if v == 0 && t != 0 { -value } else if v == t { value } else { 0 };
            prop_assert_eq!(*b, expected, "balance of node {}", v);
        }
        prop_assert!(!negative_cycle(&cheap));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Taking a node out of the cheapest flow and rerouting (warm, from the potentials) costs
    /// what the cheapest flow of the network without that node costs from scratch, and is
    /// refused exactly when that network cannot carry the same value.
    #[test]
    fn rerouting_around_a_node_matches_solving_without_it(
        (nodes, arcs) in network(),
        pick in any::<prop::sample::Index>(),
    ) {
        let t = nodes - 1;
        prop_assume!(nodes > 2);
        let v = 1 + pick.index(nodes - 2);
        let mut with = build(nodes, &arcs);
        let (value, _) = with.min_cost_flow(0, t);
        let others: Vec<_> = arcs.iter().copied().filter(|(a, b, _, _)| *a != v && *b != v).collect();
        let mut without = build(nodes, &others);
        let (kept, cost) = without.min_cost_flow(0, t);
        let warm = with.cost_without(v, 0, t);
        if kept == value {
            prop_assert_eq!(warm, Some(cost));
        } else {
            prop_assert_eq!(warm, None);
        }
    }
}
