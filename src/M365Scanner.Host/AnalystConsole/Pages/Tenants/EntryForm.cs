namespace M365Scanner.Host.AnalystConsole.Pages.Tenants;

/// <summary>The "Add entry" form: its choices, and what was typed when it comes back with a problem.</summary>
public sealed record EntryForm(string TenantId, IReadOnlyList<string> Mailboxes)
{
    public const string WholeTenant = "tenant";

    public static readonly string[] Effects = ["allow", "block"];
    public static readonly string[] Kinds = ["sender", "sender-domain", "link-domain"];

    public string Effect { get; init; } = "allow";
    public string Kind { get; init; } = "sender";
    public string? Value { get; init; }
    public string Scope { get; init; } = WholeTenant;
    public string? Reason { get; init; }
}
