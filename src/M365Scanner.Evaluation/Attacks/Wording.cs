namespace M365Scanner.Evaluation.Attacks;

/// <summary>How a compromised account introduces the link: a sentence around it, the same in the text and HTML
/// bodies, and the anchor text the HTML shows (null: the URL itself).</summary>
/// <param name="Lead">Written before the URL; ends with a space.</param>
/// <param name="Tail">Written after the URL; empty or starting with a space, so no character can join the URL.</param>
public sealed record Wording(string Lead, string Tail, string? AnchorText)
{
    /// <summary>Short, plain sentences of the kind a colleague on a technical list writes.</summary>
    public static IReadOnlyList<Wording> All { get; } =
    [
        new("Please review the document here: ", "", null),
        new("I put the captures and logs on our share: ", "", "our share"),
        new("The updated FPGA image is at ", " (sign in with your usual account)", null),
        new("Could you have a look at this before we continue? ", "", "shared folder"),
        new("Full report with the plots: ", "", null),
        new("See the attached notes, also available online ", "", "here"),
    ];
}
