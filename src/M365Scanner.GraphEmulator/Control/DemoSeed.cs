using MimeKit;

namespace M365Scanner.GraphEmulator.Control;

/// <summary>Seeds a demo tenant (domain enron.com): one app with fixed credentials and <c>count</c> Enron mailboxes,
/// those with the most established correspondents (people who wrote at least three times). Each owner's address is
/// the most frequent To: address of its inbox. It also registers the analyst console's app, with one sign-in test user
/// per app role (<see cref="ConsoleUsers"/>).</summary>
public static class DemoSeed
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string ClientSecret = "emulator-demo-secret";
    public const string Domain = "enron.com";

    /// <summary>The analyst console's app registration (a web app signing users in with OpenID Connect).</summary>
    public const string ConsoleClientId = "cccccccc-dddd-eeee-ffff-000000000000";
    public const string ConsoleClientSecret = "emulator-console-secret";

    /// <summary>The console's callback on any loopback port (the emulator, like Entra ID, ignores the port of
    /// localhost redirect URIs), for the ASP.NET Core OpenID Connect handler's default paths.</summary>
    public static readonly string[] ConsoleRedirectUris =
    [
        "http://localhost/signin-oidc", "https://localhost/signin-oidc", "http://127.0.0.1/signin-oidc", "https://127.0.0.1/signin-oidc",
        "http://localhost/signout-callback-oidc", "https://localhost/signout-callback-oidc",
        "http://127.0.0.1/signout-callback-oidc", "https://127.0.0.1/signout-callback-oidc",
    ];

    /// <summary>One test user per console app role. Fake identities of a local emulator: the passwords are meant to be
    /// printed and documented, and work nowhere else.</summary>
    public static readonly IReadOnlyList<ConsoleTestUser> ConsoleUsers =
    [
        new("console-admin@enron.com", "Console Admin", "Admin", "Admin-Demo-Pass-1"),
        new("console-analyst@enron.com", "Console Analyst", "Analyst", "Analyst-Demo-Pass-1"),
        new("console-reader@enron.com", "Console Reader", "Reader", "Reader-Demo-Pass-1"),
    ];

    /// <summary>Senders with at least this many messages in an inbox count as its established correspondents.</summary>
    private const int EstablishedMessages = 3;

    /// <summary>Creates the tenant and app, loads mailboxes, and returns one line per mailbox for the console.</summary>
    public static IReadOnlyList<string> Run(EmulatorControl control, string? enronDirectory, int count) =>
        [.. Seed(control, enronDirectory, count).Select(m => $"{m.Owner} ({m.UserId}): {m.Loaded} messages in Inbox")];

    /// <summary>Creates the tenant and app and loads the <paramref name="count"/> best-connected mailboxes of
    /// <paramref name="enronDirectory"/> (none when it is null).</summary>
    /// <param name="spreadOverLast">When given, each inbox's dates are mapped onto the period of this length ending
    /// now (see <see cref="EmulatorControl.LoadEml"/>), so a scanner reading recent history finds it.</param>
    public static IReadOnlyList<SeededMailbox> Seed(EmulatorControl control, string? enronDirectory, int count, TimeSpan? spreadOverLast = null)
    {
        control.CreateTenant(TenantId, Domain);
        control.RegisterApp(TenantId, ClientId, ClientSecret,
            grantedRoles: ["Mail.ReadWrite", "User.Read.All", "Mail-Advanced.ReadWrite.All"]);
        control.RegisterApp(TenantId, ConsoleClientId, ConsoleClientSecret, redirectUris: ConsoleRedirectUris);
        foreach (var u in ConsoleUsers)
            control.AddSignInUser(TenantId, u.UserPrincipalName, u.Password, ConsoleClientId, [u.Role], u.DisplayName);
        if (enronDirectory is null) return [];

        var seeded = new List<SeededMailbox>();
        foreach (var inbox in Choose(enronDirectory, count))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(inbox.Directory))!;
            var user = control.AddUser(TenantId, inbox.Owner, name);
            var loaded = control.LoadEml(TenantId, user.Id, inbox.Directory, spreadOverLast: spreadOverLast);
            seeded.Add(new SeededMailbox(inbox.Owner, user.Id, inbox.Directory, loaded));
        }
        return seeded;
    }

    /// <summary>The <paramref name="count"/> inboxes with the most established correspondents (ties: more messages,
    /// then name), with their owners. Reads headers only.</summary>
    public static IReadOnlyList<(string Directory, string Owner)> Choose(string enronDirectory, int count) =>
    [
        .. System.IO.Directory.GetDirectories(enronDirectory)
            .Select(mailbox => Path.Combine(mailbox, "inbox"))
            .Where(System.IO.Directory.Exists)
            .Select(Survey)
            .Where(s => s.Owner is not null)
            .OrderByDescending(s => s.Established).ThenByDescending(s => s.Messages).ThenBy(s => s.Directory, StringComparer.Ordinal)
            .Take(count)
            .Select(s => (s.Directory, s.Owner!)),
    ];

    private static (string Directory, string? Owner, int Established, int Messages) Survey(string inbox)
    {
        var recipients = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var senders = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var messages = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(inbox))
        {
            try
            {
                using var stream = File.OpenRead(file);
                var headers = HeaderList.Load(stream);
                messages++;
                Count(headers[HeaderId.To], recipients);
                Count(headers[HeaderId.From], senders);
            }
            catch (FormatException) { }
        }
        var owner = recipients.Count == 0 ? null : recipients.MaxBy(kv => kv.Value).Key;
        var established = senders.Count(kv => kv.Value >= EstablishedMessages && !kv.Key.Equals(owner, StringComparison.OrdinalIgnoreCase));
        return (inbox, owner, established, messages);
    }

    private static void Count(string? header, Dictionary<string, int> counts)
    {
        if (header is null || !InternetAddressList.TryParse(header, out var list)) return;
        foreach (var address in list.Mailboxes)
            counts[address.Address] = counts.GetValueOrDefault(address.Address) + 1;
    }
}
