namespace M365Scanner.Core.Mail;

/// <summary>One method's outcome in an Authentication-Results header: "dmarc=fail action=none header.from=x.com".</summary>
/// <param name="Method">The method, lower case, version dropped ("spf", "dkim", "dmarc", "compauth", "arc", ...).</param>
/// <param name="Result">The result, lower case ("pass", "fail", "softfail", "none", "neutral", "temperror",
/// "permerror", and vendor values such as Microsoft's "bestguesspass").</param>
/// <param name="Properties">The property=value pairs that followed, keys lower case ("header.from", "smtp.mailfrom",
/// "reason", "action"), values as written without quotes.</param>
public sealed record AuthenticationResult(string Method, string Result, IReadOnlyDictionary<string, string> Properties)
{
    public bool IsPass => Result is "pass" or "bestguesspass";

    /// <summary>The value of <paramref name="key"/> ("header.from"), or null.</summary>
    public string? Property(string key) => Properties.TryGetValue(key, out var value) ? value : null;

    public override string ToString() => $"{Method}={Result}";
}
