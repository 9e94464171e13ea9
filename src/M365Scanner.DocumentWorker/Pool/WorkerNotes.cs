using M365Scanner.Core.Links;
using System.Globalization;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// The notes a document gets when its worker could not answer. Each starts with "pdf could not be read: " and the
/// attachment's name, as every unreadable-PDF note does, so policy and the rewrite check treat the document as
/// unread; the rest of each form is fixed so that other code (and people grepping logs) can tell them apart:
/// <list type="bullet">
/// <item><c>pdf could not be read: {name}: its parse worker died (exit code N)</c></item>
/// <item><c>pdf could not be read: {name}: its parse worker was stopped after the time budget of S s</c></item>
/// <item><c>pdf could not be read: {name}: its parse worker was stopped over the memory ceiling of M MiB</c></item>
/// </list>
/// and, when no worker could be had at all, <c>pdf could not be read: {name}: its parse worker could not be started: {reason}</c>.
/// </summary>
public static class WorkerNotes
{
    /// <summary>What every note of this class contains after the name, for recognising them.</summary>
    public const string Marker = ": its parse worker ";

    public static string Died(string attachmentOrigin, int exitCode) =>
        $"pdf could not be read: {LinkOrigin.NameInNotes(attachmentOrigin)}{Marker}died (exit code {exitCode})";

    public static string OverTime(string attachmentOrigin, TimeSpan budget) =>
        $"pdf could not be read: {LinkOrigin.NameInNotes(attachmentOrigin)}{Marker}was stopped after the time budget of " +
        $"{budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    public static string OverMemory(string attachmentOrigin, int ceilingMiB) =>
        $"pdf could not be read: {LinkOrigin.NameInNotes(attachmentOrigin)}{Marker}was stopped over the memory ceiling of {ceilingMiB} MiB";

    public static string NotStarted(string attachmentOrigin, string reason) =>
        $"pdf could not be read: {LinkOrigin.NameInNotes(attachmentOrigin)}{Marker}could not be started: {reason}";

    /// <summary>A worker that answered something other than a response (a bug, never a document's doing).</summary>
    public static string OutOfProtocol(string attachmentOrigin, string detail) =>
        $"pdf could not be read: {LinkOrigin.NameInNotes(attachmentOrigin)}{Marker}answered out of protocol: {detail}";
}
