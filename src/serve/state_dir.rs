//! The editor's own files, per user: `$XDG_STATE_HOME/studietur` (else
//! `~/.local/state/studietur`), a folder only its owner may enter (0700).
//! It keeps the secret (0600, made once) from which the key of each port
//! is derived (so that a bookmarked address works after a restart, and a
//! key read at one address opens no other), which port keys were renewed,
//! the port each served folder had (so the address stays the same), the
//! drafts of unsaved edits, and the page `--open` hands the browser.
//! Nothing in it is in the served folder: a shared folder never shows
//! another user's unsaved text or key.

use crate::messages::{Msg, editor as m};
use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The per-user folder of the editor's state.
#[derive(Debug, Clone)]
pub struct StateDir {
    root: PathBuf,
}

fn uid() -> u32 {
    // SAFETY: getuid() has no preconditions and no memory effects.
    unsafe { libc::getuid() }
}

/// Makes `dir` (and its parents) and holds it to its owner alone: a folder
/// of someone else's, or one others may write to, is refused.
fn private_dir(dir: &Path) -> Result<(), Msg> {
    std::fs::create_dir_all(dir).map_err(|e| m::state_unusable(dir, e))?;
    let meta = std::fs::symlink_metadata(dir).map_err(|e| m::state_unusable(dir, e))?;
    if !meta.is_dir() || meta.uid() != uid() {
        return Err(m::state_not_private(dir));
    }
    if meta.mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| m::state_unusable(dir, e))?;
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file readable by its owner
/// alone, renamed into place when complete.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = crate::files::folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".studietur-")
        .tempfile_in(dir)?;
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

impl StateDir {
    /// The state folder of this user, made private when it is not yet.
    pub fn open() -> Result<StateDir, Msg> {
        let base = std::env::var_os("XDG_STATE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state"))
            })
            .ok_or_else(m::state_no_home)?;
        let root = base.join("studietur");
        private_dir(&root)?;
        private_dir(&root.join("drafts"))?;
        Ok(StateDir { root })
    }

    /// The folder of the drafts.
    pub fn drafts(&self) -> PathBuf {
        self.root.join("drafts")
    }

    /// The secret that opens the editor: read from `secret` when it is this
    /// user's alone (0600), else made anew (a secret others could read is
    /// no secret).
    pub fn secret(&self) -> Result<String, Msg> {
        let path = self.root.join("secret");
        if let Ok(meta) = std::fs::symlink_metadata(&path)
            && meta.is_file()
            && meta.uid() == uid()
            && meta.mode() & 0o077 == 0
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            let text = text.trim();
            if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Ok(text.to_string());
            }
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| m::serve_no_token(e.to_string()))?;
        let secret = crate::digest::hex(&bytes);
        write_private(&path, secret.as_bytes()).map_err(|e| m::state_unusable(&path, e))?;
        Ok(secret)
    }

    /// The key of the editor at `port`: derived from the secret, the port
    /// and how often that port's key was renewed. The browser keeps it for
    /// that address alone (its storage is per origin, port included), so a
    /// key read out of one address's storage opens the editor at no other.
    pub fn port_key(&self, port: u16) -> Result<String, Msg> {
        use hmac::{Hmac, Mac};
        let secret = self.secret()?;
        let renewed = self.renewals().get(&port.to_string()).copied().unwrap_or(0);
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(format!("studietur port key\n{port}\n{renewed}").as_bytes());
        Ok(crate::digest::hex(&mac.finalize().into_bytes()))
    }

    /// Renews the key of `port` (best effort): whoever held that port while
    /// the editor was away may have read the old key from a page there.
    pub fn renew_port_key(&self, port: u16) {
        let mut renewals = self.renewals();
        *renewals.entry(port.to_string()).or_insert(0) += 1;
        if let Ok(json) = serde_json::to_vec_pretty(&renewals) {
            let _ = write_private(&self.root.join("renewed.json"), &json);
        }
    }

    fn renewals(&self) -> BTreeMap<String, u64> {
        std::fs::read(self.root.join("renewed.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn ports_file(&self) -> PathBuf {
        self.root.join("ports.json")
    }

    fn ports(&self) -> BTreeMap<String, u16> {
        std::fs::read(self.ports_file())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// The port `folder` was last served on.
    pub fn remembered_port(&self, folder: &Path) -> Option<u16> {
        self.ports()
            .get(&folder.display().to_string())
            .copied()
            .filter(|p| *p != 0)
    }

    /// Remembers that `folder` is served on `port` (best effort: a bookmark
    /// that breaks is no loss of work).
    pub fn remember_port(&self, folder: &Path, port: u16) {
        let mut ports = self.ports();
        if ports.insert(folder.display().to_string(), port) != Some(port)
            && let Ok(json) = serde_json::to_vec_pretty(&ports)
        {
            let _ = write_private(&self.ports_file(), &json);
        }
    }

    /// A page, readable by this user alone, that sends the browser on to
    /// `url` (which holds the secret): `--open` hands the browser this
    /// page's path, so the secret is never on a command line, where every
    /// user of the machine can read it.
    pub fn opener(&self, port: u16, url: &str) -> Result<PathBuf, Msg> {
        let path = self.root.join(format!("open-{port}.html"));
        let escaped = url.replace('&', "&amp;").replace('"', "&quot;");
        let page = format!(
            "<!doctype html>\n<html><head><meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"0;url={escaped}\">\n<title>studietur</title></head>\n<body><p><a href=\"{escaped}\">studietur</a></p></body></html>\n"
        );
        write_private(&path, page.as_bytes()).map_err(|e| m::state_unusable(&path, e))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_port_has_its_own_key_and_a_renewed_one_differs() {
        let tmp = tempfile::tempdir().unwrap();
        let state = StateDir {
            root: tmp.path().to_path_buf(),
        };
        let (a, b) = (state.port_key(4000).unwrap(), state.port_key(4001).unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(state.port_key(4000).unwrap(), a, "the same after a restart");
        state.renew_port_key(4000);
        assert_ne!(state.port_key(4000).unwrap(), a);
        assert_eq!(state.port_key(4001).unwrap(), b, "other ports keep theirs");
    }

    #[test]
    fn private_files_are_the_owners_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("s");
        private_dir(&dir).unwrap();
        assert_eq!(std::fs::metadata(&dir).unwrap().mode() & 0o777, 0o700);
        let f = dir.join("x");
        write_private(&f, b"secret").unwrap();
        assert_eq!(std::fs::metadata(&f).unwrap().mode() & 0o777, 0o600);
        // A folder others could enter is closed.
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&dir).unwrap();
        assert_eq!(std::fs::metadata(&dir).unwrap().mode() & 0o777, 0o700);
    }
}
