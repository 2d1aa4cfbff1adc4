//! The bodies of requests and answers at the connection layer: a request
//! body must keep coming (a pause of [`BODY_IDLE`], or longer than
//! [`BODY_TOTAL`] in all, ends it with an error), and an answer's body
//! keeps its connection counted busy until it is sent whole (an event
//! stream for as long as it lasts).

use super::table::Table;
use axum::body::{Bytes, HttpBody};
use hyper::body::{Frame, SizeHint};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::time::Sleep;

/// The longest pause within a request body.
pub const BODY_IDLE: Duration = Duration::from_secs(10);

/// The longest a request body may take in all.
pub const BODY_TOTAL: Duration = Duration::from_secs(120);

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A request body under the two timeouts.
pub struct Timed<B> {
    inner: B,
    idle: Pin<Box<Sleep>>,
    total: Pin<Box<Sleep>>,
}

impl<B> Timed<B> {
    /// `inner`, timed from now.
    pub fn new(inner: B) -> Timed<B> {
        Timed {
            inner,
            idle: Box::pin(tokio::time::sleep(BODY_IDLE)),
            total: Box::pin(tokio::time::sleep(BODY_TOTAL)),
        }
    }
}

impl<B> HttpBody for Timed<B>
where
    B: HttpBody<Data = Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                this.idle
                    .as_mut()
                    .reset(tokio::time::Instant::now() + BODY_IDLE);
                Poll::Ready(frame.map(|f| f.map_err(Into::into)))
            }
            Poll::Pending => {
                if this.idle.as_mut().poll(cx).is_ready() || this.total.as_mut().poll(cx).is_ready()
                {
                    return Poll::Ready(Some(Err("the request body stopped coming".into())));
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A connection counted busy while this lives.
pub struct Busy {
    table: Arc<Mutex<Table>>,
    id: u64,
}

impl Busy {
    /// Connection `id` of `table` starts a request.
    pub fn start(table: Arc<Mutex<Table>>, id: u64) -> Busy {
        table.lock().unwrap_or_else(|e| e.into_inner()).start(id);
        Busy { table, id }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.table
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .end(self.id, Instant::now());
    }
}

/// An answer's body, its connection busy until it is sent (or dropped).
pub struct Answer<B> {
    inner: B,
    _busy: Busy,
}

impl<B> Answer<B> {
    /// `inner`, keeping `busy` while it is sent.
    pub fn new(inner: B, busy: Busy) -> Answer<B> {
        Answer { inner, _busy: busy }
    }
}

impl<B> HttpBody for Answer<B>
where
    B: HttpBody + Unpin,
{
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<B::Data>, B::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
