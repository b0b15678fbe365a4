//! The import graph, drawn from the source and checked (docs/architecture.md, "Layout"): one node
//! per file (`users/service.rs` is `users::service`, a `mod.rs` its folder), an edge for every
//! `use crate::…`, `use super::…` and `crate::…`/`super::…` path that names another file's module,
//! and for a path that starts with a module a `use` imported (`sessions::repo::…`).
//! Unit tests at the end of a file (`#[cfg(test)] mod tests`) are left out.
//!
//! - No cycle passes through the infrastructure (`db`, `stats`, `state`, `mail`, `http`) or
//!   through a door (a file that serves requests: `http.rs`, `admin_http.rs`, `pages.rs`,
//!   `admin_pages.rs`, `*_pages.rs`, `*_http.rs`, the WHMCS API, the admin area, the CLI).
//! - No door imports another door: the WHMCS API and the CLI are one door each (their files import
//!   each other), every other door is its own file. What two doors show alike is a noun's view
//!   (`<noun>/views.rs`) or a use case; the page frames (`http::pages`, `admin_area`) are shared.
//! - No module reaches into another noun's repo (a noun offers `steps` for other nouns' transactions).
//! - SQL never takes a bare `LIMIT $n` (see the `db` module).
//! - No door names a role's operation (`Operation`, `op::…`) or asks a role itself: each use case
//!   names its own (docs/architecture.md, "Who is acting").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every module (by path) and its file.
fn modules() -> BTreeMap<String, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                if parts == ["lib"] || parts == ["main"] {
                    continue;
                }
                found.insert(parts.join("::"), path);
            }
        }
    }
    found
}

/// The source a module is made of: without comments and without its unit tests.
fn source(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    // Drop each `as alias` (keeping what follows the alias: `,`, `}`), then the white space.
    let mut kept = String::new();
    let mut words = tree.split_whitespace();
    while let Some(word) = words.next() {
        if word == "as" {
            let alias = words.next().unwrap_or_default();
            kept.extend(
                alias
                    .chars()
                    .filter(|c| !(c.is_alphanumeric() || *c == '_')),
            );
        } else {
            kept.push_str(word);
        }
    }
    let mut out = Vec::new();
    expand_into(&kept, "", &mut out);
    out
}

fn expand_into(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let head = &tree[..open];
    let body = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand_item(&body[start..i], &format!("{prefix}{head}"), out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand_item(&body[start..], &format!("{prefix}{head}"), out);
}

fn expand_item(item: &str, prefix: &str, out: &mut Vec<String>) {
    if !item.is_empty() {
        expand_into(item, prefix, out);
    }
}

/// The edges of the graph: module → the other modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges = BTreeMap::new();
    for (name, path) in &modules {
        let text = source(path);
        let mut paths = Vec::new();
        for statement in text.split(';') {
            let statement = statement.trim();
            let statement = statement.strip_prefix("pub ").unwrap_or(statement);
            if let Some(tree) = statement.rsplit_once("use ").map(|(_, t)| t)
                && (tree.starts_with("crate::") || tree.starts_with("super::"))
            {
                paths.extend(expand(tree));
            }
        }
        // A module a `use` names is then written by its last segment: `use crate::sessions;`
        // then `sessions::repo::get(…)` names `sessions::repo`.
        let imported: BTreeMap<String, String> = paths
            .iter()
            .filter_map(|p| Some((p.rsplit("::").next()?.to_owned(), p.clone())))
            .collect();
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
            if word.ends_with("::") {
                continue;
            }
            if word.starts_with("crate::") || word.starts_with("super::") {
                paths.push(word.to_owned());
            } else if let Some((head, rest)) = word.split_once("::")
                && let Some(path) = imported.get(head)
            {
                paths.push(format!("{path}::{rest}"));
            }
        }
        let this: Vec<&str> = name.split("::").collect();
        let mut targets = BTreeSet::new();
        for path in paths {
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut base: Vec<&str> = Vec::new();
            if segments.first() == Some(&"crate") {
                segments.remove(0);
            } else {
                base = this.clone();
                while segments.first() == Some(&"super") {
                    segments.remove(0);
                    base.pop();
                }
            }
            base.extend(segments);
            let target = (1..=base.len())
                .rev()
                .map(|n| base[..n].join("::"))
                .find(|candidate| modules.contains_key(candidate));
            if let Some(target) = target
                && target != *name
            {
                targets.insert(target);
            }
        }
        edges.insert(name.clone(), targets);
    }
    edges
}

fn is_infrastructure(module: &str) -> bool {
    let top = module.split("::").next().unwrap_or_default();
    matches!(top, "db" | "stats" | "state" | "mail" | "http") && !is_door(module)
}

fn is_door(module: &str) -> bool {
    let parts: Vec<&str> = module.split("::").collect();
    let last = parts.last().copied().unwrap_or_default();
    matches!(parts[0], "whmcs_api" | "cli")
        || (parts[0] == "admin_area" && parts.len() > 1)
        || matches!(module, "http::health" | "http::docs" | "http::assets")
        || (parts[0] != "http"
            && (matches!(last, "http" | "pages")
                || last.ends_with("_pages")
                || last.ends_with("_http")))
}

/// Strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn the_graph_sees_the_imports_it_should() {
    let edges = graph();
    assert!(edges["db"].contains("stats"), "{:?}", edges["db"]);
    assert!(edges["whmcs_api::actions"].contains("whmcs_api::clients"));
    assert!(edges["whmcs_api::clients"].contains("whmcs_api::call"));
    assert!(!edges["stats"].contains("state"), "{:?}", edges["stats"]);
    assert_eq!(
        expand("crate::a::{b, c::{d, e as f}}"),
        ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]
    );
    assert!(is_door("users::me_totp_pages") && is_door("whmcs_api::call"));
    assert!(is_infrastructure("http::csrf") && !is_infrastructure("http::health"));
    assert!(!is_door("http::pages") && !is_infrastructure("users::service"));
}

#[test]
fn no_cycle_runs_through_the_infrastructure_or_a_door() {
    let offending: Vec<Vec<String>> = cycles(&graph())
        .into_iter()
        .filter(|c| c.iter().any(|m| is_infrastructure(m) || is_door(m)))
        .collect();
    assert!(
        offending.is_empty(),
        "modules that import each other: {offending:#?}"
    );
}

/// The door a module belongs to: the WHMCS API and the CLI are one door each, made of several
/// files; any other door is its own file.
fn door_of(module: &str) -> Option<&str> {
    let top = module.split("::").next().unwrap_or_default();
    match top {
        "whmcs_api" | "cli" => Some(top),
        _ if is_door(module) => Some(module),
        _ => None,
    }
}

#[test]
fn no_door_imports_another() {
    let mut crossing = Vec::new();
    for (from, targets) in graph() {
        let Some(door) = door_of(&from) else { continue };
        for target in targets {
            if door_of(&target).is_some_and(|other| other != door) {
                crossing.push(format!("{from} -> {target}"));
            }
        }
    }
    assert!(
        crossing.is_empty(),
        "doors share through a view or a use case, never each other: {crossing:#?}"
    );
}

#[test]
fn no_door_decides_a_role() {
    let deciding: Vec<String> = modules()
        .into_iter()
        .filter(|(name, path)| {
            let text = source(path);
            is_door(name)
                && ["Operation", "op::", "role.require", "role.may"]
                    .iter()
                    .any(|word| text.contains(word))
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        deciding.is_empty(),
        "doors that decide a role themselves: {deciding:?}"
    );
}

/// A noun's use cases call another noun's use cases (its `steps` when inside their own
/// transaction), never its repo. The nouns' `repo` modules are private, so the compiler refuses
/// most reaches already; this also sees the nouns whose repo is not.
#[test]
fn no_reach_into_another_nouns_repo() {
    let mut found = BTreeSet::new();
    for (from, targets) in graph() {
        let noun = from.split("::").next().unwrap_or_default().to_owned();
        for target in targets {
            let parts: Vec<&str> = target.split("::").collect();
            if parts.len() == 2 && parts[1] == "repo" && parts[0] != noun {
                found.insert(format!("{from} -> {target}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "call the other noun's use cases instead of its repo: {found:?}"
    );
}

#[test]
fn no_statement_takes_a_bare_limit_placeholder() {
    let bare: Vec<String> = modules()
        .into_iter()
        .filter(|(name, path)| {
            name != "layering" && source(path).contains(&format!("LIMIT {}", '$'))
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        bare.is_empty(),
        "`LIMIT $n` in {bare:?}: write `LIMIT CAST($n AS BIGINT)`"
    );
}
