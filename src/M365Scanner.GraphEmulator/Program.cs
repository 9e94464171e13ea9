using M365Scanner.GraphEmulator;

// Standalone emulator for the demo and manual testing: dotnet run --project src/M365Scanner.GraphEmulator -- [port] [cert.pem]
var port = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 5443;
var certPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "m365scanner-graph-emulator.pem");

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port, LogLevel = LogLevel.Information });
await File.WriteAllTextAsync(certPath, emulator.Trust.ToPem());
Console.WriteLine($"Graph emulator: authority {emulator.AuthorityHost}, Graph {emulator.GraphV1}, control {emulator.AuthorityHost}_emulator/");
Console.WriteLine($"Server certificate (trust exactly this one): {certPath}");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
