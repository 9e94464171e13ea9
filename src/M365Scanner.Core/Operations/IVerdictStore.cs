namespace M365Scanner.Core.Operations;

/// <summary>
/// Verdicts, and the claim that makes "one scan per message" hold across duplicate notifications, catch-up runs,
/// retries and several hosts.
/// </summary>
public interface IVerdictStore
{
    /// <summary>Claims the scan of <paramref name="key"/> for <paramref name="owner"/> (a job id). True when the message
    /// was unclaimed or is already claimed by the same owner (a retry of the same job); false when another owner holds
    /// it or it already has a verdict. Atomic.</summary>
    bool TryClaim(MessageKey key, string owner, DateTimeOffset at);

    /// <summary>Stores the verdict (replacing any earlier one for the key) and completes the claim.</summary>
    void Record(VerdictRecord verdict);

    VerdictRecord? Get(MessageKey key);

    /// <summary>Newest first, optionally filtered by tenant, mailbox, action and time.</summary>
    IReadOnlyList<VerdictRecord> Query(VerdictQuery query);

    /// <summary>Deletes every verdict and claim of the tenant (offboarding); returns how many.</summary>
    int DeleteTenant(string tenantId);
}
