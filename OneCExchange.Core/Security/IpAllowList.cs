using System.Net;
using System.Net.Sockets;

namespace OneCExchange.Core.Security;

/// <summary>The addresses allowed to call the exchange: single IPs or CIDR ranges; an empty list allows all.</summary>
public sealed class IpAllowList
{
    private readonly List<(byte[] Network, int PrefixLength)> _ranges;

    private IpAllowList(List<(byte[], int)> ranges) => _ranges = ranges;

    public bool AllowsAll => _ranges.Count == 0;

    /// <summary>Parses a comma, semicolon, space or newline separated list.</summary>
    /// <exception cref="FormatException">An entry is neither an IP address nor a CIDR range.</exception>
    public static IpAllowList Parse(string? list)
    {
        var ranges = new List<(byte[], int)>();
        foreach (var raw in (list ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = raw.IndexOf('/');
            var addressPart = slash < 0 ? raw : raw[..slash];
            if (!IPAddress.TryParse(addressPart, out var address))
                throw new FormatException($"Not an IP address or CIDR range: '{raw}'.");
            var bytes = Normalize(address).GetAddressBytes();
            var prefix = bytes.Length * 8;
            if (slash >= 0)
            {
                if (!int.TryParse(raw[(slash + 1)..], out var parsed) || parsed < 0 || parsed > prefix)
                    throw new FormatException($"Bad prefix length in '{raw}'.");
                prefix = parsed;
            }
            ranges.Add((bytes, prefix));
        }
        return new IpAllowList(ranges);
    }

    public bool Allows(IPAddress? address)
    {
        if (AllowsAll)
            return true;
        if (address is null)
            return false;
        var bytes = Normalize(address).GetAddressBytes();
        return _ranges.Any(r => r.Network.Length == bytes.Length && PrefixMatches(r.Network, bytes, r.PrefixLength));
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool PrefixMatches(byte[] network, byte[] candidate, int prefixLength)
    {
        var fullBytes = prefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
            if (network[i] != candidate[i])
                return false;
        var remainingBits = prefixLength % 8;
        if (remainingBits == 0)
            return true;
        var mask = (byte)(0xFF << (8 - remainingBits));
        return (network[fullBytes] & mask) == (candidate[fullBytes] & mask);
    }
}
