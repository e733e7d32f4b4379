//! Helpers for the domain's own tests.

/// A file of the independent reference data in `../shared/data` (beside the repository).
pub fn reference_data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reference data {} is missing ({e}): the repository expects ../shared beside it", path.display()))
}
