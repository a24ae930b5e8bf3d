//! Gzip streams read member by member (`.warc.gz` holds one member a record), so that a corrupt
//! member costs only itself: the reader says which member it was and resumes at the next one.

use std::collections::VecDeque;
use std::io::{self, Read};

use flate2::bufread::GzDecoder;

use crate::buf::Buf;

/// A gzip member header: magic, deflate, no reserved flag bits.
pub(crate) fn is_member_start(head: &[u8]) -> bool {
    head.len() >= 4 && head[..3] == [0x1f, 0x8b, 8] && head[3] & 0xE0 == 0
}

/// Bytes of a member kept to look again from its start when it turns out corrupt.
const MARK_CAP: usize = 64 << 20;

/// A corrupt or foreign part of a gzip stream. A corrupt member is handed on as the payload of
/// an [`io::ErrorKind::InvalidData`] error (what was read of it is not to be trusted); bytes
/// between members that are none are kept for [`Members::junk`]. The stream goes on after both.
#[derive(Debug, thiserror::Error)]
#[error("{why}")]
pub struct Corrupt {
    /// Offset (in the compressed file) where the bad part begins.
    pub at: u64,
    /// What is wrong, and where reading resumes.
    pub why: String,
}

impl Corrupt {
    /// The [`Corrupt`] an I/O error carries, if any.
    pub fn of(e: &io::Error) -> Option<&Corrupt> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<Corrupt>())
    }
}

enum State<R> {
    /// Between members.
    Raw(Buf<R>),
    /// Inside a member.
    Member(Box<GzDecoder<Buf<R>>>),
    /// Taken for a moment.
    Gone,
}

/// The decompressed bytes of every member in turn.
pub(crate) struct Members<R> {
    state: State<R>,
    /// Decompressed bytes handed out so far.
    out: u64,
    /// (decompressed offset, compressed offset) of the members recently begun.
    starts: VecDeque<(u64, u64)>,
    /// The current member has handed out bytes (it is in `starts`).
    started: bool,
    member_at: u64,
    /// Bytes between members that are none, not yet told.
    junk: VecDeque<Corrupt>,
}

impl<R: Read> Members<R> {
    pub(crate) fn new(input: R) -> Self {
        Members { state: State::Raw(Buf::new(input)), out: 0, starts: VecDeque::new(), started: false, member_at: 0, junk: VecDeque::new() }
    }

    /// The compressed offset of the member decompressed byte `pos` came from, and `pos`'s offset
    /// within that member's data. Members before it are forgotten.
    pub(crate) fn locate(&mut self, pos: u64) -> (u64, u64) {
        while self.starts.len() > 1 && self.starts[1].0 <= pos {
            self.starts.pop_front();
        }
        self.starts.front().map_or((self.member_at, 0), |&(d, c)| (c, pos.saturating_sub(d)))
    }

    /// Bytes found between members that are none, oldest first (each told once).
    pub(crate) fn junk(&mut self) -> Option<Corrupt> {
        self.junk.pop_front()
    }

    /// After a bad member or foreign bytes at `at`: finds the next member and tells of them.
    fn resync(&mut self, mut raw: Buf<R>, at: u64, what: String) -> io::Result<Corrupt> {
        raw.skip_until(0x1f, 4, u64::MAX, is_member_start)?;
        let why = if raw.at_end() {
            format!("{what}; no gzip member follows it")
        } else {
            format!("{what}; reading resumes at the next gzip member, at byte {}", raw.pos())
        };
        self.state = State::Raw(raw);
        Ok(Corrupt { at, why })
    }
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, State::Gone) {
                State::Gone => return Ok(0),
                State::Raw(mut raw) => {
                    let at = raw.pos();
                    let head = raw.peek(4)?;
                    if head.is_empty() {
                        self.state = State::Raw(raw);
                        return Ok(0);
                    }
                    if !is_member_start(head) {
                        let shown = String::from_utf8_lossy(head).into_owned();
                        let junk = self.resync(raw, at, format!("not a gzip member (found {shown:?})"))?;
                        self.junk.push_back(junk);
                        continue;
                    }
                    raw.set_mark(MARK_CAP);
                    self.member_at = at;
                    self.started = false;
                    self.state = State::Member(Box::new(GzDecoder::new(raw)));
                }
                State::Member(mut dec) => match dec.read(out) {
                    // A member that ends without having read a byte would be read again forever.
                    Ok(0) if !out.is_empty() && dec.get_ref().pos() == self.member_at => {
                        let why = "gzip member that ends where it begins".to_string();
                        let bad = self.resync(dec.into_inner(), self.member_at, why)?;
                        return Err(io::Error::new(io::ErrorKind::InvalidData, bad));
                    }
                    Ok(0) if !out.is_empty() => self.state = State::Raw(dec.into_inner()),
                    Ok(n) => {
                        if !self.started && n > 0 {
                            self.starts.push_back((self.out, self.member_at));
                            self.started = true;
                        }
                        self.out += n as u64;
                        self.state = State::Member(dec);
                        return Ok(n);
                    }
                    Err(e) if dec.get_ref().failed => {
                        self.state = State::Member(dec);
                        return Err(e);
                    }
                    Err(e) => {
                        let mut raw = dec.into_inner();
                        // Look for the next member from just after this one's start: a corrupt
                        // member may have been read past its end.
                        raw.back_to_mark(1);
                        let why = if e.kind() == io::ErrorKind::UnexpectedEof {
                            "gzip member cut short (the file ends inside it)".to_string()
                        } else {
                            format!("corrupt gzip member ({e}); the rest of it is not read")
                        };
                        let bad = self.resync(raw, self.member_at, why)?;
                        return Err(io::Error::new(io::ErrorKind::InvalidData, bad));
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// Everything read, with the errors in their place.
    fn read_all(input: &[u8]) -> (Vec<u8>, Vec<String>) {
        let mut m = Members::new(input);
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let mut buf = [0; 7];
        for _ in 0..10_000 {
            match m.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => errors.push(Corrupt::of(&e).map_or_else(|| e.to_string(), |c| format!("{}: {}", c.at, c.why))),
            }
        }
        while let Some(j) = m.junk() {
            errors.push(format!("{}: {}", j.at, j.why));
        }
        (out, errors)
    }

    #[test]
    fn members_are_read_in_turn_and_located() {
        let (a, b) = (gzip(b"first member"), gzip(b"second"));
        let both = [a.clone(), gzip(b""), b].concat();
        let mut m = Members::new(&both[..]);
        let mut out = String::new();
        m.read_to_string(&mut out).unwrap();
        assert_eq!(out, "first membersecond");
        assert_eq!(m.locate(3), (0, 3));
        assert_eq!(m.locate(14), (a.len() as u64 + 20, 2));
    }

    #[test]
    fn bad_members_and_bytes_are_told_and_passed_over_without_hanging() {
        let good = gzip(b"ok");
        for bad in [&[0x1f, 0x8b, 8, 0][..], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 3, 0][..], b"\x1f\x8b\x08\x00junkjunkjunk"] {
            let (out, errors) = read_all(&[&good[..], bad, &good[..]].concat());
            assert_eq!(out, b"okok", "{bad:?} {errors:?}");
            assert_eq!(errors.len(), 1, "{bad:?} {errors:?}");
            assert!(errors[0].starts_with(&format!("{}: ", good.len())), "{errors:?}");
        }
        let (out, errors) = read_all(&[&good[..], b"xyz"].concat());
        assert_eq!((out, errors.len()), (b"ok".to_vec(), 1));
    }
}
