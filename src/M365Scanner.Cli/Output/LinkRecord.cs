namespace M365Scanner.Cli.Output;

/// <summary>One link of a <see cref="ScanRecord"/>. <c>text</c> is null when the link has no visible text.</summary>
public sealed record LinkRecord(
    string Url,
    string Target,
    string? Domain,
    string Origin,
    string? Text,
    double Score,
    string Action,
    IReadOnlyList<string> Reasons);
