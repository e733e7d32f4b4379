//! The app's download budget: wasm + JS + CSS in dist/, compressed as a CDN serves them (brotli).

use std::io::Write;

use kerne_tests::repo_root;
use libtest_mimic::{Arguments, Failed, Trial};

/// 250 KB brotli for everything a phone downloads to show the first page.
const BUDGET_BYTES: usize = 250_000;

fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes).expect("compressing in memory");
    }
    out.len()
}

fn check_budget() -> Result<(), Failed> {
    let dir = repo_root().join("dist/pkg");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e} (run `make app` first)", dir.display()))?;
    let mut total = 0;
    let mut report = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !["wasm", "js", "css"].contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let size = brotli_size(&bytes);
        total += size;
        report.push(format!("{}: {} raw, {} brotli", path.file_name().unwrap_or_default().to_string_lossy(), bytes.len(), size));
    }
    println!("{}\ntotal {total} bytes brotli (budget {BUDGET_BYTES})", report.join("\n"));
    if report.iter().filter(|r| r.contains(".wasm")).count() != 1 {
        return Err(format!("expected exactly one wasm file in dist/pkg: {report:?}").into());
    }
    if total > BUDGET_BYTES {
        return Err(format!("the app weighs {total} bytes brotli, over the {BUDGET_BYTES}-byte budget:\n{}", report.join("\n")).into());
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, vec![Trial::test("app_bundle_fits_the_brotli_budget", check_budget)]).exit_code()
}
