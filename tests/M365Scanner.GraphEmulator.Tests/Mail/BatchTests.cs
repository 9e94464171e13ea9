using System.Net;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class BatchTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task BatchOf25_IsSplitInTwoBySdk_AndEveryStepAnswers()
    {
        var user = f.NewUser();
        var ids = Enumerable.Range(0, 25).Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"batch {i}"))).ToArray();
        f.Emulator.Control.ClearRequests();
        var batch = new BatchRequestContentCollection(f.Graph);
        var stepIds = new List<string>();
        foreach (var id in ids)
            stepIds.Add(await batch.AddBatchRequestStepAsync(f.Graph.Users[user.Id].Messages[id].ToGetRequestInformation(r => r.QueryParameters.Select = ["subject"])));

        var responses = await f.Graph.Batch.PostAsync(batch);

        var subjects = new List<string?>();
        foreach (var step in stepIds) subjects.Add((await responses.GetResponseByIdAsync<Message>(step)).Subject);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"batch {i}"), subjects);
        Assert.Equal(2, f.Emulator.Control.Requests.Count(r => r.Path.EndsWith("/$batch")));
        Assert.Equal(25, f.Emulator.Control.Requests.Count(r => r.Path.Contains("/messages/")));
    }

    [Fact]
    public async Task DependsOn_RunsInOrder_AndFailedDependencyGives424()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("patched in batch"));
        var content = new BatchRequestContent(f.Graph);
        var patch = f.Graph.Users[user.Id].Messages[id].ToPatchRequestInformation(new Message { IsRead = true });
        var patchId = await content.AddBatchRequestStepAsync(patch);
        var getStep = new BatchRequestStep("get", await f.Graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(
            f.Graph.Users[user.Id].Messages[id].ToGetRequestInformation()), [patchId]);
        content.AddBatchRequestStep(getStep);
        var missing = await content.AddBatchRequestStepAsync(f.Graph.Users[user.Id].Messages["AAMkAGInope="].ToGetRequestInformation());
        content.AddBatchRequestStep(new BatchRequestStep("after-missing", await f.Graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(
            f.Graph.Users[user.Id].MailFolders["inbox"].ToGetRequestInformation()), [missing]));

        var response = await f.Graph.Batch.PostAsync(content);
        var codes = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(HttpStatusCode.OK, codes[patchId]);
        Assert.True((await response.GetResponseByIdAsync<Message>("get")).IsRead);
        Assert.Equal(HttpStatusCode.NotFound, codes[missing]);
        Assert.Equal((HttpStatusCode)424, codes["after-missing"]);
    }
}
