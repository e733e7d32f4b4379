//! Helpers for the domain's own tests.

/// A file of the independent reference data kept in `domain/tests/data` (see the README there).
pub fn reference_data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reference data {} is missing ({e})", path.display()))
}
