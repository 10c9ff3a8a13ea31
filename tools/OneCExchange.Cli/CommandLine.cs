namespace OneCExchange.Cli;

/// <summary>Minimal parsing of "--name value" options, "--flag" switches and positional arguments.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args, params string[] flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            if (flags.Contains(name))
                _options[name] = null;
            else if (i + 1 < args.Count)
                _options[name] = args[++i];
            else
                throw new ArgumentException($"--{name} needs a value");
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public int GetInt(string name, int defaultValue)
    {
        var text = Get(name);
        if (text == null)
            return defaultValue;
        return int.TryParse(text, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"--{name} needs a non-negative whole number, not \"{text}\"");
    }

    public IEnumerable<string> Names => _options.Keys;
}
