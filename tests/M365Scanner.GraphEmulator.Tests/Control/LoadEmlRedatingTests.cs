using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Mail;
using M365Scanner.GraphEmulator.Tests.TestSupport;

namespace M365Scanner.GraphEmulator.Tests.Control;

/// <summary>Loading old mail into a recent period (<c>LoadEml(..., spreadOverLast)</c>) for baselines that read "the
/// last 90 days".</summary>
public sealed class LoadEmlRedatingTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void LoadEml_MapsDateRangeOntoPeriodEndingNow_KeepingOrderAndSpacing()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("emulator-load-").FullName;
        try
        {
            var day0 = new DateTimeOffset(2001, 1, 1, 9, 0, 0, TimeSpan.Zero);
            foreach (var (name, days) in new[] { ("a.eml", 0), ("b.eml", 10), ("c.eml", 40) })
                File.WriteAllBytes(Path.Combine(folder, name), Mime.Message(name, date: day0.AddDays(days)));
            var user = f.NewUser();

            var before = DateTimeOffset.UtcNow;
            var loaded = f.Emulator.Control.LoadEml(f.Tenant.Id, user.Id, folder, spreadOverLast: TimeSpan.FromDays(80));

            Assert.Equal(3, loaded);
            var received = f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id).ToDictionary(m => m.Subject!, m => m.ReceivedDateTime);
            Assert.InRange(received["c.eml"], before.AddSeconds(-1), DateTimeOffset.UtcNow);
            AssertClose(received["c.eml"].AddDays(-80), received["a.eml"]);
            // 10 of 40 days in → a quarter of the way through the 80 days.
            AssertClose(received["a.eml"].AddDays(20), received["b.eml"]);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadEml_WithoutPeriod_KeepsDateHeaders()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("emulator-load-").FullName;
        try
        {
            var date = new DateTimeOffset(2001, 5, 3, 12, 0, 0, TimeSpan.Zero);
            File.WriteAllBytes(Path.Combine(folder, "a.eml"), Mime.Message("a", date: date));
            var user = f.NewUser();

            f.Emulator.Control.LoadEml(f.Tenant.Id, user.Id, folder);

            Assert.Equal(date, Assert.Single(f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id)).ReceivedDateTime);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SpreadOver_ClampsOutlierDates_SoTheyDoNotSquashTheRest()
    {
        var start = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var messages = Enumerable.Range(0, 200).Select(i => Message(start.AddDays(i)))
            .Append(Message(new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .Append(Message(new DateTimeOffset(2037, 1, 1, 0, 0, 0, TimeSpan.Zero))).ToList();
        var to = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var from = to.AddDays(-80);

        var spread = ReceivedDates.SpreadOver(messages, from, to);

        Assert.Equal(from, spread[^2].ReceivedDateTime);
        Assert.Equal(to, spread[^1].ReceivedDateTime);
        Assert.All(spread, m => Assert.InRange(m.ReceivedDateTime, from, to));
        // The 200 real days still cover most of the period, in order.
        Assert.True(spread[197].ReceivedDateTime - spread[2].ReceivedDateTime > TimeSpan.FromDays(75));
        Assert.True(spread.Take(200).Zip(spread.Skip(1).Take(199)).All(p => p.First.ReceivedDateTime <= p.Second.ReceivedDateTime));
        // Sent moves with received.
        Assert.All(spread, m => Assert.Equal(m.ReceivedDateTime - TimeSpan.FromMinutes(1), m.SentDateTime));
    }

    private static StoredMessage Message(DateTimeOffset received) => new()
    {
        Id = "", FolderId = "", ChangeKey = "", ConversationId = "", ReceivedDateTime = received, SentDateTime = received.AddMinutes(-1),
    };

    private static void AssertClose(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected.AddSeconds(-2), expected.AddSeconds(2));
}
