using M365Scanner.Core.Mail;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderAuthFailureSignalTests
{
    private readonly SenderAuthFailureSignal _signal = new();

    [Fact]
    public void Evaluate_FiresAtFullStrength_WhenDmarcAndCompauthFail()
    {
        var hit = Evaluate("spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=none (message not signed) header.d=none;" +
                           "dmarc=fail action=none header.from=x.com;compauth=fail reason=001");
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight);
        Assert.Contains("dmarc=fail (header.from=x.com)", hit.Explanation);
        Assert.Contains("compauth=fail (reason=001)", hit.Explanation);
        Assert.Contains("spf=fail (smtp.mailfrom=x.com)", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresWeaker_WhenOnlySpfHardFails() =>
        Assert.Equal(_signal.Weight * 0.7, Evaluate("spf=fail smtp.mailfrom=x.com; dkim=none; dmarc=none header.from=x.com")?.Weight);

    [Fact]
    public void Evaluate_FiresWeakly_WhenOnlySpfSoftfails() =>
        Assert.Equal(_signal.Weight * 0.4, Evaluate("spf=softfail smtp.mailfrom=x.com; dmarc=pass header.from=x.com")?.Weight);

    [Fact]
    public void Evaluate_FiresWeakly_WhenTheOnlyDkimSignatureFails() =>
        Assert.Equal(_signal.Weight * 0.4, Evaluate("mx.example.net; dkim=fail header.d=x.com; spf=pass")?.Weight);

    [Fact]
    public void Evaluate_DoesNotFire_WhenAnotherDkimSignaturePasses() =>
        Assert.Null(Evaluate("mx.example.net; dkim=fail header.d=list.example; dkim=pass header.d=x.com; spf=pass"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenEverythingPasses() =>
        Assert.Null(Evaluate("spf=pass smtp.mailfrom=x.com; dkim=pass header.d=x.com;dmarc=pass action=none header.from=x.com;compauth=pass reason=100"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenResultsAreOnlyNoneOrErrors() =>
        Assert.Null(Evaluate("spf=none smtp.mailfrom=x.com; dkim=none;dmarc=permerror action=none header.from=x.com;spf=temperror"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenMessageHasNoAuthenticationResults() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("x@x.com"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenOnlyALowerForgeableHeaderFails()
    {
        var message = ScoringScenario.Mail("x@x.com") with
        {
            Headers =
            [
                new MessageHeader("Authentication-Results", "mx.tenant.example; spf=pass smtp.mailfrom=x.com; dmarc=pass"),
                new MessageHeader("Authentication-Results", "relay.x.com; dmarc=fail header.from=x.com"),
            ],
        };
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(message)));
    }

    private Core.Scoring.SignalHit? Evaluate(string header)
    {
        var message = ScoringScenario.Mail("x@x.com") with
        {
            Headers = [new MessageHeader("Authentication-Results", header)],
            AuthenticationResults = [header],
        };
        return _signal.Evaluate(new ScoringScenario().Deliver(message));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenAListCopysOnlyFailureIsItsAuthorsDkimSignature()
    {
        // The list rewrote the subject and added a footer: the author's signature breaks on every copy.
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ListCopy(
            "mm.lists.example; dkim=fail reason=\"signature verification failed\" header.d=university.example"))));
    }

    [Fact]
    public void Evaluate_StillFires_WhenAListCopyFailsDmarc() =>
        Assert.Equal(_signal.Weight, _signal.Evaluate(new ScoringScenario().Deliver(ListCopy(
            "mx.tenant.example; dkim=fail header.d=university.example; dmarc=fail header.from=university.example")))?.Weight);

    private static EmailMessage ListCopy(string results) => ScoringScenario.Mail("someone@university.example") with
    {
        Headers =
        [
            new MessageHeader("Authentication-Results", results),
            new MessageHeader("List-Id", "Users <users.lists.project.example>"),
            new MessageHeader("List-Post", "<mailto:users@lists.project.example>"),
        ],
        AuthenticationResults = [results],
    };
}
