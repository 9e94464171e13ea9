using M365Scanner.DocumentWorker.Pool;

namespace M365Scanner.DocumentWorker.Tests.Pool;

public class WorkerNotesTests
{
    [Fact]
    public void Notes_NameTheAttachmentAsPdfLinkExtractorDoes_WithoutTheAttachmentPrefix()
    {
        Assert.Equal("pdf could not be read: fwd.eml/a.pdf: its parse worker died (exit code 134)",
            WorkerNotes.Died("attachment:fwd.eml/a.pdf", 134));
        Assert.Equal("pdf could not be read: a.pdf: its parse worker was stopped after the time budget of 20 s",
            WorkerNotes.OverTime("attachment:a.pdf", TimeSpan.FromSeconds(20)));
        Assert.Equal("pdf could not be read: a.pdf: its parse worker was stopped over the memory ceiling of 512 MiB",
            WorkerNotes.OverMemory("attachment:a.pdf", 512));
    }
}
