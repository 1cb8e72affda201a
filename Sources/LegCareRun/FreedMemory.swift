import CMalloc

/// Hands memory that the run has freed back to the system.
///
/// Why: glibc gives each thread a heap of its own and keeps what is freed there for that
/// thread. The training log is read on a thread that then ends, and is freed client by
/// client as the stream plans them, so those pages stayed the run's, unused, to its end.
/// Measured on 1,000,000 clients: peak resident memory 753 MB without, 701 MB with a trim
/// after the stream and after booking the week; later, with a trim every 16,384 clients
/// as well, 529 MB -> 454 MB. Each trim takes a few milliseconds.
public enum FreedMemory {
    package static func release() { _ = malloc_trim(0) }

    /// Asks glibc to give each block of 1 MiB or more pages of its own from the system,
    /// handed back as soon as the block is freed; call once, before the run allocates.
    ///
    /// Why: glibc raises that threshold each time such a block is freed (up to 32 MiB), so
    /// after the logs were read the run's large arrays came from the heaps, which kept the
    /// space when they were freed (`mallinfo2` after booking at 1,000,000 clients: 120-160
    /// MB free in the heaps). Measured at 1,000,000 clients: peak 250-259 MB -> 237 MB, no
    /// slower; at 100,000, 68-71 MB -> 62-64 MB, and four interleaved pairs no slower (12.18
    /// s against 12.84 s on average). A lower threshold (128 KB to 4 MB, tried in round 7,
    /// when the run held more) cost 0.4-0.7 s of system time at 100,000.
    public static func handLargeBlocksBack() { _ = mallopt(M_MMAP_THRESHOLD, 1 << 20) }
}
