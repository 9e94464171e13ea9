namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>Matches hosts against patterns written as data: "example.com" is that host only, "*.example.com" is any
/// host below example.com (not example.com itself).</summary>
internal static class HostPattern
{
    public static bool Matches(string? host, IReadOnlyList<string> patterns)
    {
        if (host is null)
            return false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                    ? host.Length > pattern.Length - 1 && host.EndsWith(pattern.AsSpan(1), StringComparison.Ordinal)
                    : host.Equals(pattern, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
