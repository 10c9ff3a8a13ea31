using System.Net;

namespace OneCExchange.Core.Security;

/// <summary>
/// The addresses allowed to call the exchange: single IPv4/IPv6 addresses and CIDR networks, separated by commas,
/// semicolons, spaces or new lines. An empty list allows any address.
/// </summary>
public sealed class IpAllowList
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];
    private readonly IReadOnlyList<IPNetwork> _networks;

    private IpAllowList(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    public bool AllowsAny => _networks.Count == 0;

    /// <summary>Parses the list; on failure <paramref name="invalidEntry"/> is the first entry that is not an address or network.</summary>
    public static bool TryParse(string? text, out IpAllowList list, out string? invalidEntry)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseEntry(entry, out var network))
            {
                list = new IpAllowList([]);
                invalidEntry = entry;
                return false;
            }
            networks.Add(network);
        }
        list = new IpAllowList(networks);
        invalidEntry = null;
        return true;
    }

    public bool Allows(IPAddress? address)
    {
        if (AllowsAny)
            return true;
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        foreach (var network in _networks)
            if (network.Contains(address))
                return true;
        return false;
    }

    private static bool TryParseEntry(string entry, out IPNetwork network)
    {
        network = default;
        // IPAddress.TryParse also takes shorthand such as "10" (0.0.0.10), which nobody means in an allow-list.
        var addressPart = entry.Split('/')[0];
        if (!addressPart.Contains(':') && addressPart.Count(c => c == '.') != 3)
            return false;
        if (entry.Contains('/'))
            // A network written with host bits ("10.0.0.1/8") is refused on every runtime: the admin likely mistyped.
            return IPNetwork.TryParse(entry, out network) && IPAddress.TryParse(addressPart, out var written)
                && network.BaseAddress.Equals(written);
        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}
