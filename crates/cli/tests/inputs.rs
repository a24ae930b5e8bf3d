//! What `rasad extract` makes of walked folders and damaged files (all made here at run time):
//! symlinks are followed, and every skip is reported and makes the exit status 1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn extract(args: &[&Path]) -> (Vec<String>, String, Option<i32>) {
    let out: Output =
        Command::new(env!("CARGO_BIN_EXE_rasad")).arg("extract").args(args).stdin(Stdio::null()).output().expect("the rasad binary runs");
    let ids = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON lines")["id"].as_str().unwrap_or_default().to_string())
        .collect();
    (ids, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
}

/// A fresh directory under the target dir, removed first if a previous run left it.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if d.exists() {
        // A folder a previous run locked must be unlocked before it can go.
        let _ = Command::new("chmod").args(["-R", "u+rwx"]).arg(&d).status();
        std::fs::remove_dir_all(&d).expect("old scratch dir removed");
    }
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

const TEXT: &str = "قصفت الطائرات البلدة صباح اليوم.";

#[cfg(unix)]
#[test]
fn symlinked_files_and_folders_are_followed_and_loops_and_dangling_links_reported() {
    use std::os::unix::fs::symlink;
    let d = scratch("walk-symlinks");
    let (root, outside) = (d.join("root"), d.join("outside"));
    std::fs::create_dir_all(outside.join("sub")).unwrap();
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("a.txt"), TEXT).unwrap();
    std::fs::write(outside.join("b.txt"), TEXT).unwrap();
    std::fs::write(outside.join("sub/c.txt"), TEXT).unwrap();
    symlink("../outside/b.txt", root.join("b.txt")).unwrap();
    symlink("../outside/sub", root.join("linked")).unwrap();
    symlink(".", root.join("loop")).unwrap();
    symlink("../nowhere.txt", root.join("dangling.txt")).unwrap();
    // The same file under a second name is read once.
    symlink("a.txt", root.join("again.txt")).unwrap();
    let (ids, err, code) = extract(&[&root]);
    assert_eq!(ids, ["a.txt", "b.txt", "c.txt"], "{err}");
    assert!(err.contains("dangling.txt") && err.contains("missing"), "{err}");
    assert!(err.contains("loop") && err.contains("loop back"), "{err}");
    assert!(err.contains("2 input(s) skipped"), "{err}");
    assert_eq!(code, Some(1), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_counted() {
    use std::os::unix::fs::PermissionsExt;
    let d = scratch("walk-unreadable");
    std::fs::create_dir_all(d.join("locked")).unwrap();
    std::fs::write(d.join("a.txt"), TEXT).unwrap();
    std::fs::write(d.join("locked/b.txt"), TEXT).unwrap();
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasad"));
    if std::fs::read_dir(d.join("locked")).is_ok() {
        // Root reads any folder: run rasad as nobody, when this machine can.
        cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_rasad")]);
    }
    let out = cmd.arg("extract").arg(&d).stdin(Stdio::null()).output();
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = match out {
        Ok(o) if !String::from_utf8_lossy(&o.stderr).contains("setpriv") => o,
        _ => return eprintln!("skipped: the folder cannot be made unreadable for this user"),
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "{err}");
    assert!(err.contains("locked") && err.contains("1 input(s) skipped"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
}

fn warc_record(n: usize, http_ctype: &str, body: &str) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {http_ctype}\r\n\r\n{body}");
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.invalid/{n}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_corrupt_member_of_a_warc_gz_costs_only_its_record() {
    let d = scratch("warc-corrupt-member");
    let mut members: Vec<Vec<u8>> =
        (1..=3).map(|n| gzip(warc_record(n, "text/html", &format!("<html><body><p>{TEXT} {n}</p></body></html>")).as_bytes())).collect();
    let l = members[1].len();
    members[1][l - 8] ^= 0xff;
    let at = members[0].len();
    let path = d.join("crawl.warc.gz");
    std::fs::write(&path, members.concat()).unwrap();
    let (ids, err, code) = extract(&[&path]);
    assert_eq!(ids, ["https://example.invalid/1", "https://example.invalid/3"], "{err}");
    assert!(err.contains(&format!("crawl.warc.gz (gzip member at byte {at})")), "{err}");
    assert_eq!(code, Some(1), "{err}");
}

#[test]
fn what_a_warc_holds_besides_pages_is_told_and_only_nothing_read_fails() {
    let d = scratch("warc-passed-over");
    let page = warc_record(1, "text/html", &format!("<html><body><p>{TEXT}</p></body></html>"));
    let image = warc_record(2, "image/png", "\u{89}PNG....");
    std::fs::write(d.join("mixed.warc"), format!("{page}{image}")).unwrap();
    std::fs::write(d.join("images.warc"), format!("{image}{image}")).unwrap();
    let (ids, err, code) = extract(&[&d.join("mixed.warc")]);
    assert_eq!((ids.len(), code), (1, Some(0)), "{err}");
    assert!(err.contains("mixed.warc") && err.contains("image/png"), "{err}");
    let (ids, err, code) = extract(&[&d.join("images.warc")]);
    assert_eq!((ids.len(), code), (0, Some(1)), "{err}");
    assert!(err.contains("images.warc") && err.contains("image/png"), "{err}");
}

#[test]
fn utf16_and_bom_text_files_give_the_records_of_plain_utf8() {
    let d = scratch("text-bom");
    let text = "قصفت الطائرات الروسية مدينة حلب أمس.";
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    std::fs::write(d.join("a.txt"), text).unwrap();
    std::fs::write(d.join("b.txt"), le).unwrap();
    std::fs::write(d.join("c.txt"), be).unwrap();
    std::fs::write(d.join("d.txt"), format!("\u{feff}{text}")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rasad")).arg("extract").arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"] = serde_json::Value::Null;
            v
        })
        .collect();
    assert_eq!(recs.len(), 4);
    assert!(recs[0]["entities"].as_array().is_some_and(|e| !e.is_empty()), "{}", recs[0]);
    // Spans count from after the byte-order mark: every record is the plain file's.
    assert!(recs.iter().all(|r| *r == recs[0]), "{recs:?}");
}
