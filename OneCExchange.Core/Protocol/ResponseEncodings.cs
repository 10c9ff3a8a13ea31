using System.Text;

namespace OneCExchange.Core.Protocol;

/// <summary>The encodings 1C accepts for text answers: UTF-8 (default) or windows-1251.</summary>
public static class ResponseEncodings
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Get(string? name)
    {
        if (string.Equals(name?.Trim(), "windows-1251", StringComparison.OrdinalIgnoreCase))
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251);
        }
        return Utf8;
    }
}
