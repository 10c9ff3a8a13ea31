using System.Net.Http.Headers;
using System.Text;

namespace OneCExchange.Cli.Replay;

/// <summary>How a 1C client sends its requests; each reproduces a way real 1C setups talk.</summary>
public enum RequestStyle
{
    /// <summary>GET, the cookie from checkauth (Basic only at checkauth).</summary>
    Standard,

    /// <summary>Every request a POST (an empty form-encoded body where there is no file), with the cookie and Basic auth.</summary>
    PostAll,

    /// <summary>Basic auth on every request and no cookie at all.</summary>
    BasicOnly,
}

/// <summary>
/// Talks to a store's exchange endpoint exactly as 1C does: checkauth with HTTP Basic, then the cookie and sessid on
/// every request, raw POST bodies cut to file_limit, the import loop on progress.
/// </summary>
public sealed class ExchangeClient(HttpClient http, Uri endpoint, string login, string password, TextWriter? verbose = null,
    RequestStyle style = RequestStyle.Standard)
{
    /// <summary>1C repeats import on progress with no documented cap; this bound only stops a store that never finishes.</summary>
    public int MaxImportSteps { get; init; } = 100_000;

    private string? _type;
    private string? _cookie;
    private string? _sessid;

    /// <summary>The timestamp= line of the catalog checkauth (1C echoes it in deactivate).</summary>
    public string? Timestamp { get; private set; }

    /// <param name="type">The type of the checkauth and of every later request.</param>
    /// <param name="checkAuthType">The type of the checkauth itself when it differs (some 1C setups open a catalog exchange with type=sale).</param>
    public async Task CheckAuthAsync(string type, CancellationToken ct, string? checkAuthType = null)
    {
        _type = checkAuthType ?? type;
        _cookie = _sessid = Timestamp = null;
        var answer = await GetTextAsync("checkauth", [], ct, basicAuth: true);
        _type = type;
        if (answer.Keyword != "success" || answer.Lines.Count < 3)
            throw new ExchangeFailedException("checkauth", answer.Text);
        _cookie = answer.Lines[1].Trim() + "=" + answer.Lines[2].Trim();
        _sessid = answer.Value("sessid");
        Timestamp = answer.Value("timestamp");
    }

    /// <returns>Whether the store accepts a zip, and its file_limit.</returns>
    public async Task<(bool Zip, long FileLimit)> InitAsync(string? version, CancellationToken ct)
    {
        var answer = await GetTextAsync("init", version is null ? [] : [("version", version)], ct);
        var zip = answer.Value("zip");
        if (zip is null || !long.TryParse(answer.Value("file_limit"), out var limit) || limit <= 0)
            throw new ExchangeFailedException("init", answer.Text);
        return (zip == "yes", limit);
    }

    /// <summary>Uploads a file in chunks of at most <paramref name="fileLimit"/> bytes, each its own POST.</summary>
    public async Task UploadAsync(string localPath, string remoteName, long fileLimit, CancellationToken ct)
    {
        await using var file = File.OpenRead(localPath);
        // No larger than the file: a picture of a few KB must not cost a buffer of file_limit (up to 64 MB) each.
        var buffer = new byte[(int)Math.Max(1, Math.Min(Math.Min(fileLimit, file.Length), 64 * 1024 * 1024))];
        do
        {
            var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            var answer = await SendAsync(HttpMethod.Post, "file", [("filename", remoteName)], new ByteArrayContent(buffer, 0, read), ct);
            Expect("success", $"file {remoteName}", answer);
        }
        while (file.Position < file.Length);
    }

    /// <summary>
    /// Old sale protocol (no version at init): the whole file in one POST, which the store imports at once; returns
    /// its success message.
    /// </summary>
    public async Task<string> UploadAndProcessAsync(string localPath, string remoteName, CancellationToken ct)
    {
        await using var file = File.OpenRead(localPath);
        var answer = await SendAsync(HttpMethod.Post, "file", [("filename", remoteName)], new StreamContent(file), ct);
        return Expect("success", $"file {remoteName}", answer).Message;
    }

    /// <summary>Repeats import while the store answers progress; returns the final success message.</summary>
    public async Task<string> ImportAsync(string remoteName, CancellationToken ct)
    {
        for (var step = 0; step < MaxImportSteps; step++)
        {
            var answer = await GetTextAsync("import", [("filename", remoteName)], ct);
            if (answer.Keyword == "success")
                return answer.Message;
            if (answer.Keyword != "progress")
                throw new ExchangeFailedException($"import {remoteName}", answer.Text);
        }
        throw new ExchangeFailedException($"import {remoteName}", $"still progress after {MaxImportSteps} requests");
    }

    public async Task<string> DeactivateAsync(CancellationToken ct) =>
        Expect("success", "deactivate", await GetTextAsync("deactivate", Timestamp is null ? [] : [("timestamp", Timestamp)], ct)).Message;

    public async Task<string> CompleteAsync(CancellationToken ct) => Expect("success", "complete", await GetTextAsync("complete", [], ct)).Message;

    /// <summary>How long the last <see cref="QueryAsync"/> waited from sending the request to the answer's first byte.</summary>
    public TimeSpan LastQueryFirstByte { get; private set; }

    /// <summary>mode=query: the orders document, saved as it came.</summary>
    public async Task<long> QueryAsync(string outputPath, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await http.SendAsync(style == RequestStyle.PostAll
            ? Build(HttpMethod.Post, "query", [], new FormUrlEncodedContent([]), basicAuth: false)
            : Build(HttpMethod.Get, "query", [], null, basicAuth: false), HttpCompletionOption.ResponseHeadersRead, ct);
        await using (var output = File.Create(outputPath))
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[81920];
            var first = true;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (first)
                    (LastQueryFirstByte, first) = (watch.Elapsed, false);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        var size = new FileInfo(outputPath).Length;
        var head = await ReadHeadAsync(outputPath, ct);
        verbose?.WriteLine($"<- {size} bytes: {head.Replace("\n", "\\n")}");
        if (head.TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith("failure", StringComparison.Ordinal))
            throw new ExchangeFailedException("query", head);
        return size;
    }

    private static async Task<string> ReadHeadAsync(string path, CancellationToken ct)
    {
        var buffer = new byte[200];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>type=get_catalog's init: answers only zip= (the documents come as plain XML).</summary>
    public async Task GetCatalogInitAsync(CancellationToken ct)
    {
        var answer = await GetTextAsync("init", [], ct);
        if (answer.Value("zip") is null)
            throw new ExchangeFailedException("init", answer.Text);
    }

    /// <summary>type=get_catalog's mode=query: saves the next document; false (nothing saved) once the store answers finished=yes.</summary>
    public async Task<bool> QueryNextDocumentAsync(string outputPath, CancellationToken ct)
    {
        await QueryAsync(outputPath, ct);
        if (!(await ReadHeadAsync(outputPath, ct)).TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith("finished=yes", StringComparison.Ordinal))
            return true;
        File.Delete(outputPath);
        return false;
    }

    /// <summary>type=listen (no checkauth; Basic credentials): true on success (an order is due), false on HTTP 304.</summary>
    public async Task<bool> ListenAsync(CancellationToken ct)
    {
        _type = "listen";
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(endpoint) { Query = "type=listen" }.Uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login + ":" + password)));
        verbose?.WriteLine($"-> GET {request.RequestUri}");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            verbose?.WriteLine("<- 304");
            return false;
        }
        var answer = new ExchangeAnswer(Decode(await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.CharSet));
        verbose?.WriteLine($"<- {(int)response.StatusCode} {answer.Text.Replace("\n", "\\n")}");
        Expect("success", "listen", answer);
        return true;
    }

    public async Task SuccessAsync(CancellationToken ct) => Expect("success", "success", await GetTextAsync("success", [], ct));

    private static ExchangeAnswer Expect(string keyword, string request, ExchangeAnswer answer) =>
        answer.Keyword == keyword ? answer : throw new ExchangeFailedException(request, answer.Text);

    private Task<ExchangeAnswer> GetTextAsync(string mode, (string, string)[] parameters, CancellationToken ct, bool basicAuth = false) =>
        style == RequestStyle.PostAll
            ? SendAsync(HttpMethod.Post, mode, parameters, new FormUrlEncodedContent([]), ct, basicAuth)
            : SendAsync(HttpMethod.Get, mode, parameters, null, ct, basicAuth);

    private async Task<ExchangeAnswer> SendAsync(HttpMethod method, string mode, (string, string)[] parameters, HttpContent? body,
        CancellationToken ct, bool basicAuth = false)
    {
        using var request = Build(method, mode, parameters, body, basicAuth);
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var charset = response.Content.Headers.ContentType?.CharSet;
        var text = Decode(bytes, charset);
        verbose?.WriteLine($"<- {(int)response.StatusCode} {text.Replace("\n", "\\n")}");
        return new ExchangeAnswer(text);
    }

    private HttpRequestMessage Build(HttpMethod method, string mode, (string Name, string Value)[] parameters, HttpContent? body, bool basicAuth)
    {
        var query = new StringBuilder($"type={_type}&mode={mode}");
        foreach (var (name, value) in parameters)
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (_sessid is not null && mode != "checkauth")
            query.Append("&sessid=").Append(Uri.EscapeDataString(_sessid));
        var request = new HttpRequestMessage(method, new UriBuilder(endpoint) { Query = query.ToString() }.Uri) { Content = body };
        if (basicAuth || style != RequestStyle.Standard)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(login + ":" + password)));
        if (!basicAuth && style != RequestStyle.BasicOnly && _cookie is not null)
            request.Headers.Add("Cookie", _cookie);
        verbose?.WriteLine($"-> {method} {request.RequestUri}{(body is null ? "" : $" ({body.Headers.ContentLength} bytes)")}");
        return request;
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        if (string.Equals(charset, "windows-1251", StringComparison.OrdinalIgnoreCase))
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
    }
}
