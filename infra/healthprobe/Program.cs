// Exit 0 when GET <url> answers 2xx within 3 seconds, else 1: the contract of Docker's HEALTHCHECK.
// One request, no retries: Docker's own --retries decides when "unhealthy" is declared.
var url = args.Length > 0 ? args[0] : "http://127.0.0.1:8080/healthz";
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await http.GetAsync(url);
    Console.WriteLine($"{url}: {(int)response.StatusCode}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
{
    Console.WriteLine($"{url}: {e.Message}");
    return 1;
}
