namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Outcome of checking a bearer token: the caller, or the Graph error message for a 401.</summary>
internal sealed record TokenValidation(GraphCaller? Caller, string? Error)
{
    public static TokenValidation Ok(GraphCaller caller) => new(caller, null);
    public static TokenValidation Fail(string error) => new(null, error);
}
