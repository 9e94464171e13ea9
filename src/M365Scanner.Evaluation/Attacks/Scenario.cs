namespace M365Scanner.Evaluation.Attacks;

/// <summary>The injected attack scenarios of issue 3, item 5.</summary>
public enum Scenario
{
    /// <summary>A real later message from an established correspondent, with a phishing URL added to its body
    /// (a compromised partner account).</summary>
    LateralBody,
    /// <summary>The same, with a real phishing PDF attached instead.</summary>
    LateralPdf,
    /// <summary>A real phishing message re-addressed to the mailbox.</summary>
    External,
}

public static class ScenarioNames
{
    public static string Of(Scenario scenario) => scenario switch
    {
        Scenario.LateralBody => "lateral-body",
        Scenario.LateralPdf => "lateral-pdf",
        Scenario.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };
}
