namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Graph's well-known folder names that every mailbox has, and their display names.</summary>
internal static class WellKnownFolders
{
    public const string Root = "msgfolderroot";
    public const string Inbox = "inbox";
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";
    public const string DeletedItems = "deleteditems";

    public static readonly IReadOnlyList<(string Name, string DisplayName)> TopLevel =
    [
        ("inbox", "Inbox"),
        ("drafts", "Drafts"),
        ("sentitems", "Sent Items"),
        ("deleteditems", "Deleted Items"),
        ("archive", "Archive"),
        ("junkemail", "Junk Email"),
        ("outbox", "Outbox"),
    ];
}
