//! Where a path taken from the manifest or a journal is on disk: inside the
//! archive, through real folders, at a real file. A symbolic link planted
//! in the archive (a year folder, a web page's folder, a staged name, a
//! PDF) could lead a write or a removal out of the archive, make a link to
//! someone else's file the only copy of a published PDF, or point a read at
//! a device that never ends (`/dev/zero`); so studietur refuses to read,
//! write or remove anything of the archive through one.

use crate::files::normalise;
use crate::messages::{Msg, archive as m, keeping as k, making};
use std::path::{Path, PathBuf};

/// The place of `rel` (a path as the manifest writes it, `/` between
/// parts) in `archive`, when neither it nor a folder on the way to it is a
/// symbolic link (what does not exist yet is fine).
pub fn place(archive: &Path, rel: &str) -> Result<PathBuf, Msg> {
    if normalise(rel).as_deref() != Some(rel) {
        return Err(m::manifest_bad_path(rel, "path"));
    }
    let mut at = archive.to_path_buf();
    let mut shown = String::new();
    for part in rel.split('/') {
        at.push(part);
        if !shown.is_empty() {
            shown.push('/');
        }
        shown.push_str(part);
        match at.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(k::link_in_archive(&shown));
            }
            Ok(_) => {}
            // Nothing further along exists either.
            Err(_) => break,
        }
    }
    Ok(archive.join(rel))
}

/// The bytes of the file `rel` of `archive` (`None` when there is none),
/// read only from a real file at its [`place`]: a link, a folder or a
/// device is refused.
pub fn read(archive: &Path, rel: &str) -> Result<Option<Vec<u8>>, Msg> {
    let path = place(archive, rel)?;
    match path.symlink_metadata() {
        Ok(meta) if !meta.is_file() => return Err(k::not_a_file_in_archive(rel)),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(making::cannot_read(rel, e)),
    }
    match std::fs::read(&path) {
        Ok(data) => Ok(Some(data)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(making::cannot_read(rel, e)),
    }
}

/// The SHA-256 of the file `rel` of `archive`, read as [`read`] does.
pub fn hash(archive: &Path, rel: &str) -> Result<Option<String>, Msg> {
    Ok(read(archive, rel)?.map(|d| crate::digest::sha256_hex(&d)))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_on_the_way_are_refused_and_missing_files_are_none() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, outside) = (dir.path().join("a"), dir.path().join("o"));
        std::fs::create_dir_all(archive.join("2023")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("x.pdf"), b"pdf").unwrap();
        std::fs::write(archive.join("2023/y.pdf"), b"y").unwrap();
        std::os::unix::fs::symlink(&outside, archive.join("2024")).unwrap();
        std::os::unix::fs::symlink(outside.join("x.pdf"), archive.join("2023/x.pdf")).unwrap();
        assert_eq!(read(&archive, "2023/y.pdf").unwrap().unwrap(), b"y");
        assert_eq!(read(&archive, "2023/z.pdf").unwrap(), None);
        assert_eq!(read(&archive, "2022/z.pdf").unwrap(), None);
        assert!(place(&archive, "2024/x.pdf").is_err());
        assert!(place(&archive, "2024/new/x.pdf").is_err());
        assert!(read(&archive, "2023/x.pdf").is_err());
        assert!(read(&archive, "2023").is_err());
        assert!(place(&archive, "../o/x.pdf").is_err());
        assert!(place(&archive, "2023/./y.pdf").is_err());
    }
}
