import CMalloc

/// Hands memory that the run has freed back to the system.
///
/// Why: glibc gives each thread a heap of its own and keeps what is freed there; the
/// training log is read on a worker that then ends, and is freed client by client, so
/// those pages stayed the run's to its end (docs/performance.md).
public enum FreedMemory {
    package static func release() { _ = malloc_trim(0) }

    /// Asks glibc to give each block of 1 MiB or more pages of its own from the system,
    /// handed back as soon as the block is freed; call once, before the run allocates.
    ///
    /// Why: glibc raises that threshold each time such a block is freed, so the run's
    /// large arrays came from the heaps, which kept the space once they were freed
    /// (docs/performance.md).
    public static func handLargeBlocksBack() { _ = mallopt(M_MMAP_THRESHOLD, 1 << 20) }
}
