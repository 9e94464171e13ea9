namespace M365Scanner.Core.Scoring;

/// <summary>
/// The kinds of attack a signal speaks to: for a signal that raises a score, the attacks it is evidence of; for one
/// that lowers it (trust), the attacks it argues against. A closed set, so an analyst can ask "what do we have
/// against impersonation?" and get every signal, and so a new kind is a decision, not a typo. Serialised as
/// <see cref="AttackKinds.Tag"/> ("lateral-phish").
/// </summary>
public enum AttackKind
{
    /// <summary>A known correspondent's real (compromised) account sends the lure: the product's central case. Only
    /// history can tell: the relationship's novelty and pattern.</summary>
    LateralPhish,
    /// <summary>Phishing from a stranger: an address, domain or campaign the organisation has no history with.</summary>
    ExternalPhish,
    /// <summary>A page that asks for a password, a payment or a code: what the link leads to, whoever sent it.</summary>
    CredentialHarvest,
    /// <summary>A link that delivers a program, script or archive to run.</summary>
    MalwareDelivery,
    /// <summary>Pretending to be someone or something the reader trusts: a colleague, the organisation, a brand, a
    /// well-known site (lookalike names, disguised link text, forged or borrowed sender identity).</summary>
    Impersonation,
}
