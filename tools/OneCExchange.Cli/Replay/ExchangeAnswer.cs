namespace OneCExchange.Cli.Replay;

/// <summary>A text answer of the store split into lines: the keyword (success, progress, failure) and the rest.</summary>
public sealed record ExchangeAnswer(string Text)
{
    public IReadOnlyList<string> Lines { get; } = Text.Replace("\r\n", "\n").Split('\n');

    public string Keyword => Lines[0].Trim();

    public string Message => string.Join(" ", Lines.Skip(1)).Trim();

    /// <summary>The value of a "name=value" line (init's zip=, file_limit=; checkauth's sessid=, timestamp=).</summary>
    public string? Value(string name) =>
        Lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
}
