using System.Text.RegularExpressions;

namespace M365Scanner.GraphEmulator.Faults;

/// <summary>A fault to inject. Request faults match on method and a regular expression over the path
/// (e.g. "/messages/" or "^/v1.0/users/[^/]+/mailFolders"); notification faults match on the notification URL.
/// Null <see cref="Times"/> means every match, otherwise the rule retires after that many hits.</summary>
public sealed record FaultRule
{
    public required FaultKind Kind { get; init; }
    /// <summary>Regular expression over the request path or notification URL; null matches everything.</summary>
    public string? Pattern { get; init; }
    /// <summary>HTTP method to match (GET, POST, ...); null matches any.</summary>
    public string? Method { get; init; }
    public int? Times { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    internal bool Matches(string? method, string target) =>
        (Method is null || method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Pattern is null || Regex.IsMatch(target, Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
