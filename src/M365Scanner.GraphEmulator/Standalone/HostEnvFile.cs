using System.Text;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.GraphEmulator.Standalone;

/// <summary>The settings a scanner host needs to use this emulator's demo tenant (Graph endpoints and pinned
/// certificate, app credentials, the console's sign-in, the seeded mailboxes), as a shell file of
/// <c>export Section__Key='value'</c> lines: environment variables are how the host takes settings without a file of
/// its own, and the certificate's line breaks survive single quotes.</summary>
public static class HostEnvFile
{
    public static IReadOnlyDictionary<string, string?> Settings(EmulatorHost emulator, IReadOnlyList<SeededMailbox> seeded)
    {
        var values = emulator.ProductGraphSettings(DemoSeed.TenantId, DemoSeed.ClientId, DemoSeed.ClientSecret);
        values["Console:Authority"] = new Uri(emulator.AuthorityHost, $"{DemoSeed.TenantId}/v2.0").ToString();
        values["Console:ClientId"] = DemoSeed.ConsoleClientId;
        values["Console:ClientSecret"] = DemoSeed.ConsoleClientSecret;
        for (var i = 0; i < seeded.Count; i++)
        {
            values[$"Scanner:Mailboxes:{i}:TenantId"] = DemoSeed.TenantId;
            values[$"Scanner:Mailboxes:{i}:Mailbox"] = seeded[i].Owner;
        }
        return values;
    }

    public static string Render(IReadOnlyDictionary<string, string?> settings)
    {
        var text = new StringBuilder("# Scanner host settings for the standalone Graph emulator (source this file).\n");
        foreach (var (key, value) in settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            text.Append("export ").Append(key.Replace(":", "__", StringComparison.Ordinal))
                .Append("='").Append((value ?? "").Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        return text.ToString();
    }

    /// <summary>Writes through a temporary file and a rename, so a script waiting for the file never reads half of it.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, string?> settings)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(settings));
        File.Move(temp, path, overwrite: true);
    }
}
