using M365Scanner.Core.Mail;
using M365Scanner.Core.Senders;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: authentication failed: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight: in the phishing development set about a quarter of the samples fail DMARC or compauth, where
/// well-run benign senders (bulk mail included) almost always pass: a likelihood ratio near 10, log ~2.3-2.5.
/// With sender.unknown (+1.5) it alone reaches the rewrite line (+4), never quarantine.</remarks>
public sealed class SenderAuthFailureSignal : MessageSignal
{
    public override string Id => "sender.auth-failure";
    public override string Name => "Sender: authentication failed";
    public override double Weight => 2.5;
    public override string Description =>
        "Reads the receiving system's own Authentication-Results (never a lower header, which the sender " +
        "could have written) and fires when DMARC, Microsoft's composite authentication, SPF or DKIM failed. " +
        "Graded: a DMARC or compauth failure means the From domain did not vouch for the message at all; an " +
        "SPF hard fail means the sending IP is one the envelope domain disowns; a softfail or a broken DKIM " +
        "signature is common enough on forwarded and list mail to count for less. Silent when the message " +
        "carries no such header.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Strongest, HardSpf, Weak];
    public override string KnownFalsePositives =>
        "Mail forwarded or rewritten on the way (mailing lists, forwarding rules, security gateways that alter the body); " +
        "small senders whose SPF record misses a new mail service (compauth=fail reason=001).";

    public static readonly SignalStrength Strongest = new("dmarc-or-compauth", 1.0, "DMARC failed, or compauth failed");
    public static readonly SignalStrength HardSpf = new("spf-fail", 0.7, "SPF hard fail");
    public static readonly SignalStrength Weak = new("weak", 0.4, "SPF or compauth softfail, or DKIM failed with no signature passing");

    public override SignalHit? Evaluate(MessageContext context)
    {
        var header = AuthenticationResultsHeader.OfReceiver(context.Message);
        if (header is null || header.Results.Count == 0)
            return null;
        var failures = new List<string>();
        var strength = 0.0;
        void Failed(AuthenticationResult result, SignalStrength grade, string? detailKey)
        {
            var detail = detailKey is null ? null : result.Property(detailKey);
            failures.Add(string.IsNullOrEmpty(detail) ? result.ToString() : $"{result} ({detailKey}={detail})");
            strength = Math.Max(strength, grade.Value);
        }

        foreach (var r in header.ResultsOf("dmarc").Where(r => r.Result == "fail"))
            Failed(r, Strongest, "header.from");
        foreach (var r in header.ResultsOf("compauth").Where(r => r.Result is "fail" or "softfail"))
            Failed(r, r.Result == "fail" ? Strongest : Weak, "reason");
        foreach (var r in header.ResultsOf("spf").Where(r => r.Result is "fail" or "softfail"))
            Failed(r, r.Result == "fail" ? HardSpf : Weak, "smtp.mailfrom");
        // One good signature is enough: an extra broken one (a mailing list's footer) is not a failure. A list copy
        // whose only failure is DKIM says nothing either: the list rewrote the subject and body the author signed.
        if (!header.ResultsOf("dkim").Any(r => r.IsPass) && context.Identity.Kind != SenderKind.MailingList)
            foreach (var r in header.ResultsOf("dkim").Where(r => r.Result == "fail"))
                Failed(r, Weak, "header.d");

        if (failures.Count == 0)
            return null;
        var by = header.AuthServId is { } id ? $" ({id})" : "";
        return Hit($"the receiving server{by} reports {string.Join(", ", failures)}", strength);
    }
}
