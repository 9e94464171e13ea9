namespace M365Scanner.Core.Operations;

/// <summary>
/// Leases that let one run at a time act on a message, across every process sharing the store. The scan claim cannot
/// do it: it is owned by a job, and two runs of one job (a job handed out again while its first run still works, a
/// retry beside crash recovery) both hold it, and both made a copy. A lease is held by one run and lapses at its
/// expiry, so a run whose host died frees the message without anyone releasing it.
/// </summary>
public interface IMessageLeases
{
    /// <summary>Takes the lease on <paramref name="key"/> for <paramref name="holder"/> until <paramref name="until"/>,
    /// or extends it when the holder already has it. True when taken or extended; false while another holder's lease
    /// runs (expiring at or after <paramref name="now"/>). Atomic.</summary>
    bool TryAcquire(MessageKey key, string holder, DateTimeOffset now, DateTimeOffset until);

    /// <summary>Gives the lease back, if <paramref name="holder"/> still has it.</summary>
    void Release(MessageKey key, string holder);
}
