using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>The <c>release_requests</c> table's columns and the state names stored in it, shared by both SQL providers.</summary>
internal static class ReleaseRequestRows
{
    public const string Columns =
        "id, tenant_id, mailbox, message_id, requested_by, requested_at, note, state, decided_by, decided_at, decision_reason";

    public static string StateName(ReleaseRequestState state) => StableName.Of(state);

    public static ReleaseRequestState State(string name) =>
        StableName.TryParse<ReleaseRequestState>(name, out var state) ? state : throw new InvalidDataException($"Unknown release request state '{name}'.");

    public static void CheckDecision(ReleaseRequestState outcome)
    {
        if (outcome == ReleaseRequestState.Open)
            throw new ArgumentException("A decision releases or denies.", nameof(outcome));
    }

    public static void CheckFiled(ReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != ReleaseRequestState.Open)
            throw new ArgumentException("Only an open request can be filed.", nameof(request));
    }
}
