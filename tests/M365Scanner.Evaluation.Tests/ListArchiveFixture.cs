using M365Scanner.Evaluation.Data;

namespace M365Scanner.Evaluation.Tests;

/// <summary>The usrp-users archive read once, in place (../shared/data beside the repository), for every test that
/// needs it.</summary>
public sealed class ListArchiveFixture
{
    public ListArchiveFixture()
    {
        DataRoot = Evaluation.Data.DataRoot.Resolve(null);
        Archive = ListCorpus.Load(DataRoot, out var unreadable, out var undated);
        Unreadable = unreadable;
        Undated = undated;
    }

    public string DataRoot { get; }
    public IReadOnlyList<ListMessage> Archive { get; }
    public int Unreadable { get; }
    public int Undated { get; }
}

[CollectionDefinition(Name)]
public sealed class ListArchiveCollection : ICollectionFixture<ListArchiveFixture>
{
    public const string Name = "list archive";
}
