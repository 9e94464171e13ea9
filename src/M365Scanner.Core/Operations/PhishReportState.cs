using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>Where a user's phish report stands; the decided states are the analyst's label of the reported message.</summary>
public enum PhishReportState
{
    /// <summary>Received from the reporting mailbox, waiting for an analyst.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>An analyst confirmed the original is phishing (label "phish"); hunts for its indicators were started.</summary>
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,

    /// <summary>An analyst judged the original benign (label "benign"), with a reason.</summary>
    [JsonStringEnumMemberName("dismissed")]
    Dismissed,
}
