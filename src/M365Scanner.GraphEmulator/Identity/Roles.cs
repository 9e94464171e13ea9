namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Graph application roles that each area accepts (any one of the set is enough).</summary>
internal static class Roles
{
    public static readonly string[] MailRead = ["Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic.All", "Mail.ReadBasic"];
    public static readonly string[] MailWrite = ["Mail.ReadWrite"];
    /// <summary>importMime is documented with Mail-Advanced.ReadWrite.All as its only application permission.</summary>
    public static readonly string[] MailImport = ["Mail-Advanced.ReadWrite.All"];
    public static readonly string[] UserRead = ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
}
