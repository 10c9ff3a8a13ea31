using System.Security.Cryptography;
using System.Text;

namespace OneCExchange.Core.Security;

/// <summary>Login and password from an HTTP Basic Authorization header.</summary>
public sealed record BasicCredentials(string Login, string Password)
{
    /// <summary>Parses "Basic base64(login:password)"; null when the header is absent or not Basic.</summary>
    public static BasicCredentials? Parse(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
            return null;
        var value = authorization.Trim();
        const string scheme = "Basic ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        string decoded;
        try
        {
            // 1C sends UTF-8; a login typed in another encoding simply fails to match.
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':');
        return colon < 0 ? null : new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }

    /// <summary>Checks login and password without revealing through timing which one was wrong or how much matched.</summary>
    public bool Matches(string login, string passwordHash)
    {
        var loginMatches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(Login)), SHA256.HashData(Encoding.UTF8.GetBytes(login)));
        var passwordMatches = PasswordHasher.Verify(Password, passwordHash);
        return loginMatches & passwordMatches && login.Length > 0;
    }
}
