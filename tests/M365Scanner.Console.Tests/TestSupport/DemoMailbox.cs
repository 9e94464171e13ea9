using M365Scanner.Demo;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>The demo mailbox as the emulator holds it: the messages with a given Message-ID in a folder.</summary>
public static class DemoMailbox
{
    public const string Inbox = "Inbox";

    public static IReadOnlyList<SeededMessage> In(DemoSession session, string folder, string messageId)
    {
        var control = session.Emulator.Control;
        var found = control.GetFolders(DemoSeed.TenantId, session.Mailbox)
            .FirstOrDefault(f => f.DisplayName.Equals(folder, StringComparison.OrdinalIgnoreCase));
        return found is null ? [] : [.. control.GetMessages(DemoSeed.TenantId, session.Mailbox, found.Id)
            .Where(m => m.InternetMessageId?.Trim('<', '>') == messageId)];
    }
}
