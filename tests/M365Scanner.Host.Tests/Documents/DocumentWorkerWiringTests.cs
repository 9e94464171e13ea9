using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.DocumentWorker;
using M365Scanner.DocumentWorker.Pool;
using M365Scanner.DocumentWorker.Tests.TestSupport;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Documents;

/// <summary>The host reads PDFs through the document worker pool ("DocumentWorkers"), configured and checked at
/// start like every other section.</summary>
public sealed class DocumentWorkerWiringTests : IDisposable
{
    private readonly string dataDirectory = TestDataDirectory.New();

    public void Dispose() => TestDataDirectory.Delete(dataDirectory);

    private WebApplication Build(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Scanner:DataDirectory"] = dataDirectory;
        return ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
    }

    [Fact]
    public void Host_ReadsPdfsThroughAWorkerPool_ByDefault()
    {
        using var host = Build(new() { ["DocumentWorkers:MaxWorkers"] = "3" });

        var pool = Assert.IsType<PdfWorkerPool>(host.Services.GetRequiredService<IPdfLinkReader>());
        Assert.Equal(3, pool.MaxWorkers);
        Assert.Equal(512, host.Services.GetRequiredService<IOptions<DocumentWorkerOptions>>().Value.MemoryLimitMiB);
    }

    [Fact]
    public void Host_ReadsPdfsInProcess_WhenDocumentWorkersAreDisabled()
    {
        using var host = Build(new() { ["DocumentWorkers:Enabled"] = "false" });

        Assert.Null(host.Services.GetService<IPdfLinkReader>());
        Assert.NotNull(host.Services.GetRequiredService<MessageLinkExtractor>());
    }

    [Theory]
    [InlineData("DocumentWorkers:MaxWorkers", "0")]
    [InlineData("DocumentWorkers:MemoryLimitMiB", "16")]
    public void Start_Fails_WhenASettingIsOutOfRange(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DocumentWorkerOptions>>().Value);
        Assert.Contains(key.Split(':')[1], error.Message);
    }

    [Fact]
    public void Extractor_NotesTheWorkerDeath_AndTheHostGoesOn_WhenAPdfOverflowsTheStack()
    {
        using var host = Build();
        var extractor = host.Services.GetRequiredService<MessageLinkExtractor>();
        var killer = EmlReader.Read(Mime.Message("a@partner.example", "b@tenant.example", "invoice", "see attached",
            DateTimeOffset.UnixEpoch, pdf: ("cycle.pdf", WorkerKillingPdf.Build())));

        var result = extractor.Extract(killer);

        Assert.Contains(result.Notes, n => n.StartsWith("pdf could not be read: cycle.pdf: its parse worker died (exit code ", StringComparison.Ordinal));
    }
}
