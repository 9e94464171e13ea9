using Microsoft.Extensions.Logging;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Load;

// Measures the emulator on this machine, on 127.0.0.1 only, bounded in time and count.
// dotnet run -c Release --project tests/M365Scanner.GraphEmulator.Load -- --seconds 10 --concurrency 16 --mode all
var settings = LoadSettings.Parse(args);
var sample = File.ReadAllBytes(args.SkipWhile(a => a != "--eml").Skip(1).FirstOrDefault() ?? FindSample());

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LogLevel = LogLevel.Error });
var tenant = emulator.Control.CreateTenant();
var app = emulator.Control.RegisterApp(tenant.Id, secret: "load", grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
Console.WriteLine($"Graph emulator load: {Environment.ProcessorCount} cores, {settings}");

if (settings.Mode is "all" or "get")
{
    var reader = emulator.Control.AddUser(tenant.Id, "reader@contoso.onmicrosoft.com");
    for (var i = 0; i < 1000; i++) emulator.Control.Deliver(tenant.Id, reader.Id, sample);
    Console.WriteLine(await GetMessageLoad.RunAsync(emulator, tenant, app, reader, settings));
}
if (settings.Mode is "all" or "deliver")
{
    var recipient = emulator.Control.AddUser(tenant.Id, "recipient@contoso.onmicrosoft.com");
    Console.WriteLine(await DeliveryNotificationLoad.RunAsync(emulator, tenant, app, recipient, settings, sample));
}

static string FindSample()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "enron", "allen-p", "inbox", "1.eml");
        if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")) && File.Exists(candidate)) return candidate;
    }
    throw new FileNotFoundException("No sample message: pass --eml <file>.");
}
