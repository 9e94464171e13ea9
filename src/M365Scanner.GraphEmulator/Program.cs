using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;

// Standalone emulator for the demo and manual testing:
//   dotnet run --project src/M365Scanner.GraphEmulator -- --port 5443 --cert /tmp/emulator.pem --enron ../shared/data/enron --mailboxes 3
var config = new ConfigurationBuilder().AddCommandLine(args).Build();
var port = config.GetValue("port", 5443);
var certPath = config["cert"] ?? Path.Combine(Path.GetTempPath(), "m365scanner-graph-emulator.pem");

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port, LogLevel = LogLevel.Information });
await File.WriteAllTextAsync(certPath, emulator.Trust.ToPem());
var seeded = DemoSeed.Run(emulator.Control, config["enron"], config.GetValue("mailboxes", 3));

Console.WriteLine($"Graph emulator: authority {emulator.AuthorityHost}, Graph {emulator.GraphV1}, control {emulator.AuthorityHost}_emulator/");
Console.WriteLine($"Server certificate (trust exactly this one): {certPath}");
Console.WriteLine($"Demo tenant {DemoSeed.TenantId}, client id {DemoSeed.ClientId}, secret {DemoSeed.ClientSecret}");
foreach (var line in seeded) Console.WriteLine("  " + line);
Console.WriteLine($"Console sign-in (OpenID Connect authority {emulator.AuthorityHost}{DemoSeed.TenantId}/v2.0, client id {DemoSeed.ConsoleClientId}, secret {DemoSeed.ConsoleClientSecret}); test users, fake identities of this emulator:");
foreach (var u in DemoSeed.ConsoleUsers) Console.WriteLine($"  {u.Role}: {u.UserPrincipalName} / {u.Password}");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
