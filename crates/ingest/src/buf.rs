//! A read buffer for the record readers: it counts the bytes consumed (the offsets problems are
//! reported at), looks ahead a few bytes across refills, takes bytes back (to read a record found
//! inside a block whose length was wrong), and can keep the bytes since a mark (to look again
//! from just after the start of a gzip member that turned out corrupt).

use std::io::{self, BufRead, Read};

/// Bytes asked of the inner reader at a time.
const CHUNK: usize = 64 << 10;

pub(crate) struct Buf<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    /// Offset of `buf[start]` in the stream.
    pos: u64,
    /// Index in `buf` of the mark, while one is held.
    mark: Option<usize>,
    /// Most bytes a mark may hold; past that it is dropped.
    mark_cap: usize,
    /// The inner reader failed (an I/O error, not bad data).
    pub(crate) failed: bool,
}

impl<R: Read> Buf<R> {
    pub(crate) fn new(inner: R) -> Self {
        Buf { inner, buf: Vec::new(), start: 0, pos: 0, mark: None, mark_cap: 0, failed: false }
    }

    /// Offset of the next byte.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    pub(crate) fn inner_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Reads more into the buffer; false at the end of the stream.
    fn more(&mut self) -> io::Result<bool> {
        let keep = self.mark.map_or(self.start, |m| m.min(self.start));
        if keep > 0 && keep * 2 >= self.buf.len() {
            self.buf.drain(..keep);
            self.start -= keep;
            self.mark = self.mark.map(|m| m - keep);
        }
        let len = self.buf.len();
        self.buf.resize(len + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(len);
                    self.failed = true;
                    return Err(e);
                }
            }
        };
        self.buf.truncate(len + n);
        if self.mark.is_some_and(|m| self.buf.len() - m > self.mark_cap) {
            self.mark = None;
        }
        Ok(n > 0)
    }

    /// The next `n` bytes or, at the end of the stream, fewer; not consumed.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.start < n && self.more()? {}
        let end = self.buf.len().min(self.start + n);
        Ok(&self.buf[self.start..end])
    }

    /// True at the end of the stream.
    pub(crate) fn at_end(&mut self) -> bool {
        self.peek(1).map_or(true, <[u8]>::is_empty)
    }

    /// Puts bytes back in front of the stream (the offset goes back by their length).
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        let mut v = Vec::with_capacity(bytes.len() + self.buf.len() - self.start);
        v.extend_from_slice(bytes);
        v.extend_from_slice(&self.buf[self.start..]);
        self.buf = v;
        self.start = 0;
        self.mark = None;
        self.pos -= bytes.len() as u64;
    }

    /// Drops what is buffered (it came before a corrupt part of the stream).
    pub(crate) fn discard(&mut self) {
        self.pos += (self.buf.len() - self.start) as u64;
        self.start = self.buf.len();
    }

    /// Keeps the bytes from here on (up to `cap` of them) for [`Buf::back_to_mark`].
    pub(crate) fn set_mark(&mut self, cap: usize) {
        self.mark = Some(self.start);
        self.mark_cap = cap;
    }

    /// Goes back to `skip` bytes after the mark; false when the mark was dropped (nothing moves).
    pub(crate) fn back_to_mark(&mut self, skip: usize) -> bool {
        match self.mark.take() {
            Some(m) if m + skip <= self.buf.len() && m + skip <= self.start => {
                self.pos -= (self.start - m - skip) as u64;
                self.start = m + skip;
                true
            }
            _ => false,
        }
    }

    /// Consumes bytes until the stream starts with something `at` accepts (given the next
    /// `look` bytes, fewer at the end), or ends, or `max` bytes are consumed; `first` is a byte
    /// every match begins with. Returns the bytes skipped.
    pub(crate) fn skip_until(&mut self, first: u8, look: usize, max: u64, at: impl Fn(&[u8]) -> bool) -> io::Result<u64> {
        let from = self.pos;
        loop {
            let left = max - (self.pos - from);
            let head = self.peek(look)?;
            if left == 0 || head.is_empty() || (head[0] == first && at(head)) {
                return Ok(self.pos - from);
            }
            let avail = &self.buf[self.start + 1..];
            let step = avail.iter().position(|&b| b == first).map_or(self.buf.len() - self.start, |i| i + 1);
            self.consume(step.min(usize::try_from(left).unwrap_or(usize::MAX)));
        }
    }
}

impl<R: Read> Read for Buf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Buf<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.buf.len() {
            self.more()?;
        }
        Ok(&self.buf[self.start..])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.buf.len() - self.start);
        self.start += n;
        self.pos += n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peeks_across_refills_takes_back_and_returns_to_a_mark() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut b = Buf::new(&data[..]);
        b.fill_buf().unwrap();
        b.consume(10);
        assert_eq!(b.fill_buf().unwrap()[0], 10);
        // Two bytes before the first chunk ends: a peek of five refills.
        let end = CHUNK - 2;
        b.consume(end - 10);
        assert_eq!(b.peek(5).unwrap(), &data[end..end + 5]);
        b.set_mark(1 << 20);
        let mut sink = vec![0; 100_000];
        b.read_exact(&mut sink).unwrap();
        assert!(b.back_to_mark(1));
        assert_eq!(b.pos(), end as u64 + 1);
        b.unread(b"xy");
        assert_eq!(b.peek(3).unwrap(), &[b'x', b'y', data[end + 1]]);
        let zero = (end + 1).next_multiple_of(251);
        assert_eq!(b.skip_until(0, 1, u64::MAX, |_| true).unwrap(), (2 + zero - end - 1) as u64);
        assert_eq!(b.skip_until(7, 1, 3, |_| false).unwrap(), 3);
        b.discard();
        let rest = b.fill_buf().unwrap().len();
        b.consume(rest);
        while !b.fill_buf().unwrap().is_empty() {
            let n = b.fill_buf().unwrap().len();
            b.consume(n);
        }
        assert_eq!(b.pos(), data.len() as u64);
    }
}
