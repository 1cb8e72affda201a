import CMalloc

/// Hands memory that the run has freed back to the system.
///
/// Why: glibc gives each thread a heap of its own and keeps what is freed there for that
/// thread. The training log is read on a thread that then ends, and is freed client by
/// client as the stream plans them, so those pages stayed the run's, unused, to its end.
/// Measured on 1,000,000 clients: peak resident memory 753 MB without, 701 MB with a trim
/// after the stream and after booking the week; later, with a trim every 16,384 clients
/// as well, 529 MB -> 454 MB. Each trim takes a few milliseconds.
enum FreedMemory {
    static func release() { _ = malloc_trim(0) }
}
