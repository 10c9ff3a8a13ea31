namespace OneCExchange.Cli.Replay;

/// <summary>The store answered failure (or something that is not a protocol answer).</summary>
public sealed class ExchangeFailedException(string request, string answer)
    : Exception($"{request}: {answer}")
{
    public string Request { get; } = request;
    public string Answer { get; } = answer;
}
