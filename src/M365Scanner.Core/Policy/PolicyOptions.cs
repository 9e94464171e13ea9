using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Core.Policy;

/// <summary>A tenant's policy (section "Policy" of appsettings.json). Defaults are the product's recommendation.</summary>
public sealed record PolicyOptions
{
    /// <summary>The configuration section the host and the offline <c>scan</c> both read it from.</summary>
    public const string Section = "Policy";

    public PolicyMode Mode { get; init; } = PolicyMode.ReportOnly;

    /// <summary>A link scoring at or above this is rewritten.</summary>
    [Range(0.0, 1.0)]
    public double RewriteThreshold { get; init; } = 0.5;

    /// <summary>A message scoring at or above this is quarantined (when its sender allows it, see below).</summary>
    [Range(0.0, 1.0)]
    public double QuarantineThreshold { get; init; } = 0.9;

    /// <summary>When false (the default), a message from an established correspondent is never quarantined whole:
    /// its offending links are rewritten instead, so the rest of a real partner's message still arrives.</summary>
    public bool QuarantineEstablishedSenders { get; init; }

    /// <summary>When true, a message quarantined (enforced) leaves a notice in its recipient's Inbox: who sent it, its
    /// subject and time, why it was held in plain words, and a link to ask for it. Off by default: a tenant turns it on
    /// once its users have been told to expect such notices (an unexpected "a message was held" mail is itself the
    /// shape of a phishing lure).</summary>
    public bool HeldMessageNotice { get; init; }

    /// <summary>What a message from a sender this mailbox does not correspond with gets when part of it could not be
    /// read (an encrypted or oversized attachment, a parse budget hit, nesting or wrapping too deep).</summary>
    public UnreadableContentAction UnreadableFromUnknownSender { get; init; } = UnreadableContentAction.Quarantine;

    /// <summary>The same for an established correspondent. Quarantine by default too: a compromised partner's
    /// account is the case the product is built for, and an unreadable attachment is how a kit hides its link from
    /// scanners. The message can be released; the cost on benign mail is in docs/EVALUATION.md.</summary>
    public UnreadableContentAction UnreadableFromEstablishedSender { get; init; } = UnreadableContentAction.Quarantine;

    /// <summary>What a message with no readable link gets when its sender is unknown to the mailbox and fails
    /// authentication, names a different Reply-To, impersonates a display name or uses a lookalike domain. Quarantine by
    /// default: on the tune split none of the 208 benign messages from unknown senders without a link carried such
    /// evidence (Enron and modern mail), while 35 of the 90 link-less phishing samples came from an unknown sender
    /// with it (docs/EVALUATION.md).</summary>
    public SenderEvidenceAction SenderEvidenceWithoutLinks { get; init; } = SenderEvidenceAction.Quarantine;

    /// <summary>Link registrable domains never rewritten (the tenant's own services, say).</summary>
    public IReadOnlyList<string> AllowDomains { get; init; } = [];

    /// <summary>Sender addresses or "@domain"s whose messages are never acted on.</summary>
    public IReadOnlyList<string> AllowSenders { get; init; } = [];
}
