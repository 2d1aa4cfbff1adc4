//! The `studietur` command.

fn main() -> std::process::ExitCode {
    // Like other Unix tools, end quietly when the reader of the output goes
    // away (`studietur schema | head -1`) instead of failing on the write.
    #[cfg(unix)]
    // SAFETY: restoring the default action of a signal at start-up, before
    // any thread exists, is what the C runtime itself does.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    studietur::cli::main()
}
