namespace M365Scanner.Core.Operations;

/// <summary>
/// How far the baseline of one mailbox folder has come: the checkpoint a restarted baseline resumes from, and the
/// counts the dashboard and the verdict notes show.
/// </summary>
/// <param name="Since">Start of the history window (now minus the configured days when the baseline began); kept so
/// a resumed baseline reads the same window and not one that moved with the clock.</param>
/// <param name="Until">End of the window (exclusive): when the baseline began, which is when protection began. Mail
/// received later is the live path's to scan and learn; reading it here too would count it twice.</param>
/// <param name="Boundary">The whole second of the last learned message's received time, or null before the first
/// page. A resumed read asks for <c>receivedDateTime ge Boundary</c>, so it re-reads that second.</param>
/// <param name="IdsAtBoundary">The Graph ids of the messages already learned in the <paramref name="Boundary"/>
/// second: the resumed read skips them, which is how messages sharing a timestamp are neither lost nor counted
/// twice.</param>
/// <param name="Learned">History messages learned from this folder so far.</param>
/// <param name="Pages">Pages of history read and committed so far.</param>
/// <param name="Completed">True once the folder's last page is learned.</param>
public sealed record BaselineProgress(
    string TenantId, string Mailbox, string Folder, DateTimeOffset Since, DateTimeOffset Until, DateTimeOffset? Boundary,
    IReadOnlyList<string> IdsAtBoundary, long Learned, long Pages, bool Completed, DateTimeOffset UpdatedAt)
{
    /// <summary>Nothing learned yet from <paramref name="folder"/>, reading history from <paramref name="since"/> up to
    /// <paramref name="now"/>.</summary>
    public static BaselineProgress Start(string tenantId, string mailbox, string folder, DateTimeOffset since, DateTimeOffset now) =>
        new(tenantId, mailbox, folder, since, now, null, [], 0, 0, false, now);

    /// <summary>Where the next read starts: the boundary second, or the window's start.</summary>
    public DateTimeOffset ResumeFrom => Boundary ?? Since;

    public bool Equals(BaselineProgress? other) =>
        other is not null && TenantId == other.TenantId && Mailbox == other.Mailbox && Folder == other.Folder
        && Since == other.Since && Until == other.Until && Boundary == other.Boundary && IdsAtBoundary.SequenceEqual(other.IdsAtBoundary)
        && Learned == other.Learned && Pages == other.Pages && Completed == other.Completed && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() => HashCode.Combine(TenantId, Mailbox, Folder, Boundary, Learned, Completed);
}
