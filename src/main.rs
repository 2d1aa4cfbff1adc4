//! The `studietur` command.

fn main() -> std::process::ExitCode {
    studietur::cli::main()
}
