//! The editor's connection layer: what any client, with or without the
//! token, can cost the server. A request's head must come within
//! [`HEADER_TIMEOUT`] (the wait for the next request on a kept-alive
//! connection counts), its body without pausing ([`body`]); at most
//! [`MAX_CONNECTIONS`] connections are held, [`MAX_PER_ADDRESS`] of one
//! client address, an idle one giving way to a new one ([`table`]); at
//! most [`LARGE_BODIES`] requests with a large body are read at once, and
//! the heavy work runs through a small [`pool`]. Memory thus stays bounded
//! whatever the request pattern, and the owner's tab is answered while a
//! flood of half-sent requests waits.

mod body;
pub mod pool;
mod table;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use table::Table;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The longest a request's head may take to arrive, from the moment the
/// server waits for it.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections held at most.
pub const MAX_CONNECTIONS: usize = 512;

/// Connections of one client address held at most.
pub const MAX_PER_ADDRESS: usize = 384;

/// Request bodies larger than this ([`LARGE_BODY`] bytes, or of unknown
/// length) are read [`LARGE_BODIES`] at a time.
pub const LARGE_BODY: u64 = 64 * 1024;

/// Large request bodies read at once.
pub const LARGE_BODIES: usize = 2;

/// The most a request's head may hold, in bytes.
const MAX_HEAD: usize = 64 * 1024;

/// Serves `router` on `listener` within these bounds, until the listener
/// fails.
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    // Never more connections than files the process may open (with room
    // for the trips, photos and fonts), so accepting never fails for
    // want of one.
    let total = MAX_CONNECTIONS
        .min(open_files().saturating_sub(128))
        .max(16);
    let per_address = MAX_PER_ADDRESS.min(total * 3 / 4).max(8);
    let table = Arc::new(Mutex::new(Table::new(total, per_address)));
    let large = Arc::new(Semaphore::new(LARGE_BODIES));
    let service = TowerToHyperService::new(router);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file handles, or a connection gone before it was
                // taken: wait a moment rather than spin.
                if !matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::ConnectionReset
                ) {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                continue;
            }
        };
        let admitted = table
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .admit(peer.ip(), Instant::now());
        let Some((id, close, pushed_out)) = admitted else {
            drop(stream);
            continue;
        };
        for other in pushed_out {
            other.notify_one();
        }
        let _ = stream.set_nodelay(true);
        let conn = Connection {
            service: service.clone(),
            table: table.clone(),
            large: large.clone(),
            id,
        };
        let registered = Registered {
            table: table.clone(),
            id,
        };
        tokio::spawn(async move {
            let _registered = registered;
            let served = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), conn);
            tokio::select! {
                _ = served => {}
                () = close.notified() => {}
            }
        });
    }
}

/// How many files this process may open: the soft limit raised to the hard
/// one, as a server does.
fn open_files() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit read and write this struct only.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return 1024;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
        }
        usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX)
    }
    #[cfg(not(unix))]
    {
        1024
    }
}

/// Removes its connection from the table when the connection ends.
struct Registered {
    table: Arc<Mutex<Table>>,
    id: u64,
}

impl Drop for Registered {
    fn drop(&mut self) {
        self.table
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(self.id);
    }
}

/// One connection's requests, through the router.
#[derive(Clone)]
struct Connection {
    service: TowerToHyperService<Router>,
    table: Arc<Mutex<Table>>,
    large: Arc<Semaphore>,
    id: u64,
}

/// Whether `req` has a body large enough to be read only in turn.
fn large_body(req: &hyper::Request<Incoming>) -> bool {
    use axum::body::HttpBody;
    let hint = req.body().size_hint();
    !req.body().is_end_stream() && hint.upper().is_none_or(|n| n > LARGE_BODY)
}

impl hyper::service::Service<hyper::Request<Incoming>> for Connection {
    type Response = hyper::Response<Body>;
    type Error = Infallible;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Infallible>> + Send>,
    >;

    fn call(&self, req: hyper::Request<Incoming>) -> Self::Future {
        let large = large_body(&req).then(|| self.large.clone());
        let (table, id) = (self.table.clone(), self.id);
        let service = self.service.clone();
        Box::pin(async move {
            // Held until the answer is made, by which time the handler has
            // read the body.
            let _turn = match large {
                Some(s) => s.acquire_owned().await.ok(),
                None => None,
            };
            // Only now is anything done for the request: waiting for its
            // turn, its connection counts as idle and gives way to a new
            // one like a half-sent request (a thousand slow bodies queued
            // behind two filled the table, and the owner's tab was turned
            // away).
            let busy = body::Busy::start(table, id);
            let req = req.map(body::Timed::new);
            let answer = match hyper::service::Service::call(&service, req).await {
                Ok(a) => a,
                Err(never) => match never {},
            };
            Ok(answer.map(|b| Body::new(body::Answer::new(b, busy))))
        })
    }
}
