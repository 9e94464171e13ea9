using System.Reflection;
using M365Scanner.Core.Mail;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Mailboxes.Graph;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Mailboxes;

/// <summary>The mailbox ports by role, each answered by the Graph adapter, and the handle a read message carries,
/// which only the adapter that made it can open.</summary>
public sealed class MailboxPortsTests : IDisposable
{
    private readonly string dataDirectory = TestDataDirectory.New();

    public void Dispose() => TestDataDirectory.Delete(dataDirectory);

    private WebApplication Build() =>
        ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Scanner:DataDirectory"] = dataDirectory }));

    [Fact]
    public void EachMailboxRole_IsAnsweredByItsGraphAdapter()
    {
        using var host = Build();

        Assert.IsType<GraphMailboxMessages>(host.Services.GetRequiredService<IMailboxMessages>());
        Assert.IsType<GraphMailboxSubscriptions>(host.Services.GetRequiredService<IMailboxSubscriptions>());
        Assert.IsType<GraphMailboxHistory>(host.Services.GetRequiredService<IMailboxHistory>());
    }

    [Fact]
    public async Task RewrittenCopy_IsRefused_ForAMessageGraphDidNotRead()
    {
        using var host = Build();
        var graph = host.Services.GetRequiredService<IMailboxMessages>();
        var notReadByGraph = new InMemoryMailbox().Deliver(new EmailMessage { InternetMessageId = "a@example.test" });
        Assert.Null(notReadByGraph.Handle);

        // Refused before any request: there is no Graph resource to copy from.
        await Assert.ThrowsAsync<InvalidOperationException>(() => graph.CreateRewrittenCopyAsync("tenant", "user@example.test",
            notReadByGraph, new RewrittenContent("<p>rewritten</p>", null, new Dictionary<int, EmailAttachment>()), CancellationToken.None));
    }

    [Fact]
    public void MessageHandle_OffersNothingOutsideTheAdapter()
    {
        var handle = typeof(MessageHandle);

        Assert.True(handle.IsAbstract);
        // private protected: only a type in the host's own assembly can derive from it.
        Assert.All(handle.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic),
            c => Assert.True(c.IsFamilyAndAssembly, $"{c} is reachable from outside the host"));
        Assert.Empty(handle.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly));
        Assert.DoesNotContain(handle.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly),
            m => m is not ConstructorInfo);
        Assert.False(typeof(GraphMessageHandle).IsPublic, "the Graph handle's type must not leave the host");
    }
}
