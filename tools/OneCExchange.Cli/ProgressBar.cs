namespace OneCExchange.Cli;

/// <summary>A one-line progress bar on a terminal, redrawn when the percentage changes.</summary>
public sealed class ProgressBar(TextWriter terminal)
{
    private const int Width = 30;
    private int _lastPercent = -1;
    private string? _lastFile;

    public void Show(string file, long done, long total)
    {
        var percent = total <= 0 ? 100 : (int)Math.Min(100, done * 100 / total);
        if (percent == _lastPercent && file == _lastFile)
            return;
        _lastPercent = percent;
        _lastFile = file;
        var filled = percent * Width / 100;
        terminal.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {file}");
        terminal.Flush();
    }

    public void Clear()
    {
        if (_lastPercent < 0)
            return;
        terminal.Write("\r" + new string(' ', Width + 8 + (_lastFile?.Length ?? 0)) + "\r");
        terminal.Flush();
    }
}
