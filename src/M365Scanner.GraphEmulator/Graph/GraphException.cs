namespace M365Scanner.GraphEmulator.Graph;

/// <summary>A failure that Graph reports as {"error":{"code","message"}} with this status. Thrown from anywhere
/// below an endpoint and turned into the response by <see cref="GraphErrorMiddleware"/>.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static GraphException ItemNotFound() =>
        new(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphException UserNotFound(string user) =>
        new(404, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");

    public static GraphException BadRequest(string message, string code = "BadRequest") => new(400, code, message);
}
