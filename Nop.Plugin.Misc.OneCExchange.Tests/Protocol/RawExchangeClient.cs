using System.Net.Http.Headers;
using System.Text;

namespace OneCExchange.Tests.Protocol;

/// <summary>Hand-made requests to the loopback host, for asserting exact answers to good and bad input.</summary>
public sealed class RawExchangeClient(LoopbackExchangeHost host) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false });

    public HttpResponseMessage? LastResponse { get; private set; }

    public static AuthenticationHeaderValue Basic(string login, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login + ":" + password)));

    public static AuthenticationHeaderValue GoodBasic => Basic(LoopbackExchangeHost.Login, LoopbackExchangeHost.Password);

    /// <summary>checkauth with the right credentials; returns the Cookie header value to send afterwards and the sessid.</summary>
    public async Task<(string Cookie, string Sessid, string[] Lines)> CheckAuthAsync(string type)
    {
        var text = await GetAsync($"type={type}&mode=checkauth", auth: GoodBasic);
        var lines = text.Split('\n');
        if (lines[0] != "success")
            throw new InvalidOperationException("checkauth failed: " + text);
        return ($"{lines[1]}={lines[2]}", lines[3]["sessid=".Length..], lines);
    }

    public Task<string> GetAsync(string query, string? cookie = null, AuthenticationHeaderValue? auth = null, Uri? url = null) =>
        SendAsync(HttpMethod.Get, query, null, cookie, auth, url);

    public Task<string> PostAsync(string query, byte[] body, string? cookie) =>
        SendAsync(HttpMethod.Post, query, new ByteArrayContent(body), cookie, null, null);

    private async Task<string> SendAsync(HttpMethod method, string query, HttpContent? body, string? cookie,
        AuthenticationHeaderValue? auth, Uri? url)
    {
        var request = new HttpRequestMessage(method, new UriBuilder(url ?? host.ExchangeUrl) { Query = query }.Uri) { Content = body };
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        request.Headers.Authorization = auth;
        LastResponse = await _http.SendAsync(request);
        var bytes = await LastResponse.Content.ReadAsByteArrayAsync();
        var charset = LastResponse.Content.Headers.ContentType?.CharSet;
        if (charset == "windows-1251")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
        return Encoding.UTF8.GetString(bytes);
    }

    public void Dispose() => _http.Dispose();
}
