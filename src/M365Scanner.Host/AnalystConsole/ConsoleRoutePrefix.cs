using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>Serves every console page under <see cref="ConsolePaths.Root"/>, so the pages' folder names stay short and
/// the console shares nothing of the URL space with the API, the webhook and the blocked-link page.</summary>
internal sealed class ConsoleRoutePrefix : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            selector.AttributeRouteModel = new AttributeRouteModel
            {
                Template = AttributeRouteModel.CombineTemplates(ConsolePaths.Root.TrimStart('/'), template),
            };
        }
    }
}
