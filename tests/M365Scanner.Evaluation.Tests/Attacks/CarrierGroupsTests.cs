using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Tests.Attacks;

[Collection(ListArchiveCollection.Name)]
public class CarrierGroupsTests(ListArchiveFixture data)
{
    private const string Owner = "jim@example.org";
    private static readonly DateTimeOffset Start = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Carriers_CountsThreeEarlierMessagesOverAnySpan_AsEstablishedByCount()
    {
        // Three posts within an hour: established by count, though the scanner's rule wants 7 days.
        var messages = new[]
        {
            Message("a", "rob@nd.edu", 0, history: true),
            Message("b", "rob@nd.edu", 0.01, history: true),
            Message("c", "rob@nd.edu", 0.02, history: false),
            Message("d", "rob@nd.edu", 0.03, history: false),
        };
        var carriers = ModernAttackBuilder.Carriers(Mailbox(messages), Rule());
        var (carrier, groups) = Assert.Single(carriers);
        Assert.Same(messages[3], carrier);
        Assert.Equal(CarrierGroups.MessageCount, groups);
    }

    [Fact]
    public void Carriers_AdmitsTheScannersRule_AloneOrWithTheCount()
    {
        var messages = new[]
        {
            Message("a", "ann@example.com", 0, history: true),
            Message("b", "ann@example.com", 1, history: true),
            Message("c", "ann@example.com", 10, history: true),
            Message("d", "ann@example.com", 11, history: false),
            Message("e", "new@example.com", 12, history: false),
        };
        var carriers = ModernAttackBuilder.Carriers(Mailbox(messages), Rule(messages[3], messages[4]));
        Assert.Equal([(messages[3], CarrierGroups.ScannerRule | CarrierGroups.MessageCount), (messages[4], CarrierGroups.ScannerRule)], carriers);
    }

    [Fact]
    public void Carriers_NeverIncludeHistory_TheOwnersOwnPosts_OrUnestablishedSenders()
    {
        var messages = new[]
        {
            Message("a", Owner, 0, history: true),
            Message("b", Owner, 1, history: true),
            Message("c", Owner, 2, history: true),
            Message("d", Owner, 3, history: true),
            Message("e", "twice@example.com", 4, history: true),
            Message("f", "twice@example.com", 5, history: false),
        };
        Assert.Empty(ModernAttackBuilder.Carriers(Mailbox(messages), Rule(messages[3])));
    }

    [Fact]
    public void Carriers_OfARealMailbox_AreScoredMessagesOfOthers_AndBothGroupsAreFound()
    {
        var mailbox = ModernMailboxes.For(Split.Tune, data.Archive)[0];
        var scored = mailbox.Test.ToHashSet();
        // Without the scanner's verdicts, the count alone still finds carriers among the frequent posters.
        var carriers = ModernAttackBuilder.Carriers(mailbox, Rule());
        Assert.True(carriers.Count >= ModernAttackBuilder.PerMailbox * 2, $"{carriers.Count} carriers");
        Assert.All(carriers, c => Assert.Contains(c.Carrier, scored));
        Assert.All(carriers, c => Assert.NotEqual(mailbox.Owner, c.Carrier.Author));
        Assert.All(carriers, c => Assert.Equal(CarrierGroups.MessageCount, c.Groups));
    }

    private static Mailbox Mailbox(IReadOnlyList<CorpusMessage> messages) =>
        new("test", Owner, Split.Tune, messages, 0, 0) { Source = Sources.Modern, TenantDomain = "example.org" };

    private static CorpusMessage Message(string file, string author, double days, bool history) =>
        new(file, new EmailMessage { From = new EmailAddress(author) }, Start.AddDays(days), history);

    private static HashSet<CorpusMessage> Rule(params CorpusMessage[] established) => new(established, ReferenceEqualityComparer.Instance);
}
