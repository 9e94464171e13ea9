using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>One injected attack: the message as delivered, when, to whom, and which of its links are the attack.</summary>
/// <param name="Anchor">For lateral scenarios, the real message it was made from; the attack is scored just before
/// it, against the graph as it was then. Null for external attacks.</param>
/// <param name="Sample">The phishing sample the URL, PDF or whole message came from.</param>
/// <param name="Injected">What was planted, for people: the URL, or the PDF's file name.</param>
/// <param name="IsInjected">Which extracted links are the attack (for external: every link).</param>
public sealed record Attack(
    Scenario Scenario,
    Split Split,
    Mailbox Mailbox,
    EmailMessage Message,
    DateTimeOffset Date,
    CorpusMessage? Anchor,
    PhishingSample Sample,
    string Injected,
    Func<Link, bool> IsInjected)
{
    /// <summary>Lateral only: why the carrier counts as established (the Enron attacks use the scanner's rule).</summary>
    public CarrierGroups Carrier { get; init; } = CarrierGroups.ScannerRule;
}
