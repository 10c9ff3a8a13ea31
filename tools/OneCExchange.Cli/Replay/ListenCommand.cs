using System.Diagnostics;

namespace OneCExchange.Cli.Replay;

/// <summary>
/// `onec listen`: asks a store, as the 1C-Bitrix exchange module does, whether an order waits for 1C (type=listen).
/// The store answers success at once when one does, else waits up to its listen timeout and answers 304.
/// </summary>
public sealed class ListenCommand : ICommand
{
    public string Name => "listen";

    public string Usage => "listen --url <exchange-url> --login <login> --password <password> [--until-order] [--verbose]";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync([.. args], output, error).GetAwaiter().GetResult();

    /// <returns>0 when an order waits, 3 when the store answered 304, 1 on failure, 2 on bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        CommandLine line;
        Uri? url;
        try
        {
            line = new CommandLine(args, "until-order", "verbose");
            if (line.Get("login") is null || line.Get("password") is null || !Uri.TryCreate(line.Get("url"), UriKind.Absolute, out url))
                throw new ArgumentException("--url, --login and --password are required.");
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            error.WriteLine("usage: onec listen --url <exchange-url> --login <login> --password <password> [--until-order] [--verbose]");
            return 2;
        }
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(15) };
        var client = new ExchangeClient(http, url, line.Get("login")!, line.Get("password")!, line.Has("verbose") ? output : null);
        try
        {
            while (true)
            {
                var clock = Stopwatch.StartNew();
                var ordered = await client.ListenAsync(ct);
                output.WriteLine(ordered
                    ? $"success after {clock.Elapsed.TotalSeconds:0.0} s: an order waits for 1C (run the sale exchange)"
                    : $"304 after {clock.Elapsed.TotalSeconds:0.0} s: no order");
                if (ordered)
                    return 0;
                if (!line.Has("until-order"))
                    return 3;
            }
        }
        catch (ExchangeFailedException exception)
        {
            error.WriteLine($"failure at {exception.Request}: {exception.Answer}");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            error.WriteLine($"failure: {exception.Message}");
            return 1;
        }
    }
}
