using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Tls;

namespace M365Scanner.Graph.Load;

/// <summary>The emulator in a child process of this program, seeded with the measured messages. The reader's memory is
/// then only the reader's: in one process, the emulator's stored copy of a 100 MB attachment and the JSON it writes
/// would be counted too.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ServeArgument = "serve";
    private const string HandoffPrefix = "HANDOFF ";

    private readonly Process _process;
    private readonly HttpClient _control;

    private EmulatorProcess(Process process, Handoff handoff)
    {
        _process = process;
        Handoff = handoff;
        using var certificate = X509Certificate2.CreateFromPem(handoff.CertificatePem);
        _control = new HttpClient(new PinnedCertificate(X509CertificateLoader.LoadCertificate(certificate.RawData)).CreateHandler())
        {
            BaseAddress = new Uri(handoff.AuthorityHost),
        };
    }

    public Handoff Handoff { get; }

    /// <summary>The child's side: start, seed, hand off on stdout, run until stdin closes (the parent ended).</summary>
    public static async Task ServeAsync(LoadSettings settings)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LogLevel = Microsoft.Extensions.Logging.LogLevel.Error });
        var tenant = emulator.Control.CreateTenant();
        const string secret = "graph-load-secret";
        var app = emulator.Control.RegisterApp(tenant.Id, secret: secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        var user = emulator.Control.AddUser(tenant.Id, "reader@contoso.onmicrosoft.com");
        var messages = MessageSeeds.All(settings.AttachmentMegabytes)
            .ToDictionary(s => s.Name, s => emulator.Control.Deliver(tenant.Id, user.Id, s.Mime()));
        var handoff = new Handoff(emulator.GraphV1.ToString().TrimEnd('/'), emulator.AuthorityHost.ToString(), emulator.Trust.ToPem(),
            tenant.Id, app.ClientId, secret, user.Id, messages);
        Console.WriteLine(HandoffPrefix + JsonSerializer.Serialize(handoff));
        await Console.In.ReadToEndAsync();
    }

    /// <summary>The parent's side: start the child (this same program) and wait for its handoff.</summary>
    public static async Task<EmulatorProcess> StartAsync(LoadSettings settings)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Run as "dotnet x.dll", the program is an argument; run through its apphost, the program is the process.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        start.ArgumentList.Add(ServeArgument);
        foreach (var a in settings.ToArguments()) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(HandoffPrefix, StringComparison.Ordinal))
                return new EmulatorProcess(process, JsonSerializer.Deserialize<Handoff>(line[HandoffPrefix.Length..])!);
        }
        throw new InvalidOperationException($"The emulator process ended before handing off (exit code {process.ExitCode}).");
    }

    /// <summary>The Graph requests the emulator has answered whose path names <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsNamingAsync(string id)
    {
        var all = await _control.GetFromJsonAsync<List<LoggedRequest>>("_emulator/requests") ?? [];
        return [.. all.Where(r => r.Path.Contains(id, StringComparison.Ordinal))];
    }

    /// <summary>Every request the emulator has answered, Graph's and the upload URL's (token and control requests aside).</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync()
    {
        var all = await _control.GetFromJsonAsync<List<LoggedRequest>>("_emulator/requests") ?? [];
        return [.. all.Where(r => !r.Path.Contains("/oauth2/", StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}
