namespace OneCExchange.Cli;

/// <summary>One sub-command of the onec tool; register it in <see cref="Program"/>'s list.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One usage line, e.g. "analyze &lt;file|folder|zip&gt; [--json]".</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}
