using M365Scanner.Graph.Mail;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class AttachmentPlanTests
{
    private const int Cap = 1_000_000;
    private const long Budget = 4_000_000;

    private static FileAttachment File(string id, int size) => new() { Id = id, Size = size };

    private static AttachmentPlan Plan(params Attachment[] attachments) => AttachmentPlan.For(attachments, attachments.Length, Cap, Budget);

    [Fact]
    public void NoAttachments_NothingToRead()
    {
        var plan = Plan();

        Assert.Empty(plan.Listed);
        Assert.Empty(plan.ByValue);
    }

    [Fact]
    public void OneSmallFile_ByValue_RawBytesForTheSameOneRequest()
    {
        var plan = Plan(File("a", 10));

        Assert.Empty(plan.Listed);
        Assert.Equal(["a"], plan.ByValue.Select(a => a.Id));
    }

    [Fact]
    public void SeveralSmallFilesWithinTheBudget_OneList_LimitedByTheirBase64()
    {
        var plan = Plan(File("a", 300), File("b", 300), File("c", 300));

        Assert.Equal(["a", "b", "c"], plan.Listed.Select(a => a.Id));
        Assert.Empty(plan.ByValue);
        Assert.Equal(900 * 4 / 3 + 4096 * 4, plan.ListResponseLimit);
    }

    [Fact]
    public void AnyFileOverTheCap_NeverListed_NeverRead()
    {
        var plan = Plan(File("a", 10), File("b", 10), File("big", Cap + 1));

        Assert.Empty(plan.Listed);
        Assert.Equal(["a", "b"], plan.ByValue.Select(a => a.Id));
    }

    [Fact]
    public void FilesOverTheListBudget_EachByValue()
    {
        var plan = Plan(File("a", 900_000), File("b", 900_000), File("c", 900_000), File("d", 900_000), File("e", 900_000));

        Assert.Empty(plan.Listed);
        Assert.Equal(5, plan.ByValue.Count);
    }

    [Fact]
    public void ListBudgetZero_AlwaysByValue()
    {
        var plan = AttachmentPlan.For([File("a", 10), File("b", 10)], 2, Cap, listBudget: 0);

        Assert.Empty(plan.Listed);
        Assert.Equal(2, plan.ByValue.Count);
    }

    [Fact]
    public void ItemAttachment_AlwaysByValue_ItsMimeIsNotInTheList()
    {
        var plan = Plan(File("a", 10), File("b", 10), new ItemAttachment { Id = "mail", Size = 5_000 });

        Assert.Equal(["a", "b"], plan.Listed.Select(a => a.Id));
        Assert.Equal(["mail"], plan.ByValue.Select(a => a.Id));
    }

    [Fact]
    public void ItemAttachmentOverTheCap_NotRead()
    {
        var plan = Plan(new ItemAttachment { Id = "mail", Size = Cap + 1 });

        Assert.Empty(plan.ByValue);
    }
}
