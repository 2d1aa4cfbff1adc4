//! A small pool for the editor's heavy work: drawing a page as PNG, and
//! laying out a trip or building its PDF. Each kind runs at most a few at a
//! time, however many requests ask: the others wait their turn holding
//! nothing but their request, so memory stays bounded whatever the
//! request pattern. The turn is held until the work itself ends, even
//! when its client has gone.

use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// A kind of heavy work, with how many may run at once.
pub struct Pool {
    turns: LazyLock<Arc<Semaphore>>,
}

impl Pool {
    const fn new(init: fn() -> Arc<Semaphore>) -> Pool {
        Pool {
            turns: LazyLock::new(init),
        }
    }

    /// Runs `work` on a blocking thread when its turn comes; `None` when
    /// it panicked.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let turn = self.turns.clone().acquire_owned().await.ok()?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            work()
        })
        .await
        .ok()
    }
}

/// One page drawn as PNG at a time (a page at 144 ppi is ~8 MB of pixels;
/// a hundred at once took 842 MB), leaving the other core to the editor.
pub static PAGES: Pool = Pool::new(|| Arc::new(Semaphore::new(1)));

/// Layouts and PDFs: one per core.
pub static WORK: Pool = Pool::new(|| Arc::new(Semaphore::new(crate::parallel::workers().max(1))));
