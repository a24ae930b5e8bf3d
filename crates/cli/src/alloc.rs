//! The global allocator: mimalloc, called through its plain `malloc` for the ordinary layouts.
//!
//! The `mimalloc` crate sends every allocation through `mi_malloc_aligned`, which costs about
//! 70 instructions against about 25 for `mi_malloc`; most of the pipeline's allocations are small
//! strings and vectors with an alignment `mi_malloc` already guarantees.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment of every block `mi_malloc` returns: block sizes are whole machine words and
/// blocks start on word boundaries. (Sixteen holds only for some sizes, so larger alignments take
/// the aligned calls.)
const MAX_PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

fn plain(align: usize, size: usize) -> bool {
    align <= MAX_PLAIN_ALIGN && size > 0
}

/// mimalloc with a fast path for ordinary alignments.
pub struct Allocator;

// SAFETY: every path returns mimalloc memory of at least `size` bytes aligned to `align`: the
// plain calls only when `plain` holds (see `MAX_PLAIN_ALIGN`), the aligned ones otherwise; all of
// it is released by `mi_free`, which takes either kind.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls into mimalloc with a valid size and power-of-two alignment.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; mimalloc keeps the contents.
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

/// mimalloc's option number for the purge delay (`mi_option_purge_delay` in `mimalloc.h`, the
/// same in versions 2 and 3; `libmimalloc-sys` exports its setter only with a feature whose
/// dependency is not available offline, so it is declared here).
const MI_OPTION_PURGE_DELAY: i32 = 15;

unsafe extern "C" {
    fn mi_option_set(option: i32, value: std::ffi::c_long);
}

/// Keeps freed memory for reuse instead of returning it to the system 10 ms after it is freed
/// (mimalloc's default): the per-thread memos of the pipeline are cleared and refilled as they
/// reach their bounds, and each refill then zeroed fresh pages again (30,000 page faults and
/// 10–20% of one thread's time on 5,000 articles; 560 without purging). The process still holds
/// no more than its peak, which the memos' bounds and the batch sizes limit. The environment
/// variable `MIMALLOC_PURGE_DELAY`, when set, is left to decide.
pub fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets a documented runtime option of the linked mimalloc; any value is valid.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_as_their_layouts_ask() {
        for size in [1usize, 2, 3, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 100, 4096, 70_000] {
            for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is written within bounds and freed once.
                unsafe {
                    let p = Allocator.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    let q = Allocator.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q, 0xAB);
                    Allocator.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = Allocator.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    Allocator.dealloc(z, layout);
                }
            }
        }
    }
}
