using System.Text.Json;
using M365Scanner.Core.Links;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.DocumentWorker.Pool;
using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Tests.Pool;

public class WorkerProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    // A poll interval no document here reaches, so the watch never looks while one is read.
    private static readonly TimeSpan NeverInFlight = TimeSpan.FromHours(1);

    private static WorkerAnswer ReadOne(long ceilingBytes)
    {
        var launcher = WorkerLauncher.Locate();
        using var worker = WorkerProcess.Start(launcher.StartInfo(512L * 1024 * 1024, new Dictionary<string, string>()), Patience, NeverInFlight);
        var limits = ExtractionLimits.Default;
        var pdf = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf"));
        return worker.Read(new ParseRequest(DocumentKind.Pdf, "attachment:a.pdf", limits, [], pdf), JsonSerializer.Serialize(limits),
            Patience, ceilingBytes);
    }

    [Fact]
    public void Read_AnsweredBeforeTheWatchLooks_IsNotKeptWhenTheWorkerIsOverTheCeiling()
    {
        var answer = ReadOne(ceilingBytes: 1);

        Assert.NotNull(answer.Response);
        Assert.NotEmpty(answer.Response.Links);
        Assert.False(answer.WorkerReusable);
    }

    [Fact]
    public void Read_AnsweredBeforeTheWatchLooks_IsKeptUnderTheCeiling()
    {
        var answer = ReadOne(ceilingBytes: long.MaxValue);

        Assert.NotNull(answer.Response);
        Assert.True(answer.WorkerReusable);
    }
}
