using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>Where a tenant is in its life with the product (<see cref="TenantRecord.State"/>). The names in brackets
/// are what the store keeps and the API shows (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TenantState>))]
public enum TenantState
{
    /// <summary>Consent granted and verified; its users are being listed and subscribed.</summary>
    [JsonStringEnumMemberName("onboarding")]
    Onboarding,

    /// <summary>Every mailbox found at onboarding has its jobs queued; protection is on.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Subscriptions removed and the tenant's data deleted; nothing is scanned.</summary>
    [JsonStringEnumMemberName("offboarded")]
    Offboarded,

    /// <summary>Consent came back but the app token lacked a required role, or could not be had at all.</summary>
    [JsonStringEnumMemberName("consent-failed")]
    ConsentFailed,
}
