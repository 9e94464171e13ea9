using M365Scanner.Graph.Mail;
using static M365Scanner.Graph.Mail.CopyAttachmentRoute;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class CopyAttachmentPlanTests
{
    private const long MiB = 1024 * 1024;
    private const long SmallBody = 2_000;

    [Fact]
    public void For_SmallAttachments_AllInline_NothingAfterTheCreate()
    {
        long[] sizes = [40_000, 200_000, 1 * MiB];

        var plan = Plan(sizes, SmallBody);

        Assert.Equal([Inline, Inline, Inline], plan.Routes);
        Assert.Equal(0, CopyAttachmentPlan.RequestsAfterCreate(sizes, plan));
    }

    [Fact]
    public void For_20MbPdf_UploadSession_OneSessionSixRangesAndTheMarkingPatch()
    {
        long[] sizes = [13, 20 * MiB];

        var plan = Plan(sizes, SmallBody);

        Assert.Equal([Inline, Uploaded], plan.Routes);
        Assert.Equal(1 + 6 + 1, CopyAttachmentPlan.RequestsAfterCreate(sizes, plan));
    }

    [Fact]
    public void For_TheSessionThreshold_Is3MB_JustUnderItTheBase64DoesNotFitTheCreate_SoItIsPosted()
    {
        Assert.Equal([Posted], Plan([2_999_999], 0).Routes);
        Assert.Equal([Uploaded], Plan([3_000_000], 0).Routes);
    }

    [Fact]
    public void For_SmallOnesThatDoNotFitTogether_FirstInline_TheRestPosted_ALaterSmallOneStillInlineIfItFits()
    {
        var plan = Plan([2 * MiB, 2 * MiB, 2 * MiB, 10_000], SmallBody);

        Assert.Equal([Inline, Posted, Posted, Inline], plan.Routes);
    }

    [Fact]
    public void For_ABodyThatFillsTheCreate_PushesEvenSmallAttachmentsOut()
    {
        var plan = Plan([100_000], CopyAttachmentPlan.CreateBudgetBytes - 1_000);

        Assert.Equal([Posted], plan.Routes);
    }

    [Fact]
    public void For_LongNames_CountAgainstTheCreate()
    {
        var room = CopyAttachmentPlan.CreateBudgetBytes - SmallBody - (2 * MiB + 2) / 3 * 4 - 512;

        Assert.Equal([Inline], CopyAttachmentPlan.For([2 * MiB], [room / 6], SmallBody).Routes);
        Assert.Equal([Posted], CopyAttachmentPlan.For([2 * MiB], [room / 6 + 1], SmallBody).Routes);
    }

    [Fact]
    public void UploadRange_IsAMultipleOf320KiB_AndUnder4MBInEitherReading() =>
        Assert.True(CopyAttachmentPlan.UploadRangeBytes % (320 * 1024) == 0 && CopyAttachmentPlan.UploadRangeBytes < 4_000_000);

    private static CopyAttachmentPlan Plan(long[] sizes, long body) => CopyAttachmentPlan.For(sizes, [.. sizes.Select(_ => 20L)], body);
}
