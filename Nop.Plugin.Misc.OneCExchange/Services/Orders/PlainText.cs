using System.Net;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OneCExchange.Services.Orders;

/// <summary>Turns the HTML descriptions nopCommerce stores on orders (attributes, checkout attributes) into plain text.</summary>
public static partial class PlainText
{
    public static string? FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        var text = LineBreak().Replace(html, "; ");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Trim().Trim(';').Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
