//! Whole units of work (a report, a photo) on plain worker threads, one per
//! core. Not rayon: typst-pdf uses rayon inside, and nesting whole
//! documents in rayon measured worse.
//!
//! [`map`] may be called from inside a [`map`] (a batch of reports whose
//! checking prepares photos in parallel): the threads working at any time
//! stay at one per core, because a nested call only adds threads for cores
//! that are idle and otherwise does the work on the calling thread.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};

/// Number of worker threads: one per core.
pub fn workers() -> usize {
    static WORKERS: LazyLock<usize> =
        LazyLock::new(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    *WORKERS
}

/// Threads now working inside a [`map`], the calling threads included.
static BUSY: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread is already counted in [`BUSY`].
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Counts the current thread in [`BUSY`] while it lives, unless an outer
/// [`map`] already does.
struct Working {
    counted_here: bool,
}

impl Working {
    fn enter() -> Self {
        let counted_here = !COUNTED.with(|c| c.replace(true));
        if counted_here {
            BUSY.fetch_add(1, Ordering::Relaxed);
        }
        Working { counted_here }
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        if self.counted_here {
            COUNTED.with(|c| c.set(false));
            BUSY.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// Idle cores taken for helper threads, given back when dropped (also when
/// `f` panics).
struct Reserved(usize);

impl Reserved {
    /// Up to `wanted` of the cores that no thread in a [`map`] works on.
    fn idle_cores(wanted: usize) -> Self {
        let taken = |busy: usize| workers().saturating_sub(busy).min(wanted);
        match BUSY.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |busy| {
            Some(busy + taken(busy))
        }) {
            Ok(busy) | Err(busy) => Reserved(taken(busy)),
        }
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        BUSY.fetch_sub(self.0, Ordering::Relaxed);
    }
}

/// `f` of every item, taken in order by the calling thread and by as many
/// helper threads as there are idle cores; the results in the order of
/// `items`.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = items.get(i) else { break };
        let r = f(item);
        if let Ok(mut slot) = slots[i].lock() {
            *slot = Some(r);
        }
    };
    let _caller = Working::enter();
    // Reserve the idle cores before the helpers start, so that a nested
    // call made meanwhile does not count them idle as well.
    let wanted = items.len().saturating_sub(1);
    let reserved = Reserved::idle_cores(wanted);
    std::thread::scope(|scope| {
        for _ in 0..reserved.0 {
            scope.spawn(|| {
                COUNTED.with(|c| c.set(true));
                work();
            });
        }
        work();
    });
    drop(reserved);
    // A panic in `f` has already been passed on by the scope, so every slot
    // is filled here.
    slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..100).collect();
        let out = super::map(&items, |&i| {
            // Uneven work, so threads finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_nested_map_keeps_to_one_thread_per_core() {
        let active = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let outer: Vec<u64> = (0..8).collect();
        let sums = super::map(&outer, |&o| {
            let inner: Vec<u64> = (0..8).collect();
            super::map(&inner, |&i| {
                let now = active.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(2));
                active.fetch_sub(1, Ordering::SeqCst);
                o * 10 + i
            })
            .iter()
            .sum::<u64>()
        });
        assert_eq!(sums, outer.iter().map(|o| o * 80 + 28).collect::<Vec<_>>());
        let most = most.load(Ordering::SeqCst);
        assert!(
            most <= super::workers(),
            "{most} inner tasks ran at once on {} cores",
            super::workers()
        );
    }
}
