using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Rows;

/// <summary>The stored name of a <see cref="PolicyMode"/>. <see cref="PolicyMode"/> carries no stable names of its own
/// (configuration binds it by member name), so the rows name it here, once, for both providers.</summary>
internal static class PolicyModeNames
{
    public static string? Of(PolicyMode? mode) => mode switch
    {
        null => null,
        PolicyMode.Enforce => "enforce",
        PolicyMode.ReportOnly => "report-only",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "No stored name."),
    };

    public static PolicyMode? Parse(string? name) => name switch
    {
        null => null,
        "enforce" => PolicyMode.Enforce,
        "report-only" => PolicyMode.ReportOnly,
        _ => throw new FormatException($"'{name}' is not a PolicyMode."),
    };
}
