using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// Turns 1C text into HTML that is safe to render as is (nopCommerce shows descriptions unencoded).
/// Plain text is encoded; blank lines make paragraphs and line breaks stay line breaks. Text that already is HTML
/// (1C can send Описание with ФорматHTML) keeps a small allow-list of formatting tags; every attribute except a safe
/// href/src is dropped, script-like elements are dropped with their content, and open tags are closed.
/// </summary>
public static partial class SafeHtml
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "td", "th", "span", "div", "a", "img", "blockquote", "pre", "hr",
    };

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "img", "hr" };

    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "textarea", "select",
    };

    [GeneratedRegex(@"<(?:!--.*?-->|(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>""']|""[^""]*""|'[^']*')*)>)", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<[a-zA-Z/!]")]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"\b(href|src)\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

    /// <summary>Safe HTML of 1C text; null or blank gives null.</summary>
    public static string? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        return LooksLikeHtml().IsMatch(trimmed) ? Sanitize(trimmed) : FromPlainText(trimmed);
    }

    /// <summary>
    /// Safe HTML of text shown inline, as nopCommerce shows a short description: one line of plain text stays text,
    /// encoded, with no paragraph around it; anything else is as <see cref="From"/> makes it.
    /// </summary>
    public static string? InlineFrom(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || LooksLikeHtml().IsMatch(trimmed) || trimmed.AsSpan().IndexOfAny('\r', '\n') >= 0
            ? From(trimmed)
            : WebUtility.HtmlEncode(trimmed);
    }

    private static string FromPlainText(string text)
    {
        var builder = new StringBuilder(text.Length + 32);
        var paragraphs = text.Replace("\r\n", "\n").Replace('\r', '\n')
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            builder.Append("<p>");
            var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    builder.Append("<br />");
                builder.Append(WebUtility.HtmlEncode(lines[i]));
            }
            builder.Append("</p>");
        }
        return builder.ToString();
    }

    private static string Sanitize(string html)
    {
        var builder = new StringBuilder(html.Length);
        var open = new List<string>();
        string? dropping = null;
        var position = 0;
        foreach (Match match in Tag().Matches(html))
        {
            if (dropping == null)
                AppendText(builder, html[position..match.Index]);
            position = match.Index + match.Length;
            if (!match.Groups[2].Success)
                continue; // a comment
            var closing = match.Groups[1].Length > 0;
            var name = match.Groups[2].Value.ToLowerInvariant();
            if (dropping != null)
            {
                if (closing && name == dropping)
                    dropping = null;
                continue;
            }
            if (DroppedWithContent.Contains(name))
            {
                if (!closing && !match.Groups[3].Value.TrimEnd().EndsWith('/'))
                    dropping = name;
                continue;
            }
            if (!AllowedTags.Contains(name))
                continue;
            if (closing)
            {
                var index = open.LastIndexOf(name);
                if (index < 0)
                    continue;
                for (var i = open.Count - 1; i >= index; i--)
                    builder.Append("</").Append(open[i]).Append('>');
                open.RemoveRange(index, open.Count - index);
                continue;
            }
            builder.Append('<').Append(name);
            if (name is "a" or "img" && SafeUrl(match.Groups[3].Value, name == "a" ? "href" : "src") is { } url)
                builder.Append(name == "a" ? " href=\"" : " src=\"").Append(WebUtility.HtmlEncode(url)).Append('"');
            if (VoidTags.Contains(name))
            {
                builder.Append(" />");
                continue;
            }
            builder.Append('>');
            open.Add(name);
        }
        if (dropping == null)
            AppendText(builder, html[position..]);
        for (var i = open.Count - 1; i >= 0; i--)
            builder.Append("</").Append(open[i]).Append('>');
        return builder.ToString();
    }

    private static void AppendText(StringBuilder builder, string text)
    {
        if (text.Length > 0)
            builder.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(text)));
    }

    private static string? SafeUrl(string attributes, string attribute)
    {
        foreach (Match match in UrlAttribute().Matches(attributes))
        {
            if (!match.Groups[1].Value.Equals(attribute, StringComparison.OrdinalIgnoreCase))
                continue;
            var url = WebUtility.HtmlDecode(match.Groups[2].Success ? match.Groups[2].Value
                : match.Groups[3].Success ? match.Groups[3].Value : match.Groups[4].Value).Trim();
            var colon = url.IndexOf(':');
            var slash = url.IndexOf('/');
            var relative = colon < 0 || (slash >= 0 && slash < colon);
            if (relative || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || (attribute == "href" && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
                return url;
        }
        return null;
    }
}
