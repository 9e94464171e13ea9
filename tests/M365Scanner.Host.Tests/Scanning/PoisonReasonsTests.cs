using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Tests.Scanning;

public class PoisonReasonsTests
{
    [Theory]
    [InlineData("pdf could not be read: invoice.pdf: its parse worker died (exit code 134)", true)]
    [InlineData("pdf could not be read: fwd.eml/a.pdf: its parse worker died (exit code -6)", true)]
    // An attachment named after the note: the name is quoted earlier in a note of another kind.
    [InlineData("pdf could not be read: its parse worker died (exit code 1).pdf: encrypted", false)]
    [InlineData("pdf could not be read: invoice.pdf: its parse worker was stopped after the time budget of 20 s", false)]
    public void SaysParseWorkerDied_MatchesOnlyTheParsersOwnNote(string note, bool expected) =>
        Assert.Equal(expected, PoisonReasons.SaysParseWorkerDied(note));
}
