//! The shape of the code: modules depend on each other in one direction, the pipeline's stages
//! never name a content kind, and every module says what it is for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::folders::files;
use crate::support::site::repo;

/// The stages data flows through; none of them may know the content kinds.
const STAGES: [&str; 8] = [
    "config", "content", "site", "media", "theme", "render", "output", "yaml",
];

/// Each top-level module of the library with the top-level modules its code (tests left out)
/// refers to.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let sources: Vec<String> = files(&src)
        .into_iter()
        .filter(|f| f.ends_with(".rs") && f != "lib.rs" && f != "main.rs")
        .collect();
    let module_of = |file: &str| {
        file.split('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".rs")
            .to_string()
    };
    let modules: BTreeSet<String> = sources.iter().map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &sources {
        let text = std::fs::read_to_string(src.join(file)).expect("read");
        // Test code follows the first `#[cfg(test)]` of a file; comments name modules freely.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let from = module_of(file);
        let used = graph.entry(from.clone()).or_default();
        for part in code.split("crate::").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if modules.contains(&name) && name != from {
                used.insert(name);
            }
        }
    }
    graph
}

/// A cycle of modules through `from`, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut path = vec![from.to_string()];
    let mut seen = BTreeSet::new();
    fn walk(graph: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, seen: &mut BTreeSet<String>) -> bool {
        let here = path.last().cloned().unwrap_or_default();
        for next in graph.get(&here).into_iter().flatten() {
            if *next == path[0] {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    walk(graph, &mut path, &mut seen).then_some(path)
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let graph = dependencies();
    assert!(graph.len() > 15, "{graph:?}");
    for module in graph.keys() {
        if let Some(path) = cycle(&graph, module) {
            panic!("an import cycle: {}", path.join(" → "));
        }
    }
}

#[test]
fn the_stages_never_name_a_content_kind() {
    let graph = dependencies();
    for stage in STAGES {
        let used = &graph[stage];
        assert!(!used.contains("kinds"), "{stage} refers to the kinds: {used:?}");
    }
}

#[test]
fn every_module_says_what_it_is_for() {
    let src = repo().join("src");
    for file in files(&src).into_iter().filter(|f| f.ends_with(".rs")) {
        let text = std::fs::read_to_string(src.join(&file)).expect("read");
        let is_module_file = !file.ends_with("tests.rs");
        if is_module_file {
            assert!(
                text.starts_with("//!"),
                "{} does not open with a `//!` comment saying what it is for",
                Path::new(&file).display()
            );
        }
    }
}
