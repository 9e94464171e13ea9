using M365Scanner.Host;

ScannerApp.Build(args).Run();

/// <summary>Entry point, public for WebApplicationFactory-style tests.</summary>
public partial class Program;
