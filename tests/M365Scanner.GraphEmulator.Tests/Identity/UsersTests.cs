using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace M365Scanner.GraphEmulator.Tests.Identity;

public sealed class UsersTests : IAsyncLifetime
{
    private readonly EmulatorFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task ListUsers_PagesThroughAllUsers_WithNextLink()
    {
        var created = Enumerable.Range(0, 7).Select(i => _f.NewUser($"user{i}")).ToArray();
        var first = await _f.Graph.Users.GetAsync(r => r.QueryParameters.Top = 3);
        Assert.NotNull(first!.OdataNextLink);

        var seen = new List<User>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(_f.Graph, first, u => { seen.Add(u); return true; });
        await iterator.IterateAsync();

        Assert.Equal(created.Select(u => u.Id), seen.Select(u => u.Id));
    }

    [Fact]
    public async Task ListUsers_Returns403AuthorizationRequestDenied_WithoutUserRole()
    {
        var app = _f.Emulator.Control.RegisterApp(_f.Tenant.Id, secret: "s", grantedRoles: ["Mail.ReadWrite"]);
        var graph = GraphClients.Create(_f.Emulator, GraphClients.SecretCredential(_f.Emulator, _f.Tenant.Id, app.ClientId, "s"));

        var e = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => graph.Users.GetAsync());

        Assert.Equal(403, e.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", e.Error!.Code);
    }

    [Fact]
    public async Task GetUser_ByUserPrincipalName()
    {
        var user = _f.NewUser("carol");

        var fetched = await _f.Graph.Users["carol@contoso.onmicrosoft.com"].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"]);

        Assert.Equal(user.Id, fetched!.Id);
        Assert.Equal("carol", fetched.DisplayName);
        Assert.Null(fetched.UserPrincipalName);
    }
}
