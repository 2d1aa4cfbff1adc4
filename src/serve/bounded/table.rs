//! Which connections the server holds, and which one gives way when there
//! are too many: never one in the middle of a request (or streaming its
//! answer), always the one idle longest (a half-sent request, or a
//! keep-alive connection waiting for its next one), from the address
//! holding the most. A flood of half-sent requests thus only ever pushes
//! out its own kind, and a new connection (the owner's tab) gets in.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::Notify;

/// One connection.
#[derive(Debug)]
struct Conn {
    addr: IpAddr,
    /// Since when it is idle (accepted, or its last answer ended).
    idle_since: Instant,
    /// Requests it is in the middle of.
    busy: usize,
    /// Told to close it.
    close: Arc<Notify>,
}

/// The connections held, with the limits.
#[derive(Debug)]
pub struct Table {
    conns: HashMap<u64, Conn>,
    next: u64,
    max_total: usize,
    max_per_address: usize,
}

/// A connection let in: its number, what tells it to close, and the
/// connections pushed out for it (to be told to close).
pub type Admitted = (u64, Arc<Notify>, Vec<Arc<Notify>>);

impl Table {
    /// An empty table holding at most `max_total` connections, and at most
    /// `max_per_address` of one client address.
    pub fn new(max_total: usize, max_per_address: usize) -> Table {
        Table {
            conns: HashMap::new(),
            next: 0,
            max_total,
            max_per_address,
        }
    }

    /// Lets in a connection from `addr` at `now`, pushing out the idle
    /// ones the limits ask for; `None` (refused) only when every
    /// connection that would have to go is in the middle of a request.
    pub fn admit(&mut self, addr: IpAddr, now: Instant) -> Option<Admitted> {
        let from_addr = self.conns.values().filter(|c| c.addr == addr).count();
        // One goes at most: the table is never over its limits.
        let out = if from_addr >= self.max_per_address {
            vec![self.evict(Some(addr))?]
        } else if self.conns.len() >= self.max_total {
            vec![self.evict(None)?]
        } else {
            Vec::new()
        };
        let id = self.next;
        self.next += 1;
        let close = Arc::new(Notify::new());
        self.conns.insert(
            id,
            Conn {
                addr,
                idle_since: now,
                busy: 0,
                close: close.clone(),
            },
        );
        Some((id, close, out))
    }

    /// Removes the idle connection that has waited longest, of `addr` or
    /// (with `None`) of the address holding the most connections that has
    /// one idle; what tells it to close.
    fn evict(&mut self, addr: Option<IpAddr>) -> Option<Arc<Notify>> {
        let mut counts: HashMap<IpAddr, usize> = HashMap::new();
        for c in self.conns.values() {
            *counts.entry(c.addr).or_default() += 1;
        }
        let victim = self
            .conns
            .iter()
            .filter(|(_, c)| c.busy == 0 && addr.is_none_or(|a| a == c.addr))
            .min_by_key(|(id, c)| {
                (
                    std::cmp::Reverse(counts.get(&c.addr).copied().unwrap_or(0)),
                    c.idle_since,
                    **id,
                )
            })
            .map(|(id, _)| *id)?;
        self.conns.remove(&victim).map(|c| c.close)
    }

    /// Connection `id` starts a request.
    pub fn start(&mut self, id: u64) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.busy += 1;
        }
    }

    /// Connection `id` finished a request (its answer sent) at `now`.
    pub fn end(&mut self, id: u64, now: Instant) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.busy = c.busy.saturating_sub(1);
            if c.busy == 0 {
                c.idle_since = now;
            }
        }
    }

    /// Connection `id` is closed.
    pub fn remove(&mut self, id: u64) {
        self.conns.remove(&id);
    }

    /// How many connections are held.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.conns.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, last])
    }

    #[test]
    fn a_flood_of_idle_connections_makes_way_for_a_new_one() {
        let mut t = Table::new(4, 3);
        let t0 = Instant::now();
        let ids: Vec<u64> = (0..3)
            .map(|i| t.admit(ip(1), t0 + Duration::from_millis(i)).unwrap().0)
            .collect();
        // The owner's connection is in a request (an event stream).
        t.start(ids[1]);
        // A fourth from the same address pushes out the oldest idle one.
        let (_, _, out) = t.admit(ip(1), t0 + Duration::from_millis(10)).unwrap();
        assert_eq!(out.len(), 1);
        assert!(!t.conns.contains_key(&ids[0]));
        assert!(t.conns.contains_key(&ids[1]), "a busy one never goes");
    }

    #[test]
    fn the_address_holding_most_gives_way_and_busy_ones_refuse() {
        let mut t = Table::new(3, 3);
        let t0 = Instant::now();
        let a = t.admit(ip(1), t0).unwrap().0;
        let b = t.admit(ip(2), t0 + Duration::from_millis(1)).unwrap().0;
        let c = t.admit(ip(2), t0 + Duration::from_millis(2)).unwrap().0;
        let _ = t.admit(ip(3), t0 + Duration::from_millis(3)).unwrap();
        assert!(
            t.conns.contains_key(&a),
            "not the lone connection of 127.0.0.1"
        );
        assert!(!t.conns.contains_key(&b) || !t.conns.contains_key(&c));
        for id in t.conns.keys().copied().collect::<Vec<_>>() {
            t.start(id);
        }
        assert!(t.admit(ip(4), t0).is_none(), "all busy: refused");
        let any = *t.conns.keys().next().unwrap();
        t.end(any, t0);
        assert!(t.admit(ip(4), t0).is_some());
        assert_eq!(t.len(), 3);
    }
}
