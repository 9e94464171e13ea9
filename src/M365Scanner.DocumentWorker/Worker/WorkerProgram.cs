using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Worker;

/// <summary>
/// The worker process: says hello, then reads one document per request frame on stdin and writes one response frame
/// on stdout, until stdin ends. Started by <c>PdfWorkerPool</c>, never by people.
/// </summary>
/// <remarks>Stdout carries frames and nothing else: anything a library prints goes to stderr instead, which the pool
/// keeps for its log.</remarks>
public static class WorkerProgram
{
    public static int Main()
    {
        var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        var requests = new RequestReader(Console.OpenStandardInput());
        var parser = new DocumentParser(TestFaults.FromEnvironment());

        WorkerHello.WriteTo(output);
        requests.Start();
        while (true)
        {
            ParseRequest request;
            try
            {
                request = ParseRequest.Read(requests.Next());
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"document worker: unreadable request, exiting: {e.Message}");
                return WorkerExitCodes.ProtocolError;
            }

            ParseResponse response;
            try
            {
                response = parser.Parse(request);
            }
            catch (OutOfMemoryException)
            {
                Console.Error.WriteLine($"document worker: out of memory reading {request.AttachmentOrigin}");
                return WorkerExitCodes.OutOfMemory;
            }
            try
            {
                response.WriteTo(output);
            }
            catch (IOException)
            {
                return WorkerExitCodes.ParentGone; // the parent stopped listening
            }
        }
    }
}
