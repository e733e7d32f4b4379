//! Compressed sizes of the app's files, as the budget test and the benchmark report them.

use std::io::Write;
use std::path::Path;

pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes).expect("compressing in memory");
    }
    out.len()
}

pub fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("compressing in memory");
    e.finish().expect("compressing in memory").len()
}

/// The wasm, JS and CSS files the app ships, from the build's hashed folder `dist/pkg/<hash>/`.
pub fn app_files(pkg: &Path) -> std::io::Result<Vec<FileSize>> {
    let mut files = Vec::new();
    let dirs: Vec<_> = std::fs::read_dir(pkg)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    let [build] = dirs.as_slice() else {
        return Err(std::io::Error::other(format!(
            "expected one build folder in {}, found {dirs:?}",
            pkg.display()
        )));
    };
    for entry in std::fs::read_dir(build)? {
        let path = entry?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !["wasm", "js", "css"].contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        files.push(FileSize {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            raw: bytes.len(),
            gzip: gzip(&bytes),
            brotli: brotli(&bytes),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}
