namespace M365Scanner.Core.Operations;

/// <summary>Where a tenant is in its life with the product (<see cref="TenantRecord.State"/>).</summary>
public static class TenantStates
{
    /// <summary>Consent granted and verified; its users are being listed and subscribed.</summary>
    public const string Onboarding = "onboarding";

    /// <summary>Every mailbox found at onboarding has its jobs queued; protection is on.</summary>
    public const string Active = "active";

    /// <summary>Subscriptions removed and the tenant's data deleted; nothing is scanned.</summary>
    public const string Offboarded = "offboarded";

    /// <summary>Consent came back but the app token lacked a required role, or could not be had at all.</summary>
    public const string ConsentFailed = "consent-failed";

    /// <summary>States whose mailboxes the worker protects.</summary>
    public static bool IsProtected(string state) => state is Onboarding or Active;
}
