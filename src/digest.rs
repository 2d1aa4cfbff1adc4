//! SHA-256, written as lower-case hex: how studietur names the content of
//! a file (the skip-unchanged cache, the archive's manifest, provenance).
//!
//! A leaf module: it uses nothing else of the crate.

use sha2::{Digest, Sha256};

/// The hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// The hex SHA-256 of several parts, each followed by a NUL byte so that
/// `["ab", "c"]` and `["a", "bc"]` differ.
pub fn sha256_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
        h.update([0]);
    }
    hex(&h.finalize())
}

/// The raw SHA-256 of `data`, for keys of in-memory caches.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(
            super::sha256_parts([&b"ab"[..], b"c"]),
            super::sha256_parts([&b"a"[..], b"bc"])
        );
    }
}
