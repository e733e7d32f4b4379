//! The layout of the code: no two modules of a crate import each other, directly or through
//! others (issue 39: `app.rs` ⇄ `components/status.rs`, `statistics.rs` ⇄
//! `consultation_figures.rs`, `events.rs` ⇄ `wire.rs` were such circles; this test then found
//! `routes` ⇄ `seats`, `events/book.rs` ⇄ `events/writer.rs` and two pages of the events). A
//! newcomer reads a module knowing that what it uses does not use it back.
//!
//! Each source file of `app/`, `domain/` and `worker/` is parsed (syn); every path that starts
//! with `crate::`, `super::`, `self::` or a child module's name — in `use` items, in code, and in
//! macro bodies such as `view!` — is an edge from the file's module to the module the path lands
//! in (the longest prefix that is a file). A name re-exported by the crate's root
//! (`pub use i18n::Lang`) lands where it comes from. A module and the modules declared inside it
//! are one unit (a child uses its parent's helpers, a parent names its children's items), and
//! test modules inside a file (`mod tests { … }`) are left out. The circles are the strongly
//! connected components of that graph; the message names the imports that close each one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// A module's path inside its crate (`["pages", "staff", "statistics"]`; the root is empty).
type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/pages/staff/mod.rs` → `pages::staff`; `src/lib.rs` → the root.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).expect("a file under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The paths a file names, each as its segments (`crate`, `super`, `self` first).
#[derive(Default)]
struct Paths {
    found: Vec<Vec<String>>,
    /// The root's `pub use a::b::Name` (as `Name` → `a::b::Name`).
    reexports: Vec<(String, Vec<String>)>,
}

impl Paths {
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id)
                    if ["crate", "super", "self"].contains(&id.to_string().as_str()) =>
                {
                    // `crate :: a :: b …`: the segments joined by `::` (two `:` puncts each).
                    let mut path = vec![id.to_string()];
                    let mut j = i + 1;
                    loop {
                        let colons = matches!((trees.get(j), trees.get(j + 1)),
                            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':');
                        match (colons, trees.get(j + 2)) {
                            (true, Some(TokenTree::Ident(next))) => {
                                path.push(next.to_string());
                                j += 3;
                            }
                            _ => break,
                        }
                    }
                    if path.len() > 1 {
                        self.found.push(path);
                    }
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, public_root: bool) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree, public_root);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut path = prefix.clone();
                if n.ident != "self" {
                    path.push(n.ident.to_string());
                }
                if public_root {
                    self.reexports.push((n.ident.to_string(), path.clone()));
                }
                self.found.push(path);
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                path.push(r.ident.to_string());
                if public_root {
                    self.reexports.push((r.rename.to_string(), path.clone()));
                }
                self.found.push(path);
            }
            syn::UseTree::Glob(_) => self.found.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t, public_root);
                }
            }
        }
    }
}

struct Visitor<'a> {
    paths: &'a mut Paths,
    is_root: bool,
}

impl<'ast> Visit<'ast> for Visitor<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        // A module written inside the file (its tests) is not part of the layout.
        if m.content.is_none() {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let public_root = self.is_root && matches!(u.vis, syn::Visibility::Public(_));
        self.paths.use_tree(&mut Vec::new(), &u.tree, public_root);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 && ["crate", "super", "self"].contains(&segments[0].as_str()) {
            self.paths.found.push(segments);
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.paths.tokens(m.tokens.clone());
    }
}

/// The module graph of the crate whose sources are in `src` (its `bin/` entries left out: each
/// is a crate of its own).
/// Each module's imports: the module reached, and the first path that reaches it (for messages).
type Edges = BTreeMap<Module, BTreeMap<Module, String>>;

fn graph(src: &Path) -> Edges {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.retain(|f| !f.strip_prefix(src).is_ok_and(|r| r.starts_with("bin")));
    let mut named: BTreeMap<Module, Paths> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        let parsed =
            syn::parse_file(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", file.display()));
        let module = module_of(src, file);
        let mut paths = Paths::default();
        Visitor {
            paths: &mut paths,
            is_root: module.is_empty(),
        }
        .visit_file(&parsed);
        named.insert(module, paths);
    }
    let modules: BTreeSet<Module> = named.keys().cloned().collect();
    let reexports: BTreeMap<String, Vec<String>> = named
        .get(&Vec::new())
        .map(|root| root.reexports.iter().cloned().collect())
        .unwrap_or_default();
    let mut edges: Edges = BTreeMap::new();
    for (module, paths) in &named {
        for path in &paths.found {
            // The path from the crate's root.
            let mut absolute: Vec<String> = if path[0] == "crate" {
                Vec::new()
            } else {
                module.clone()
            };
            let mut rest = &path[1..];
            // `use board::x` in a module that declares `board`: a path from here; any other first
            // segment names another crate (`domain::`, `std::`).
            if !["crate", "self", "super"].contains(&path[0].as_str()) {
                let mut child = module.clone();
                child.push(path[0].clone());
                if !modules.contains(&child) {
                    continue;
                }
                rest = &path[..];
            }
            if path[0] == "super" {
                absolute.pop();
                while rest.first().is_some_and(|s| s == "super") {
                    absolute.pop();
                    rest = &rest[1..];
                }
            }
            absolute.extend(rest.iter().cloned());
            // A name the root re-exports lands where it comes from.
            if let Some(from) = absolute.first().and_then(|n| reexports.get(n)) {
                if !modules.contains(&vec![absolute[0].clone()]) {
                    let mut real = from[..from.len() - 1].to_vec();
                    if real.first().is_some_and(|s| s == "self" || s == "crate") {
                        real.remove(0);
                    }
                    real.extend(absolute.iter().cloned());
                    absolute = real;
                }
            }
            let target = (0..=absolute.len())
                .rev()
                .map(|n| absolute[..n].to_vec())
                .find(|m| modules.contains(m))
                .unwrap_or_default();
            // A module and the modules declared inside it are one unit of code: a child uses
            // its parent's helpers (`super::`), a parent names its children's items.
            let related = target.starts_with(module) || module.starts_with(&target);
            if !related && !target.is_empty() {
                edges
                    .entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| path.join("::"));
            }
        }
    }
    edges
}

/// The strongly connected components with more than one module (Tarjan's algorithm).
fn circles(edges: &Edges) -> Vec<Vec<Module>> {
    struct State<'a> {
        edges: &'a Edges,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        out: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(next) = s.edges.get(v) {
            for w in next.keys() {
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// Each circle of the crate, with the imports that close it ("a → b (crate::b::x)").
fn circles_in(krate: &str) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src");
    let edges = graph(&src);
    let name = |m: &Module| format!("{krate}::{}", m.join("::"));
    circles(&edges)
        .into_iter()
        .map(|circle| {
            let mut out = circle.iter().map(name).collect::<Vec<_>>().join(" ⇄ ");
            for from in &circle {
                for (to, via) in edges.get(from).into_iter().flatten() {
                    if circle.contains(to) {
                        out.push_str(&format!("\n    {} → {} ({via})", name(from), name(to)));
                    }
                }
            }
            out
        })
        .collect()
}

#[test]
fn no_module_of_the_app_imports_one_that_imports_it() {
    let found = circles_in("app");
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn no_module_of_the_domain_imports_one_that_imports_it() {
    let found = circles_in("domain");
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn no_module_of_the_worker_imports_one_that_imports_it() {
    let found = circles_in("worker");
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

/// The check itself finds a circle: two modules that import each other.
#[test]
fn a_circle_is_found() {
    let m = |s: &str| vec![s.to_string()];
    let to = |s: &str| BTreeMap::from([(m(s), format!("crate::{s}::x"))]);
    let mut edges = BTreeMap::new();
    edges.insert(m("a"), to("b"));
    edges.insert(m("b"), to("c"));
    edges.insert(m("c"), to("a"));
    edges.insert(m("d"), to("a"));
    assert_eq!(circles(&edges), vec![vec![m("a"), m("b"), m("c")]]);
}
