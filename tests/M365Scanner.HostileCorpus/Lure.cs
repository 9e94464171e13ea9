namespace M365Scanner.HostileCorpus;

/// <summary>
/// The one phishing lure every item carries: who sends it, to whom, and the link it hides. The text shown over the
/// link names another domain, so the link is flagged as soon as a scanner finds it (the control items show that);
/// an item that is allowed was therefore blinded, not misjudged.
/// </summary>
public static class Lure
{
    public const string Sender = "attacker@evil-sender.example";
    public const string Recipient = "victim@contoso.com";

    /// <summary>What the reader sees over the link: a sign-in page they trust.</summary>
    public const string DisplayText = "https://login.microsoftonline.com/";

    /// <summary>The malicious link of item <paramref name="itemName"/>, unique per item so a scan's output tells
    /// which item's link was found.</summary>
    public static string Url(string itemName) => $"https://{itemName}.evil.example/login";
}
