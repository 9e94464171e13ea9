using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The contract against PostgreSQL, in a schema of its own per test (skipped when no server is configured),
/// and claims by two hosts at once taking different alerts.</summary>
public sealed class PostgresAlertOutboxTests : AlertOutboxContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override IAlertOutbox CreateStore() => new PostgresAlertOutbox(Own(new PostgresDatabase(_schema.ConnectionString)));

    [SkippableFact]
    public async Task Claim_ByTwoHostsAtOnce_NeverTakesAnAlertTwice()
    {
        var first = CreateStore();
        var second = CreateStore();
        for (var i = 0; i < 200; i++)
            first.Enqueue(OutboundAlert.New($"a{i}", "soc", new MessageKey("t", "m", $"id{i}"), "{}", T0));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() =>
        {
            var store = n % 2 == 0 ? first : second;
            var taken = new List<string>();
            while (store.Claim($"host-{n}", T0, T0.AddMinutes(1), 7) is { Count: > 0 } batch)
                taken.AddRange(batch.Select(a => a.Id));
            return taken;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
