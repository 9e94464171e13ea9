namespace M365Scanner.Host.Onboarding;

/// <summary>What the callback's <c>state</c> turned out to be.</summary>
public enum ConsentStateCheck
{
    /// <summary>Issued by /onboard to this browser, not used before, not expired.</summary>
    Valid,

    /// <summary>Missing, never issued, or already used (a replay).</summary>
    Unknown,

    /// <summary>Issued, but longer ago than Onboarding:StateLifetime.</summary>
    Expired,

    /// <summary>Issued to another browser: the consent cookie is missing or holds another nonce.</summary>
    WrongBrowser,
}
