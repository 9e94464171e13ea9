using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;

namespace M365Scanner.Graph.Tests.Mail;

/// <summary>A hunt's listing: what one request holds is <see cref="GraphOptions.HuntPageSize"/>, which is what a hunt
/// costs in requests per 1,000 messages (docs/BENCHMARKS.md, "Retro-hunts").</summary>
public sealed class FolderMessagesTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task ReadAsync_AsksForHuntPageSizeMessagesAPage_AndReadsEveryPageNewestFirst()
    {
        var user = f.NewUser();
        var start = DateTimeOffset.UtcNow.AddHours(-5);
        var ids = Enumerable.Range(0, 5)
            .Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message($"m{i}"), receivedAt: start.AddMinutes(i))).ToList();
        var options = GraphFixture.OptionsFor(f.Emulator, [.. f.Options.Tenants]);
        options.HuntPageSize = 2;

        var read = await new FolderMessages(f.Clients, Microsoft.Extensions.Options.Options.Create(options), f.Marker)
            .ReadAsync(f.Tenant.Id, user, "inbox", start.AddMinutes(-1)).ToListAsync();

        Assert.Equal(Enumerable.Reverse(ids), read.Select(m => m.Info.Id));
        await Eventually.TrueAsync(() => Pages(user).Count >= 3);
        var pages = Pages(user);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Matches(@"(\$|%24)top=2(&|$)", p.Query));
    }

    [Fact]
    public void HuntPageSize_DefaultsToTheMeasuredChoice() => Assert.Equal(100, new GraphOptions().HuntPageSize);

    private List<M365Scanner.GraphEmulator.Faults.LoggedRequest> Pages(string user) =>
        [.. f.GraphRequests(p => p.Contains(user, StringComparison.Ordinal) && p.EndsWith("/mailFolders/inbox/messages", StringComparison.Ordinal))];
}
