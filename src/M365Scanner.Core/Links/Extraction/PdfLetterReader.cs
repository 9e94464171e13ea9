using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Runs a page's content stream through PdfPig's own operator handling (text state, matrices, fonts, forms) and keeps
/// only the letters, each built exactly as PdfPig's renderer builds it, so the words and the text a link covers are
/// PdfPig's own wherever its renderer reads the page (<c>PdfLetterReaderTests</c> compares every page of shared/data).
/// </summary>
/// <remarks><para>What it does not build, PdfPig's renderer builds and the link reader never read: a path object per
/// drawing operator, an image object per image or inline image (with its dictionary checked and its decoding set up),
/// the clip of a form's box, and the marked-content tree. Where the renderer threw on one of those (an inline image
/// without a width, a form box past its clipper's range, a broken image inside marked content), the page was read for
/// its annotations only; now its text is read too. Content streams are still parsed by PdfPig's own parser, inline
/// image data included, so what a page shows is tokenized as before.</para>
/// <para>The letters equal the renderer's only while clipping and /ActualText are off in the parsing options, as the
/// link reader leaves them, so the constructor refuses either.</para></remarks>
internal sealed class PdfLetterReader : BaseStreamProcessor<List<Letter>>
{
    private readonly List<Letter> letters = [];

    public PdfLetterReader(int pageNumber, IResourceStore resourceStore, IPdfTokenScanner pdfScanner,
        IPageContentParser pageContentParser, ILookupFilterProvider filterProvider, CropBox cropBox,
        UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix,
        ParsingOptions parsingOptions)
        : base(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation,
            in initialMatrix, parsingOptions)
    {
        if (parsingOptions.ClipPaths || parsingOptions.UseActualText)
            throw new NotSupportedException("letters are read as PdfPig renders them with ClipPaths and UseActualText off");
    }

    public override List<Letter> Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        PageNumber = pageNumberCurrent;
        CloneAllStates();
        ProcessOperations(operations);
        return letters;
    }

    // PdfPig's ContentStreamProcessor.RenderGlyph, without its clipping and /ActualText branches (both off, see the
    // constructor) and without adding the letter to the marked-content tree.
    public override void RenderGlyph(IFont font, CurrentGraphicsState currentState, double fontSize, double pointSize, int code,
        string unicode, long currentOffset, in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix,
        in TransformationMatrix transformationMatrix, CharacterBoundingBox characterBoundingBox)
    {
        var glyph = PerformantRectangleTransformer.Transform(in renderingMatrix, in textMatrix, in transformationMatrix,
            characterBoundingBox.GlyphBounds);
        if (Diacritics.IsInCombiningDiacriticRange(unicode) && currentOffset > 0 && letters.Count > 0)
        {
            var previous = letters[^1];
            if (previous.TextSequence == TextSequence &&
                Diacritics.TryCombineDiacriticWithPreviousLetter(unicode, previous.Value, out var combined))
            {
                letters[^1] = new Letter(combined, previous.BoundingBox, previous.GlyphRectangleLoose, previous.StartBaseLine,
                    previous.EndBaseLine, previous.Width, previous.FontSize, previous.GetFont()!, previous.RenderingMode,
                    previous.StrokeColor, previous.FillColor, previous.PointSize, previous.TextSequence);
                return;
            }
        }
        var advance = PerformantRectangleTransformer.Transform(in renderingMatrix, in textMatrix, in transformationMatrix,
            new PdfRectangle(0.0, 0.0, characterBoundingBox.Width, UserSpaceUnit.PointMultiples));
        var loose = PerformantRectangleTransformer.Transform(in renderingMatrix, in textMatrix, in transformationMatrix,
            new PdfRectangle(0.0, font.GetDescent(), characterBoundingBox.Width, font.GetAscent()));
        var hasArea = glyph.Width > double.Epsilon || glyph.Height > double.Epsilon;
        letters.Add(new Letter(unicode, hasArea ? glyph : advance, loose, advance.BottomLeft, advance.BottomRight, advance.Width,
            fontSize, font, currentState.FontState.TextRenderingMode, currentState.CurrentStrokingColor,
            currentState.CurrentNonStrokingColor, pointSize, TextSequence));
    }

    // Nothing below shows text.
    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord) { }
    protected override void RenderInlineImage(InlineImage inlineImage) { }
    public override void BeginInlineImage() { }
    public override void SetInlineImageProperties(IReadOnlyDictionary<NameToken, IToken> properties) { }
    public override void EndInlineImage(Memory<byte> bytes) { }
    public override void BeginSubpath() { }
    public override PdfPoint? CloseSubpath() => null;
    public override void MoveTo(double x, double y) { }
    public override void LineTo(double x, double y) { }
    public override void BezierCurveTo(double x2, double y2, double x3, double y3) { }
    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3) { }
    public override void Rectangle(double x, double y, double width, double height) { }
    public override void ClosePath() { }
    public override void EndPath() { }
    public override void StrokePath(bool close) { }
    public override void FillPath(FillingRule fillingRule, bool close) { }
    public override void FillStrokePath(FillingRule fillingRule, bool close) { }
    public override void ModifyClippingIntersect(FillingRule clippingRule) { }
    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule) { }
    public override void PaintShading(NameToken shadingName) { }
    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties) { }
    public override void EndMarkedContent() { }
}
