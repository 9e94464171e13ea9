namespace M365Scanner.Core.Scoring;

/// <summary>The stable serialised names of <see cref="AttackKind"/>, as the <c>signals</c> verb and reports print them.</summary>
public static class AttackKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<AttackKind> All { get; } = Enum.GetValues<AttackKind>();

    /// <summary>"lateral-phish", "external-phish", "credential-harvest", "malware-delivery", "impersonation".</summary>
    public static string Tag(AttackKind kind) => kind switch
    {
        AttackKind.LateralPhish => "lateral-phish",
        AttackKind.ExternalPhish => "external-phish",
        AttackKind.CredentialHarvest => "credential-harvest",
        AttackKind.MalwareDelivery => "malware-delivery",
        AttackKind.Impersonation => "impersonation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an attack kind"),
    };
}
