namespace M365Scanner.Core.Operations;

/// <summary>Hunt reports, kept for the admin API and the feed (which hunts each new feed line once).</summary>
public interface IHuntStore
{
    /// <summary>Saves a new report or replaces the one with the same id (a hunt saves itself as it progresses).</summary>
    void Save(HuntReport report);

    HuntReport? Get(string id);

    /// <summary>The newest reports first (by creation time, then by save order), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<HuntReport> Recent(int limit);

    /// <summary>The newest report of an IOC hunt for <paramref name="indicator"/> ("kind:value") from
    /// <paramref name="source"/>, or null when there was none.</summary>
    HuntReport? Latest(string indicator, string source);

    /// <summary>Every distinct indicator an IOC hunt has completed for: the tenant's confirmed-malicious list, which
    /// retro-hunts apply to recent mail as well.</summary>
    IReadOnlyList<string> HuntedIndicators();
}
