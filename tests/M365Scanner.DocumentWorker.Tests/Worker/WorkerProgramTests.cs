using System.Diagnostics;
using M365Scanner.Core.Links;
using M365Scanner.DocumentWorker.Pool;
using M365Scanner.DocumentWorker.Protocol;
using M365Scanner.DocumentWorker.Tests.TestSupport;
using M365Scanner.DocumentWorker.Worker;

namespace M365Scanner.DocumentWorker.Tests.Worker;

/// <summary>The worker process on its own, driven through its pipes as the pool drives it.</summary>
public class WorkerProgramTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private static Process StartWorker(long heapLimitBytes = 512L << 20)
    {
        var start = WorkerLauncher.Locate().StartInfo(heapLimitBytes,
            new Dictionary<string, string> { [TestFaults.EnvironmentVariable] = "1" });
        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(); // drained, as the pool does
        var hello = Frames.Read(process.StandardOutput.BaseStream, 1024);
        Assert.True(hello is not null && WorkerHello.Matches(hello), "the worker said hello");
        return process;
    }

    private static void Send(Process worker, byte[] pdf) =>
        new ParseRequest(DocumentKind.Pdf, "attachment:a.pdf", ExtractionLimits.Default, [], pdf)
            .WriteTo(worker.StandardInput.BaseStream);

    [Fact]
    public void Worker_Exits_WhenItsStdinEnds_EvenInTheMiddleOfADocument()
    {
        // What a dying parent does to it: the kernel closes the parent's end of the pipe.
        using var worker = StartWorker();
        Send(worker, FaultyPdf.With(TestFaults.Hang));

        worker.StandardInput.Close();

        Assert.True(worker.WaitForExit(Deadline), "the worker exited once its stdin ended");
        Assert.Equal(WorkerExitCodes.ParentGone, worker.ExitCode);
    }

    [Fact]
    public void Worker_ExitsWithItsOutOfMemoryCode_WhenADocumentFillsTheGcHeapLimit()
    {
        using var worker = StartWorker(heapLimitBytes: 128L << 20);

        Send(worker, FaultyPdf.With(TestFaults.AllocateManaged));

        Assert.True(worker.WaitForExit(Deadline), "the worker exited");
        Assert.Equal(WorkerExitCodes.OutOfMemory, worker.ExitCode);
    }

    [Fact]
    public void Worker_AnswersAnUnknownDocumentKind_AndReadsTheNextRequest()
    {
        using var worker = StartWorker();
        new ParseRequest((DocumentKind)200, "attachment:a.xyz", ExtractionLimits.Default, [], new byte[] { 1 })
            .WriteTo(worker.StandardInput.BaseStream);
        var unsupported = ParseResponse.Read(Frames.Read(worker.StandardOutput.BaseStream, 1 << 20)!);
        Send(worker, M365Scanner.Core.Tests.TestSupport.MinimalPdf.Build(
            new M365Scanner.Core.Tests.TestSupport.MinimalPage(["see https://a.example/x"], [])));
        var read = ParseResponse.Read(Frames.Read(worker.StandardOutput.BaseStream, 1 << 20)!);

        Assert.Equal(ParseStatus.UnsupportedKind, unsupported.Status);
        Assert.Equal(ParseStatus.Read, read.Status);
        Assert.Equal(["https://a.example/x"], read.Links.Select(l => l.Url));
        worker.StandardInput.Close();
        Assert.True(worker.WaitForExit(Deadline));
    }
}
