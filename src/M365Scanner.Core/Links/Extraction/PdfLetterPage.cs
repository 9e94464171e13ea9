using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>A page as the link reader needs it: its dictionary (for the annotations) and its letters (for the words),
/// without the paths, images and marked content PdfPig's own <see cref="Page"/> also builds.</summary>
internal sealed record PdfLetterPage(DictionaryToken Dictionary, IReadOnlyList<Letter> Letters);

/// <summary>Builds <see cref="PdfLetterPage"/>s through PdfPig's page pipeline (resources, content streams, forms,
/// fonts), with <see cref="PdfLetterReader"/> in place of its renderer. Registered on a document with
/// <c>AddPageFactory&lt;PdfLetterPage, PdfLetterPageFactory&gt;()</c>, which calls this constructor.</summary>
internal sealed class PdfLetterPageFactory(
    IPdfTokenScanner pdfScanner,
    IResourceStore resourceStore,
    ILookupFilterProvider filterProvider,
    IPageContentParser pageContentParser,
    ParsingOptions parsingOptions)
    : BasePageFactory<PdfLetterPage>(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions)
{
    protected override PdfLetterPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations,
        MediaBox mediaBox, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation,
        TransformationMatrix initialMatrix, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        if (operations is null || operations.Count == 0)
            return new PdfLetterPage(dictionary, []);
        var reader = new PdfLetterReader(pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox,
            userSpaceUnit, rotation, initialMatrix, ParsingOptions);
        return new PdfLetterPage(dictionary, reader.Process(pageNumber, operations));
    }
}
