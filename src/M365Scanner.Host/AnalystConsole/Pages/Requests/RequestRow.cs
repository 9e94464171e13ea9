using M365Scanner.Core.Operations;

namespace M365Scanner.Host.AnalystConsole.Pages.Requests;

/// <summary>An open release request as the requests page lists it: the request and the message's subject and sender,
/// when its verdict is still stored.</summary>
public sealed record RequestRow(ReleaseRequest Request, string? Subject, string? Sender)
{
    public static RequestRow Of(ReleaseRequest request, IVerdictStore verdicts) =>
        verdicts.Get(request.Key) is { } verdict ? new(request, verdict.Subject, verdict.Sender) : new(request, null, null);
}
