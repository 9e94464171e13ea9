using MimeKit;

namespace M365Scanner.GraphEmulator.Control;

/// <summary>Seeds a demo tenant for the standalone emulator: one app with fixed credentials and the first
/// <c>count</c> Enron mailboxes (each owner's address is the most frequent To: address of its inbox).</summary>
public static class DemoSeed
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string ClientSecret = "emulator-demo-secret";

    /// <summary>Creates the tenant and app, loads mailboxes, and returns one line per mailbox for the console.</summary>
    public static IReadOnlyList<string> Run(EmulatorControl control, string? enronDirectory, int count)
    {
        control.CreateTenant(TenantId, "enron.com");
        control.RegisterApp(TenantId, ClientId, ClientSecret,
            grantedRoles: ["Mail.ReadWrite", "User.Read.All", "Mail-Advanced.ReadWrite.All"]);
        if (enronDirectory is null) return [];

        var lines = new List<string>();
        foreach (var mailbox in System.IO.Directory.GetDirectories(enronDirectory).Order(StringComparer.Ordinal).Take(count))
        {
            var inbox = Path.Combine(mailbox, "inbox");
            if (!System.IO.Directory.Exists(inbox)) continue;
            var owner = MostFrequentRecipient(inbox) ?? Path.GetFileName(mailbox) + "@enron.com";
            var user = control.AddUser(TenantId, owner, Path.GetFileName(mailbox));
            var loaded = control.LoadEml(TenantId, user.Id, inbox);
            lines.Add($"{owner} ({user.Id}): {loaded} messages in Inbox");
        }
        return lines;
    }

    private static string? MostFrequentRecipient(string inbox)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in System.IO.Directory.EnumerateFiles(inbox))
        {
            try
            {
                using var stream = File.OpenRead(file);
                var headers = HeaderList.Load(stream);
                if (headers[HeaderId.To] is not { } to || !InternetAddressList.TryParse(to, out var list)) continue;
                foreach (var address in list.Mailboxes)
                    counts[address.Address] = counts.GetValueOrDefault(address.Address) + 1;
            }
            catch (FormatException) { }
        }
        return counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
    }
}
