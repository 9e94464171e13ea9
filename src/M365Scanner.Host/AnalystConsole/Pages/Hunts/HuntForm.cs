namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>The forms that start a hunt as a report-only preview: their choices, and what was typed when they come
/// back with a problem.</summary>
public sealed record HuntForm(IReadOnlyList<string> Tenants)
{
    /// <summary>The tenant choice meaning every tenant.</summary>
    public const string AllTenants = "";

    public static readonly string[] IndicatorTypes = ["domain", "url", "sender"];

    public string IndicatorType { get; init; } = "domain";
    public string? Indicator { get; init; }
    public string Tenant { get; init; } = AllTenants;
    public string? Days { get; init; }
    public string? Hours { get; init; }
    public string RetroTenant { get; init; } = AllTenants;
}
