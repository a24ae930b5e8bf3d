//! What the end-to-end tests of the binary share: running it, the repository root, scratch folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs the built `rasad` with `args` and no standard input.
pub fn rasad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasad")).args(args).stdin(Stdio::null()).output().expect("the rasad binary runs")
}

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory under the target dir, removed first if a previous run left it.
pub fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}
