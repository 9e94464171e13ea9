using System.Text.Json.Serialization;

namespace M365Scanner.Core.Policy;

/// <summary>What a <see cref="PolicyEntry"/>'s value is matched against. The names are stored and shown by the admin API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyEntryKind>))]
public enum PolicyEntryKind
{
    /// <summary>One sender address (From, or Sender when there is no From).</summary>
    [JsonStringEnumMemberName("sender")]
    SenderAddress,
    /// <summary>Every sender at a domain or its subdomains.</summary>
    [JsonStringEnumMemberName("sender-domain")]
    SenderDomain,
    /// <summary>Every link whose host is the domain or one of its subdomains.</summary>
    [JsonStringEnumMemberName("link-domain")]
    LinkDomain,
}
