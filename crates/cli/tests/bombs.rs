#![cfg(target_os = "linux")]
//! Memory bombs (issue 24), made here at run time: whatever an input's size or shape, `extract`
//! and `ingest` stay under 500 MB of resident memory, report what they refuse with the file and
//! line or offset, and go on with the next document. Each run is a child process under an
//! address-space limit, its peak resident size read from the kernel when it ends (wait4).

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The bound the issue sets.
const MAX_RSS_MB: u64 = 500;

struct Run {
    peak_mb: u64,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `rasad` with `args`; its address space capped at 4 GB so that a regression fails the
/// test instead of the machine.
fn run(args: &[&str], dir: &Path) -> Run {
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasad"));
    cmd.args(args).current_dir(dir).stdin(Stdio::null());
    cmd.stdout(std::fs::File::create(&out).unwrap()).stderr(std::fs::File::create(&err).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit { rlim_cur: 4 << 30, rlim_max: 4 << 30 };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // Reaped below by wait4, which std's `wait` does not call (it gives no resource usage).
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("the rasad binary runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for our own child, reaped here once.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        peak_mb: u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024,
        code,
        stdout: std::fs::read_to_string(out).unwrap_or_default(),
        stderr: std::fs::read_to_string(err).unwrap_or_default(),
    }
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn check(what: &str, r: &Run, said: &[&str]) {
    eprintln!("{what}: peak {} MB, exit {:?}", r.peak_mb, r.code);
    assert!(r.peak_mb <= MAX_RSS_MB, "{what}: peak RSS {} MB over {MAX_RSS_MB} MB\n{}", r.peak_mb, r.stderr);
    for s in said {
        assert!(r.stderr.contains(s), "{what}: {s:?} not said:\n{}", r.stderr);
    }
}

const SENTENCE: &str = "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب صباح اليوم، ما أسفر عن مقتل ثلاثة مدنيين، بحسب الدفاع المدني. ";

/// One line of `bytes` of Arabic prose.
fn prose(bytes: usize) -> String {
    let mut s = SENTENCE.repeat(bytes / SENTENCE.len() + 1);
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn jsonl(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

#[test]
fn bombs_stay_under_500_mb_and_cost_only_themselves() {
    let started = std::time::Instant::now();
    let d = scratch("bombs");
    let good = jsonl("good", SENTENCE);

    // 1. A .jsonl.gz of under a megabyte expanding to 600 MB with no newline, then a document:
    // 600 gzip members of 1 MB each, which readers take as one stream.
    let member = {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![b'a'; 1 << 20]).unwrap();
        e.finish().unwrap()
    };
    let mut gz = std::fs::File::create(d.join("nonl.jsonl.gz")).unwrap();
    let mut head = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    head.write_all(b"{\"id\":\"bomb\",\"text\":\"").unwrap();
    gz.write_all(&head.finish().unwrap()).unwrap();
    for _ in 0..600 {
        gz.write_all(&member).unwrap();
    }
    let mut tail = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    tail.write_all(format!("\"}}\n{}", jsonl("after", SENTENCE)).as_bytes()).unwrap();
    gz.write_all(&tail.finish().unwrap()).unwrap();
    drop(gz);
    let r = run(&["extract", "nonl.jsonl.gz"], &d);
    check("600 MB line in a .jsonl.gz", &r, &["nonl.jsonl.gz:1: a line of 600.0 MB"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.contains("\"id\":\"after\""), "the document after the bomb is read");
    std::fs::remove_file(d.join("nonl.jsonl.gz")).unwrap();

    // 2. A WARC of records just under the record limit (63 MB pages), then a good one.
    let page = format!("<html><body><p>{}</p></body></html>", prose(63 << 20));
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    let small = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{SENTENCE}</p>");
    let mut warc = std::fs::File::create(d.join("big.warc")).unwrap();
    for (i, block) in [&http, &http, &http, &small].iter().enumerate() {
        write!(
            warc,
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.invalid/{i}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .unwrap();
    }
    drop(warc);
    drop((page, http));
    let r = run(&["extract", "big.warc"], &d);
    check("WARC of 63 MB records", &r, &["big.warc (byte 0): a page of 63.0 MB, more than the 16 MB a page may have"]);
    assert!(r.stdout.contains("https://x.invalid/3"), "the record after them is read");
    std::fs::remove_file(d.join("big.warc")).unwrap();

    // 3. A 150 MB text file and a 50 MB one-line Arabic document (text and JSON line).
    let text = std::fs::File::create(d.join("huge.txt")).unwrap();
    text.set_len(150 << 20).unwrap();
    let line = prose(50 << 20);
    std::fs::write(d.join("line.txt"), &line).unwrap();
    std::fs::write(d.join("line.jsonl"), jsonl("line", &line) + &good).unwrap();
    drop(line);
    let r = run(&["extract", "huge.txt", "line.txt", "line.jsonl"], &d);
    check(
        "150 MB and 50 MB documents",
        &r,
        &["huge.txt: larger than the 512 KB", "line.txt: larger than the 512 KB", "line.jsonl:1: a line of 50.0 MB"],
    );
    assert!(r.stdout.contains("\"id\":\"good\""));
    let r = run(&["ingest", "--quiet", "--db", "line.db", "line.jsonl"], &d);
    check("50 MB one-line document, ingest", &r, &["line.jsonl:1: a line of 50.0 MB", "stored 1"]);
    for f in ["huge.txt", "line.txt", "line.jsonl"] {
        std::fs::remove_file(d.join(f)).unwrap();
    }

    // 4. Documents just under the document limit, stored: batches end at a byte count, a large
    // document is extracted alone, and the batches handed to the store are bounded by the size
    // of their records. Prose, and a list of numbers (a quantity every two words: extracting it
    // takes 450 times its size).
    let near = prose(rasad_ingest::MAX_DOC_BYTES as usize - 64);
    let numbers = "1 ".repeat(rasad_ingest::MAX_DOC_BYTES as usize / 2 - 32);
    let docs: String =
        (0..4).map(|i| jsonl(&format!("near{i}"), &format!("({i}) {}", if i % 2 == 0 { &near } else { &numbers }))).collect();
    std::fs::write(d.join("near.jsonl"), docs).unwrap();
    let r = run(&["ingest", "--quiet", "--db", "near.db", "near.jsonl"], &d);
    check("four documents of 512 KB, ingest", &r, &["stored 4"]);
    let _ = std::fs::remove_dir_all(&d);
    eprintln!("bombs: {:.1} s", started.elapsed().as_secs_f64());
}
