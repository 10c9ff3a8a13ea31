using System.Diagnostics;

namespace OneCExchange.Cli.Replay;

/// <summary>
/// `onec listen`: asks a store, as the 1C-Bitrix exchange module does, whether an order waits for 1C (type=listen).
/// The store answers success at once when one does, else waits up to its listen timeout and answers 304.
/// </summary>
public sealed class ListenCommand : ICommand
{
    public string Name => "listen";

    private const string UsageLine = "listen --url <exchange-url> --login <login> --password <password> [--until-order] [--verbose]";

    public string Usage => UsageLine;

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync([.. args], output, error).GetAwaiter().GetResult();

    /// <returns>0 when an order waits, 3 when the store answered 304, 1 on failure, 2 on bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (StoreOptions.Parse(args, UsageLine, error, [], "until-order") is not { } store)
            return 2;
        using var http = StoreOptions.Http(TimeSpan.FromMinutes(15));
        var client = store.Client(http, output);
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
                if (!store.Line.Has("until-order"))
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
