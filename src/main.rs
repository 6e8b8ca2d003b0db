//! The `etalase` program: the command line lives in the library (`etalase::cli`).

// Rendering allocates many short-lived strings on every thread; mimalloc handles that far
// better than the system allocator (a third of the build time went to malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    etalase::cli::run()
}
