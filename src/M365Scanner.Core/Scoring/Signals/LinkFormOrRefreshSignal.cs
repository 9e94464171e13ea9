using M365Scanner.Core.Links;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: form target or automatic redirect: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkFormOrRefreshSignal : LinkSignal
{
    public override string Id => "link.form-or-refresh";
    public override string Name => "Link: form target or automatic redirect";
    public override double Weight => 1.0;
    public override string Description =>
        "A <form action> in a mail posts what the reader types straight to the attacker; a <meta refresh> " +
        "sends the reader on without a click. Modest: newsletters embed search and subscribe forms.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "Newsletters with a search or subscribe form.";

    public override SignalHit? Evaluate(LinkContext context) => context.Link.Source switch
    {
        LinkSource.FormAction => Hit($"a form in the message sends what the reader types to {context.Link.Host ?? "an inline target"}"),
        LinkSource.MetaRefresh => Hit($"the message redirects by itself to {context.Link.Host ?? "an inline target"} (meta refresh)"),
        _ => null,
    };
}
