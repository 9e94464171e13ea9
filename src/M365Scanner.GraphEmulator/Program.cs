using System.Runtime.InteropServices;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Standalone;

// Every charset of mail readable before MimeKit first runs: MimeKit builds its charset table once per process, and
// without the code-page provider it treats Shift_JIS, GB2312, EUC-KR and the like as unknown for good.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

// Standalone emulator for the demo and manual testing (options: --help):
//   dotnet run --project src/M365Scanner.GraphEmulator -- --port 5443 --cert /tmp/emulator.pem --enron ../shared/data/enron --mailboxes 3
StandaloneOptions options;
try
{
    options = StandaloneOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"graph emulator: {ex.Message}");
    return 2;
}
if (options.Help)
{
    Console.WriteLine(StandaloneOptions.Usage);
    return 0;
}

// The web host inside registers its own SIGTERM/SIGINT handlers, which stop only that host and cancel the default
// exit; ours end this program too (handlers registered later run first, and all of them run).
var stop = new TaskCompletionSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = options.Port, LogLevel = LogLevel.Information });
await File.WriteAllTextAsync(options.CertPath, emulator.Trust.ToPem());
var period = options.RedateDays is { } days ? TimeSpan.FromDays(days) : (TimeSpan?)null;
var seeded = DemoSeed.Seed(emulator.Control, options.Enron, options.Mailboxes, period);

Console.WriteLine($"Graph emulator: authority {emulator.AuthorityHost}, Graph {emulator.GraphV1}, control {emulator.AuthorityHost}_emulator/");
Console.WriteLine($"Server certificate (trust exactly this one): {options.CertPath}");
Console.WriteLine($"Demo tenant {DemoSeed.TenantId}, client id {DemoSeed.ClientId}, secret {DemoSeed.ClientSecret}");
foreach (var m in seeded) Console.WriteLine($"  {m.Owner} ({m.UserId}): {m.Loaded} messages in Inbox");
if (period is { } p)
    Console.WriteLine($"History re-dated into the last {p.TotalDays:0} days");
Console.WriteLine($"Console sign-in (OpenID Connect authority {emulator.AuthorityHost}{DemoSeed.TenantId}/v2.0, client id {DemoSeed.ConsoleClientId}, secret {DemoSeed.ConsoleClientSecret}); test users, fake identities of this emulator:");
foreach (var u in DemoSeed.ConsoleUsers) Console.WriteLine($"  {u.Role}: {u.UserPrincipalName} / {u.Password}");
if (options.HostEnvPath is { } envPath)
{
    HostEnvFile.Write(envPath, HostEnvFile.Settings(emulator, seeded));
    Console.WriteLine($"Host settings for this emulator (source it): {envPath}");
}

await stop.Task;
Console.WriteLine("Graph emulator stopping");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
