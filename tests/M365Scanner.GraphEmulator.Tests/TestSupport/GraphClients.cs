using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace M365Scanner.GraphEmulator.Tests.TestSupport;

/// <summary>Builds Graph clients exactly as production will: Azure.Identity credentials against an authority host,
/// the Graph SDK's default middleware (retry, redirect, compression...) over an HttpClient, and Kiota's Azure
/// auth provider limited to the Graph host. Only the endpoints and the TLS trust differ from the real cloud.</summary>
public static class GraphClients
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    public static TokenCredential SecretCredential(EmulatorHost emulator, string tenantId, string clientId, string secret) =>
        new ClientSecretCredential(tenantId, clientId, secret, new ClientSecretCredentialOptions
        {
            AuthorityHost = emulator.AuthorityHost,
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(emulator.CreateHttpHandler()),
        });

    public static TokenCredential CertificateCredential(EmulatorHost emulator, string tenantId, string clientId,
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        new ClientCertificateCredential(tenantId, clientId, certificate, new ClientCertificateCredentialOptions
        {
            AuthorityHost = emulator.AuthorityHost,
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(emulator.CreateHttpHandler()),
        });

    /// <summary>A GraphServiceClient against <paramref name="graphBase"/> (the emulator's /v1.0 or /beta).</summary>
    public static GraphServiceClient Create(Uri graphBase, HttpMessageHandler transport, TokenCredential credential)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var http = GraphClientFactory.Create(handlers, finalHandler: transport);
        http.BaseAddress = graphBase;
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [graphBase.Host], scopes: [GraphScope]);
        return new GraphServiceClient(http, auth, graphBase.ToString().TrimEnd('/'));
    }

    public static GraphServiceClient Create(EmulatorHost emulator, TokenCredential credential) =>
        Create(emulator.GraphV1, emulator.CreateHttpHandler(), credential);
}
