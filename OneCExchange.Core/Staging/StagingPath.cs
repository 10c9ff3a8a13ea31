namespace OneCExchange.Core.Staging;

/// <summary>
/// Turns a file name 1C (or a zip entry) gives into a safe path inside a staging folder. Sub-folders such as
/// import_files/ab/x.jpg are kept; anything that could leave the folder or be executed by a web server is refused.
/// </summary>
public static class StagingPath
{
    private const int MaxLength = 400;

    private static readonly HashSet<string> ForbiddenExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".pl", ".py", ".cgi", ".sh", ".bat", ".cmd",
        ".ps1", ".exe", ".dll", ".com", ".asp", ".aspx", ".ascx", ".ashx", ".asmx", ".axd", ".cshtml", ".vbhtml",
        ".razor", ".config", ".jsp", ".js", ".htm", ".html", ".shtml", ".htaccess",
    };

    /// <summary>The name with '/' separators, checked; throws <see cref="StagingException"/> when unsafe.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new StagingException("Не указано имя файла (filename).");
        if (name.Length > MaxLength)
            throw new StagingException("Слишком длинное имя файла.");
        var relative = name.Replace('\\', '/');
        if (relative.StartsWith('/') || relative.Contains(':') || relative.Any(char.IsControl))
            throw new StagingException($"Недопустимое имя файла: {name}");
        var segments = relative.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.Trim() != s || s.EndsWith('.')))
            throw new StagingException($"Недопустимое имя файла: {name}");
        if (segments.Any(s => ForbiddenExtensions.Contains(Path.GetExtension(s)) || s.StartsWith(".ht", StringComparison.OrdinalIgnoreCase)))
            throw new StagingException($"Недопустимый тип файла: {name}");
        return relative;
    }

    /// <summary>The absolute path of a checked name inside <paramref name="folder"/>; never outside it.</summary>
    public static string Resolve(string folder, string name) =>
        Within(folder, Normalize(name)) ?? throw new StagingException($"Недопустимое имя файла: {name}");

    /// <summary>
    /// The one "is this path inside that folder" rule: the absolute path of <paramref name="relativePath"/> ('/' or '\'
    /// separated) below <paramref name="folder"/>, or null when it is rooted, has a ".." segment or a control character,
    /// or does not land strictly inside the folder.
    /// </summary>
    public static string? Within(string folder, string relativePath)
    {
        var relative = relativePath.Replace('\\', '/');
        if (Path.IsPathRooted(relative) || relative.Any(char.IsControl) || relative.Split('/').Contains(".."))
            return null;
        var root = Path.GetFullPath(folder);
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.Length > prefix.Length && full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
