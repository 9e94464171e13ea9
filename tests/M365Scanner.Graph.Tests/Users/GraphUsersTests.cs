using M365Scanner.Graph.Tests.TestSupport;

namespace M365Scanner.Graph.Tests.Users;

public sealed class GraphUsersTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task List_PagesPast999_AndReturnsEveryUserWithMail()
    {
        var tenant = f.CertificateTenant.Id; // its own tenant, so other tests' users do not interfere
        var expected = Enumerable.Range(0, 1005).Select(_ => f.NewUser(tenant)).ToHashSet();

        var users = new List<M365Scanner.Graph.Users.GraphUser>();
        await foreach (var u in f.Users.ListAsync(tenant)) users.Add(u);

        Assert.Superset(expected, users.Select(u => u.Id).ToHashSet());
        Assert.All(users, u => Assert.Contains("@", u.Mail));
        Assert.True(f.GraphRequests(p => p == "/v1.0/users").Count >= 2, "1005 users at 999 a page take two pages");
    }
}
