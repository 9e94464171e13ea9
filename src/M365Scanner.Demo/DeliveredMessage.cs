using M365Scanner.Core.Operations;
using M365Scanner.Demo.Scenario;

namespace M365Scanner.Demo;

/// <summary>One message the demo delivered and what became of it.</summary>
/// <param name="Message">What was delivered.</param>
/// <param name="Verdict">The host's verdict, or null when none came in time.</param>
/// <param name="Outcome">What the mailbox showed afterwards, as the demo prints it.</param>
/// <param name="BlockedLinks">For a rewritten message, the blocked-link page addresses found in its copy in the Inbox
/// (read back from the emulator); empty otherwise.</param>
public sealed record DeliveredMessage(DemoMessage Message, VerdictRecord? Verdict, string Outcome, IReadOnlyList<string> BlockedLinks);
