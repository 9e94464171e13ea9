using M365Scanner.HostileCorpus.Items;

namespace M365Scanner.HostileCorpus;

/// <summary>Every item of the hostile corpus of issue 11, controls last. Items are recipes: a message is built only
/// when asked for, so listing the corpus costs nothing.</summary>
public static class Corpus
{
    public static IReadOnlyList<HostileItem> All { get; } =
    [
        .. PdfCycleItems.All,
        .. PdfBudgetItems.All,
        .. PdfEncryptedItems.All,
        .. BodyItems.All,
        .. MimeNestingItems.All,
        .. MimeHeaderItems.All,
        .. OfficeItems.All,
        .. ControlItems.All,
    ];

    public static IEnumerable<HostileItem> Hostile => All.Where(i => !i.IsControl);

    public static IEnumerable<HostileItem> Controls => All.Where(i => i.IsControl);

    /// <exception cref="KeyNotFoundException">No item has that name.</exception>
    public static HostileItem Get(string name) =>
        All.FirstOrDefault(i => i.Name == name) ?? throw new KeyNotFoundException($"no hostile corpus item '{name}'");
}
