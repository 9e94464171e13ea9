using M365Scanner.Graph.Load;

// Graph requests per message and the reader's peak memory when a message carries a large attachment, and the requests
// a rewrite's copy costs (small PDF vs. 20 MB PDF).
// The emulator runs in a child process so that its own copies of the attachment do not count against the reader.
//   dotnet run -c Release --project tests/M365Scanner.Graph.Load -- --attachment-mb 100 --cap-mb 25 --reads 3
if (args.FirstOrDefault() == EmulatorProcess.ServeArgument)
{
    await EmulatorProcess.ServeAsync(LoadSettings.Parse(args));
    return 0;
}
var settings = LoadSettings.Parse(args);
await using var emulator = await EmulatorProcess.StartAsync(settings);
Console.WriteLine(await AttachmentReadLoad.RunAsync(emulator, settings));
return 0;
