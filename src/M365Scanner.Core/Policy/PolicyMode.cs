using System.Text.Json.Serialization;

namespace M365Scanner.Core.Policy;

/// <summary>Whether decisions are carried out. Configuration binds it by member name; stored rows and the admin API
/// name it by its stable name (<see cref="Operations.StableName"/>).</summary>
public enum PolicyMode
{
    /// <summary>Record what would be done; change nothing in any mailbox.</summary>
    [JsonStringEnumMemberName("report-only")]
    ReportOnly,
    /// <summary>Carry out rewrites and quarantines.</summary>
    [JsonStringEnumMemberName("enforce")]
    Enforce,
}
