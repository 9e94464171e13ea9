using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Baselines;

/// <summary>A mailbox's baseline in plain words, from its checkpoints: for verdict notes, the job's dashboard
/// parameter and logs.</summary>
public static class BaselineStatus
{
    /// <summary>True once every folder of <see cref="BaselineJob.Folders"/> has its last page learned.</summary>
    public static bool IsComplete(IReadOnlyList<BaselineProgress> progress) =>
        BaselineJob.Folders.All(f => progress.Any(p => p.Folder == f && p.Completed));

    /// <summary>"sentitems: 90 learned (done); inbox: 40 learned (reading, 1 page)"; "not started" when empty.</summary>
    public static string Describe(IReadOnlyList<BaselineProgress> progress) =>
        string.Join("; ", BaselineJob.Folders.Select(folder => progress.FirstOrDefault(p => p.Folder == folder) is { } p
            ? $"{folder}: {p.Learned} learned ({(p.Completed ? "done" : $"reading, {p.Pages} page(s)")})"
            : $"{folder}: not started"));

    /// <summary>The verdict note while the mailbox's baseline is not complete, else null: the verdict was scored
    /// against a partial history, so "new sender" or "never-seen link" may only mean "not learned yet".</summary>
    public static string? IncompleteNote(IReadOnlyList<BaselineProgress> progress) =>
        IsComplete(progress)
            ? null
            : $"baseline incomplete: {progress.Sum(p => p.Learned)} history message(s) learned so far ({Describe(progress)})";
}
