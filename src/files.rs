//! The rules every command follows on the file system: outputs are written
//! through a temporary file and renamed into place, a trip's relative paths
//! resolve against its folder and never lead out of it, and output names
//! come from the trip file's name.
//!
//! A leaf module: it uses nothing else of the crate, so every other module
//! may use it.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The folder that holds `path`: its parent, or `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The name of a trip file without its extension: `trips/2023-amsterdam.toml`
/// → `2023-amsterdam` (`report` when it has none).
pub fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "report".into())
}

/// An output's file name for a trip file: `2023-amsterdam.toml` with `pdf`
/// → `2023-amsterdam.pdf`.
pub fn output_name(path: &Path, extension: &str) -> String {
    format!("{}.{extension}", stem_of(path))
}

/// Whether a file or folder name is hidden (`.taplo.toml`, `.git`).
pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The process's umask, read once: from `/proc/self/status` where the
/// kernel tells it, else by setting and restoring it (before any thread
/// writes files, as the first write asks for it).
pub fn umask() -> u32 {
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| {
        let from_proc = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            });
        #[cfg(unix)]
        let read = || {
            // SAFETY: umask only swaps the process's file-creation mask.
            let old = unsafe { libc::umask(0o022) };
            unsafe { libc::umask(old) };
            old as u32
        };
        #[cfg(not(unix))]
        let read = || 0o022;
        from_proc.unwrap_or_else(read)
    })
}

/// The permissions of a new file (`0666`) or folder (`0777`) as the user's
/// umask leaves them: what any other program would create.
#[cfg(unix)]
pub fn fresh_mode(folder: bool) -> u32 {
    let full = if folder { 0o777 } else { 0o666 };
    full & !umask()
}

/// The prefix of every temporary file and folder studietur makes beside
/// its outputs: `.studietur-<host>-<pid>-`, so that one left by a killed
/// process can be told from one still being written
/// ([`remove_stale_temps`]).
pub fn temp_prefix() -> String {
    format!(".studietur-{}-{}-", host_name(), std::process::id())
}

/// This machine's name (`localhost` when it has none), with no `-` or
/// `/` in it so it can be read back out of a temporary file's name.
pub fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; the name ends at a NUL.
    #[cfg(unix)]
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    #[cfg(not(unix))]
    let ok = false;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(0);
    let name: String = String::from_utf8_lossy(&buf[..end])
        .chars()
        .map(|c| if c == '-' || c == '/' { '_' } else { c })
        .collect();
    if ok && !name.is_empty() {
        name
    } else {
        "localhost".into()
    }
}

/// Whether process `pid` of this machine is running.
pub fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// How old a temporary file of another process must be before it is taken
/// for a leftover: no write of studietur lasts this long.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files and folders studietur left in `dir` when it
/// was killed mid-write (`.studietur-<host>-<pid>-….tmp`, and the older
/// `.studietur-….tmp`): those of a process of this machine that no longer
/// runs, and any older than [`STALE_TEMP_AGE`] (another machine's process,
/// on a shared folder, cannot be asked). A live process's are left alone,
/// as is every other file. Returns how many were removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let host = host_name();
    let mut removed = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = name
            .strip_prefix(".studietur-")
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let mut parts = middle.split('-');
        let owner = match (
            parts.next(),
            parts.next().and_then(|p| p.parse::<u32>().ok()),
        ) {
            (Some(h), Some(pid)) if h == host => Some(pid),
            _ => None,
        };
        let dead = owner.is_some_and(|pid| pid != std::process::id() && !process_alive(pid));
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if !(dead || old) || owner == Some(std::process::id()) {
            continue;
        }
        let gone = if meta.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
        removed += usize::from(gone.is_ok());
    }
    removed
}

/// Makes a rename or a new name in `dir` durable (its entry written to
/// disk), where the system allows it.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}

/// A complete temporary file in `dir` holding `bytes`, synced to disk, with
/// `permissions` (a new file's as the umask leaves them when `None`: a
/// temporary file is private), ready to be renamed into place.
fn complete_temp(
    dir: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    let permissions = permissions.or_else(|| {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(fresh_mode(false)))
    });
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place only when complete: an interrupted or failed write
/// never leaves a half-written file, and never destroys the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    complete_temp(dir, bytes, None)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes the folder `path` with `files` (paths relative to it, made by
/// studietur: no `..`): the whole folder is written beside it under a
/// temporary name and only then swapped into place, so a failed write
/// never leaves a half-written folder, and never destroys the old one.
/// Files of the old folder that the new one lacks are gone afterwards, so
/// an existing folder is replaced only when it holds `marker` (a folder
/// studietur wrote); any other is refused, untouched.
pub fn write_folder_atomic(
    path: &Path,
    files: &[(String, Vec<u8>)],
    marker: &str,
) -> std::io::Result<()> {
    replaceable_folder(path, marker)?;
    let parent = folder_of(path);
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .suffix(".tmp")
        .tempdir_in(parent)?;
    for (rel, bytes) in files {
        let target = tmp.path().join(rel);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::File::create(&target)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    // A temporary folder is private (0700); a web page is as the umask
    // makes new folders.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            tmp.path(),
            std::fs::Permissions::from_mode(fresh_mode(true)),
        )?;
    }
    if path.is_dir() {
        let old = tempfile::Builder::new()
            .prefix(&temp_prefix())
            .suffix(".tmp")
            .tempdir_in(parent)?;
        // Renaming onto an empty folder replaces it.
        std::fs::rename(path, old.path())?;
        if let Err(e) = std::fs::rename(tmp.path(), path) {
            // Put the old folder back.
            let _ = std::fs::rename(old.path(), path);
            return Err(e);
        }
        drop(old);
    } else {
        std::fs::rename(tmp.path(), path)?;
    }
    // The temporary folder is now the page; nothing left to remove.
    let _ = tmp.keep();
    Ok(())
}

/// Whether [`write_folder_atomic`] may write the folder `path`: it is not
/// there yet, or it holds `marker`. Checked before the outputs that go
/// with the folder are written, so that none is replaced when it is not.
pub fn replaceable_folder(path: &Path, marker: &str) -> std::io::Result<()> {
    if path.symlink_metadata().is_ok() && !path.join(marker).is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("it exists without {marker}: not replaced"),
        ));
    }
    Ok(())
}

/// Replaces the file `path` with `bytes` as [`write_atomic`] does, but
/// as the user's own file: through a link to the file it names, keeping
/// its permissions.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());
    complete_temp(folder_of(&target), bytes, permissions)?
        .persist(&target)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes a new file `path` with `bytes`, complete or not at all, never
/// over an existing file (`AlreadyExists`).
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    complete_temp(folder_of(path), bytes, None)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// The text that marks a page image as studietur's: a PNG's `Software`
/// text chunk, an SVG's first comment.
const PAGE_MARK: &str = "studietur";

/// `page` (a PNG or SVG page image, `ext`) marked as written by studietur,
/// so that a later build replaces or removes only its own pages.
pub fn mark_page(page: &[u8], ext: &str) -> Vec<u8> {
    const IHDR_END: usize = 8 + 4 + 4 + 13 + 4;
    match ext {
        "png" if page.len() > IHDR_END && page.starts_with(b"\x89PNG") => {
            let data = format!("Software\0{PAGE_MARK}");
            let mut chunk = Vec::with_capacity(data.len() + 12);
            chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut hasher = crc32fast::Hasher::new();
            hasher.update(b"tEXt");
            hasher.update(data.as_bytes());
            chunk.extend_from_slice(b"tEXt");
            chunk.extend_from_slice(data.as_bytes());
            chunk.extend_from_slice(&hasher.finalize().to_be_bytes());
            let mut out = page[..IHDR_END].to_vec();
            out.extend_from_slice(&chunk);
            out.extend_from_slice(&page[IHDR_END..]);
            out
        }
        "svg" => {
            let mut out = format!("<!-- {PAGE_MARK} -->\n").into_bytes();
            out.extend_from_slice(page);
            out
        }
        _ => page.to_vec(),
    }
}

/// Whether the file at `path` was written by studietur: a PDF whose
/// creator is studietur, a page image it marked ([`mark_page`]), a web
/// page's `index.html` it made. Anything else (a trip file, a photo, a
/// user's own PDF) is not, and is never replaced or removed.
pub fn written_by_studietur(path: &Path) -> bool {
    let Ok(data) = std::fs::read(path) else {
        return false;
    };
    let has = |needle: &[u8]| data.windows(needle.len()).any(|w| w == needle);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => {
            data.starts_with(b"%PDF")
                && (has(b"<xmp:CreatorTool>studietur")
                    || has(b"/Creator(studietur")
                    || has(b"/Creator (studietur"))
        }
        "png" => {
            let mark = format!("Software\0{PAGE_MARK}");
            data.get(..200)
                .is_some_and(|head| head.windows(mark.len()).any(|w| w == mark.as_bytes()))
        }
        "svg" => data.starts_with(format!("<!-- {PAGE_MARK} -->").as_bytes()),
        "html" => has(b"<meta name=\"generator\" content=\"studietur"),
        _ => false,
    }
}

/// Why a path written in a trip file is not a file inside its folder.
#[derive(Debug)]
pub enum Outside {
    /// Nothing is written.
    Empty,
    /// An absolute path, or one with `..`.
    LeadsOut,
    /// A link that resolves to a place outside the folder.
    LinkLeadsOut,
    /// It cannot be found (missing, or a broken link).
    Missing(std::io::Error),
    /// Its kind cannot be read (no permission).
    Unreadable(std::io::Error),
    /// A folder or a device, not a regular file.
    NotAFile,
}

/// The canonical path of `written` (a path relative to `folder`, which must
/// be canonical), when it names a regular file inside the folder: `../x`,
/// absolute paths and links that lead out are refused.
pub fn inside(folder: &Path, written: &str) -> Result<PathBuf, Outside> {
    if written.trim().is_empty() {
        return Err(Outside::Empty);
    }
    // `images/../images/x.jpg` stays inside; `../x.jpg` does not.
    let Some(rel) = normalise(written) else {
        return Err(Outside::LeadsOut);
    };
    let canonical = folder.join(rel).canonicalize().map_err(Outside::Missing)?;
    if !canonical.starts_with(folder) {
        return Err(Outside::LinkLeadsOut);
    }
    match std::fs::metadata(&canonical) {
        Ok(m) if m.is_file() => Ok(canonical),
        Ok(_) => Err(Outside::NotAFile),
        Err(e) => Err(Outside::Unreadable(e)),
    }
}

/// `./images//x.jpg` → `images/x.jpg`, `images/../images/x.jpg` →
/// `images/x.jpg`: the path with `.` and `..` resolved as written (links
/// are for [`inside`] to follow); `None` for a path that is absolute,
/// empty, or leads out of its folder (`../x.jpg`, `a/../../x.jpg`).
pub fn normalise(written: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in Path::new(written).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Where a file named `name` (relative, `/` separated) goes inside `dir`;
/// `None` when the name is absolute or leads out (`../`).
pub fn target_in(dir: &Path, name: &str) -> Option<PathBuf> {
    Some(dir.join(normalise(name)?))
}

/// `path` relative to `base` with `/` separators (both made absolute
/// first; the file name itself is kept, so a link is named as itself); the
/// absolute path when there is no relative one.
pub fn relative(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let path = match path.file_name() {
        Some(name) => abs(folder_of(path)).join(name),
        None => abs(path),
    };
    let base = abs(base);
    let rel = pathdiff::diff_paths(&path, &base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_folders() {
        assert_eq!(folder_of(Path::new("x.toml")), Path::new("."));
        assert_eq!(folder_of(Path::new("trips/x.toml")), Path::new("trips"));
        assert_eq!(
            stem_of(Path::new("trips/2023-amsterdam.toml")),
            "2023-amsterdam"
        );
        assert_eq!(output_name(Path::new("a/b.toml"), "pdf"), "b.pdf");
        assert!(is_hidden(Path::new("trips/.taplo.toml")));
        assert!(!is_hidden(Path::new("trips/x.toml")));
    }

    #[test]
    fn paths_are_normalised_and_escapes_refused() {
        assert_eq!(
            normalise("./images//x.jpg").as_deref(),
            Some("images/x.jpg")
        );
        assert_eq!(normalise("trip.toml").as_deref(), Some("trip.toml"));
        assert_eq!(normalise("../x.jpg"), None);
        // `..` that stays inside is resolved; one that leads out is not.
        assert_eq!(
            normalise("images/../images/x.jpg").as_deref(),
            Some("images/x.jpg")
        );
        assert_eq!(normalise("images/../../x.jpg"), None);
        assert_eq!(normalise("/etc/passwd"), None);
        assert_eq!(normalise("."), None);
        assert!(target_in(Path::new("/tmp/d"), "a/../../x").is_none());
    }

    #[test]
    fn only_files_inside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("trip");
        std::fs::create_dir_all(dir.join("images")).unwrap();
        std::fs::write(dir.join("images/a.png"), b"x").unwrap();
        std::fs::write(root.path().join("secret"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.path().join("secret"), dir.join("link")).unwrap();
        let dir = dir.canonicalize().unwrap();
        assert!(inside(&dir, "images/a.png").is_ok());
        assert!(matches!(inside(&dir, ""), Err(Outside::Empty)));
        assert!(matches!(inside(&dir, "../secret"), Err(Outside::LeadsOut)));
        assert!(matches!(
            inside(&dir, "/etc/passwd"),
            Err(Outside::LeadsOut)
        ));
        #[cfg(unix)]
        assert!(matches!(inside(&dir, "link"), Err(Outside::LinkLeadsOut)));
        assert!(matches!(inside(&dir, "images"), Err(Outside::NotAFile)));
        assert!(matches!(inside(&dir, "nope"), Err(Outside::Missing(_))));
    }

    #[test]
    fn atomic_writes_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
