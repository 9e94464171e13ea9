namespace M365Scanner.Evaluation.Data;

/// <summary>The benign sources the evaluation reports apart: their mail differs by two decades.</summary>
public static class Sources
{
    /// <summary>Enron inboxes, 2000-2002 plain text.</summary>
    public const string Enron = "enron";

    /// <summary>Subscribers of the usrp-users mailing list, 2021-2022 HTML list mail.</summary>
    public const string Modern = "modern";

    public static IReadOnlyList<string> All { get; } = [Enron, Modern];
}
