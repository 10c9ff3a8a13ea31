namespace OneCExchange.Cli.Replay;

/// <summary>
/// What every command that talks to a store as 1C does takes: --url, --login, --password (required), --verbose, and
/// its own options; a missing one prints the reason and the command's usage.
/// </summary>
internal sealed record StoreOptions(CommandLine Line, Uri Url, string Login, string Password)
{
    /// <param name="usage">The command's usage line, after "usage: onec ".</param>
    /// <param name="required">The command's own options that must be given (besides url, login, password).</param>
    /// <param name="flags">The command's switches (besides verbose).</param>
    public static StoreOptions? Parse(string[] args, string usage, TextWriter error, string[] required, params string[] flags)
    {
        try
        {
            var line = new CommandLine(args, [.. flags, "verbose"]);
            if (required.Any(name => line.Get(name) is null) || line.Get("login") is not { } login
                || line.Get("password") is not { } password || !Uri.TryCreate(line.Get("url"), UriKind.Absolute, out var url))
            {
                var names = new[] { "url", "login", "password" }.Concat(required).Select(name => "--" + name).ToList();
                throw new ArgumentException($"{string.Join(", ", names[..^1])} and {names[^1]} are required.");
            }
            return new StoreOptions(line, url, login, password);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            error.WriteLine("usage: onec " + usage);
            return null;
        }
    }

    /// <summary>An HTTP client as 1C's: no cookie container (the client sends the session cookie), no redirects.</summary>
    public static HttpClient Http(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = timeout };

    /// <summary>The exchange client; with --verbose it writes every request and answer to <paramref name="output"/>.</summary>
    public ExchangeClient Client(HttpClient http, TextWriter output) =>
        new(http, Url, Login, Password, Line.Has("verbose") ? output : null);
}
