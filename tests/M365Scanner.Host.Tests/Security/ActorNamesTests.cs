using System.Security.Claims;
using M365Scanner.Host.Security;

namespace M365Scanner.Host.Tests.Security;

/// <summary>The one rule every state-changing endpoint records its caller by.</summary>
public class ActorNamesTests
{
    [Fact]
    public void Of_IsTheIdentitysName_ForAnApiKeyOrASignedInUser()
    {
        Assert.Equal("automation key", ActorNames.Of(User("ApiKey", new Claim(ClaimTypes.Name, "automation key"))));
        Assert.Equal("alice@contoso.com", ActorNames.Of(User("Cookies", new Claim(ClaimTypes.Name, "alice@contoso.com"),
            new Claim("preferred_username", "other@contoso.com"))));
    }

    [Fact]
    public void Of_FallsBackToPreferredUsernameThenSubject_WhenTheNameClaimDidNotMap()
    {
        Assert.Equal("alice@contoso.com", ActorNames.Of(User("Cookies", new Claim("preferred_username", "alice@contoso.com"),
            new Claim("sub", "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ"))));
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", ActorNames.Of(User("Cookies", new Claim("sub", "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ"))));
        Assert.Equal("unnamed Cookies user", ActorNames.Of(User("Cookies")));
    }

    [Fact]
    public void Of_Throws_ForAnAnonymousCaller()
    {
        Assert.Throws<InvalidOperationException>(() => ActorNames.Of(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private static ClaimsPrincipal User(string scheme, params Claim[] claims) => new(new ClaimsIdentity(claims, scheme));
}
